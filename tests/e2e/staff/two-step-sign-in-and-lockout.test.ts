// Staff accounts: an optional second factor (TOTP), and a lockout after
// repeated wrong passwords that holds back a guesser's browser, never the
// browser the staff member signed in from before.
import { expect, test } from "@playwright/test";
import { e2eStaff, signInAs } from "../../helpers/e2e-staff";
import { totpCode } from "../../helpers/totp";

test("a staff member turns on two-step sign-in and then needs a code to sign in", async ({ page }) => {
  const account = e2eStaff.totp;
  await signInAs(page, "totp");
  await page.getByRole("link", { name: "Your account" }).click();
  await page.getByLabel("Your password").fill(account.password);
  await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!;
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Two-step sign-in is on. You will be asked for a code each time you sign in.",
  );

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter your code");
  await page
    .getByLabel("6-digit code from your authenticator app")
    .fill("000000" === totpCode(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right." })).toBeVisible();
  await page.getByLabel("6-digit code from your authenticator app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dashboard");
});

test("five wrong passwords lock out the guessing browser for 15 minutes, not the staff member's own", async ({
  browser,
}) => {
  const account = e2eStaff.lockout;
  const own = await browser.newPage();
  const guesser = await browser.newPage();
  const attempt = async (page: typeof own, password: string) => {
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email address").fill(account.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  // The staff member signed in from their own browser before, then left.
  await attempt(own, account.password);
  await expect(own.getByRole("heading", { level: 1 })).toContainText("Dashboard");
  await own.getByRole("button", { name: "Sign out" }).click();

  for (let i = 0; i < 5; i++) await attempt(guesser, `wrong password number ${i}`);
  await attempt(guesser, account.password);
  await expect(guesser.getByRole("alert").filter({ hasText: "Too many failed attempts" })).toHaveText(
    "Too many failed attempts. Try again in 15 minutes.",
  );

  await attempt(own, account.password);
  await expect(own.getByRole("heading", { level: 1 })).toContainText("Dashboard");
  await own.close();
  await guesser.close();
});
