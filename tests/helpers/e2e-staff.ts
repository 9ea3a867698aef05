// Staff accounts of the e2e database (made in tests/setup/e2e-global.ts) and
// signing in as one of them through the real form.
import { expect, type Page } from "@playwright/test";

export const e2eStaff = {
  admin: {
    email: "admin@campaigns.example",
    name: "Ada Admin",
    role: "admin",
    password: "correct horse battery staple",
  },
  staff: {
    email: "staff@campaigns.example",
    name: "Sam Staff",
    role: "staff",
    password: "violet meadow lantern river",
  },
  // Accounts whose state tests change (second factor on, locked out): kept apart.
  totp: { email: "totp@campaigns.example", name: "Tomi Totp", role: "staff", password: "quiet harbour copper kettle" },
  lockout: {
    email: "lockout@campaigns.example",
    name: "Lou Lockout",
    role: "staff",
    password: "amber orchard silver bridge",
  },
} as const;

export async function signInAs(page: Page, who: keyof typeof e2eStaff): Promise<void> {
  const account = e2eStaff[who];
  // In English whatever the browser's language: tests in other languages sign in the same way.
  await page.goto("/staff/sign-in?lang=en");
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dashboard");
}
