// What the appeal gives, and only that: no appeal date (the appeal names
// none), the organiser's name in each language with its article, the first
// thing the appeal asks (the Russian embassy in your own country), and the
// officials' organisations in each language for the letters.
import { describe, expect, it } from "vitest";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";

describe("the launch campaign seed", () => {
  it("gives no appeal date, since the appeal gives none", () => {
    expect(launchCampaign.appealDate).toBeUndefined();
  });

  it("names the organiser in each language, with the article the sentence needs", () => {
    const organisers = Object.fromEntries(
      Object.entries(launchCampaign.translations).map(([language, text]) => [language, text.organiser]),
    );
    expect(organisers).toEqual({
      en: "the Observatory for the Protection of Human Rights Defenders (FIDH-OMCT)",
      fr: "l’Observatoire pour la protection des défenseurs des droits humains (FIDH-OMCT)",
      es: "el Observatorio para la Protección de los Defensores de Derechos Humanos (FIDH-OMCT)",
      ru: "Обсерватория по защите правозащитников (FIDH-OMCT)",
    });
  });

  it("says first, in every language, to write to the Russian embassy in one's own country", () => {
    const embassy: Record<string, RegExp> = {
      en: /Russian embassy in your own country/,
      fr: /ambassade de Russie dans votre propre pays/,
      es: /embajada de Rusia en su propio país/,
      ru: /посольство России в вашей стране/,
    };
    for (const [language, text] of Object.entries(launchCampaign.translations))
      expect(text.firstStep, language).toMatch(embassy[language]!);
  });

  it("gives each official's organisation in Russian, French and Spanish, and none to the missions", () => {
    const organisations = launchCampaign.addressees.map((a) => [a.key, a.translations?.ru?.organisation ?? null]);
    expect(organisations).toEqual([
      ["ru-president", "Администрация Президента Российской Федерации"],
      ["ru-prime-minister", "Правительство Российской Федерации"],
      ["ru-foreign-minister", "Министерство иностранных дел Российской Федерации"],
      ["ru-prosecutor-general", "Генеральная прокуратура Российской Федерации"],
      ["ru-fsb-director", "Федеральная служба безопасности Российской Федерации"],
      ["ru-mission-un-geneva", null],
      ["ru-embassy-be", null],
    ]);
    for (const addressee of launchCampaign.addressees.filter((a) => a.organisation))
      for (const language of ["fr", "es"])
        expect(addressee.translations?.[language]?.organisation, `${addressee.key} ${language}`).toBeTruthy();
  });
});
