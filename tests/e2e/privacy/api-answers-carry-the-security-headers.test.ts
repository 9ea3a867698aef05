// The JSON API's routes run without proxy.ts and set the security headers
// themselves (lib/http/json.ts#apiRoute); what proxy.ts still does for /api/
// addresses works as before: the 400 for an address that is not
// percent-decodable, and the not-found page (with its nonce) for any other.
import { expect, test, type APIResponse } from "@playwright/test";

const slug = "russia-amnesty-undesirable";

function expectStrictHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["cross-origin-resource-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["cache-control"], what).toBeTruthy();
  expect(headers["x-powered-by"], what).toBeUndefined();
}

test("every API route answers with the security headers, and JSON needs no nonce", async ({ request }) => {
  const answers: [string, APIResponse][] = [
    ["GET /api/campaigns", await request.get("/api/campaigns")],
    [`GET /api/campaigns/${slug}`, await request.get(`/api/campaigns/${slug}`)],
    [`GET /api/campaigns/${slug}/totals`, await request.get(`/api/campaigns/${slug}/totals`)],
    ["GET /api/campaigns/no-such-campaign/totals", await request.get("/api/campaigns/no-such-campaign/totals")],
    ["GET /api/proof-of-work", await request.get("/api/proof-of-work")],
    ["GET /api/openapi.json", await request.get("/api/openapi.json")],
    [
      `POST /api/campaigns/${slug}/signatures`,
      await request.post(`/api/campaigns/${slug}/signatures`, {
        data: {},
        headers: { "content-type": "application/json" },
      }),
    ],
  ];
  for (const [what, response] of answers) {
    expect(response.status(), what).toBeLessThan(500);
    expect(response.headers()["content-type"], what).toMatch(/^application\/json/);
    expectStrictHeaders(response, what);
    expect(response.headers()["content-security-policy"], what).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});

test("an API address that is not percent-decodable gets the JSON 400, with the headers", async ({ request }) => {
  for (const path of ["/api/campaigns/%zz", `/api/campaigns/%E0%A4%A/totals`, "/api/campaigns/%zz/signatures"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).error.code, path).toBe("bad_request");
    expectStrictHeaders(response, path);
  }
});

test("an oversized signature gets the JSON 413", async ({ request }) => {
  const response = await request.post(`/api/campaigns/${slug}/signatures`, {
    data: JSON.stringify({ body: "x".repeat(70 * 1024) }),
    headers: { "content-type": "application/json" },
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.code).toBe("too_large");
  expectStrictHeaders(response, "413");
});

test("any other /api/ address is the not-found page, through proxy.ts with its nonce", async ({ request }) => {
  for (const path of ["/api/unknown", `/api/campaigns/${slug}/unknown`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expectStrictHeaders(response, path);
    expect(response.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
  }
});
