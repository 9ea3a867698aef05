// proxy.ts skips the JSON API's routes (it cost a third of a signature's
// time), so each route must give the security headers itself. This walks
// every app/api/**/route.ts: Next.js's own matcher for proxy.ts must leave
// it out, and every method it exports must answer with the headers, on a
// success and on a refusal alike. Any other /api/ address (the not-found
// page) and any address with a `%` still go through proxy.ts.
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
import { launchSlug } from "../helpers/signature-api";

/** app/api/**\/route.ts as "app/api/campaigns/[slug]/route.ts". */
function routeFiles(dir = "app/api"): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === "route.ts" ? [full] : [];
  });
}

const addressOf = (file: string, slug: string) =>
  "/" +
  path
    .dirname(file)
    .replace(/^app\//, "")
    .replace(/\[slug\]/g, slug);

// Next.js's own reading of a matcher (not in its type declarations).
const { getMiddlewareMatchers } = createRequire(import.meta.url)("next/dist/build/analysis/get-page-static-info") as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => { regexp: string }[];
};

/** Whether proxy.ts runs for this path, decided as Next.js decides it. */
function proxyRunsFor(pathname: string): boolean {
  const matchers = getMiddlewareMatchers(config.matcher, {});
  return matchers.some((matcher) => new RegExp(matcher.regexp).test(pathname));
}

function expectSecurityHeaders(response: Response, what: string) {
  const headers = response.headers;
  expect(headers.get("content-security-policy"), what).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("referrer-policy"), what).toBe("same-origin");
  expect(headers.get("x-frame-options"), what).toBe("DENY");
  expect(headers.get("cross-origin-opener-policy"), what).toBe("same-origin");
  expect(headers.get("cross-origin-resource-policy"), what).toBe("same-origin");
  expect(headers.get("permissions-policy"), what).toContain("camera=()");
  // Every answer says how it may be cached (each route chooses).
  expect(headers.get("cache-control"), what).toBeTruthy();
}

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;

describe("the JSON API's routes", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedLaunchCampaign();
  });

  const files = routeFiles();

  it("are all found, and proxy.ts runs for none of them but for everything else", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) expect(proxyRunsFor(addressOf(file, launchSlug)), file).toBe(false);
    for (const pathname of [
      "/",
      "/c/x",
      "/api",
      "/api/",
      "/api/unknown",
      "/api/campaigns/x/unknown",
      "/api/campaigns/%zz",
      "/api/campaigns/%zz/signatures",
      "/api/campaigns/x%2Fy/totals",
      "/api/proof-of-workX",
      "/api/openapi.jsonX",
      "/api/campaigns/x/signaturesX",
    ])
      expect(proxyRunsFor(pathname), pathname).toBe(true);
  });

  for (const file of files) {
    it(`${file} answers with the security headers, found or not`, async () => {
      const route = (await import(/* @vite-ignore */ path.resolve(file))) as Partial<
        Record<(typeof methods)[number], Handler>
      >;
      const exported = methods.filter((method) => route[method]);
      expect(exported.length, file).toBeGreaterThan(0);
      for (const method of exported)
        for (const slug of [launchSlug, "no-such-campaign"]) {
          const url = `http://localhost${addressOf(file, slug)}`;
          const body = method === "GET" ? undefined : "{}";
          const response = await route[method]!(
            new Request(url, { method, body, headers: { "content-type": "application/json" } }),
            { params: Promise.resolve({ slug }) },
          );
          expectSecurityHeaders(response, `${method} ${url} (${response.status})`);
        }
    });
  }
});
