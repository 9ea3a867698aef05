// The staff area speaks the staff member's language: the one the address asks
// for (?lang=), else the browser's. Texts from messages/staff/*.json.
import { expect, test } from "@playwright/test";
import { e2eStaff } from "../../helpers/e2e-staff";

test("the sign-in page and its error speak French when the address asks for it", async ({ page }) => {
  await page.goto("/staff/sign-in?lang=fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveTitle("Connexion de l’équipe · Campagnes de lettres");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion de l’équipe");
  await page.getByLabel("Adresse e-mail").fill(e2eStaff.admin.email);
  await page.getByLabel("Mot de passe").fill("not the password at all");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "L’adresse e-mail" })).toHaveText(
    "L’adresse e-mail ou le mot de passe est incorrect.",
  );
  // The page after the failed attempt keeps the language.
  await expect(page).toHaveURL(/[?&]lang=fr(&|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion de l’équipe");
});

test.describe("with a browser set to Russian", () => {
  test.use({ locale: "ru-RU" });

  test("the staff member signs in and sees the dashboard, navigation and account page in Russian", async ({ page }) => {
    const account = e2eStaff.admin;
    await page.goto("/staff/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход для сотрудников");
    await page.getByLabel("Адрес эл. почты").fill(account.email);
    await page.getByLabel("Пароль").fill(account.password);
    await page.getByRole("button", { name: "Войти" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Сводка(: .+)?$/);
    await expect(page).toHaveTitle("Сводка · Кампании писем");
    await expect(page.getByRole("heading", { level: 2, name: "Итоги" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Раздел сотрудников" });
    for (const name of [
      "Сводка",
      "Ваша учётная запись",
      "Кампании",
      "Адресаты",
      "Справочник посольств",
      "Очередь отправки",
      "Журнал аудита",
    ]) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(nav.getByText(`${account.name} (администратор)`)).toBeVisible();
    await expect(nav.getByRole("button", { name: "Выйти" })).toBeVisible();

    await nav.getByRole("link", { name: "Ваша учётная запись" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ваша учётная запись");
    await expect(page.getByRole("heading", { level: 2, name: "Двухэтапный вход" })).toBeVisible();
    await expect(page.getByLabel("Ваш пароль")).toBeVisible();
    await expect(page.getByRole("button", { name: "Настроить двухэтапный вход" })).toBeVisible();

    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход для сотрудников");
  });
});
