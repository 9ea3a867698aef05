// The interface language: ?lang= when it names one we speak, else the
// browser's Accept-Language (by quality), else English.
import { describe, expect, it } from "vitest";
import { acceptedLanguages, directionOf, negotiateLocale } from "@/lib/i18n/locales";
import { catalogues, translator } from "@/lib/i18n/messages";

describe("interface language", () => {
  it("takes ?lang= first, then Accept-Language, then English", () => {
    expect(negotiateLocale({ requested: "ru", acceptLanguage: "fr" })).toBe("ru");
    expect(negotiateLocale({ requested: "de", acceptLanguage: "es-MX, en;q=0.5" })).toBe("es");
    expect(negotiateLocale({ acceptLanguage: "de-CH, fr;q=0.8, en;q=0.6" })).toBe("fr");
    expect(negotiateLocale({ acceptLanguage: "fr;q=0.3, ru;q=0.9" })).toBe("ru");
    expect(negotiateLocale({ acceptLanguage: "zh-CN" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "<script>, ;q=x" })).toBe("en");
  });

  it("reads Accept-Language by quality and order", () => {
    expect(acceptedLanguages("en-US,en;q=0.9,ru;q=0.95")).toEqual(["en-US", "ru", "en"]);
    expect(acceptedLanguages("*;q=0.1, fr;q=0")).toEqual([]);
  });

  it("knows which languages run right to left", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("ru")).toBe("ltr");
  });

  it("has every message in every language, with plural forms where languages need them", () => {
    const keys = (o: object, p = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    for (const messages of Object.values(catalogues)) expect(keys(messages).sort()).toEqual(keys(catalogues.en).sort());
    const ru = translator("ru", "campaign");
    // Numbers are grouped the local way (with no-break spaces, shown here as spaces).
    const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
    expect([0, 1, 2, 5, 21, 1234].map((count) => spaced(ru("signatures", { count })))).toEqual([
      "Напишите первым",
      "Уже написал 1 человек",
      "Уже написали 2 человека",
      "Уже написали 5 человек",
      "Уже написал 21 человек",
      "Уже написали 1 234 человека",
    ]);
    expect(spaced(translator("fr", "campaign")("signatures", { count: 1234 }))).toBe("1 234 personnes ont déjà écrit");
  });
});
