// The five views people judge the product by, at a laptop's width (1280 px)
// and a phone's (390 px): each shows its heading, and the page never scrolls
// sideways on the phone. Every run saves a full-page screenshot of each into
// screenshots/ (ignored by git) for a person to look at.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../../helpers/e2e-staff";

const folder = path.join(process.cwd(), "screenshots");
const widths = [
  { name: "laptop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;
const slug = "russia-amnesty-undesirable";

// Several page loads per test on a shared machine.
test.describe.configure({ timeout: 240_000 });

async function capture(page: Page, view: string, width: (typeof widths)[number]) {
  // Text wider than the window (a table cell, a long link) would make the whole page scroll sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${view} at ${width.width} px scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `${view}-${width.width}.png`), fullPage: true });
}

for (const width of widths) {
  test.describe(`at ${width.width} px (${width.name})`, () => {
    test.use({ viewport: { width: width.width, height: width.height } });

    test("the campaign page", async ({ page }) => {
      await page.goto(`/c/${slug}?lang=en`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await capture(page, "campaign-page", width);
    });

    test("the letter builder refusing an empty form", async ({ page }) => {
      await page.goto(`/c/${slug}/write?lang=en`);
      await page.getByRole("button", { name: "Sign and get my letters" }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await capture(page, "builder-with-error", width);
    });

    test("the thank-you view", async ({ browser }) => {
      // Without JavaScript, as in Tor Browser's safest mode: the form signs without a proof of work.
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: width });
      const page = await context.newPage();
      await page.goto(`/c/${slug}/write?lang=en`);
      await page.getByLabel(/Your country/).selectOption("DE");
      await page.getByRole("radio", { name: /print or post them/ }).check();
      await page.getByRole("checkbox", { name: /Count my signature/ }).check();
      await page.getByRole("button", { name: "Sign and get my letters" }).click();
      await expect(page.getByTestId("thank-you").getByRole("heading", { level: 1 })).toHaveText("Thank you");
      await capture(page, "thank-you", width);
      await context.close();
    });

    test("the staff dashboard", async ({ page }) => {
      await signInAs(page, "staff");
      await page.goto(`/staff?campaign=${slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Dashboard");
      await capture(page, "dashboard", width);
    });

    test("the admin campaign editor", async ({ page }) => {
      await signInAs(page, "admin");
      await page.goto("/admin");
      await page
        .getByRole("link", { name: /Amnesty/ })
        .first()
        .click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await capture(page, "admin-editor", width);
    });
  });
}
