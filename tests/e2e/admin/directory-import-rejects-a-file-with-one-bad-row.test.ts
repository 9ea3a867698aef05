// The embassy directory's CSV import is all or nothing, and says which row is wrong.
import { expect, test } from "@playwright/test";
import { signInAs } from "../../helpers/e2e-staff";

const header = "key,kind,country,name,role,emails,postal_address,last_verified";
const good1 =
  'embassy-pt,embassy,PT,"Embassy of the Russian Federation in Lisbon, Portugal",Embassy,embrussia@mail.telepac.pt,"Rua Visconde de Santarém 59, 1000-286 Lisboa",2025-05-23';
const bad =
  'embassy-ie,embassy,IE,"Embassy of the Russian Federation in Dublin, Ireland",Embassy,not-an-email,,2025-05-23';
const good2 =
  'embassy-fi,embassy,FI,"Embassy of the Russian Federation in Helsinki, Finland",Embassy,rusembassy@kolumbus.fi,,2025-05-23';

test("a CSV with one bad row is rejected with that row's number, and nothing is imported", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/directory");
  await page.getByLabel("CSV file").setInputFiles({
    name: "directory.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([header, good1, bad, good2].join("\n")),
  });
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toBeVisible();
  await expect(page.getByTestId("import-errors")).toHaveText(
    "Row 3: emails: “not-an-email” is not a valid email address.",
  );
  await page.reload();
  await expect(page.getByTestId("directory")).not.toContainText("Lisbon");

  // Fixed, the same file goes in whole.
  await page.getByLabel("CSV file").setInputFiles({
    name: "directory.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([header, good1, bad.replace("not-an-email", "info@rusembassy.ie"), good2].join("\n")),
  });
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toHaveText("Imported: 3 new, 0 updated.");
  await page.reload();
  await expect(page.getByTestId("directory")).toContainText("Embassy of the Russian Federation in Lisbon, Portugal");
  await expect(page.getByTestId("directory")).toContainText("info@rusembassy.ie");
});
