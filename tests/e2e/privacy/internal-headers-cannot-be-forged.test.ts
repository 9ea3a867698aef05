// The proxy is the only one that tells pages their nonce, language and path.
// Addresses that look like the static files it skips still get the security
// headers, and a client cannot choose those internal headers itself.
import { expect, test } from "@playwright/test";

const forged = { "x-locale": "ru", "x-path-without-lang": '/"><script>alert(1)</script>', "x-nonce": "forged" };

for (const path of ["/favicon.icoX", "/icon.svg.x", "/_next/imageX", "/"]) {
  test(`${path} carries the security headers and ignores forged internal headers`, async ({ request }) => {
    const response = await request.get(path, { headers: { ...forged, "accept-language": "en" } });
    const headers = response.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(headers["content-security-policy"]).not.toContain("forged");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    const html = await response.text();
    expect(html).toMatch(/<html lang="en"/);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain('nonce="forged"');
  });
}

test("the real icon is still served as a file", async ({ request }) => {
  const response = await request.get("/icon.svg");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
});
