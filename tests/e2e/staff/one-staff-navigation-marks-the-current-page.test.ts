// The staff and admin area has one navigation bar, drawn by its layout: every
// page a staff member may open is one link away, the current page is marked
// (aria-current), it fits a phone and a laptop and needs no script. Before,
// it was a bulleted list on some pages and missing on others; the sign-in
// form had no styles.
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../../helpers/e2e-staff";

const adminLinks = [
  "Dashboard",
  "Outcome update",
  "Hand-delivery pack",
  "Your account",
  "Campaigns",
  "Addressees",
  "Embassy directory",
  "Delivery queue",
  "Outbox",
  "Audit log",
  "Partner sources",
];

const nav = (page: Page) => page.getByRole("navigation", { name: "Staff" });

for (const width of [1280, 390]) {
  test(`admins get every link, the current page marked, at ${width} px without JavaScript`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, "admin");
    await expect(nav(page)).toHaveCount(1);
    await expect(nav(page).getByRole("link")).toHaveText(adminLinks);
    await expect(nav(page).getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");

    await nav(page).getByRole("link", { name: "Addressees" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Addressees");
    await expect(nav(page).getByRole("link", { name: "Addressees" })).toHaveAttribute("aria-current", "page");
    await expect(nav(page).getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current");
    // A wide table scrolls in its own box; the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    // So do the delivery tables (recipients and errors are long): each in its own named box.
    await nav(page).getByRole("link", { name: "Delivery queue" }).click();
    await expect(page.getByRole("region", { name: "Letters to addressees" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    // An editor under its list marks the list's link as where the admin is.
    await nav(page).getByRole("link", { name: "Campaigns" }).click();
    await page.getByRole("link", { name: "Russia: lift the ban on Amnesty International" }).click();
    await expect(nav(page).getByRole("link", { name: "Campaigns" })).toHaveAttribute("aria-current", "true");

    // Every link is on the screen, none cut off or pushed sideways.
    for (const link of await nav(page).getByRole("link").all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(width);

    await nav(page).getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff sign-in");
    await expect(nav(page)).toHaveCount(0);
    await context.close();
  });
}

test("staff members get the staff links only", async ({ page }) => {
  await signInAs(page, "staff");
  await expect(nav(page).getByRole("link")).toHaveText([
    "Dashboard",
    "Outcome update",
    "Hand-delivery pack",
    "Your account",
  ]);
  await nav(page).getByRole("link", { name: "Your account" }).click();
  await expect(nav(page).getByRole("link", { name: "Your account" })).toHaveAttribute("aria-current", "page");
});

test("the sign-in form is styled like the rest of the product", async ({ page }) => {
  await page.goto("/staff/sign-in?lang=en");
  const form = page.locator("form.sign-in");
  await expect(form).toBeVisible();
  const button = page.getByRole("button", { name: "Sign in" });
  // The product's accent colour (--accent: #0b5394), not the browser's grey button.
  expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe("rgb(11, 83, 148)");
  const email = await page.getByLabel("Email address").boundingBox();
  const password = await page.getByLabel("Password").boundingBox();
  // Fields as wide as each other and as the form's content, each under its label.
  expect(Math.round(password!.width)).toBe(Math.round(email!.width));
  expect(email!.width).toBeGreaterThan(250);
});
