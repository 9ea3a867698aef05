// The privacy page, linked from every page, states the running settings.
import { expect, test } from "@playwright/test";

test("every page links to a privacy page that states the retention period and that no IP address is kept", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy");
  await expect(page.getByTestId("privacy-kept")).toContainText(
    "30 days after your letters were delivered or the campaign closed",
  );
  // Supporters who agreed to be contacted keep their address for the outcome update, and no longer.
  await expect(page.getByRole("row").filter({ hasText: "If you ticked “you may contact me”" })).toContainText(
    "30 days after the outcome update was sent to you or the campaign closed, whichever comes first, and at the latest a year after you signed",
  );
  await expect(page.getByText("they see how many will get it, never who")).toBeVisible();
  await expect(page.getByText("Your IP address: not in the database, not in our logs.")).toBeVisible();
  // The e2e server has no SMTP_URL: the page says so.
  await expect(page.getByText("this installation sends no email at all")).toBeVisible();
});

test("the interface speaks the browser's language, and the switcher changes it", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "fr-FR",
    extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" },
  });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campagnes en cours");
  await page.getByRole("navigation", { name: "Langue" }).getByRole("link", { name: "Español" }).click();
  await expect(page).toHaveURL(/\?lang=es$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Privacidad" })).toBeVisible();
  await context.close();
});

test("in Russian, the privacy page declines the number of days", async ({ page }) => {
  await page.goto("/privacy?lang=ru");
  const kept = page.getByTestId("privacy-kept");
  await expect(kept).toContainText("Через 30 дней после того, как вам отправлено сообщение об итогах");
  await expect(kept).not.toContainText("дн.");
});
