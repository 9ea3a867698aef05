// The export path in a browser with JavaScript off (as in Tor Browser's
// safest mode): the form, its errors and preview, then a PDF and an .eml
// checked with a real PDF reader and a real mail parser.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { simpleParser } from "mailparser";
import { expect, test } from "@playwright/test";

test.use({ javaScriptEnabled: false });

const sentence = "Свободу правозащитникам — liberté, égalité!";

test("a supporter without JavaScript previews, signs and downloads a PDF and an .eml", async ({ page }, testInfo) => {
  await page.goto("/c/russia-amnesty-undesirable/write");

  // A mistake first: no consent to be counted. The error is shown, nothing typed is lost.
  await page.getByLabel(/Your country/).selectOption("DE");
  await page.getByLabel(/^Letter/).fill(`{{salutation}}\n\n${sentence}\n\n{{signer}}`);
  await page.getByRole("radio", { name: "Full name, city and country" }).check();
  await page.getByLabel(/Your name/).fill("Jörg Müller");
  await page.getByLabel(/Your city/).fill("Köln");
  await page.getByRole("button", { name: "Sign and get my letters" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Tick the box to let us count your signature" }),
  ).toBeVisible();
  await expect(page.getByLabel(/^Letter/)).toHaveValue(`{{salutation}}\n\n${sentence}\n\n{{signer}}`);
  await expect(page.getByLabel(/Your city/)).toHaveValue("Köln");

  await page.getByRole("button", { name: "Update the preview" }).click();
  const previews = page.getByTestId("letter-preview");
  await expect(previews).toHaveCount(7);
  await expect(previews.nth(2)).toContainText("Dear Minister,");
  await expect(previews.nth(2)).toContainText("Jörg Müller, Köln, Germany");

  await page.getByRole("radio", { name: /print or post them/ }).check();
  await page.getByRole("checkbox", { name: /Count my signature/ }).check();
  await page.getByRole("button", { name: "Sign and get my letters" }).click();
  await expect(page.getByTestId("thank-you").getByRole("heading", { level: 1 })).toHaveText("Thank you");

  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "PDF, A4" }).click();
  const pdfPath = testInfo.outputPath("letters.pdf");
  await (await pdfDownload).saveAs(pdfPath);
  const pdfText = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
  expect(pdfText).toContain(sentence);
  expect(pdfText).toContain("Jörg Müller, Köln, Germany");
  expect(pdfText).toContain("Sergey Lavrov");
  expect(execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" })).toMatch(/Pages:\s+7/);

  const emlDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: /\.eml/ }).click();
  const emlPath = testInfo.outputPath("letter.eml");
  await (await emlDownload).saveAs(emlPath);
  const mail = await simpleParser(readFileSync(emlPath));
  const to = (Array.isArray(mail.to) ? mail.to : [mail.to!]).flatMap((t) => t.value.map((v) => v.address));
  expect(to).toEqual(["ministry@mid.ru", "pressa@genproc.gov.ru", "fsb@fsb.ru", "mission.russian@vtxnet.ch"]);
  expect(mail.subject).toBe("Remove Amnesty International from the list of “undesirable organisations”");
  expect(mail.text).toContain(sentence);
  expect(mail.headers.get("x-unsent")).toBe("1");
});
