// The admin editors, as an admin checks a campaign and keeps addressees up to
// date: the letter preview greets each addressee with its own salutation in
// the letter's language and is signed by a plainly sample supporter (before:
// "Dear Sir or Madam," and "A supporter from France" for everyone); the list
// and editor flag details not verified for 180 days and addresses shared with
// another addressee; translations carry their organisation line; the campaign
// editor keeps each language's organiser name and first step.
import { expect, test } from "@playwright/test";
import { signInAs } from "../../helpers/e2e-staff";

const day = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

test("the campaign editor previews the letter to each addressee with its own greeting", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin?lang=en");
  await page.getByRole("link", { name: "Russia: lift the ban on Amnesty International" }).click();
  const english = page.getByTestId("template-preview-en");
  await expect(english).toContainText(/^Dear Mr President,/);
  await expect(english).toContainText("Alex Example (sample signer), France");
  await expect(english).not.toContainText("Dear Sir or Madam");
  await expect(page.getByText("To Vladimir Putin", { exact: true })).toBeVisible();
  // The French letter greets the French way, from the addressee's translation.
  await expect(page.getByTestId("template-preview-fr")).toContainText(/^Monsieur le Président,/);
  await expect(page.getByText("To Vladimir Poutine", { exact: true })).toBeVisible();
  // Every addressee has its own letter, closed until opened (no script needed).
  await page.getByText("To Embassy of the Russian Federation in Brussels, Belgium", { exact: true }).click();
  await expect(page.getByTestId("template-preview-en-6")).toContainText(/^Excellency,/);
});

test("a new campaign keeps each language's organiser name and first step", async ({ page }) => {
  const slug = `first-step-${Date.now()}`;
  await signInAs(page, "admin");
  await page.goto("/admin/campaigns/new?lang=en");
  await page.getByLabel("Address (slug): /c/…").fill(slug);
  await page.getByLabel("Organiser", { exact: true }).fill("Observatory for the Protection of Human Rights Defenders");
  await page.getByLabel("Language code of the new texts (e.g. fr)").fill("fr");
  await page.getByLabel("Title (the first language)").fill("Libérez les défenseurs");
  await page.getByLabel("Summary (the first language)").fill("Écrivez pour demander leur libération.");
  await page.getByLabel("What happened (the first language)").fill("Ils ont été arrêtés.");
  await page.getByLabel("Why it matters (the first language)").fill("Les défenseurs nous défendent tous.");
  await page
    .getByLabel("Safety notice (shown before any form) (the first language)")
    .fill("Participer peut être risqué.");
  await page
    .getByLabel("Organiser’s name in the first language")
    .fill("l’Observatoire pour la protection des défenseurs");
  await page
    .getByLabel("What to do first (the first language)")
    .fill("Écrivez d’abord à l’ambassade de Russie dans votre pays.");
  await page.getByLabel("Demands (the first language), one per line, in order").fill("Libérez-les");
  await page.getByLabel("Subject (the first language)").fill("Libérez les défenseurs");
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByLabel("Organiser’s name in fr")).toHaveValue(
    "l’Observatoire pour la protection des défenseurs",
  );
  await expect(page.getByLabel("What to do first (fr)")).toHaveValue(
    "Écrivez d’abord à l’ambassade de Russie dans votre pays.",
  );
});

test("addressees not verified for 180 days and addresses shared are flagged in the list and the editor", async ({
  page,
}) => {
  const now = Date.now();
  const old = isoDay(now - 400 * day);
  const recent = isoDay(now - 10 * day);
  await signInAs(page, "admin");
  await page.goto("/admin/directory?lang=en");
  await page.getByLabel("CSV file").setInputFiles({
    name: "directory.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      [
        "key,kind,country,name,role,emails,last_verified",
        `embassy-mt-h4,embassy,MT,Embassy in Valletta (upkeep test),Embassy,shared-h4@upkeep.example,${old}`,
        `embassy-cy-h4,embassy,CY,Embassy in Nicosia (upkeep test),Embassy,shared-h4@upkeep.example,${recent}`,
      ].join("\n"),
    ),
  });
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toBeVisible();

  await page.goto("/admin/addressees?lang=en");
  const due = new Date(`${old}T00:00:00Z`).getTime() + 180 * day;
  const dueText = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(due);
  await expect(page.getByTestId("upkeep-embassy-mt-h4")).toContainText(`Verify: due since ${dueText}`);
  await expect(page.getByTestId("upkeep-embassy-mt-h4")).toContainText(
    "Shares shared-h4@upkeep.example with Embassy in Nicosia (upkeep test)",
  );
  await expect(page.getByTestId("upkeep-embassy-cy-h4")).not.toContainText("Verify");
  await expect(page.getByTestId("upkeep-embassy-cy-h4")).toContainText(
    "Shares shared-h4@upkeep.example with Embassy in Valletta (upkeep test)",
  );

  await page.getByRole("link", { name: "Embassy in Valletta (upkeep test)" }).click();
  await expect(page.getByTestId("verify-warning")).toContainText("more than 180 days ago");
  await expect(page.getByTestId("shared-warning")).toContainText(
    "shared-h4@upkeep.example is also the address of Embassy in Nicosia (upkeep test)",
  );

  // A translation with its organisation line.
  await page.getByLabel("Language code (new language)").fill("fr");
  await page.getByLabel("Name (new language)").fill("Ambassade à La Valette");
  await page.getByLabel("Role (new language)").fill("Ambassade");
  await page.getByLabel("Organisation (new language)").fill("Ministère des Affaires étrangères");
  await page.getByLabel("Date last verified").fill(recent);
  await page.getByRole("button", { name: "Save addressee" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved. The public page and the API show the change now.");
  await expect(page.getByLabel("Organisation (fr)")).toHaveValue("Ministère des Affaires étrangères");
  await expect(page.getByTestId("verify-warning")).toHaveCount(0);

  // The shared address stays flagged, now from the other side as well.
  await page.getByRole("link", { name: "Open Embassy in Nicosia (upkeep test)" }).click();
  await expect(page.getByTestId("shared-warning")).toContainText("Embassy in Valletta (upkeep test)");
});
