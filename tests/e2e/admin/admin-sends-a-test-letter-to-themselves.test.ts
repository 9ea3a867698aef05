// An admin mails themselves the letter an addressee would get, from the
// campaign editor, with JavaScript on and off: the page says where it went
// and under which subject, marked as a test.
import { expect, test } from "@playwright/test";
import { db } from "@/lib/core/db";
import { e2eStaff, signInAs } from "../../helpers/e2e-staff";

async function launchCampaignId() {
  process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL;
  return (await db().campaign.findUniqueOrThrow({ where: { slug: "russia-amnesty-undesirable" } })).id;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });
    test("an admin sends themselves a test letter from the campaign editor", async ({ page }) => {
      await signInAs(page, "admin");
      await page.goto(`/admin/campaigns/${await launchCampaignId()}?lang=en`);
      await page.getByRole("link", { name: "Send me a test letter" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Send me a test letter: russia-amnesty-undesirable",
      );
      const form = page.getByTestId("test-send-en");
      const addressee = form.getByLabel("Addressee");
      await addressee.selectOption(
        (await addressee.locator("option", { hasText: "Sergey Lavrov" }).getAttribute("value"))!,
      );
      await form.getByLabel("Opening paragraph").selectOption("1");
      await form.getByRole("button", { name: "Send me the test letter" }).click();
      await expect(page.getByRole("status")).toHaveText(
        `Sent to ${e2eStaff.admin.email}: “[TEST] Remove Amnesty International from the list of “undesirable organisations””.`,
      );
    });
  });
}
