// A short version of the hostile-input sweep for every run (the full one,
// every attack string in every field, is tests/reliability/hostile-input-gets-
// clear-answers-and-no-5xx.test.ts): a letter made of attack strings goes
// through the letter form with JavaScript on and off and stays text, and a
// sample of the strings gets 4xx answers, never 5xx, from the API and pages.
import { readFileSync } from "node:fs";
import { simpleParser } from "mailparser";
import { expect, test, type Page } from "@playwright/test";
import { attackGroups, attacks } from "../../fixtures/attack-strings";
import { mailProblems } from "../../helpers/hostile-mail";
import { encodeComponent } from "../../helpers/hostile-requests";

const slug = "russia-amnesty-undesirable";
const subject = `"><img src=x onerror=window.__pwned=1>{{constructor}}`;
const name = "<svg onload=alert(1)>";
const city = '=HYPERLINK("https://evil.example")';
// Script payloads that fit a letter, and two placeholders that are not ours.
const payloads = attackGroups.scriptInjection
  .filter((p) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(p))
  .slice(0, 60);
const body = `{{salutation}}\n\n{{constructor}} {{__proto__}}\n\n${payloads.join("\n\n")}\n\n{{signer}}`.slice(
  0,
  7_900,
);

/** Records any payload that runs; checked at the end. */
async function watchForPayloads(page: Page): Promise<string[]> {
  const ran: string[] = [];
  page.on("dialog", (dialog) => {
    ran.push(`${dialog.type()}(${dialog.message()})`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    Object.defineProperty(window, "__pwned", { set: () => document.documentElement.setAttribute("data-pwned", "1") });
  });
  return ran;
}

async function fillHostileLetter(page: Page) {
  await page.goto(`/c/${slug}/write`);
  // Iceland: other tests count signatures from France and Germany.
  await page.getByLabel(/Your country/).selectOption("IS");
  await page.getByLabel(/^Subject/).fill(subject);
  await page.getByLabel(/^Letter/).fill(body);
  await page.getByRole("radio", { name: "Full name, city and country" }).check();
  await page.getByLabel(/Your name/).fill(name);
  await page.getByLabel(/Your city/).fill(city);
}

async function expectNothingRan(page: Page, ran: string[]) {
  expect(ran).toEqual([]);
  await expect(page.locator("html[data-pwned]")).toHaveCount(0);
  await expect(page.locator("img[onerror], svg[onload], [onfocus], [onmouseover], iframe, object, embed")).toHaveCount(
    0,
  );
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a letter made of attack strings is previewed, signed and downloaded as text", async ({ page }, testInfo) => {
    const ran = await watchForPayloads(page);
    await fillHostileLetter(page);
    await page.getByRole("button", { name: "Update the preview" }).click();
    const preview = page.getByTestId("letter-preview").first();
    await expect(preview).toContainText(subject);
    await expect(preview).toContainText("{{constructor}} {{__proto__}}");
    await expect(preview).toContainText(payloads[0]!);
    await expect(preview).toContainText(`${name}, ${city}, Iceland`);

    await page.getByRole("radio", { name: /print or post them/ }).check();
    await page.getByRole("checkbox", { name: /Count my signature/ }).check();
    await page.getByRole("button", { name: "Sign and get my letters" }).click();
    await expect(page.getByTestId("thank-you").getByRole("heading", { level: 1 })).toHaveText("Thank you");
    await expectNothingRan(page, ran);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /\.eml/ }).click();
    const file = testInfo.outputPath("letter.eml");
    await (await download).saveAs(file);
    const mail = await simpleParser(readFileSync(file));
    expect(
      mailProblems(
        { parsed: mail },
        {
          recipients: new Set(["ministry@mid.ru", "pressa@genproc.gov.ru", "fsb@fsb.ru", "mission.russian@vtxnet.ch"]),
          extraHeaders: ["x-unsent"],
        },
      ),
    ).toEqual([]);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain("{{constructor}} {{__proto__}}");
    expect(mail.text).toContain(payloads[1]!);
  });
});

test.describe("with JavaScript", () => {
  test("a letter made of attack strings is previewed as you type and signed, and nothing in it runs", async ({
    page,
  }) => {
    const ran = await watchForPayloads(page);
    await fillHostileLetter(page);
    const preview = page.getByTestId("letter-preview").first();
    await expect(preview).toContainText(subject);
    await expect(preview).toContainText(`${name}, ${city}, Iceland`);
    await page.getByRole("radio", { name: /print or post them/ }).check();
    await page.getByRole("checkbox", { name: /Count my signature/ }).check();
    await page.getByRole("button", { name: "Sign and get my letters" }).click();
    const thanks = page.getByTestId("thank-you");
    await expect(thanks.getByRole("heading", { level: 1 })).toHaveText("Thank you");
    await expect(thanks).toContainText(payloads[2]!);
    await expectNothingRan(page, ran);
  });
});

test("a sample of the attack strings gets 4xx answers naming the problem, never 5xx", async ({ request }) => {
  const sample = attacks.filter((_, i) => i % 8 === 0).map((a) => a.value);
  const statuses = new Map<number, number>();
  const seen = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  for (const value of sample) {
    const signature = await request.post(`/api/campaigns/${slug}/signatures`, {
      data: {
        addressees: [value],
        language: value,
        subject: value,
        body: value,
        country: value,
        channel: value,
        consentCounted: value,
      },
    });
    seen(signature.status());
    expect(signature.status(), value).toBeGreaterThanOrEqual(400);
    expect(signature.status(), value).toBeLessThan(500);
    const error = (await signature.json()) as { error: { message: string; fields?: Record<string, string[]> } };
    expect(error.error.message).toMatch(/^[A-Z]/);
    if (signature.status() !== 413)
      expect(Object.keys(error.error.fields ?? {})).toEqual(expect.arrayContaining(["addressees", "channel"]));

    for (const url of [
      `/api/campaigns?lang=${encodeComponent(value)}`,
      `/c/${encodeComponent(value)}`,
      `/c/${slug}/confirm?token=${encodeComponent(value)}`,
      `/privacy/delete?token=${encodeComponent(value)}`,
    ]) {
      const answer = await request.get(url, { maxRedirects: 0 });
      seen(answer.status());
      expect(answer.status(), url.slice(0, 120)).toBeLessThan(500);
    }
  }
  expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
});
