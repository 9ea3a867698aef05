// The security headers for each setting: HSTS and upgrade-insecure-requests
// only over HTTPS, eval only in development, nothing ever from other origins.
import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/http/security-headers";

describe("security headers", () => {
  it("over HTTPS in production: HSTS, no eval, no other origin anywhere", () => {
    const h = securityHeaders({ nonce: "abc", https: true, development: false });
    expect(h["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(h["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(h["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(h["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(h["Content-Security-Policy"]).not.toMatch(/https?:\/\//);
    expect(h["Content-Security-Policy"]).not.toMatch(/\*/);
  });

  it("on plain http (a laptop): no HSTS; in development Next's dev server may eval", () => {
    const h = securityHeaders({ nonce: "abc", https: false, development: true });
    expect(h["Strict-Transport-Security"]).toBeUndefined();
    expect(h["Content-Security-Policy"]).toContain("'unsafe-eval'");
    expect(h["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("every page refuses all frames; only the embed route may be framed, by the sites allowed", () => {
    const page = securityHeaders({ nonce: "abc", https: true, development: false });
    expect(page["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(page["X-Frame-Options"]).toBe("DENY");
    expect(page["Cross-Origin-Resource-Policy"]).toBe("same-origin");

    const anyHttps = securityHeaders({ nonce: "abc", https: true, development: false, embedFrameAncestors: "https:" });
    expect(anyHttps["Content-Security-Policy"]).toContain("frame-ancestors https:;");
    expect(anyHttps["X-Frame-Options"]).toBeUndefined();
    expect(anyHttps["Cross-Origin-Resource-Policy"]).toBe("cross-origin");

    const partners = securityHeaders({
      nonce: "abc",
      https: true,
      development: false,
      embedFrameAncestors: "https://www.fidh.org https://www.omct.org",
    });
    expect(partners["Content-Security-Policy"]).toContain("frame-ancestors https://www.fidh.org https://www.omct.org;");

    const none = securityHeaders({ nonce: "abc", https: true, development: false, embedFrameAncestors: "none" });
    expect(none["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(none["X-Frame-Options"]).toBe("DENY");
  });

  it("name the onion service's copy of the page in Onion-Location when one is set, and only then", () => {
    const onion = "http://" + "a".repeat(56) + ".onion/c/amnesty?lang=ru";
    expect(
      securityHeaders({ nonce: "abc", https: true, development: false, onionLocation: onion })["Onion-Location"],
    ).toBe(onion);
    expect(securityHeaders({ nonce: "abc", https: true, development: false })["Onion-Location"]).toBeUndefined();
  });
});
