// axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every public, staff
// and admin page, with zero violations. Staff and admin pages are listed
// from the app folder, so a new page is checked without editing this test.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../../helpers/e2e-staff";

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// Many pages per test, each analysed in full.
test.describe.configure({ timeout: 180_000 });

function pagesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pagesUnder(full);
    return name === "page.tsx"
      ? [
          "/" +
            path
              .dirname(full)
              .replace(/^app\/?/, "")
              .replace(/\([^/]+\)\/?/g, "") // route groups are not in the URL
              .replace(/\[id\]/g, "new"),
        ]
      : [];
  });
}

async function expectNoViolations(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  const found = results.violations.map(
    (v) =>
      `${url}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(found).toEqual([]);
  // The checks did run on this page's content.
  expect(results.passes.length, url).toBeGreaterThan(10);
}

const publicPages = [
  "/",
  "/?lang=ru",
  "/c/russia-amnesty-undesirable",
  "/c/russia-amnesty-undesirable/write",
  "/c/russia-amnesty-undesirable/confirm?token=not-valid",
  "/c/no-such-campaign",
  "/embed/russia-amnesty-undesirable",
  "/embed/russia-amnesty-undesirable?lang=ru",
  "/privacy",
  "/privacy/delete?token=not-valid",
  "/staff/sign-in",
  "/staff/forbidden",
];

test("public pages have no WCAG A/AA violations", async ({ page }) => {
  for (const url of publicPages) await expectNoViolations(page, url);
});

test("staff and admin pages have no WCAG A/AA violations", async ({ page }) => {
  await signInAs(page, "admin");
  const pages = [...pagesUnder("app/(staff)/staff"), ...pagesUnder("app/(staff)/admin")].filter(
    (p) => !["/staff/sign-in", "/staff/forbidden"].includes(p),
  );
  expect(pages.length).toBeGreaterThanOrEqual(10);
  for (const url of pages) await expectNoViolations(page, url);
});
