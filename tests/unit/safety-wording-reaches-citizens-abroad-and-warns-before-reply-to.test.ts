// The safety wording, in every language: Russian law reaches Russian citizens
// abroad, posting on X is public (never advised as the safe way for readers
// in Russia), and "let replies reach me" says plainly who will see the address.
import { describe, expect, it } from "vitest";
import { launchCampaign } from "@/lib/campaigns/launch-campaign";
import { translator } from "@/lib/i18n/messages";

const citizensAbroad: Record<string, RegExp> = {
  en: /Russian citizen living abroad/,
  fr: /citoyen russe vivant à l’étranger/,
  es: /ciudadano ruso y vive en el extranjero/,
  ru: /гражданин России, живущий за рубежом/,
};
const publicOnX: Record<string, RegExp> = {
  en: /X is public/,
  fr: /X est publique/,
  es: /X es pública/,
  ru: /X публичен/,
};
const fsbSeesAddress: Record<string, RegExp> = {
  en: /FSB.*email address/,
  fr: /FSB.*adresse e-mail/,
  es: /FSB.*dirección de correo/,
  ru: /ФСБ.*адрес эл\. почты/,
};

describe.each(["en", "fr", "es", "ru"])("safety wording in %s", (language) => {
  it("names Russian citizens abroad on the campaign page, the privacy page and the widget", () => {
    const notice = launchCampaign.translations[language as keyof typeof launchCampaign.translations]!.safetyNotice;
    expect(notice).toMatch(citizensAbroad[language]!);
    expect(translator(language, "privacy")("safetyHeading")).toMatch(/citizen|citoyen|ciudadano|гражданин/);
    expect(translator(language, "embed")("safety")).toMatch(/citizens|citoyens|ciudadanos|граждан/);
  });

  it("does not advise readers in Russia to post on X, and says such a post is public", () => {
    const advice = translator(language, "privacy")("safetyName");
    expect(advice).toMatch(publicOnX[language]!);
    expect(advice).not.toMatch(/or post on X|ou publiez sur X|o publique en X|или опубликуйте пост в X/);
  });

  it("warns beside “let replies reach me” that the FSB will see the address", () => {
    expect(translator(language, "builder")("replyToMeWarning")).toMatch(fsbSeesAddress[language]!);
  });
});
