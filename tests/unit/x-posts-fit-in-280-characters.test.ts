import { describe, expect, it } from "vitest";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { xIntentUrl, xPostText, xWeightedLength } from "@/lib/letters/x-post";

describe("prepared X posts", () => {
  it("count as X does: URLs 23, CJK and emoji 2, Latin and Cyrillic 1", () => {
    expect(xWeightedLength("abc")).toBe(3);
    expect(xWeightedLength("Свобода")).toBe(7);
    expect(xWeightedLength("自由")).toBe(4);
    expect(xWeightedLength("see https://example.org/a/very/long/path/indeed")).toBe(4 + 23);
  });

  it("name the handle and fit in 280 for every seeded template", () => {
    for (const [language, template] of Object.entries(launchCampaign.templates)) {
      for (const handle of ["KremlinRussia_E", "GovernmentRF"]) {
        const text = xPostText(template.xPost!, handle);
        expect(text, language).toContain(`@${handle}`);
        expect(xWeightedLength(text), language).toBeLessThanOrEqual(280);
      }
    }
  });

  it("shorten a long text at a word boundary with an ellipsis, keeping the handle", () => {
    const text = xPostText(`@{{handle}} ${"freedom ".repeat(60)}`, "GovernmentRF");
    expect(xWeightedLength(text)).toBeLessThanOrEqual(280);
    expect(text.startsWith("@GovernmentRF freedom")).toBe(true);
    expect(text.endsWith("freedom…")).toBe(true);
  });

  it("open X's web intent with the text encoded", () => {
    expect(xIntentUrl("@a b&c")).toBe("https://x.com/intent/post?text=%40a%20b%26c");
  });
});
