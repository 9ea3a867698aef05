// An admin writes a new campaign: the letter preview follows the template as
// it is typed, unknown placeholders are refused, and once saved open the
// campaign is public at its address.
import { expect, test } from "@playwright/test";
import { signInAs } from "../../helpers/e2e-staff";

test("an admin creates a campaign; the preview is live and the public page shows it", async ({ page, request }) => {
  const slug = `free-the-defenders-${Date.now()}`;
  await signInAs(page, "admin");
  await page.goto("/admin/campaigns/new");
  await page.getByLabel("Address (slug): /c/…").fill(slug);
  await page.getByLabel("Organiser", { exact: true }).fill("Test Observatory");
  await page.getByLabel("Status").selectOption("open");
  await page.getByLabel("Goal (signatures)").fill("500");
  await page.getByLabel("Language code of the new texts (e.g. fr)").fill("en");
  await page.getByLabel("Title (the first language)").fill("Free the defenders");
  await page.getByLabel("Summary (the first language)").fill("Write to demand their release.");
  await page.getByLabel("What happened (the first language)").fill("They were detained.");
  await page.getByLabel("Why it matters (the first language)").fill("Defenders defend us all.");
  await page
    .getByLabel("Safety notice (shown before any form) (the first language)")
    .fill("Taking part can be risky in some countries.");
  await page.getByLabel("Demands (the first language), one per line, in order").fill("Release them\nDrop the charges");
  await page.getByLabel("Subject (the first language)").fill("Release the defenders");

  const body = page.getByLabel("Letter (the first language)");
  await body.fill("{{salutation}}\n\nI ask you, {{addressee_role}}:\n\n{{demands}}\n\n{{signer}}\n{{misspelt}}");
  const preview = page.getByTestId("template-preview-new");
  await expect(preview).toContainText("1. Release them");
  await expect(preview).toContainText("2. Drop the charges");
  await expect(preview).toContainText("Alex Example (sample signer), France");
  await expect(page.getByText("Unknown placeholder(s): {{misspelt}}")).toBeVisible();

  await page.getByRole("checkbox", { name: /Sergey Lavrov/ }).check();
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByTestId("error-summary")).toContainText(
    "The letter uses unknown placeholder(s): {{misspelt}}.",
  );
  // Nothing typed is lost with the refusal.
  await expect(page.getByLabel("Status")).toHaveValue("open");
  await expect(page.getByLabel("Title (the first language)")).toHaveValue("Free the defenders");
  await expect(page.getByRole("checkbox", { name: /Sergey Lavrov/ })).toBeChecked();

  await page.getByLabel("Letter (the first language)").fill("{{salutation}}\n\n{{demands}}\n\n{{signer}}");
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.goto(`/c/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Free the defenders");
  await expect(page.getByText("Drop the charges")).toBeVisible();
  const api = await (await request.get(`/api/campaigns/${slug}`)).json();
  expect(api.addressees.map((a: { name: string }) => a.name)).toEqual(["Sergey Lavrov"]);
});
