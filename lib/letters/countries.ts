// ISO 3166-1 alpha-2 codes of countries and territories a supporter may
// choose; names come from Intl.DisplayNames in the reader's language.
export const countryCodes = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
  "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
  "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
  "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
  "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
).split(" ");

const codeSet = new Set(countryCodes);

/** A real country or territory (addressees have one). */
export function isCountryCode(code: string): boolean {
  return codeSet.has(code);
}

/**
 * A supporter who prefers not to say where they are: ISO 3166's
 * user-assigned "ZZ" (unknown), so Signature.country stays two letters.
 * Letters then sign without a country, counts show it as "not given".
 */
export const countryNotGiven = "ZZ";

/** What a supporter may give as their country: a real one, or "not given". */
export function isSupporterCountry(code: string): boolean {
  return code === countryNotGiven || codeSet.has(code);
}

const notGivenNames: Record<string, string> = {
  en: "Not given",
  fr: "Non indiqué",
  es: "No indicado",
  ru: "Не указана",
};

// Made once per language: a DisplayNames is costly to build (the picker asks for 250 names).
const displayNames = new Map<string, Intl.DisplayNames | null>();
function regionNames(language: string): Intl.DisplayNames | null {
  if (!displayNames.has(language)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([language, "en"], { type: "region" });
    } catch {
      // an invalid language tag: codes are shown as they are
    }
    displayNames.set(language, names);
  }
  return displayNames.get(language)!;
}

/** A country's name in `language`; "not given" for countryNotGiven (Intl would say "Unknown Region"). */
export function countryName(code: string, language: string): string {
  if (code === countryNotGiven) return notGivenNames[language] ?? notGivenNames.en!;
  try {
    return regionNames(language)?.of(code) ?? code;
  } catch {
    return code;
  }
}

const optionsByLanguage = new Map<string, { code: string; name: string }[]>();

/** Countries sorted by their name in `language`, for a picker. */
export function countryOptions(language: string): { code: string; name: string }[] {
  let options = optionsByLanguage.get(language);
  if (!options) {
    const collator = new Intl.Collator(language);
    options = countryCodes
      .map((code) => ({ code, name: countryName(code, language) }))
      .sort((a, b) => collator.compare(a.name, b.name));
    optionsByLanguage.set(language, options);
  }
  return options;
}
