// The page cache's rules without HTTP (lib/http/page-cache.ts): which
// requests it may answer and under which key, one render at a time per key at
// most about once a second, never an answer older than its limit, and a
// bounded size whatever keys clients make up.
import { gunzipSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AnswerCache,
  acceptsGzip,
  cachePolicies,
  cacheTarget,
  compressParts,
  fill,
  fillGzipped,
  freshNonce,
  freshSubmissionKey,
  keepable,
  splitOn,
  type CacheTarget,
  type Rendered,
} from "@/lib/http/page-cache";

const page = (url: string, headers: Record<string, string> = {}, method = "GET") =>
  cacheTarget({ method, url, headers: { host: "write.example.org", ...headers } });

describe("which requests the cache answers", () => {
  it("takes plain GETs of the public pages and the totals", () => {
    for (const url of ["/", "/privacy", "/c/launch", "/c/launch/write", "/embed/launch", "/c/launch?lang=fr&source=x"])
      expect(page(url)?.kind, url).toBe("page");
    expect(page("/api/campaigns/launch/totals")?.kind).toBe("totals");
  });

  it("leaves staff, forms, confirmations, deletion, other APIs and files to Next.js", () => {
    for (const url of [
      "/staff",
      "/staff/sign-in",
      "/admin/campaigns",
      "/c/launch/confirm?token=x",
      "/c/launch/letters/sent?result=counted",
      "/privacy/delete?token=x",
      "/api/campaigns/launch",
      "/api/campaigns",
      "/_next/static/chunks/a.js",
      "/c/launch/",
      "http://write.example.org/c/launch",
      `/c/launch?${"x".repeat(3000)}`,
    ])
      expect(page(url), url).toBeNull();
  });

  it("leaves any request with a cookie or credentials, other methods and the client router's requests alone", () => {
    expect(page("/c/launch", { cookie: "lc.session_token=x" })).toBeNull();
    expect(page("/c/launch", { cookie: "anything=1" })).toBeNull();
    expect(page("/c/launch", { authorization: "Basic eA==" })).toBeNull();
    expect(page("/c/launch", {}, "POST")).toBeNull();
    expect(page("/c/launch", {}, "HEAD")).toBeNull();
    for (const name of [
      "rsc",
      "next-router-state-tree",
      "next-router-prefetch",
      "next-router-segment-prefetch",
      "next-action",
      "next-url",
    ])
      expect(page("/c/launch", { [name]: "1" }), name).toBeNull();
    expect(page("/c/launch?_rsc=1")).toBeNull();
    expect(page("/c/launch", { "sec-fetch-dest": "image" })).toBeNull();
    expect(page("/c/launch", { "sec-fetch-dest": "document" })).not.toBeNull();
    expect(cacheTarget({ method: "GET", url: "/c/launch", headers: {} })).toBeNull();
  });

  it("keys by Host, address, negotiated language and kind of client; renders from the key alone", () => {
    const french = page("/c/launch", { "accept-language": "fr-CH, fr;q=0.9", "x-forwarded-for": "10.0.0.1" })!;
    expect(french.key).toBe(page("/c/launch", { "accept-language": "fr" })!.key);
    expect(french.render.headers).toEqual({
      host: "write.example.org",
      "accept-language": "fr",
      "user-agent": "Mozilla/5.0",
      accept: "text/html",
      "accept-encoding": "identity",
    });
    // ?lang= wins over the browser's language, as in proxy.ts.
    expect(page("/c/launch?lang=ru", { "accept-language": "fr" })!.key).toContain('"ru"');
    expect(page("/c/launch", { host: "evil.example" })!.key).not.toBe(page("/c/launch")!.key);
    expect(page("/c/launch?lang=fr")!.key).not.toBe(page("/c/launch?lang=fr&x=1")!.key);
    // Next.js puts metadata in the <head> for bots: a bot gets a bot's render.
    const bot = page("/c/launch", { "user-agent": "Twitterbot/1.0" })!;
    expect(bot.key).not.toBe(page("/c/launch", { "user-agent": "Mozilla/5.0 (X11; Linux) Firefox/140.0" })!.key);
    expect(page("/c/launch", { "user-agent": bot.render.headers["user-agent"]! })!.key).toBe(bot.key);
  });

  it("gzips for clients that take it", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1, gzip;q=0.5")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("what a render leaves to keep", () => {
  const nonce = "AAAAAAAAAAAAAAAAAAAAAA==";
  const html = (body: string, headers: Record<string, string | string[]> = {}, status = 200): Rendered => ({
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      ...headers,
    },
    body: Buffer.from(body),
  });

  it("keeps a 200 page whose scripts carry the CSP's nonce, without its ETag or length", () => {
    const kept = keepable(html(`<script nonce="${nonce}"></script>`, { etag: '"1"', "content-length": "40" }), "page")!;
    expect(kept.body.holes).toEqual(["nonce"]);
    expect(kept.headers.map(([name]) => name)).toEqual(["content-type", "content-security-policy"]);
  });

  it("keeps a 404 as a 404, but no error, no redirect, no cookie, no page without the nonce, and no form with two keys", () => {
    expect(keepable(html(`<script nonce="${nonce}"></script>`, {}, 404), "page")?.status).toBe(404);
    expect(keepable(html(`<script nonce="${nonce}"></script>`, {}, 500), "page")).toBeNull();
    expect(keepable(html(`<script nonce="${nonce}"></script>`, {}, 307), "page")).toBeNull();
    expect(keepable(html(`<script nonce="${nonce}"></script>`, { "set-cookie": ["a=1"] }), "page")).toBeNull();
    expect(keepable(html(`<script></script>`), "page")).toBeNull();
    const two = `<script nonce="${nonce}"></script><input type="hidden" name="submissionKey" value="${"a".repeat(24)}"/><input type="hidden" name="submissionKey" value="${"b".repeat(24)}"/>`;
    expect(keepable(html(two), "page")).toBeNull();
    const unreadable = `<script nonce="${nonce}"></script><input name="submissionKey" type="hidden" value="x"/>`;
    expect(keepable(html(unreadable), "page")).toBeNull();
  });

  it("keeps the totals, whose policy (set by the route, not proxy.ts) has no nonce, with their headers as they were", () => {
    const policy = "default-src 'none'; frame-ancestors 'none'";
    const totals: Rendered = {
      status: 200,
      headers: {
        "content-type": "application/json",
        "content-security-policy": policy,
        "x-content-type-options": "nosniff",
      },
      body: Buffer.from('{"signatures":1}'),
    };
    const kept = keepable(totals, "totals")!;
    expect(kept.body.holes).toEqual([]);
    expect(kept.headers).toEqual([
      ["content-type", "application/json"],
      ["content-security-policy", policy],
      ["x-content-type-options", "nosniff"],
    ]);
    // A page still needs its nonce.
    expect(keepable({ ...totals, headers: { ...totals.headers, "content-type": "text/html" } }, "page")).toBeNull();
  });
});

describe("a kept page gzipped per response without compressing it again", () => {
  it("gunzips to the same text as the plain answer, wherever the values fall", () => {
    const nonce = "NNNNNNNNNNNNNNNNNNNNNN==";
    const key = "KKKKKKKKKKKKKKKKKKKKKKKK";
    const piece = fc.oneof(
      fc.constant(nonce),
      fc.constant(key),
      fc.string({ unit: "grapheme", maxLength: 300 }),
      fc.string({ unit: "binary-ascii", minLength: 70_000, maxLength: 70_000 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const template = splitOn(pieces.join(""), { nonce, submissionKey: key });
        const fresh = { nonce: freshNonce(), submissionKey: freshSubmissionKey() };
        const zipped = fillGzipped(template, compressParts(template), fresh);
        expect(gunzipSync(zipped).equals(fill(template, fresh))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it("compresses about as well as gzip of the whole page, the parts referring back across the values", () => {
    const nonce = "NNNNNNNNNNNNNNNNNNNNNN==";
    const row = (i: number) => `<li class="addressee"><h3>Addressee ${i % 7}</h3><p>Ministry of Justice</p></li>`;
    const page = Array.from(
      { length: 12 },
      (_, i) => `<script nonce="${nonce}">self.__next_f.push([1,"${row(i)}"])</script>${row(i)}`,
    ).join("\n");
    const template = splitOn(page, { nonce });
    const fresh = { nonce: freshNonce(), submissionKey: freshSubmissionKey() };
    const zipped = fillGzipped(template, compressParts(template), fresh);
    expect(gunzipSync(zipped).equals(fill(template, fresh))).toBe(true);
    const whole = gzipSync(fill(template, fresh)).length;
    // Each value costs its bytes stored as they are and a block's few bytes.
    expect(zipped.length).toBeLessThan(whole + template.holes.length * 40);
  });
});

describe("when the cache renders", () => {
  function setup(options: { maxEntries?: number; fail?: boolean } = {}) {
    let clock = 0;
    let renders = 0;
    const pending: (() => void)[] = [];
    const cache = new AnswerCache({
      now: () => clock,
      maxEntries: options.maxEntries,
      render: (target: CacheTarget) =>
        new Promise<Rendered>((resolve, reject) => {
          const n = ++renders;
          pending.push(() =>
            options.fail
              ? reject(new Error("database down"))
              : resolve({
                  status: 200,
                  headers: {
                    "content-type": target.kind === "page" ? "text/html" : "application/json",
                    "content-security-policy": `'nonce-BBBBBBBBBBBBBBBBBBBBBB=='`,
                  },
                  body: Buffer.from(`<script nonce="BBBBBBBBBBBBBBBBBBBBBB==">${n}</script>`),
                }),
          );
        }),
    });
    const settle = async () => {
      while (pending.length) pending.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const renderOf = async (target: CacheTarget) => {
      const found = cache.lookup(target);
      await settle();
      const result = await found;
      return "answer" in result ? Number(result.answer.body.parts[1]!.toString().match(/>(\d+)</)![1]) : null;
    };
    return { cache, settle, renderOf, tick: (ms: number) => (clock += ms), renders: () => renders };
  }

  it("renders once for many waiting requests, then not again within a second", async () => {
    const { cache, settle, tick, renders } = setup();
    const target = page("/c/launch")!;
    const waiting = Array.from({ length: 32 }, () => cache.lookup(target));
    await settle();
    expect(new Set((await Promise.all(waiting)).map((r) => ("answer" in r ? r.answer : null))).size).toBe(1);
    expect(renders()).toBe(1);
    tick(cachePolicies.page.refreshAfterMs - 1);
    await cache.lookup(target);
    expect(renders()).toBe(1);
  });

  it("serves the kept page while one new render runs, and never a page older than its limit", async () => {
    const { cache, settle, tick, renderOf, renders } = setup();
    const target = page("/c/launch")!;
    expect(await renderOf(target)).toBe(1);
    tick(cachePolicies.page.refreshAfterMs);
    // Stale while revalidating: the old answer at once, one render started.
    for (let i = 0; i < 10; i++) expect("answer" in (await cache.lookup(target))).toBe(true);
    expect(renders()).toBe(2);
    await settle();
    expect(await renderOf(target)).toBe(2);
    // Past the limit, a request waits for a new render.
    tick(cachePolicies.page.maxAgeMs);
    expect(await renderOf(target)).toBe(3);
  });

  it("sends requests to Next.js when a render fails, and tries again later", async () => {
    const { cache, settle, tick, renders } = setup({ fail: true });
    const target = page("/c/launch")!;
    const found = cache.lookup(target);
    await settle();
    expect(await found).toEqual({ pass: true });
    expect(await cache.lookup(target)).toEqual({ pass: true });
    expect(renders()).toBe(1);
    tick(cachePolicies.page.refreshAfterMs);
    void cache.lookup(target);
    await settle();
    expect(renders()).toBe(2);
  });

  it("serves totals at most a second old, refreshed in the background after half a second", async () => {
    const { cache, settle, tick, renderOf, renders } = setup();
    const totals = page("/api/campaigns/launch/totals")!;
    expect(await renderOf(totals)).toBe(1);
    tick(cachePolicies.totals.refreshAfterMs - 1);
    expect(await renderOf(totals)).toBe(1);
    // Past half a second: the kept answer at once, one new render behind it.
    tick(1);
    const stale = await cache.lookup(totals);
    expect("answer" in stale && Number(stale.answer.body.parts[1]!.toString().match(/>(\d+)</)![1])).toBe(1);
    expect(renders()).toBe(2);
    await settle();
    expect(await renderOf(totals)).toBe(2);
    // Never older than a second: past it a reader waits for a new render.
    tick(cachePolicies.totals.maxAgeMs);
    expect(await renderOf(totals)).toBe(3);
    expect(cachePolicies.totals.maxAgeMs).toBeLessThanOrEqual(1_000);
  });

  it("keeps at most its number of entries, dropping the oldest, whatever keys clients invent", async () => {
    const { cache, renderOf } = setup({ maxEntries: 10 });
    for (let i = 0; i < 50; i++) await renderOf(page(`/c/launch?x=${i}`, { host: `h${i}.example` })!);
    expect(cache.size).toBe(10);
  });
});
