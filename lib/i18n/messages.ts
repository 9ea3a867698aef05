// Interface texts per language (messages/*.json, ICU message format),
// formatted by use-intl, the core of next-intl.
import { createTranslator } from "use-intl/core";
import { problemMessage, type Problem, type Translate } from "@/lib/core/errors";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import ru from "@/messages/ru.json";
import adminEn from "@/messages/admin/en.json";
import adminEs from "@/messages/admin/es.json";
import adminFr from "@/messages/admin/fr.json";
import adminRu from "@/messages/admin/ru.json";
import staffEn from "@/messages/staff/en.json";
import staffEs from "@/messages/staff/es.json";
import staffFr from "@/messages/staff/fr.json";
import staffRu from "@/messages/staff/ru.json";
import { defaultLocale, isInterfaceLocale, type InterfaceLocale } from "./locales";

// Supporter pages, the staff area and the admin area keep separate files, so
// each part's texts can change without touching the others.
export type Messages = typeof en & typeof staffEn & typeof adminEn;
export const catalogues: Record<InterfaceLocale, Messages> = {
  en: { ...en, ...staffEn, ...adminEn },
  fr: { ...fr, ...staffFr, ...adminFr },
  es: { ...es, ...staffEs, ...adminEs },
  ru: { ...ru, ...staffRu, ...adminRu },
};

export { interfaceLocales, languageNames } from "./locales";

type Namespace = keyof Messages;

/** A translator for one part of the catalogue: t("key", { values }). */
export function translator<N extends Namespace>(locale: string, namespace: N) {
  const known = isInterfaceLocale(locale) ? locale : defaultLocale;
  return createTranslator({ locale: known, messages: catalogues[known], namespace });
}

/** The staff and admin catalogues whose keys are problem codes (lib/core/errors.ts). */
export type ProblemNamespace = "staffFormErrors" | "adminFormErrors";

/**
 * Problem codes as text in one language, for describeProblems. A code the
 * catalogue lacks is shown as it is (tests check every code has its message).
 */
export function problemTranslator(locale: string, namespace: ProblemNamespace): Translate {
  const t = translator(locale, namespace);
  return (code, values) => (t.has(code as never) ? (t as unknown as Translate)(code, values) : code);
}

/** A problem code of one of these catalogues. */
export type ProblemCode<N extends ProblemNamespace> = keyof Messages[N] & string;

/**
 * A schema's message: the problem's English sentence from the catalogue,
 * registered with the problem (problemMessage), so zod's own readers (logs,
 * the schema fuzz test) see a sentence and problemsOf finds code and values.
 */
export function schemaMessage<N extends ProblemNamespace>(
  namespace: N,
  code: ProblemCode<N>,
  values?: Problem["values"],
): string {
  return problemMessage(values ? { code, values } : { code }, problemTranslator("en", namespace)(code, values));
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

export { formatDate } from "./format-date";
