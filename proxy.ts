// Runs before every page and route but the JSON API's (see `config`): a
// fresh nonce per request, and the security headers
// (lib/http/security-headers.ts). Next.js reads the nonce from the request's
// Content-Security-Policy header and puts it on its own scripts.
// Authorisation is NOT done here: every page, route and action checks it
// itself.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/core/env";
import { onionOrigin, originOfRequest } from "@/lib/core/origins";
import { maxRequestBodyBytes } from "@/lib/core/vocabulary";
import { securityHeaders } from "@/lib/http/security-headers";
import { negotiateLocale } from "@/lib/i18n/locales";

const internalHeaders = ["x-nonce", "x-locale", "x-path-without-lang", "x-origin"];

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const refusalCodes = { 400: "bad_request", 413: "too_large", 421: "misdirected" } as const;

/** A refusal with the security headers; JSON where the API answers. */
function refuse(pathname: string, status: 400 | 413 | 421, message: string, headers: Record<string, string>) {
  const api = pathname.startsWith("/api/") || /^\/c\/[^/]+\/letters\//.test(pathname);
  const response = api
    ? NextResponse.json({ error: { code: refusalCodes[status], message } }, { status })
    : new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const settings = env();
  const url = request.nextUrl;
  // Only the campaign widget may be framed, and only by the sites the operator allows.
  const embed = url.pathname.startsWith("/embed/");
  // The listed origin this request came in on: its links, redirects and headers follow it.
  const origin = originOfRequest(request.headers);
  const onion = onionOrigin();
  // Tor Browser offers the onion for the same page (it heeds this on HTTPS
  // pages only). An address past 2 KiB (a hostile one may reach Node's 16 KiB)
  // is not repeated in a header: clients refuse large answer headers (fetch
  // at 16 KiB) and nginx's default buffer gives a 502; the onion's home page
  // stands in.
  const samePage = `${url.pathname}${url.search}`;
  const onionLocation =
    onion && origin && origin.kind !== "onion"
      ? `${onion.origin}${samePage.length <= 2048 ? samePage : "/"}`
      : undefined;
  const headers = securityHeaders({
    nonce,
    // The onion is end-to-end encrypted by Tor; HSTS or upgrade-insecure-requests would break it.
    https: origin !== null && origin.https && origin.kind !== "onion",
    development: settings.NODE_ENV === "development",
    ...(embed ? { embedFrameAncestors: settings.EMBED_FRAME_ANCESTORS } : {}),
    ...(onionLocation ? { onionLocation } : {}),
  });
  // Not a page that links elsewhere: a plain refusal, and the Host is not echoed.
  if (origin === null)
    return refuse(url.pathname, 421, "Misdirected request: this server does not answer for that address.", headers);
  // Next.js answers these with a bare 500 (a path it cannot percent-decode, such
  // as /c/%zz, and a server action over its body limit); say what is wrong instead.
  if (!decodable(url.pathname))
    return refuse(url.pathname, 400, "Bad request: the address is not valid percent-encoded UTF-8.", headers);
  if (request.method === "POST" && Number(request.headers.get("content-length") ?? 0) > maxRequestBodyBytes) {
    return refuse(url.pathname, 413, `The request is larger than ${maxRequestBodyBytes / 1024} KiB.`, headers);
  }
  const requestHeaders = new Headers(request.headers);
  // Headers the proxy tells the pages: whatever a client sent under these names is dropped.
  for (const name of internalHeaders) requestHeaders.delete(name);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-origin", origin.origin);
  // The interface language: ?lang=, else Accept-Language (lib/i18n/locales.ts).
  requestHeaders.set(
    "x-locale",
    negotiateLocale({
      requested: url.searchParams.get("lang"),
      acceptLanguage: request.headers.get("accept-language"),
    }),
  );
  const withoutLang = new URLSearchParams(url.searchParams);
  withoutLang.delete("lang");
  requestHeaders.set("x-path-without-lang", `${url.pathname}${withoutLang.size ? `?${withoutLang}` : ""}`);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  // Pages differ by language: caches must keep one copy per Accept-Language.
  response.headers.append("Vary", "Accept-Language");
  return response;
}

export const config = {
  // Static files and Next's own assets need no nonce. Anchored: an unanchored
  // prefix let /favicon.icoX or /_next/imageX render pages with no security
  // headers and with client-sent x-locale and x-path-without-lang trusted.
  //
  // The JSON API's routes are skipped too: they need no nonce, language or
  // path, set their own security headers (lib/http/json.ts#apiRoute), and
  // the proxy cost a third of a signature's time. Exactly these addresses:
  // any other /api/ address renders the not-found page, which needs the
  // proxy; a segment with a `%` still comes here, for the 400 of an address
  // that is not percent-decodable. (The signing route gives the 413 for an
  // oversized body itself, lib/http/read-body.ts; the others take no body.)
  // tests/integration/api-routes-send-the-security-headers.test.ts keeps
  // this list and app/api equal.
  matcher: [
    {
      source:
        "/((?!_next/static/|_next/image$|favicon\\.ico$|icon\\.svg$|api/(?:campaigns(?:/[^/%]+(?:/totals|/signatures)?)?|proof-of-work|openapi\\.json)$).*)",
    },
  ],
};
