import { countryName, countryNotGiven } from "./countries";
import type { IdentityLevel } from "@/lib/core/vocabulary";

const anonymousSupporter: Record<string, (country: string) => string> = {
  en: (country) => `A supporter from ${country}`,
  fr: (country) => `Une personne solidaire, ${country}`,
  es: (country) => `Una persona solidaria de ${country}`,
  ru: (country) => `Сторонник кампании (${country})`,
};
// For a supporter who prefers not to say their country.
const anonymousNowhere: Record<string, string> = {
  en: "A supporter",
  fr: "Une personne solidaire",
  es: "Una persona solidaria",
  ru: "Сторонник кампании",
};

/** Initials from a name: "Anna-Lena Müller" → "A.-L. M." */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) =>
      word
        .split("-")
        .map((part) => (part ? `${Array.from(part)[0]!.toLocaleUpperCase()}.` : ""))
        .join("-"),
    )
    .join(" ");
}

/**
 * The line that signs a letter, revealing exactly what the supporter chose:
 * full name with city and country, name and country, initials and country,
 * or no name at all.
 */
export function signerLine(options: {
  identity: IdentityLevel;
  name?: string;
  city?: string;
  country: string;
  language: string;
}): string {
  // "Not given" is left out of the letter, not written into it.
  const country = options.country === countryNotGiven ? "" : countryName(options.country, options.language);
  const name = options.name?.trim();
  switch (options.identity) {
    case "full":
      return [name, options.city?.trim(), country].filter(Boolean).join(", ");
    case "name_country":
      return [name, country].filter(Boolean).join(", ");
    case "initials_country":
      return [name ? initialsOf(name) : "", country].filter(Boolean).join(", ");
    case "anonymous":
      if (!country) return anonymousNowhere[options.language] ?? anonymousNowhere.en!;
      return (anonymousSupporter[options.language] ?? anonymousSupporter.en!)(country);
  }
}
