// Letters a supporter sends themselves, in a real browser: one email for the
// two addressees who share an address, webmail links that carry the letter,
// a long letter offered as .eml and text (with the reason, no link a mail app
// would cut), no copy button where no script can copy, and "I sent them"
// counting each letter once, with JavaScript and without.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

// A whole flow and an axe analysis per test, on a machine that may be busy.
test.describe.configure({ timeout: 300_000 });

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const sentence = "Free the human rights defenders and lift the ban on Amnesty International.";

async function signWithOwnEmail(page: Page, body: string, scripted: boolean, contactEmail?: string) {
  await page.goto("/c/russia-amnesty-undesirable/write");
  await page.getByLabel(/Your country/).selectOption("DE");
  if (contactEmail) {
    await page.getByLabel(/Your email address/).fill(contactEmail);
    await page.getByRole("checkbox", { name: /The organisers may email me about this appeal/ }).check();
  }
  await page.getByLabel(/^Letter/).fill(`{{salutation}}\n\n${body}\n\n{{signer}}`);
  await page.getByRole("radio", { name: /from my own email/ }).check();
  await page.getByRole("checkbox", { name: /Count my signature/ }).check();
  // With JavaScript the proof of work runs in the background first.
  if (scripted) await expect(page.locator("input[name=altcha]")).toHaveValue(/^eyJ/, { timeout: 60_000 });
  await page.getByRole("button", { name: "Sign and get my letters" }).click();
  const thanks = page.getByTestId("thank-you");
  await expect(thanks.getByRole("heading", { level: 1 })).toHaveText("Thank you");
  return thanks;
}

/** After signing: ask others to write, through the campaign's plain share links and its warning. */
async function expectShareLinks(thanks: Locator) {
  const share = thanks.getByRole("region", { name: "Share this appeal" });
  await expect(share).toContainText("do not share this appeal");
  await expect(share.getByRole("link", { name: "Telegram", exact: true })).toHaveAttribute(
    "href",
    /^https:\/\/t\.me\/share\/url\?url=.*%2Fc%2Frussia-amnesty-undesirable/,
  );
  await expect(share.locator("img, script, iframe")).toHaveCount(0);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a long letter is offered as .eml and text with the reason, and “I sent them” counts once", async ({ page }) => {
    const thanks = await signWithOwnEmail(page, Array.from({ length: 30 }, () => sentence).join(" "), false);
    const emails = thanks.getByTestId("email-output");
    // Ministry, Prosecutor General, FSB, and one for Geneva and Brussels at their shared address.
    await expect(emails).toHaveCount(4);
    await expect(emails.filter({ hasText: "Permanent Mission" })).toContainText(
      "Embassy of the Russian Federation in Brussels",
    );
    await expect(emails.first()).toContainText("This letter is too long to open from a link");
    await expect(emails.locator('a[href^="mailto:"][href*="body="]')).toHaveCount(0);
    await expect(emails.first().getByRole("link", { name: /New message in my mail app/ })).toHaveAttribute(
      "href",
      /^mailto:ministry@mid\.ru\?subject=/,
    );
    await expect(emails.first().getByRole("button", { name: "Email file (.eml) for this address" })).toBeVisible();
    // The text to copy is there; a copy button that could not copy is not.
    await expect(thanks.getByLabel("All your letters as text")).toHaveValue(new RegExp(sentence));
    await expect(thanks.getByRole("button", { name: "Copy to clipboard" })).toHaveCount(0);
    await expectShareLinks(thanks);

    const token = await thanks.locator('input[name="token"]').inputValue();
    const lavrov = await thanks.getByRole("checkbox", { name: "To Sergey Lavrov" }).getAttribute("value");
    await thanks.getByRole("checkbox", { name: "To Sergey Lavrov" }).check();
    await thanks.getByRole("checkbox", { name: /To Permanent Mission.*Brussels/ }).check();
    await thanks.getByRole("button", { name: "Count the ticked letters as sent" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you — counted as sent");
    await expect(page.getByRole("status")).toHaveText("3 letters are now counted as sent. Thank you for writing.");

    // The same report once more (a reload, a second tab) counts nothing twice.
    const again = await page.request.post("/c/russia-amnesty-undesirable/letters/report", {
      form: { token, letters: lavrov!, lang: "en" },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(303);
    expect(again.headers().location).toBe("/c/russia-amnesty-undesirable/letters/sent?result=already&lang=en");
  });
});

test("with JavaScript, a short letter opens in the supporter's own webmail, and the copy button appears", async ({
  page,
}) => {
  const thanks = await signWithOwnEmail(page, sentence, true, "reader@example.org");
  // The address is for hearing from the organisers: its owner confirms it first, and is told so.
  await expect(thanks.getByText(/we are emailing you a link to confirm your address/)).toBeVisible();
  const ministry = thanks.getByTestId("email-output").first();
  const gmail = ministry.getByRole("link", { name: "Gmail" });
  await expect(gmail).toHaveAttribute(
    "href",
    /^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&to=ministry@mid\.ru&su=.+&body=.+/,
  );
  await expect(gmail).toHaveAttribute("rel", "noreferrer noopener");
  await expect(ministry.getByRole("link", { name: "Outlook.com" })).toHaveAttribute(
    "href",
    /^https:\/\/outlook\.live\.com\/mail\/0\/deeplink\/compose\?to=ministry@mid\.ru&subject=.+&body=/,
  );
  await expect(ministry.getByRole("link", { name: "Open in my mail app" })).toHaveAttribute(
    "href",
    /^mailto:ministry@mid\.ru\?subject=.+&body=.+/,
  );
  await expect(thanks.getByText(/If you are in Russia: Yandex is a Russian company/)).toBeVisible();
  await expect(thanks.getByRole("button", { name: "Copy to clipboard" })).toBeVisible();
  await expectShareLinks(thanks);
  // axe runs as a script in the page, so here, where scripts run.
  const axe = await new AxeBuilder({ page }).include('[data-testid="thank-you"]').withTags(wcag).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
