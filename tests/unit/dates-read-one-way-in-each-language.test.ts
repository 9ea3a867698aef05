// One date style per language, on the page and in the campaign's own texts:
// the page used to say "May 23, 2025" beside a summary saying "19 May 2025".
import { describe, expect, it } from "vitest";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { formatDate } from "@/lib/i18n/messages";
import { formatLetterDate } from "@/lib/letters/compose-letters";

const expected: Record<string, string> = {
  en: "19 May 2025",
  fr: "19 mai 2025",
  es: "19 de mayo de 2025",
  ru: "19 мая 2025 года",
};

describe("formatDate", () => {
  it("writes a day as running text does in each language", () => {
    for (const [language, text] of Object.entries(expected)) expect(formatDate("2025-05-19", language)).toBe(text);
  });

  it("reads a Date by its UTC day, and a regional English tag the same way", () => {
    expect(formatDate(new Date("2025-05-19T23:30:00Z"), "en")).toBe("19 May 2025");
    expect(formatDate("2025-05-19", "en-US")).toBe("19 May 2025");
  });
});

describe("a letter's date line", () => {
  it("writes the day first in English too, as the letter's text does", () => {
    expect(formatLetterDate(new Date("2025-05-19T12:00:00Z"), "en")).toBe("19 May 2025");
    expect(formatLetterDate(new Date("2025-05-19T12:00:00Z"), "fr")).toBe("19 mai 2025");
  });

  it("is written as the pages write dates, in every language (Russian spells out «года»)", () => {
    const day = new Date("2025-05-19T12:00:00Z");
    for (const language of ["en", "fr", "es", "ru"])
      expect(formatLetterDate(day, language), language).toBe(formatDate(day, language));
    expect(formatLetterDate(day, "ru")).toBe("19 мая 2025 года");
  });
});

describe("the launch campaign's texts", () => {
  it("write the date of the ban exactly as the page writes dates", () => {
    for (const [language, text] of Object.entries(launchCampaign.translations)) {
      const day = formatDate("2025-05-19", language);
      expect(text.summary, language).toContain(day);
      expect(text.context, language).toContain(day);
    }
    for (const [language, template] of Object.entries(launchCampaign.templates))
      expect(template.body, language).toContain(formatDate("2025-05-19", language));
  });
});
