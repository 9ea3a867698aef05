// Several public origins, one app (lib/core/origins.ts): the Host (and a
// proxy's X-Forwarded-Host) picks the listed origin a request came in on;
// anything else is refused. The settings that name them are checked at start.
import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/core/env";
import { emailLinkOrigins, originOfRequest, publicOriginsOf } from "@/lib/core/origins";

const onionHost = `${"abcdefghijklmnopqrstuvwxyz234567".repeat(2).slice(0, 56)}.onion`;
const base = { APP_SECRET: "x".repeat(40), DATABASE_URL: "postgresql://localhost/db" };
const settings = parseServerEnv({
  ...base,
  PUBLIC_URL: "https://write.example.org",
  ONION_URL: `http://${onionHost}`,
  MIRROR_URLS: "https://mirror.example.net, https://letters.example.com:8443",
});
const origins = publicOriginsOf(settings);
// Raw values as a server reads them (Headers would refuse some before the app sees them).
const request = (host: string | null, forwardedHost?: string) =>
  originOfRequest(
    { get: (name) => (name === "host" ? host : name === "x-forwarded-host" ? (forwardedHost ?? null) : null) },
    origins,
  );

describe("the origin a request came in on", () => {
  it("lists the canonical origin first, then the onion, then the mirrors", () => {
    expect(origins.map((o) => [o.kind, o.origin, o.https])).toEqual([
      ["canonical", "https://write.example.org", true],
      ["onion", `http://${onionHost}`, false],
      ["mirror", "https://mirror.example.net", true],
      ["mirror", "https://letters.example.com:8443", true],
    ]);
  });

  it("is the listed origin whose host the request names, in any case, with or without the default port", () => {
    expect(request("write.example.org")?.kind).toBe("canonical");
    expect(request("WRITE.example.org:443")?.kind).toBe("canonical");
    expect(request("write.example.org.")?.kind).toBe("canonical");
    expect(request(onionHost)?.origin).toBe(`http://${onionHost}`);
    expect(request(`${onionHost}:80`)?.kind).toBe("onion");
    expect(request("mirror.example.net")?.origin).toBe("https://mirror.example.net");
    expect(request("letters.example.com:8443")?.origin).toBe("https://letters.example.com:8443");
    // A proxy that passes Host on and names it again.
    expect(request(onionHost, onionHost)?.kind).toBe("onion");
  });

  it("takes a loopback Host (a health check on the machine) as the canonical origin", () => {
    expect(request("127.0.0.1:3000")?.kind).toBe("canonical");
    expect(request("localhost")?.kind).toBe("canonical");
    expect(request("[::1]:3000")?.kind).toBe("canonical");
  });

  it("refuses every host the operator did not list, and a forwarded host that is not ours", () => {
    for (const host of [
      null,
      "",
      "evil.example",
      "write.example.org.evil.example",
      "evil.example/write.example.org",
      "write.example.org:8080",
      "mirror.example.net:8443",
      `${onionHost.replace("a", "b")}`,
      "write.example.org\r\nX-Injected: 1",
      "write.example.org@evil.example",
      " ",
      "%77rite.example.org",
    ])
      expect(request(host), String(host)).toBeNull();
    expect(request("write.example.org", "evil.example")).toBeNull();
    expect(request("write.example.org", "write.example.org, evil.example")).toBeNull();
    // A loopback name counts only as the Host itself, never forwarded from outside.
    expect(request(onionHost, "localhost")).toBeNull();
    // A proxy may pass a different Host on when it names one of ours as forwarded.
    expect(request("web:3000", "mirror.example.net")).toBeNull();
    expect(request("127.0.0.1:3000", "mirror.example.net")?.kind).toBe("mirror");
  });
});

describe("the links of a supporter's email", () => {
  it("go first to the origin the supporter came on, then the canonical one and the onion, each once", () => {
    expect(emailLinkOrigins("https://mirror.example.net", origins).map((o) => o.origin)).toEqual([
      "https://mirror.example.net",
      "https://write.example.org",
      `http://${onionHost}`,
    ]);
    expect(emailLinkOrigins(`http://${onionHost}`, origins).map((o) => o.kind)).toEqual(["onion", "canonical"]);
    expect(emailLinkOrigins(null, origins).map((o) => o.kind)).toEqual(["canonical", "onion"]);
    // An origin no longer listed (a mirror taken down) is left out.
    expect(emailLinkOrigins("https://old-mirror.example.net", origins).map((o) => o.kind)).toEqual([
      "canonical",
      "onion",
    ]);
    const canonicalOnly = publicOriginsOf(parseServerEnv({ ...base, PUBLIC_URL: "https://write.example.org" }));
    expect(emailLinkOrigins(null, canonicalOnly).map((o) => o.origin)).toEqual(["https://write.example.org"]);
  });
});

describe("the settings that name the origins", () => {
  const problem = (values: Record<string, string>) => {
    try {
      parseServerEnv({ ...base, ...values });
      return "";
    } catch (error) {
      return (error as Error).message;
    }
  };

  it("refuse an onion address that is not a v3 onion origin, naming the variable", () => {
    expect(problem({ ONION_URL: "http://example.onion" })).toMatch(/ONION_URL: must be a v3 onion address/);
    expect(problem({ ONION_URL: `http://${onionHost}/campaign` })).toMatch(/ONION_URL: must be an origin only/);
    expect(problem({ ONION_URL: "write.example.org" })).toMatch(/ONION_URL: must be a URL/);
    expect(problem({ ONION_URL: `http://${onionHost}` })).toBe("");
  });

  it("refuse a mirror that is not an HTTPS origin, naming it", () => {
    expect(problem({ MIRROR_URLS: "https://ok.example.net,http://plain.example.net" })).toMatch(
      /MIRROR_URLS.*http:\/\/plain\.example\.net: a mirror must use https:\/\//,
    );
    expect(problem({ MIRROR_URLS: "https://ok.example.net/path" })).toMatch(/must be an origin only/);
    expect(problem({ MIRROR_URLS: "ftp://ok.example.net" })).toMatch(/must start with http:\/\/ or https:\/\//);
    expect(problem({ MIRROR_URLS: "https://a.example.net https://b.example.net" })).toBe("");
    expect(problem({ MIRROR_URLS: "http://mirror.localhost:3000" })).toBe("");
  });
});
