// The headers every response carries. Pure, so a unit test can read them for
// each setting; proxy.ts applies them per request with a fresh nonce, and the
// JSON API's routes (which proxy.ts skips) through lib/http/json.ts#apiRoute.

/**
 * The one inline <style> block the proof-of-work widget (altcha 3.2.2) adds
 * to the page, allowed by its hash. An upgrade that changes it shows up as a
 * CSP violation in the e2e tests, which fail on any.
 */
const widgetStyleHash = "'sha256-ZgqGuQlekW98cv0XQjYUGCLTvc3q5MkU+2SkqlFGoTM='";

export type SecurityOptions = {
  nonce: string;
  https: boolean;
  development: boolean;
  /**
   * Who may frame this response: absent for every page but the embed route
   * (/embed/<slug>), which passes EMBED_FRAME_ANCESTORS ("https:", "none" or
   * a list of origins).
   */
  embedFrameAncestors?: string;
  /** The same page on the onion service (Onion-Location), for answers on a clearnet origin. */
  onionLocation?: string;
};

/** The CSP source list for frame-ancestors: 'none' unless this is the embed route. */
function frameAncestors(o: SecurityOptions): string {
  if (o.embedFrameAncestors === undefined || o.embedFrameAncestors === "none") return "'none'";
  return o.embedFrameAncestors;
}

/**
 * Scripts run only from our origin and with this request's nonce; no other
 * origin is reachable for anything (supporters' pages load nothing from
 * elsewhere). Styles: our files and nonce'd blocks; style attributes are
 * allowed because React and the proof-of-work widget set them, and they
 * cannot run code. Workers from blob: are the widget's hashing workers.
 */
export function contentSecurityPolicy(o: SecurityOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${o.nonce}' ${widgetStyleHash}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors(o)}`,
    ...(o.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(o: SecurityOptions): Record<string, string> {
  const framable = frameAncestors(o) !== "'none'";
  return {
    "Content-Security-Policy": contentSecurityPolicy(o),
    ...(o.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
    "X-Content-Type-Options": "nosniff",
    // same-origin, not no-referrer: no referrer reaches another site either
    // way, but under no-referrer browsers send `Origin: null` with form
    // posts, and Next.js then refuses the server actions of supporters
    // without JavaScript as a CSRF attempt.
    "Referrer-Policy": "same-origin",
    // X-Frame-Options cannot name several origins: the embed route relies on
    // frame-ancestors alone (every browser that frames honours it).
    ...(framable ? {} : { "X-Frame-Options": "DENY" }),
    "Cross-Origin-Opener-Policy": "same-origin",
    // A partner page that isolates itself (COEP) may only frame what says cross-origin.
    "Cross-Origin-Resource-Policy": framable ? "cross-origin" : "same-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    ...(o.onionLocation ? { "Onion-Location": o.onionLocation } : {}),
  };
}

/**
 * The same headers for the JSON API, which proxy.ts does not run for (it
 * cost a third of a signature's time). A JSON answer runs no script and
 * loads nothing, so its policy needs no nonce and allows nothing at all.
 */
export function apiSecurityHeaders(o: Pick<SecurityOptions, "https">): Record<string, string> {
  return {
    ...securityHeaders({ nonce: "", https: o.https, development: false }),
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  };
}
