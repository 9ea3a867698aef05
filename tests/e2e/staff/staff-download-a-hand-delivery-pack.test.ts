// Staff choose an addressee and a period and download its hand-delivery pack
// (PDF and CSV); a bad period is named at the top and beside its field; a
// signed-out request for the files is refused.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { seedCampaign } from "@/lib/campaigns/seed-campaign";
import { db } from "@/lib/core/db";
import { encryptText } from "@/lib/privacy/encryption";
import { signInAs } from "../../helpers/e2e-staff";

const slug = "h17-hand-delivery";
const dayMs = 86_400_000;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** A campaign whose one addressee (UTC) has two letters whose text we hold, from France and Germany. */
async function addresseeWithLetters(): Promise<string> {
  process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL;
  const key = `${slug}-official`;
  const existing = await db().addressee.findUnique({ where: { key } });
  if (existing) return existing.id;
  // Written out here, not from tests/helpers/factories (JSON catalogues the e2e runner cannot import).
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
        key,
        name: "Pack Official",
        role: "Minister",
        kind: "official",
        emails: ["pack.official@example.org"],
        lastVerifiedOn: "2026-01-01",
      },
    ],
    templates: { en: { subject: "Subject", body: "{{salutation}}\n\n{{demands}}\n\n{{signer}}" } },
  });
  const campaign = await db().campaign.findUniqueOrThrow({ where: { slug } });
  const addressee = await db().addressee.findUniqueOrThrow({ where: { key } });
  for (const country of ["FR", "DE"]) {
    const signature = await db().signature.create({
      data: {
        campaignId: campaign.id,
        country,
        identityLevel: "anonymous",
        language: "en",
        consentCounted: true,
        countedAt: new Date(),
      },
    });
    const letter = await db().letter.create({
      data: {
        signatureId: signature.id,
        campaignId: campaign.id,
        addresseeId: addressee.id,
        channel: "platform_email",
        language: "en",
        status: "failed",
      },
    });
    const at = (column: "subjectEncrypted" | "bodyEncrypted") => ({
      table: "PlatformLetter" as const,
      column,
      row: letter.id,
    });
    await db().platformLetter.create({
      data: {
        letterId: letter.id,
        subjectEncrypted: encryptText("Free the defenders", at("subjectEncrypted")),
        bodyEncrypted: encryptText(`Dear Minister,\n\nPlease act.\n\nA supporter from ${country}`, at("bodyEncrypted")),
        purgeAfter: new Date(Date.now() + 30 * dayMs),
      },
    });
  }
  return addressee.id;
}

test("staff download the pack of an addressee's letters, after a bad period is named", async ({ page, browser }) => {
  const addresseeId = await addresseeWithLetters();
  await signInAs(page, "staff");
  await page.getByRole("link", { name: "Hand-delivery pack" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hand-delivery pack");

  await page.getByLabel("Addressee").selectOption({ label: `Pack Official (${slug}-official)` });
  await page.getByLabel("From").fill("2026-03-10");
  await page.getByLabel("To (inclusive)").fill("2026-03-01");
  await page.getByRole("button", { name: "Prepare the pack" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "The pack cannot be prepared:" });
  await expect(summary).toContainText("The end of the period comes before its start.");
  await expect(page.locator("#to-error")).toHaveText("The end of the period comes before its start.");
  await expect(page.getByLabel("To (inclusive)")).toHaveAttribute("aria-invalid", "true");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  await page.getByLabel("From").fill(isoDay(Date.now() - dayMs));
  await page.getByLabel("To (inclusive)").fill(isoDay(Date.now() + dayMs));
  await page.getByRole("button", { name: "Prepare the pack" }).click();
  const pack = page.getByTestId("hand-delivery-pack");
  await expect(pack).toContainText("2 letters to Pack Official in this period.");

  const pdfHref = await pack.getByRole("link", { name: "Download the PDF" }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const csv = await page.request.get(
    (await pack.getByRole("link", { name: "Download the CSV of the figures" }).getAttribute("href"))!,
  );
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("letters,,Letters,2");
  expect(text).toContain("letters_by_country,FR,France,1");
  expect(text).toContain("letters_by_country,DE,Germany,1");

  // Signed out, the same links are refused.
  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const refused = await stranger.request.get(pdfHref!, { maxRedirects: 0 });
  expect(refused.status()).toBe(401);
  expect(
    (
      await stranger.request.get(`/staff/hand-delivery/csv?addressee=${addresseeId}&from=2026-01-01&to=2026-01-31`)
    ).status(),
  ).toBe(401);
  await stranger.close();
});
