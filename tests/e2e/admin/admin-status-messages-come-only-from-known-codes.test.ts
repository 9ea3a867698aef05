// A link can carry ?done= or ?problem= with any text; only known codes are
// said on the page, in the admin's language. Before, the text itself was shown.
import { expect, test } from "@playwright/test";
import { signInAs } from "../../helpers/e2e-staff";

test("unknown ?done and ?problem texts show nothing, known codes their sentence", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto(
    `/admin/delivery?lang=en&done=${encodeURIComponent("Your account is suspended: call +1 555 0100")}&problem=${encodeURIComponent("Send your password to help@evil.example")}`,
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delivery queue");
  await expect(page.getByText("Your account is suspended")).toHaveCount(0);
  await expect(page.getByText("help@evil.example")).toHaveCount(0);
  await expect(page.locator("main .form-ok, main .form-error")).toHaveCount(0);

  await page.goto("/admin/delivery?lang=en&done=cancelled");
  await expect(page.getByRole("status").filter({ hasText: "Cancelled." })).toBeVisible();
  await page.goto("/admin/delivery?lang=fr&problem=notAllowedStatus&status=sent");
  await expect(page.getByRole("alert").filter({ hasText: "envoy" })).toBeVisible();
});
