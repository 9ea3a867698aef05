// Runs before every page and route: a fresh nonce per request, and the
// security headers (lib/http/security-headers.ts). Next.js reads the nonce
// from the request's Content-Security-Policy header and puts it on its own
// scripts. Authorisation is NOT done here: every page, route and action
// checks it itself.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { securityHeaders } from "@/lib/http/security-headers";
import { negotiateLocale } from "@/lib/i18n/locales";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const settings = env();
  const url = request.nextUrl;
  // Only the campaign widget may be framed, and only by the sites the operator allows.
  const embed = url.pathname.startsWith("/embed/");
  const headers = securityHeaders({
    nonce,
    https: settings.PUBLIC_URL.startsWith("https://"),
    development: settings.NODE_ENV === "development",
    ...(embed ? { embedFrameAncestors: settings.EMBED_FRAME_ANCESTORS } : {}),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The interface language: ?lang=, else Accept-Language (lib/i18n/locales.ts).
  requestHeaders.set("x-locale", negotiateLocale({ requested: url.searchParams.get("lang"), acceptLanguage: request.headers.get("accept-language") }));
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
  // Static files and Next's own assets need no nonce.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
