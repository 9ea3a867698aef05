// The answer cache in front of Next.js (lib/http/cached-answers.ts), over
// real HTTP on loopback, with a stand-in for Next.js that answers as proxy.ts
// and the pages do: a fresh nonce per render in the CSP header and on every
// script, a letter form with a per-view key, and text that shows which Host
// and which cookie it rendered for. Every response must carry its own
// unpredictable nonce, never the render's; nothing personal is ever kept.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachingServer, type CachingServer } from "@/lib/http/cached-answers";
import { securityHeaders } from "@/lib/http/security-headers";

let renders = 0;
let writes = 0;
const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];

/** Stands in for Next.js behind proxy.ts. */
function fakeNext(request: IncomingMessage, response: ServerResponse) {
  renders++;
  seen.push({ url: request.url!, headers: request.headers });
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  for (const [name, value] of Object.entries(securityHeaders({ nonce, https: false, development: false })))
    response.setHeader(name, value);
  response.setHeader("Vary", "rsc, next-router-state-tree, next-router-prefetch, Accept-Language");
  response.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
  response.setHeader("ETag", `"${renders}"`);
  if (request.method === "POST") {
    writes++;
    response.end("written");
    return;
  }
  const url = new URL(request.url!, "http://x");
  if (url.pathname === "/api/campaigns/launch/totals") {
    response.setHeader("Content-Type", "application/json");
    response.end(JSON.stringify({ signatures: writes, render: renders, padding: "x".repeat(2000) }));
    return;
  }
  if (url.pathname === "/c/broken") throw new Error("render failed");
  if (!["/", "/c/launch", "/c/launch/write", "/staff"].includes(url.pathname)) {
    response.statusCode = 404;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(`<p>Not found</p><script nonce="${nonce}"></script>`);
    return;
  }
  const key = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64url");
  const form = url.pathname.endsWith("/write")
    ? `<form><input type="hidden" name="submissionKey" value="${key}"/></form>` +
      `<script nonce="${nonce}">self.__next_f.push([1,"{\\"submissionKey\\":\\"${key}\\"}"])</script>`
    : "";
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.end(
    `<!DOCTYPE html><html><head><script src="/_next/static/a.js" nonce="${nonce}" async=""></script></head><body>` +
      `<p>render ${renders} for host ${request.headers.host} in ${request.headers["accept-language"]}` +
      ` cookie ${request.headers.cookie ?? "none"}</p>${form}<p>${"text ".repeat(400)}</p>` +
      `<script nonce="${nonce}">self.__next_f.push([0])</script><script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script></body></html>`,
  );
}

let cache: CachingServer;
let server: http.Server;
let origin = "";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${origin}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const raw = Buffer.concat(chunks);
        const body = response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
        expect(Number(response.headers["content-length"] ?? raw.length)).toBe(raw.length);
        resolve({ status: response.statusCode!, headers: response.headers, body: body.toString() });
      });
    });
    request.on("error", reject);
    request.end();
  });
}

const nonceOf = (a: Answer) => a.headers["content-security-policy"]!.toString().match(/'nonce-([^']+)'/)![1]!;
const scriptNonces = (a: Answer) => [...a.body.matchAll(/<script[^>]*nonce="([^"]+)"/g)].map((m) => m[1]!);
const renderOf = (a: Answer) => Number(a.body.match(/render (\d+)/)![1]);

beforeAll(async () => {
  cache = await cachingServer(fakeNext, { log: () => {} });
  server = http.createServer(cache.listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await cache.close();
});

describe("the answer cache in front of Next.js", () => {
  it("gives two views of one page one render but two different nonces, each the same in the CSP and every script", async () => {
    const first = await get("/c/launch");
    const second = await get("/c/launch");
    expect(renderOf(second)).toBe(renderOf(first));
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    for (const answer of [first, second]) {
      expect(answer.status).toBe(200);
      expect(nonceOf(answer)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(scriptNonces(answer)).toHaveLength(3);
      expect(new Set(scriptNonces(answer))).toEqual(new Set([nonceOf(answer)]));
      // Inline data that held the render's nonce holds this response's.
      expect(answer.body).toContain(`self.__next_f.push([1,"${nonceOf(answer)}"])`);
      expect(answer.headers.etag).toBeUndefined();
      // Every other header as Next.js sent it.
      expect(answer.headers["cache-control"]).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
      expect(answer.headers.vary).toBe("rsc, next-router-state-tree, next-router-prefetch, Accept-Language");
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["referrer-policy"]).toBe("same-origin");
    }
    // The nonce of the render itself never left the server.
    const rendered = seen.filter((s) => s.url === "/c/launch").length;
    expect(rendered).toBe(1);
  });

  it("renders from the key alone: the language chosen, never a client's other headers", async () => {
    const french = await get("/c/launch", { "accept-language": "fr-CH, fr;q=0.9", "x-debug": "evil" });
    expect(french.body).toContain("in fr cookie none");
    const render = seen.at(-1)!;
    expect(render.headers["x-debug"]).toBeUndefined();
    expect(render.headers["accept-language"]).toBe("fr");
    // Another browser whose languages come to French shares the render.
    const alsoFrench = await get("/c/launch", { "accept-language": "fr" });
    expect(renderOf(alsoFrench)).toBe(renderOf(french));
    expect(nonceOf(alsoFrench)).not.toBe(nonceOf(french));
  });

  it("never serves a request with a session cookie from the cache, nor keeps what it got", async () => {
    await get("/c/launch");
    const before = renders;
    const signedIn = await get("/c/launch", { cookie: "lc.session_token=secret" });
    expect(signedIn.body).toContain("cookie lc.session_token=secret");
    expect(renders).toBe(before + 1);
    const again = await get("/c/launch", { cookie: "lc.session_token=secret" });
    expect(renders).toBe(before + 2);
    expect(renderOf(again)).toBe(before + 2);
    // The anonymous view never shows what the signed-in one got.
    const anonymous = await get("/c/launch");
    expect(anonymous.body).toContain("cookie none");
  });

  it("leaves a request whose X-Forwarded-Host is not its Host to Next.js (proxy.ts refuses an unlisted one)", async () => {
    const before = renders;
    const host = new URL(origin).host;
    const forwarded = await get("/c/launch", { "x-forwarded-host": "evil.example" });
    expect(renders).toBe(before + 1);
    expect(seen.at(-1)!.headers["x-forwarded-host"]).toBe("evil.example");
    expect(forwarded.body).toContain(`for host ${host}`);
    // The same header naming the Host itself (a proxy passing it on) is served from the cache.
    await get("/c/launch", { "x-forwarded-host": host });
    expect(renders).toBe(before + 1);
  });

  it("keeps each Host apart: a made-up Host header gets its own render and changes nobody else's", async () => {
    const host = new URL(origin).host;
    const forged = await get("/", { host: "evil.example" });
    expect(forged.body).toContain("for host evil.example");
    const real = await get("/");
    expect(real.body).toContain(`for host ${host}`);
    expect(real.body).not.toContain("evil.example");
  });

  it("gives every view of the letter form its own submission key, wherever the render had its own", async () => {
    const keys = await Promise.all([get("/c/launch/write"), get("/c/launch/write"), get("/c/launch/write")]);
    expect(new Set(keys.map(renderOf)).size).toBe(1);
    const found = keys.map((answer) => {
      const inForm = answer.body.match(/name="submissionKey" value="([A-Za-z0-9_-]{24})"/)![1]!;
      expect(answer.body).toContain(`\\"submissionKey\\":\\"${inForm}\\"`);
      expect(new Set(scriptNonces(answer))).toEqual(new Set([nonceOf(answer)]));
      return inForm;
    });
    expect(new Set(found).size).toBe(3);
  });

  it("leaves client-router requests, other methods and other pages to Next.js", async () => {
    for (const [path, headers] of [
      ["/c/launch", { rsc: "1" }],
      ["/c/launch", { "next-router-prefetch": "1" }],
      ["/c/launch?_rsc=abc", {}],
      ["/staff", {}],
    ] as const) {
      const before = renders;
      await get(path, headers);
      await get(path, headers);
      expect(renders, `${path} ${JSON.stringify(headers)}`).toBe(before + 2);
    }
    const head = await get("/c/launch", {}, "HEAD");
    expect(head.status).toBe(200);
  });

  it("gzips a response when asked, with a fresh nonce inside", async () => {
    const zipped = await get("/c/launch", { "accept-encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(new Set(scriptNonces(zipped))).toEqual(new Set([nonceOf(zipped)]));
    const plain = await get("/c/launch", { "accept-encoding": "gzip;q=0" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
  });

  it("answers a missing page from one render, each time with its own nonce, and a failed render as Next.js does", async () => {
    const before = renders;
    const missing = [await get("/c/unknown"), await get("/c/unknown")];
    expect(renders).toBe(before + 1);
    for (const answer of missing) {
      expect(answer.status).toBe(404);
      expect(scriptNonces(answer)).toEqual([nonceOf(answer)]);
    }
    expect(nonceOf(missing[0]!)).not.toBe(nonceOf(missing[1]!));
    const broken = await get("/c/broken");
    expect(broken.status).toBe(500);
    // The process is still serving.
    expect((await get("/c/launch")).status).toBe(200);
  });

  it("shows a write in the totals within a second, whichever process answered it", async () => {
    const before = JSON.parse((await get("/api/campaigns/launch/totals")).body);
    const cached = JSON.parse((await get("/api/campaigns/launch/totals")).body);
    expect(cached.render).toBe(before.render);
    const written = Date.now();
    expect((await get("/c/launch/write", {}, "POST")).body).toBe("written");
    // The totals are at most a second old: poll until the write shows (a busy machine may take longer to answer).
    let after = before;
    while (after.signatures === before.signatures) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = JSON.parse((await get("/api/campaigns/launch/totals")).body);
      if (Date.now() - written > 60_000) break;
    }
    expect(after.signatures).toBe(before.signatures + 1);
  });
});
