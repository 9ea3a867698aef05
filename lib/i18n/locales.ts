// The interface languages, and choosing one per request: the `lang` in the
// URL when it names one, else the browser's Accept-Language, else English.
// No cookie: a supporter's language choice is not stored anywhere.
import { match } from "@formatjs/intl-localematcher";

export const interfaceLocales = ["en", "fr", "es", "ru"] as const;
export type InterfaceLocale = (typeof interfaceLocales)[number];
export const defaultLocale: InterfaceLocale = "en";

export { languageNames } from "./language-names";

const rightToLeft = new Set(["ar", "fa", "he", "ur", "ps", "yi"]);

export function isInterfaceLocale(value: unknown): value is InterfaceLocale {
  return typeof value === "string" && (interfaceLocales as readonly string[]).includes(value);
}

/** Accept-Language as tags, best first ("fr-CH, fr;q=0.9, en;q=0.8" → fr-CH, fr, en). */
export function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.q > 0 && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(l.tag))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

export function negotiateLocale(options: {
  requested?: string | null;
  acceptLanguage?: string | null;
}): InterfaceLocale {
  if (isInterfaceLocale(options.requested)) return options.requested;
  const wanted = acceptedLanguages(options.acceptLanguage ?? null);
  if (wanted.length === 0) return defaultLocale;
  try {
    return match(wanted, [...interfaceLocales], defaultLocale) as InterfaceLocale;
  } catch {
    return defaultLocale;
  }
}

export function directionOf(locale: string): "ltr" | "rtl" {
  return rightToLeft.has(locale.split("-")[0]!) ? "rtl" : "ltr";
}
