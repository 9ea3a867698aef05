// Staff and admin form messages in the reader's language, until their
// schemas give codes as the letter form's do (lib/core/errors.ts). Their
// schemas keep English messages; an English catalogue lists each of them as
// a template ("staffFormErrors", "adminFormErrors"), and this turns an
// English message back into its key and values, then into the other
// language. The letter form and the API do not use it.
import { catalogues, translator } from "./messages";

export type ErrorNamespace = "staffFormErrors" | "adminFormErrors";

type Pattern = { key: string; names: string[]; regex: RegExp };

// "Choose at most {max} addressees." → /^Choose at most (.+?) addressees\.$/ with names ["max"].
function patternsOf(templates: Record<string, string>): Pattern[] {
  return Object.entries(templates).map(([key, template]) => {
    const simple = template.replace(/\{(\w+), plural, [^}]*\{[^}]*\}[^}]*\{[^}]*\}\}/g, "(?:.+?)");
    const names: string[] = [];
    const source = simple
      .split(/(\{\w+\}|\(\?:\.\+\?\))/)
      .map((part) => {
        const hole = part.match(/^\{(\w+)\}$/);
        if (hole) {
          names.push(hole[1]!);
          return "([\\s\\S]+?)";
        }
        return part === "(?:.+?)" ? part : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("");
    return { key, names, regex: new RegExp(`^${source}$`) };
  });
}

const patterns = new Map<ErrorNamespace, Pattern[]>();
function patternsFor(namespace: ErrorNamespace): Pattern[] {
  let list = patterns.get(namespace);
  if (!list) patterns.set(namespace, (list = patternsOf(catalogues.en[namespace] as Record<string, string>)));
  return list;
}

export function translateFormMessage(message: string, locale: string, namespace: ErrorNamespace): string {
  if (locale === "en") return message;
  for (const { key, names, regex } of patternsFor(namespace)) {
    const match = message.match(regex);
    if (!match) continue;
    const values = Object.fromEntries(
      names.map((name, i) => [name, /^\d+$/.test(match[i + 1]!) ? Number(match[i + 1]) : match[i + 1]!]),
    );
    // The key comes from the English catalogue; every catalogue has the same keys (tested).
    return (translator(locale, namespace) as (key: string, values?: Record<string, string | number>) => string)(
      key,
      values,
    );
  }
  return message;
}

export function translateFieldErrors(
  errors: Record<string, string[]>,
  locale: string,
  namespace: ErrorNamespace,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, messages]) => [
      field,
      messages.map((m) => translateFormMessage(m, locale, namespace)),
    ]),
  );
}
