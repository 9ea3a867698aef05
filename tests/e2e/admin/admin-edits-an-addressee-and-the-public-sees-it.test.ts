// An admin corrects an addressee; the public page and the API show it at
// once. A staff member (read-only) cannot open the editor.
import { expect, test } from "@playwright/test";
import { signInAs } from "../../helpers/e2e-staff";

const brussels = "Embassy of the Russian Federation in Brussels, Belgium";

test("an admin edits an addressee and the public page and API show it", async ({ page, request }) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Addressees" }).click();
  await page.getByRole("link", { name: brussels }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit ${brussels}`);
  await page.getByLabel("Role", { exact: true }).fill("Embassy (consular section)");
  await page.getByLabel("Date last verified").fill("2025-05-20");
  await page.getByRole("button", { name: "Save addressee" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved. The public page and the API show the change now.");

  await page.goto("/c/russia-amnesty-undesirable");
  const card = page.getByTestId("addressee").filter({ has: page.getByRole("heading", { name: brussels }) });
  await expect(card).toContainText("Embassy (consular section)");
  const campaign = await (await request.get("/api/campaigns/russia-amnesty-undesirable")).json();
  const entry = campaign.addressees.find((a: { name: string }) => a.name === brussels);
  expect(entry).toMatchObject({ role: "Embassy (consular section)", lastVerifiedOn: "2025-05-20" });

  // The audit log has who, what, before and after.
  await page.goto("/admin/audit");
  // Other tests change things in parallel: find this change's line.
  const line = page.getByTestId("audit-line").filter({ hasText: "Embassy (consular section)" }).first();
  await expect(line).toContainText("admin@campaigns.example");
  await expect(line).toContainText("addressee.update");
  await expect(line).toContainText('"role": "Embassy"');
  await expect(line).toContainText('"role": "Embassy (consular section)"');
});

test("a bad email address is refused with a message next to the field, and nothing is saved", async ({
  page,
  request,
}) => {
  await signInAs(page, "admin");
  await page.goto("/admin/addressees");
  await page.getByRole("link", { name: "Sergey Lavrov" }).click();
  await page.getByLabel("Email addresses").fill("ministry@mid.ru\nnot-an-address");
  await page.getByRole("button", { name: "Save addressee" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
  await expect(page.getByText("“not-an-address” is not a valid email address.")).toBeVisible();
  // What was typed stays, to be corrected.
  await expect(page.getByLabel("Email addresses")).toHaveValue("ministry@mid.ru\nnot-an-address");
  const campaign = await (await request.get("/api/campaigns/russia-amnesty-undesirable")).json();
  expect(campaign.addressees.find((a: { name: string }) => a.name === "Sergey Lavrov").emails).toEqual([
    "ministry@mid.ru",
  ]);
});

test("a staff member cannot open the addressee editor", async ({ page }) => {
  await signInAs(page, "staff");
  await page.goto("/admin/addressees");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
});
