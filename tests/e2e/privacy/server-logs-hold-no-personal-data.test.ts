// What the web server writes to its output while supporters sign, confirm,
// make mistakes and send garbage holds none of what they typed. The server's
// output is kept in a file by tests/setup/e2e-global.ts.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { confirmationLinkFor, deletionLinkFor } from "../../helpers/e2e-outbox";

test.use({ javaScriptEnabled: false });

const supporter = {
  name: "Zinaida Logcheck-Petrova",
  city: "Tverlogsk",
  email: "zinaida.logcheck@example.org",
  sentence: "Logcheck phrase nine-four-eight-one must stay private",
};

test("signing, confirming, deleting and bad requests leave no personal data in the server log", async ({
  page,
  request,
}) => {
  const logFile = process.env.E2E_SERVER_LOG;
  expect(logFile, "the e2e setup keeps the server's output").toBeTruthy();

  // The letter form without JavaScript, sent by our server, with a mistake first.
  await page.goto("/c/russia-amnesty-undesirable/write");
  await page.getByLabel(/Your country/).selectOption("DE");
  await page.getByLabel(/^Letter/).fill(`{{salutation}}\n\n${supporter.sentence}\n\n{{signer}}`);
  await page.getByRole("radio", { name: "Full name, city and country" }).check();
  await page.getByLabel(/Your name/).fill(supporter.name);
  await page.getByLabel(/Your city/).fill(supporter.city);
  await page.getByRole("radio", { name: /Send them for me/ }).check();
  await page.getByLabel(/Your email address/).fill("zinaida.logcheck@@example.org");
  await page.getByRole("button", { name: "Sign and get my letters" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await page.getByLabel(/Your email address/).fill(supporter.email);
  await page.getByRole("checkbox", { name: /carry the identity I chose/ }).check();
  await page.getByRole("checkbox", { name: /Count my signature/ }).check();
  await page.getByRole("button", { name: "Sign and get my letters" }).click();
  await expect(page.getByTestId("thank-you").getByRole("heading", { level: 1 })).toHaveText("Thank you");

  const link = new URL(await confirmationLinkFor(supporter.email));
  await page.goto(link.pathname + link.search);
  await page.getByRole("button", { name: "Confirm and send my letters" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Address confirmed");

  // The JSON API: a broken body, a bad field and a duplicate, each with the same data inside.
  const api = "/api/campaigns/russia-amnesty-undesirable/signatures";
  expect(
    (
      await request.post(api, {
        headers: { "content-type": "application/json" },
        data: `{"email":"${supporter.email}","name":"${supporter.name}"`,
      })
    ).status(),
  ).toBe(400);
  expect(
    (
      await request.post(api, {
        data: {
          email: supporter.email,
          name: supporter.name,
          city: supporter.city,
          body: supporter.sentence,
          country: "XX",
        },
      })
    ).status(),
  ).toBe(400);

  // A supporter who types their address into the staff sign-in.
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(supporter.email);
  await page.getByLabel("Password").fill(`${supporter.name} password`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();

  // Deleting through the emailed link.
  const deletion = new URL(await deletionLinkFor(supporter.email, "address_confirmation"));
  await page.goto(deletion.pathname + deletion.search);
  await page.getByRole("button", { name: "Delete my data now" }).click();
  await expect(page.getByRole("status")).toContainText("Your data has been deleted.");

  // Give the server a moment to flush what it wrote about these requests.
  await page.waitForTimeout(500);
  const log = readFileSync(logFile!, "utf8");
  // The file does hold the server's output (it announces itself at start).
  expect(log).toContain("Ready");
  for (const [what, value] of Object.entries(supporter)) expect(log, `${what} in the server log`).not.toContain(value);
  expect(log).not.toContain("zinaida.logcheck");
  expect(log).not.toContain("Logcheck");
});
