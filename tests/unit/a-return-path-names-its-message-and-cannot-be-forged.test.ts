// Every email's envelope sender is bounces+<token>@<mail domain>: the token
// names the message (kind and id) with a keyed MAC, so a bounce says which
// message it is about, and nobody without APP_SECRET can make one that does.
import { beforeAll, describe, expect, it } from "vitest";

const id = "3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b";

describe("the return path", () => {
  let rp: typeof import("@/lib/delivery/return-path");
  beforeAll(async () => {
    process.env.APP_SECRET = "a".repeat(48);
    process.env.DATABASE_URL ??= "postgresql://localhost/unused";
    process.env.MAIL_RETURN_PATH_DOMAIN = "campaigns.example";
    rp = await import("@/lib/delivery/return-path");
  });

  it("names the message, its kind included, and reads back", () => {
    for (const kind of ["delivery", "outbox", "digest"] as const) {
      const address = rp.returnPathAddress({ kind, id });
      expect(address).toMatch(/^bounces\+[a-z]\.[0-9a-f]{32}\.[0-9a-f]{20}@campaigns\.example$/);
      // A local part may have 64 characters at most.
      expect(address.split("@")[0]!.length).toBeLessThanOrEqual(64);
      expect(rp.readReturnPath(address)).toEqual({ kind, id });
      // Mail servers may change the case of what they pass on.
      expect(rp.readReturnPath(address.toUpperCase().replace("CAMPAIGNS.EXAMPLE", "campaigns.example"))).toEqual({
        kind,
        id,
      });
    }
  });

  it("refuses a forged, altered or foreign address", () => {
    const address = rp.returnPathAddress({ kind: "delivery", id });
    const [local, domain] = address.split("@") as [string, string];
    const mac = local.slice(-20);
    const flipped = mac.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    expect(rp.readReturnPath(`${local.slice(0, -20)}${flipped}@${domain}`)).toBeNull();
    // The same MAC for another message, or another kind, does not open.
    expect(rp.readReturnPath(address.replace("3f2a9c1e", "3f2a9c1f"))).toBeNull();
    expect(rp.readReturnPath(address.replace("bounces+m.", "bounces+o."))).toBeNull();
    expect(rp.readReturnPath(`${local}@elsewhere.example`)).toBeNull();
    expect(rp.readReturnPath(`${local.slice(0, -1)}@${domain}`)).toBeNull();
    expect(rp.readReturnPath(`bounces+m.${"0".repeat(32)}.${"0".repeat(20)}@${domain}`)).toBeNull();
    expect(rp.readReturnPath(`postmaster@${domain}`)).toBeNull();
    expect(rp.readReturnPath("not an address")).toBeNull();
  });

  it("reads the message from our own Message-IDs only", () => {
    expect(rp.returnPathOfMessageId(`<${id}@campaigns.example>`)).toEqual({ kind: "delivery", id });
    expect(rp.returnPathOfMessageId(`<outbox-${id}@campaigns.example>`)).toEqual({ kind: "outbox", id });
    expect(rp.returnPathOfMessageId(`<digest-${id}@campaigns.example>`)).toEqual({ kind: "digest", id });
    expect(rp.returnPathOfMessageId("<something-else@campaigns.example>")).toBeNull();
  });
});
