// The letter builder speaks the supporter's language (here Spanish from the
// browser), while the letter keeps a language the campaign has a template in.
import { expect, test } from "@playwright/test";

test.use({ locale: "es-ES", extraHTTPHeaders: { "Accept-Language": "es-ES,es;q=0.9" } });

test("a Spanish-speaking supporter writes and signs with a Spanish interface", async ({ page }) => {
  await page.goto("/c/russia-amnesty-undesirable");
  await page.getByRole("link", { name: "Escribir su carta" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Escribir su carta");
  await expect(page.locator(".builder")).toHaveAttribute("lang", "es");
  // Country names in Spanish; the letter itself in a campaign language (English here).
  await page.getByLabel(/Su país/).selectOption("MX");
  await expect(page.getByLabel(/Su país/).locator("option:checked")).toHaveText("México");
  await expect(page.getByLabel(/^Carta/)).toHaveAttribute("lang", "en");
  await page.getByRole("radio", { name: /Las imprimo/ }).check();
  // A mistake is explained in Spanish too.
  await page.getByRole("button", { name: "Firmar y obtener mis cartas" }).click();
  await expect(page.getByText("Marque la casilla para que contemos su firma; sin ella no podemos registrarla.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Algunos campos requieren su atención." })).toBeVisible();
  await page.getByRole("checkbox", { name: /Contar mi firma/ }).check();
  await page.getByRole("button", { name: "Firmar y obtener mis cartas" }).click();
  const thanks = page.getByTestId("thank-you");
  await expect(thanks.getByRole("heading", { level: 1 })).toHaveText("Gracias");
  await expect(thanks.getByRole("status")).toContainText("Su firma ha quedado registrada.");
  await expect(thanks.getByRole("button", { name: "PDF, A4" })).toBeVisible();
});
