import { expect, test } from "@playwright/test";

test("an unknown campaign answers 404 with a page that says so and leads home", async ({ page }) => {
  const response = await page.goto("/c/no-such-campaign");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByText("There is no campaign or page at this address.")).toBeVisible();
  await page.getByRole("link", { name: "Go to the campaigns" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open campaigns");
  await expect(page.getByRole("link", { name: "Russia: lift the ban on Amnesty International" })).toBeVisible();
});

test("a malformed campaign address also answers 404, not an error", async ({ page }) => {
  const response = await page.goto("/c/%3Cscript%3E");
  expect(response?.status()).toBe(404);
});

test("the API answers JSON errors and serves its OpenAPI document", async ({ request }) => {
  const missing = await request.get("/api/campaigns/no-such-campaign");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.message).toBe('No public campaign has the slug "no-such-campaign".');

  const openapi = await request.get("/api/openapi.json");
  expect(openapi.status()).toBe(200);
  const document = await openapi.json();
  expect(Object.keys(document.paths)).toEqual([
    "/api/campaigns",
    "/api/campaigns/{slug}",
    "/api/campaigns/{slug}/signatures",
    "/api/proof-of-work",
    "/api/campaigns/{slug}/totals",
  ]);
});
