// ?source=CODE travels from the campaign page into the builder link, only in
// the form admins can define; share links are plain addresses that carry the
// campaign's public URL and nothing about who shares it.
import { describe, expect, it } from "vitest";
import { partnerSource, withPartnerSource } from "@/lib/campaigns/partner-source";
import { shareLinks } from "@/lib/campaigns/share-links";

describe("partner source codes", () => {
  it("carries a well-formed code and drops anything else", () => {
    expect(partnerSource("fidh-newsletter-2025")).toBe("fidh-newsletter-2025");
    expect(partnerSource("a".repeat(40))).toBe("a".repeat(40));
    for (const bad of [
      undefined,
      "",
      "a".repeat(41),
      "FIDH",
      "fidh_news",
      "fidh news",
      "x&lang=ru",
      "é",
      ["a", "b"],
      7,
    ])
      expect(partnerSource(bad), JSON.stringify(bad)).toBeUndefined();
  });

  it("appends the code to a link, after any query it has", () => {
    expect(withPartnerSource("/c/a/write?lang=en", "omct")).toBe("/c/a/write?lang=en&source=omct");
    expect(withPartnerSource("/c/a", "omct")).toBe("/c/a?source=omct");
    expect(withPartnerSource("/c/a/write?lang=en", undefined)).toBe("/c/a/write?lang=en");
  });
});

describe("share links", () => {
  const url = "https://write.example.org/c/russia-amnesty-undesirable";
  const title = "Россия: отмените запрет Amnesty International";
  const links = shareLinks(url, title);

  it("offer email, Telegram, WhatsApp, X and VK, each a plain address with the page and its title", () => {
    expect(links.map((l) => l.service)).toEqual(["email", "telegram", "whatsapp", "x", "vk"]);
    const hosts = links.map((l) => (l.href.startsWith("mailto:") ? "mailto" : new URL(l.href).host));
    expect(hosts).toEqual(["mailto", "t.me", "wa.me", "x.com", "vk.com"]);
    for (const { href } of links) {
      const decoded = decodeURIComponent(href);
      expect(decoded).toContain(url);
      expect(decoded).toContain(title);
    }
  });

  it("add no tracking parameter of any kind", () => {
    for (const { href } of links) expect(href).not.toMatch(/utm_|source=|ref=|fbclid|share_id/);
  });
});
