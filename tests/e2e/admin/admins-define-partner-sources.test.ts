// Partner sources from the admin's side: a code is added to a campaign through
// the form (with and without JavaScript), listed with its link and count, and
// deleted while unused; a refused code keeps what was typed.
import { expect, test } from "@playwright/test";
import { signInAs } from "../../helpers/e2e-staff";

for (const javaScript of [true, false]) {
  test(`an admin adds, sees and deletes a source code (JavaScript ${javaScript ? "on" : "off"})`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await signInAs(page, "admin");
    await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Partner sources" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Partner sources");
    const code = `partner-${javaScript ? "js" : "nojs"}`;

    // Other tests make campaigns meanwhile: choose the launch campaign by its title.
    await page
      .getByLabel("Campaign", { exact: true })
      .selectOption({ label: "Russia: lift the ban on Amnesty International" });
    await page.getByLabel("Code", { exact: true }).fill("Not a code!");
    await page.getByLabel("Partner", { exact: true }).fill("Amnesty Belgium newsletter");
    await page.getByRole("button", { name: "Add the source code" }).click();
    await expect(
      page.getByText("A code is 1 to 40 lower-case letters, digits or hyphens (e.g. amnesty-be)."),
    ).toBeVisible();
    await expect(page.getByLabel("Partner", { exact: true })).toHaveValue("Amnesty Belgium newsletter");

    await expect(page.getByLabel("Campaign", { exact: true })).toHaveValue(
      (await page
        .getByLabel("Campaign", { exact: true })
        .getByRole("option", { name: "Russia: lift the ban on Amnesty International" })
        .getAttribute("value")) ?? "",
    );
    await page.getByLabel("Code", { exact: true }).fill(code);
    await page.getByRole("button", { name: "Add the source code" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Source code “${code}” added.` })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: code });
    await expect(row).toContainText("Amnesty Belgium newsletter");
    // The whole link, as a partner pastes it into a newsletter.
    await expect(row.getByRole("cell").nth(1)).toHaveText(`${baseURL}/c/russia-amnesty-undesirable?source=${code}`);
    await expect(row.getByRole("cell").nth(2)).toHaveText("0");

    await row.getByRole("button", { name: `Delete ${code}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Source code deleted." })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: code })).toHaveCount(0);
    await context.close();
  });
}
