// Interface texts per language. A stop-gap until the i18n library lands
// (issue 6): the JSON files already use its message format ({name} holes).
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";

export type Messages = typeof en;
const catalogues: Record<string, Messages> = { en, ru };

export const interfaceLanguages = Object.keys(catalogues);

export const languageNames: Record<string, string> = { en: "English", ru: "Русский", fr: "Français", es: "Español" };

export function messagesFor(language: string): Messages {
  return catalogues[language] ?? en;
}

/** Replaces {name} holes with values. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (hole, name: string) => (name in values ? String(values[name]) : hole));
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

export function formatDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}
