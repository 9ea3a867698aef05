// After a good import the directory table shows the new rows at once (before,
// only after a reload); a bad cell is named by the file's own column and row.
import { expect, test } from "@playwright/test";
import { signInAs } from "../../helpers/e2e-staff";

const header = "key,kind,country,name,role,emails,last_verified";
const luxembourg =
  'embassy-lu-h4,embassy,LU,"Embassy of the Russian Federation in Luxembourg",Embassy,info@luxembourg.example,';

for (const javaScript of [true, false]) {
  test(`a good import shows its rows at once, a bad date names last_verified (JavaScript ${javaScript ? "on" : "off"})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await signInAs(page, "admin");
    await page.goto("/admin/directory?lang=en");
    const key = `embassy-lu-${javaScript ? "js" : "nojs"}`;
    const row = (date: string) => `${luxembourg.replace("embassy-lu-h4", key)}${date}`;

    await page.getByLabel("CSV file").setInputFiles({
      name: "directory.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([header, row("23/05/2025")].join("\n")),
    });
    await page.getByRole("button", { name: "Check and import" }).click();
    await expect(page.getByTestId("import-errors")).toHaveText(
      "Row 2: last_verified: The date last verified is a date like 2026-11-23.",
    );

    await page.getByLabel("CSV file").setInputFiles({
      name: "directory.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([header, row("2025-05-23")].join("\n")),
    });
    await page.getByRole("button", { name: "Check and import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported" })).toHaveText("Imported: 1 new, 0 updated.");
    // No reload: the table the admin is looking at has the new row.
    await expect(page.getByTestId("directory")).toContainText("info@luxembourg.example");
    await context.close();
  });
}
