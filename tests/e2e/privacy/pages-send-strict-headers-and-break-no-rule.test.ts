// Every page answers with the strict headers, a fresh CSP nonce each time,
// and nothing on the pages breaks the policy (the browser reports no
// violation while a supporter writes a letter with JavaScript on).
import { expect, test } from "@playwright/test";

const pages = [
  "/",
  "/c/russia-amnesty-undesirable",
  "/c/russia-amnesty-undesirable/write",
  "/staff/sign-in",
  "/privacy/delete?token=x",
];

test("pages send the security headers, with a new nonce per request", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of pages) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"]!;
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-powered-by"]).toBeUndefined();
    nonces.add(csp.match(/'nonce-([^']+)'/)![1]!);
    // Next's own inline scripts carry the nonce.
    if (headers["content-type"]?.startsWith("text/html"))
      expect(await response.text()).toContain(`nonce="${csp.match(/'nonce-([^']+)'/)![1]}"`);
  }
  expect(nonces.size).toBe(pages.length);
});

test("the pages and the letter builder, with JavaScript on, break no rule of the policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // The letter builder hydrates and its proof of work runs in workers.
  await page.goto("/c/russia-amnesty-undesirable/write");
  await page.getByLabel(/Your country/).selectOption("FR");
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});
