// Staff sign in and see the campaign's figures; wrong passwords are refused.
import { expect, test } from "@playwright/test";
import { e2eStaff, signInAs } from "../../helpers/e2e-staff";

test("a staff member signs in and sees totals that match the public API", async ({ page, request }) => {
  await signInAs(page, "staff");
  // Other tests sign in parallel: the dashboard's figure lies between two readings of the API.
  const before = (await (await request.get("/api/campaigns/russia-amnesty-undesirable/totals")).json()).signatures;
  // Other tests add campaigns: ask for this one.
  await page.goto("/staff?campaign=russia-amnesty-undesirable");
  const shown = Number(
    (await page.getByTestId("dashboard-signatures").textContent())!
      .match(/^([\d,]+) signatures?/)![1]!
      .replace(/,/g, ""),
  );
  // The public totals are kept up to a second: a reading made a second later was computed after the dashboard's.
  await page.waitForTimeout(1_100);
  const after = (await (await request.get("/api/campaigns/russia-amnesty-undesirable/totals")).json()).signatures;
  expect(shown).toBeGreaterThanOrEqual(before);
  expect(shown).toBeLessThanOrEqual(after);
  await expect(page.getByRole("link", { name: "Supporters who agreed to be contacted (CSV)" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Addressees" })).toHaveCount(0);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(e2eStaff.staff.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The email address or password is wrong." })).toBeVisible();
});

test("without a session the dashboard sends you to sign in", async ({ page }) => {
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in\?lang=en$/);
});
