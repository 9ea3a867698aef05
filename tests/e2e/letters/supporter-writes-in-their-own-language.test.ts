// The letter builder speaks the supporter's language (here Spanish from the
// browser), and the campaign's Spanish letter template is offered.
import { expect, test } from "@playwright/test";

test.use({ locale: "es-ES", extraHTTPHeaders: { "Accept-Language": "es-ES,es;q=0.9" } });

test("a Spanish-speaking supporter writes and signs with a Spanish interface", async ({ page }) => {
  await page.goto("/c/russia-amnesty-undesirable");
  await page.getByRole("link", { name: "Escribir su carta" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Escribir su carta");
  await expect(page.locator(".builder")).toHaveAttribute("lang", "es");
  // Country names in Spanish, and the letter in Spanish from the campaign's template.
  await page.getByLabel(/Su país/).selectOption("MX");
  await expect(page.getByLabel(/Su país/).locator("option:checked")).toHaveText("México");
  await expect(page.getByLabel(/^Carta/)).toHaveAttribute("lang", "es");
  await expect(page.getByLabel(/^Carta/)).toHaveValue(/Le escribo para expresar mi profunda preocupación/);
  await expect(page.getByTestId("letter-preview").nth(2)).toContainText("Señor Ministro:");
  await page.getByRole("radio", { name: /Las imprimo/ }).check();
  // A mistake is explained in Spanish too.
  await page.getByRole("button", { name: "Firmar y obtener mis cartas" }).click();
  // Beside the box, and in the error summary at the top.
  await expect(page.locator("#consentCounted-error")).toHaveText(
    "Marque la casilla para que contemos su firma; sin ella no podemos registrarla.",
  );
  await expect(page.getByRole("heading", { name: "Hay un problema" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Algunos campos requieren su atención." })).toBeVisible();
  await page.getByRole("checkbox", { name: /Contar mi firma/ }).check();
  await page.getByRole("button", { name: "Firmar y obtener mis cartas" }).click();
  const thanks = page.getByTestId("thank-you");
  await expect(thanks.getByRole("heading", { level: 1 })).toHaveText("Gracias");
  await expect(thanks.getByRole("status")).toContainText("Su firma ha quedado registrada.");
  await expect(thanks.getByRole("button", { name: "PDF, A4" })).toBeVisible();
});
