import { describe, expect, it } from "vitest";
import { pickTranslation, splitParagraphs } from "@/lib/campaigns/text";

const texts = [
  { language: "ru", title: "Заголовок" },
  { language: "en", title: "Title" },
];

describe("campaign texts", () => {
  it("use the asked language when the campaign has it", () => {
    expect(pickTranslation(texts, ["en", "ru"], "ru")?.title).toBe("Заголовок");
  });

  it("fall back to the campaign's first language otherwise", () => {
    expect(pickTranslation(texts, ["en", "ru"], "fr")?.title).toBe("Title");
    expect(pickTranslation(texts, ["en", "ru"])?.title).toBe("Title");
  });

  it("split paragraphs on blank lines, ignoring stray whitespace", () => {
    expect(splitParagraphs("One.\n\nTwo\nstill two.\r\n  \r\nThree.\n\n\n")).toEqual([
      "One.",
      "Two\nstill two.",
      "Three.",
    ]);
  });
});
