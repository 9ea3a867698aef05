// The admin area speaks the admin's language: the one the address asks for
// (?lang=, kept from page to page), else the browser's. Texts from
// messages/admin/*.json; the schemas' English messages are translated too.
import { expect, test } from "@playwright/test";
import { signInAs } from "../../helpers/e2e-staff";

test("the addressee editor speaks French, refuses a bad email address in French next to the field, and saves nothing", async ({
  page,
  request,
}) => {
  await signInAs(page, "admin");
  await page.goto("/admin/addressees?lang=fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Destinataires");
  await expect(page.getByRole("columnheader", { name: "Dernière vérification" })).toBeVisible();
  await page.getByRole("link", { name: "Sergey Lavrov" }).click();

  // The link kept the language.
  await expect(page).toHaveURL(/[?&]lang=fr(&|$)/);
  await expect(page).toHaveTitle(/^Modifier un destinataire · /);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modifier : Sergey Lavrov");
  await expect(page.getByLabel("Fonction", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Date de dernière vérification")).toBeVisible();
  await expect(page.getByRole("radio", { name: "Actif" })).toBeVisible();
  const emails = page.getByLabel("Adresses e-mail");
  await expect(emails).toHaveAccessibleDescription("Une par ligne, ou séparées par des virgules.");

  await emails.fill("ministry@mid.ru\nnot-an-address");
  await page.getByRole("button", { name: "Enregistrer le destinataire" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Rien n’a été enregistré" })).toHaveText(
    "Rien n’a été enregistré : corrigez les champs signalés ci-dessous.",
  );
  // Next to the field, and read out with it.
  await expect(page.locator("#emails-error")).toHaveText("« not-an-address » n’est pas une adresse e-mail valide.");
  await expect(emails).toHaveAccessibleDescription(
    "Une par ligne, ou séparées par des virgules. « not-an-address » n’est pas une adresse e-mail valide.",
  );
  // What was typed stays, to be corrected, and the page is still French.
  await expect(emails).toHaveValue("ministry@mid.ru\nnot-an-address");
  await expect(page.getByRole("button", { name: "Enregistrer le destinataire" })).toBeVisible();

  const campaign = await (await request.get("/api/campaigns/russia-amnesty-undesirable")).json();
  expect(campaign.addressees.find((a: { name: string }) => a.name === "Sergey Lavrov").emails).toEqual([
    "ministry@mid.ru",
  ]);
});

test.describe("with a browser set to Russian", () => {
  // Accept-Language: ru-RU, as a Russian-language browser sends it.
  test.use({ locale: "ru-RU" });

  test("the directory import names the bad row in Russian and imports nothing", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/directory");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Справочник посольств");
    await expect(page).toHaveTitle(/^Справочник посольств · /);

    const file = [
      "key,kind,country,name,role,emails,last_verified",
      'embassy-is,embassy,IS,"Embassy of the Russian Federation in Reykjavík, Iceland",Embassy,not-an-email,2025-05-23',
    ].join("\n");
    await page
      .getByLabel("Файл CSV")
      .setInputFiles({ name: "directory.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.getByRole("button", { name: "Проверить и импортировать" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Ничего не импортировано" })).toContainText(
      "Ничего не импортировано. Исправьте эти строки и импортируйте весь файл заново:",
    );
    await expect(page.getByTestId("import-errors")).toHaveText(
      "Строка 2: emails: «not-an-email» не является действительным адресом электронной почты.",
    );
    await page.reload();
    await expect(page.getByTestId("directory")).not.toContainText("Reykjavík");
  });
});
