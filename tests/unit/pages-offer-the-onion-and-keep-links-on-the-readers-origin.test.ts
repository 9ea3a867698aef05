// Readers whose network blocks the site or watches it learn of the onion
// address (lib/privacy/onion-offer.ts) in their language; the absolute
// addresses a page shows follow the origin the reader came in on.
import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/core/env";
import { publicOriginsOf } from "@/lib/core/origins";
import { campaignShareUrl } from "@/lib/campaigns/share-links";
import { translator } from "@/lib/i18n/messages";
import { onionOffer } from "@/lib/privacy/onion-offer";

const onionHost = `${"abcdefghijklmnopqrstuvwxyz234567".repeat(2).slice(0, 56)}.onion`;
const base = { APP_SECRET: "x".repeat(40), DATABASE_URL: "postgresql://localhost/db" };
const [canonical, onion, mirror] = publicOriginsOf(
  parseServerEnv({
    ...base,
    PUBLIC_URL: "https://write.example.org",
    ONION_URL: `http://${onionHost}`,
    MIRROR_URLS: "https://mirror.example.net",
  }),
);

describe("the onion offer", () => {
  it("links the same page on the onion, in the reader's language, from the usual address and a mirror", () => {
    for (const origin of [canonical!, mirror!]) {
      expect(onionOffer(origin, "/c/free-them?source=partner", "ru", onion!)).toEqual({
        kind: "elsewhere",
        host: onionHost,
        href: `http://${onionHost}/c/free-them?source=partner&lang=ru`,
      });
    }
  });

  it("says the reader is on it when they are, and is absent when no onion is set", () => {
    expect(onionOffer(onion!, "/privacy", "en", onion!)).toEqual({ kind: "here" });
    expect(onionOffer(canonical!, "/privacy", "en", null)).toBeNull();
  });

  it("never names another host, whatever the path", () => {
    for (const path of ["//evil.example/x", "evil.example", "/\\evil.example"]) {
      const offer = onionOffer(canonical!, path, "en", onion!);
      expect(offer?.kind === "elsewhere" && new URL(offer.href).host).toBe(onionHost);
    }
  });

  it("is worded in every language, with why, how to reach Tor where it is blocked, and without promising anonymity", () => {
    for (const language of ["en", "es", "fr", "ru"]) {
      const t = translator(language, "onion");
      for (const key of ["offer", "why", "here"] as const) expect(t(key)).not.toBe(`onion.${key}`);
      expect(t("offer")).toMatch(/Tor Browser/);
      expect(t("why").length).toBeGreaterThan(100);
      // Tor itself is blocked in Russia: the way round it is named too.
      expect(t("why")).toMatch(/Snowflake/);
    }
    expect(translator("en", "onion")("why")).toMatch(/does not make you anonymous/);
    expect(translator("ru", "onion")("why")).toMatch(/заблокирован/);
  });
});

describe("the share address", () => {
  it("is on the origin the reader came in on", () => {
    expect(campaignShareUrl(`http://${onionHost}`, "free-them")).toBe(`http://${onionHost}/c/free-them`);
    expect(campaignShareUrl("https://mirror.example.net/", "free-them")).toBe("https://mirror.example.net/c/free-them");
  });
});
