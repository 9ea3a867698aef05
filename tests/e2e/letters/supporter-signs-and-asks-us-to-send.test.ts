// The whole flow with JavaScript on: choose addressees, see the embassy offer
// for one's country, watch the preview follow the identity choice, ask our
// server to send, confirm the address from the email, and see the count grow.
import { expect, test } from "@playwright/test";
import { confirmationLinkFor, deletionLinkFor } from "../../helpers/e2e-outbox";

test("a supporter writes, asks our server to send, and confirms by the emailed link", async ({ page, request }) => {
  // The whole flow, proof of work included, runs under the strict CSP.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const before = await (await request.get("/api/campaigns/russia-amnesty-undesirable/totals")).json();
  await page.goto("/c/russia-amnesty-undesirable");
  await page.getByRole("link", { name: "Write your letter" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write your letter");
  await expect(page.getByRole("complementary", { name: "Before you write" })).toBeVisible();

  // Seven addressees, all preselected; the supporter leaves out the FSB.
  const choices = page.getByRole("checkbox", {
    name: /Putin|Mishustin|Lavrov|Krasnov|Bortnikov|Permanent Mission|Embassy of the Russian Federation in Brussels/,
  });
  await expect(choices).toHaveCount(7);
  await page.getByRole("checkbox", { name: /Alexander Bortnikov/ }).uncheck();

  // No embassy on file for France: said plainly, with the other paths.
  await page.getByLabel(/Your country/).selectOption("FR");
  await expect(page.getByText("We have no contact on file for the Russian embassy in France.")).toBeVisible();

  await page.getByRole("radio", { name: "Name and country" }).check();
  await page.getByLabel(/Your name/).fill("Camille Martin");
  const previews = page.getByTestId("letter-preview");
  await expect(previews).toHaveCount(6);
  await expect(previews.first()).toContainText("Dear Mr President,");
  await expect(previews.first()).toContainText("Camille Martin, France");

  await page.getByRole("radio", { name: /Send them for me/ }).check();
  await page.getByLabel(/Your email address/).fill("camille.martin@example.org");
  await page.getByRole("checkbox", { name: /carry the identity I chose/ }).check();
  await page.getByRole("checkbox", { name: /Count my signature/ }).check();
  // The proof of work ran in the background while the supporter filled in the form.
  await expect(page.locator("input[name=altcha]")).toHaveValue(/^eyJ/, { timeout: 60_000 });
  await page.getByRole("button", { name: "Sign and get my letters" }).click();

  const thanks = page.getByTestId("thank-you");
  await expect(thanks.getByRole("heading", { level: 1 })).toHaveText("Thank you");
  await expect(thanks).toContainText("One more step");
  await expect(thanks.getByRole("link", { name: "Post to @KremlinRussia_E on X" })).toHaveAttribute(
    "href",
    /^https:\/\/x\.com\/intent\/post\?text=%40KremlinRussia_E/,
  );
  await expect(thanks.getByTestId("letter-output")).toHaveCount(6);

  const link = await confirmationLinkFor("camille.martin@example.org");
  await page.goto(new URL(link).pathname + new URL(link).search);
  // Opening the link sends nothing (mail scanners open links); the button does.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your email address");
  // Before deciding, the supporter sees exactly what goes out in their name, and can say it was not them.
  await expect(page.getByRole("heading", { level: 2, name: "Exactly what will be sent in your name" })).toBeVisible();
  await expect(page.getByTestId("letter-to-confirm")).toContainText("Remove Amnesty International");
  await expect(page.getByTestId("letter-to-confirm")).toContainText("Camille Martin, France");
  await expect(page.getByText("The addressees will not see your email address.")).toBeVisible();
  await expect(page.getByRole("link", { name: "This was not me: delete it (nothing will be sent)" })).toHaveAttribute(
    "href",
    /^\/privacy\/delete\?token=/,
  );
  await page.getByRole("button", { name: "Confirm and send my letters" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Address confirmed");
  // Four email addressees are chosen (the FSB is not); Geneva and Brussels share one address but are two letters.
  await expect(page.getByRole("status")).toHaveText(/Your 4 letters are now queued/);

  // The public totals are at most a second old: they show the letters once they are computed again.
  const totals = async () => (await request.get("/api/campaigns/russia-amnesty-undesirable/totals")).json();
  // At least: other tests sign the launch campaign in parallel workers (exact
  // counts are proven in tests/integration, where nothing else writes).
  await expect
    .poll(async () => (await totals()).lettersByChannel.platform_email, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(before.lettersByChannel.platform_email + 4);
  const after = await totals();
  // By country, the public sees only figures of ten or more (docs/API.md).
  expect(Object.values(after.signaturesByCountry as Record<string, number>).every((n) => n >= 10)).toBe(true);
  expect(after.lettersByChannel.platform_email).toBeGreaterThanOrEqual(before.lettersByChannel.platform_email + 4);
  expect(after.lettersByChannel.x_post).toBeGreaterThanOrEqual(before.lettersByChannel.x_post + 2);

  // The thank-you email's "delete my data" link: a page that explains, and a button that deletes.
  const deletion = new URL(await deletionLinkFor("camille.martin@example.org", "thank_you"));
  await page.goto(deletion.pathname + deletion.search);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delete my data");
  await page.getByRole("button", { name: "Delete my data now" }).click();
  await expect(page.getByRole("status")).toContainText("Your data has been deleted.");
  await expect(page.getByRole("status")).toContainText("Letters that had not been sent yet and are now cancelled: 4.");
  // Counts do not move when data goes.
  const afterDeletion = await (await request.get("/api/campaigns/russia-amnesty-undesirable/totals")).json();
  expect(afterDeletion.signatures).toBeGreaterThanOrEqual(after.signatures);
  expect(afterDeletion.lettersByChannel.platform_email).toBe(after.lettersByChannel.platform_email);
  // The link again: nothing is left.
  await page.goto(deletion.pathname + deletion.search);
  await page.getByRole("button", { name: "Delete my data now" }).click();
  await expect(page.getByRole("status")).toHaveText("There is nothing left to delete: your data was already removed.");
  expect(violations).toEqual([]);
});
