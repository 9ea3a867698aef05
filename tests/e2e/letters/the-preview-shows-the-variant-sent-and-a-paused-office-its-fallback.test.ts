// Letters vary (the template's openings and closings, drawn per letter):
// the preview shows the very variant that is stored and sent, with the
// supporter's own words first; an office whose email is paused shows its
// fallback instead of our sending. With JavaScript on and off.
import { expect, test, type Page } from "@playwright/test";
import { seedCampaign } from "@/lib/campaigns/seed-campaign";
import { db } from "@/lib/core/db";
import { decryptText } from "@/lib/privacy/encryption";

const openings = ["Opening one, short.", "Opening two, a little longer.", "Opening three, the last."];
const closings = ["Closing one.", "Closing two.", "Closing three."];

/** A campaign of its own (tests run in parallel): one office that takes email, two whose email is paused. */
async function campaignWithVariants(slug: string) {
  process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL;
  if (await db().campaign.findUnique({ where: { slug } })) return;
  // Written out here: tests/helpers/factories reaches the message catalogues, which the e2e runner cannot import.
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
        key: `${slug}-open`,
        name: "Olga Open",
        role: "Minister",
        kind: "official",
        emails: [`open@${slug}.example.org`],
        salutation: "Dear Minister,",
        lastVerifiedOn: "2026-01-01",
      },
      {
        key: `${slug}-form`,
        name: "Fyodor Form",
        role: "Prosecutor",
        kind: "official",
        emails: [`form@${slug}.example.org`],
        lastVerifiedOn: "2026-01-01",
      },
      {
        key: `${slug}-post`,
        name: "Pavel Post",
        role: "Director",
        kind: "official",
        emails: [`post@${slug}.example.org`],
        postalAddress: "Lubyanka 2\n107031 Moscow",
        lastVerifiedOn: "2026-01-01",
      },
    ],
    templates: {
      en: {
        subject: "Please act",
        body: "{{salutation}}\n\nI urge you to:\n\n{{demands}}\n\nYours faithfully,\n\n{{signer}}",
        openingVariants: openings,
        closingVariants: closings,
      },
    },
  });
  // Paused by an admin, with its web form; and paused after bounces, with its postal address.
  await db().addressee.update({
    where: { key: `${slug}-form` },
    data: { status: "paused", fallback: "web_form", webFormUrl: "https://form.example.gov.ru/write" },
  });
  await db().addressee.update({ where: { key: `${slug}-post` }, data: { fallback: "post" } });
  await db().mailAddressHealth.upsert({
    where: { address: `post@${slug}.example.org` },
    create: { address: `post@${slug}.example.org`, hardBounces: 3, pausedAt: new Date(), pauseReason: "550" },
    update: {},
  });
}

/** The newest letter our server is to send to the open office, as stored (encrypted). */
async function storedLetterText(slug: string) {
  const letter = await db().letter.findFirstOrThrow({
    where: { campaign: { slug }, channel: "platform_email", addressee: { key: `${slug}-open` } },
    include: { content: true },
    orderBy: { createdAt: "desc" },
  });
  const open = (column: "subjectEncrypted" | "bodyEncrypted") =>
    decryptText(letter.content![column], { table: "PlatformLetter", column, row: letter.id });
  return { subject: open("subjectEncrypted"), text: open("bodyEncrypted") };
}

async function writeAndSign(page: Page, slug: string, scripted: boolean) {
  await page.goto(`/c/${slug}/write?lang=en`);

  // The paused offices are listed with what to do instead, and "send for me" is not for them.
  const fallbacks = page.getByTestId("fallback");
  await expect(fallbacks).toHaveCount(2);
  await expect(fallbacks.first()).toContainText("Email to this office is paused");
  await expect(fallbacks.first().getByRole("link", { name: "open the web form" })).toHaveAttribute(
    "href",
    "https://form.example.gov.ru/write",
  );
  await expect(fallbacks.nth(1)).toContainText("Lubyanka 2");
  await expect(fallbacks.nth(1)).toContainText("107031 Moscow");

  // Asking our server to send to a paused office is refused, saying why; nothing typed is lost.
  await page.getByLabel(/Your country/).selectOption("PT");
  await page.getByLabel(/Your own words/).fill("I visited Moscow in 2019 and met your colleagues.");
  await page.getByRole("radio", { name: /Send them for me/ }).check();
  await page.getByLabel(/Your email address/).fill(`${slug}@example.org`);
  await page.getByRole("checkbox", { name: /carry the identity I chose/ }).check();
  await page.getByRole("checkbox", { name: /Count my signature/ }).check();
  if (scripted) {
    await expect(page.getByTestId("platform-paused")).toContainText("Fyodor Form, Pavel Post");
    await expect(page.locator("input[name=altcha]")).toHaveValue(/^eyJ/, { timeout: 60_000 });
  }
  await page.getByRole("button", { name: "Sign and get my letters" }).click();
  await expect(
    page.getByText("Our server cannot send to an office you chose: its email is paused.").first(),
  ).toBeVisible();
  await expect(page.getByLabel(/Your own words/)).toHaveValue("I visited Moscow in 2019 and met your colleagues.");

  // Only the office that takes email, then the preview.
  await page.getByRole("checkbox", { name: /Fyodor Form/ }).uncheck();
  await page.getByRole("checkbox", { name: /Pavel Post/ }).uncheck();
  // The shared e2e database may hold an embassy in the supporter's country (another test imports
  // embassies); the builder then adds it, ticked. It is not the office this test is about.
  const embassy = page.getByRole("checkbox", { name: /^Also write to the Embassy/ });
  if ((await embassy.count()) > 0) await embassy.uncheck();
  if (!scripted) await page.getByRole("button", { name: "Update the preview" }).click();
  const previews = page.getByTestId("letter-preview");
  await expect(previews).toHaveCount(1);
  await expect(previews.first()).toContainText("I visited Moscow in 2019");
  const shown = (await previews.first().locator(".letter-text").textContent())!;
  const subject = (await previews.first().locator("strong").textContent())!;
  const paragraphs = shown.split("\n\n");
  expect(paragraphs[0]).toBe("Dear Minister,");
  expect(paragraphs[1]).toBe("I visited Moscow in 2019 and met your colleagues.");
  expect(openings).toContain(paragraphs[2]);
  expect(closings.some((c) => shown.includes(c))).toBe(true);

  if (scripted) await expect(page.locator("input[name=altcha]")).toHaveValue(/^eyJ/, { timeout: 60_000 });
  await page.getByRole("button", { name: "Sign and get my letters" }).click();
  await expect(page.getByTestId("thank-you").getByRole("heading", { level: 1 })).toHaveText("Thank you");

  // What is stored to be sent is what the preview showed.
  const stored = await storedLetterText(slug);
  expect(stored.text).toBe(shown);
  expect(stored.subject).toBe(subject);
}

test.describe("with JavaScript", () => {
  const slug = "variants-with-js";
  test.beforeAll(() => campaignWithVariants(slug));
  test("the live preview shows the variant that is stored; paused offices show their fallback", async ({ page }) => {
    await writeAndSign(page, slug, true);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  const slug = "variants-without-js";
  test.beforeAll(() => campaignWithVariants(slug));
  test("the preview shows the variant that is stored; paused offices show their fallback", async ({ page }) => {
    await writeAndSign(page, slug, false);
  });
});
