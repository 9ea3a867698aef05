// Campaign staff write the one outcome update of a campaign and language:
// they see the exact email first, then "Send to N supporters" with N counted
// from supporters who agreed to be contacted and confirmed their address
// (never who they are), with JavaScript off as well as on; problems are
// listed at the top and beside their field, and nothing typed is lost.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { seedCampaign } from "@/lib/campaigns/seed-campaign";
import { db } from "@/lib/core/db";
import { encryptText } from "@/lib/privacy/encryption";
import { signInAs } from "../../helpers/e2e-staff";

const withoutScript = "h6-update-without-js";
const withScript = "h6-update-with-js";

/** A campaign with two supporters who may be written to and one who may not. */
// Each test makes its own campaign (tests run in parallel workers, each with its own beforeAll).
async function campaignWithSupporters(slug: string) {
  process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL;
  if (await db().campaign.findUnique({ where: { slug } })) return;
  // Written out here, not from tests/helpers/factories: that one reaches the
  // message catalogues (JSON modules), which the e2e runner cannot import.
  await seedCampaign({
    slug,
    status: "open",
    organiser: "Test organiser",
    languages: ["en"],
    translations: {
      en: { title: `Title of ${slug}`, summary: "S.", context: "C.", whyItMatters: "W.", safetyNotice: "Be careful." },
    },
    demands: [{ en: "Only demand." }],
    addressees: [
      {
        key: `${slug}-official`,
        name: "An Official",
        role: "Minister",
        kind: "official",
        emails: ["official@example.org"],
        lastVerifiedOn: "2026-01-01",
      },
    ],
    templates: { en: { subject: "Subject", body: "{{salutation}}\n\n{{demands}}\n\n{{signer}}" } },
  });
  const campaign = await db().campaign.findUniqueOrThrow({ where: { slug } });
  for (const [index, consentContact] of [true, true, false].entries()) {
    const signature = await db().signature.create({
      data: {
        campaignId: campaign.id,
        country: "FR",
        identityLevel: "anonymous",
        language: "en",
        consentCounted: true,
        countedAt: new Date(),
      },
    });
    await db().supporterContact.create({
      data: {
        signatureId: signature.id,
        emailEncrypted: encryptText(`${slug}-${index}@example.org`, {
          table: "SupporterContact",
          column: "emailEncrypted",
          row: signature.id,
        }),
        consentContact,
        emailConfirmedAt: new Date(),
        purgeAfter: new Date(),
      },
    });
  }
}

/** Each state of the form (with problems, the preview) has no WCAG A/AA violation either. */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("staff preview the exact email, then send it to the number shown, once", async ({ page }) => {
    await campaignWithSupporters(withoutScript);
    await signInAs(page, "staff");
    await page.goto("/staff/updates?lang=en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Outcome update");
    await page
      .getByLabel("Campaign and language")
      .selectOption({ label: `Title of ${withoutScript}, English: 2 supporters` });
    await page.getByLabel("Subject").fill("The minister answered");
    await page.getByLabel("Message").fill("The ministry wrote back.\n\nThank you for your letters.");
    await page.getByRole("button", { name: "Preview the email" }).click();

    const preview = page.getByTestId("update-preview");
    await expect(preview).toContainText("Subject: The minister answered");
    await expect(preview).toContainText(
      `You wrote for the campaign “Title of ${withoutScript}” and agreed that we may contact you.`,
    );
    await expect(preview).toContainText("The ministry wrote back.");
    await expect(preview).toContainText("Delete my data now:");
    // No address, no name: staff see how many, never who.
    await expect(page.locator("main")).not.toContainText("@example.org");
    await page.getByRole("button", { name: "Send to 2 supporters" }).click();

    await expect(page.getByTestId("update-sent")).toHaveText("The update is on its way to 2 supporters.");
    const campaign = await db().campaign.findUniqueOrThrow({ where: { slug: withoutScript } });
    expect(await db().outcomeUpdate.findMany({ where: { campaignId: campaign.id } })).toMatchObject([
      { language: "en", queuedCount: 2, subject: "The minister answered" },
    ]);
    await page.goto("/staff/updates?lang=en");
    const row = page
      .getByTestId("updates-table")
      .getByRole("row")
      .filter({ hasText: `Title of ${withoutScript}` });
    await expect(row).toContainText("To 2 supporters");
    // Sent once: the campaign's English update is no longer offered.
    await expect(page.getByRole("option", { name: new RegExp(`Title of ${withoutScript}, English`) })).toHaveCount(0);
  });
});

test("problems are listed at the top and beside their field, and the text stays", async ({ page }) => {
  await campaignWithSupporters(withScript);
  await signInAs(page, "staff");
  await page.goto("/staff/updates?lang=en");
  await page
    .getByLabel("Campaign and language")
    .selectOption({ label: `Title of ${withScript}, English: 2 supporters` });
  await page.getByLabel("Message").fill("Kept as typed.");
  await page.getByRole("button", { name: "Preview the email" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: "Enter a subject." })).toHaveAttribute("href", "#subject");
  await expect(page.getByLabel("Subject")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Message")).toHaveValue("Kept as typed.");
  await expectNoViolations(page);

  // A message far over the limit is named as too long and comes back whole, not dropped.
  const long = "A long message. ".repeat(4_000);
  await page.getByLabel("Subject").fill("News");
  await page.getByLabel("Message").fill(long);
  await page.getByRole("button", { name: "Preview the email" }).click();
  await expect(summary.getByRole("link", { name: "Use at most 10,000 characters for the message." })).toHaveAttribute(
    "href",
    "#body",
  );
  await expect(page.getByLabel("Message")).toHaveValue(long);
  await expect(page.getByLabel("Subject")).toHaveValue("News");

  await page.getByLabel("Message").fill("Kept as typed.");
  await page.getByRole("button", { name: "Preview the email" }).click();
  await expect(page.getByRole("button", { name: "Send to 2 supporters" })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole("button", { name: "Change the text" }).click();
  await expect(page.getByLabel("Subject")).toHaveValue("News");
  await expect(page.getByLabel("Message")).toHaveValue("Kept as typed.");
});
