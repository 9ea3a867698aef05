// Form messages in the supporter's language. The schemas keep their English
// messages (they are also the JSON API's); messages/en.json lists each of
// them as a template under "formErrors", and this turns an English message
// back into its key and values, then into the other language.
import en from "@/messages/en.json";
import { translator } from "./messages";

type Key = keyof typeof en.formErrors;

// "Choose at most {max} addressees." → /^Choose at most (.+?) addressees\.$/ with names ["max"].
const patterns = (Object.entries(en.formErrors) as [Key, string][]).map(([key, template]) => {
  const simple = template.replace(/\{(\w+), plural, [^}]*\{[^}]*\}[^}]*\{[^}]*\}\}/g, "(?:.+?)");
  const names: string[] = [];
  const source = simple
    .split(/(\{\w+\}|\(\?:\.\+\?\))/)
    .map((part) => {
      const hole = part.match(/^\{(\w+)\}$/);
      if (hole) {
        names.push(hole[1]!);
        return "(.+?)";
      }
      return part === "(?:.+?)" ? part : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return { key, names, regex: new RegExp(`^${source}$`) };
});

export function translateFormMessage(message: string, locale: string): string {
  if (locale === "en") return message;
  for (const { key, names, regex } of patterns) {
    const match = message.match(regex);
    if (!match) continue;
    const values = Object.fromEntries(names.map((name, i) => [name, /^\d+$/.test(match[i + 1]!) ? Number(match[i + 1]) : match[i + 1]!]));
    return translator(locale, "formErrors")(key, values);
  }
  return message;
}

export function translateFieldErrors(errors: Record<string, string[]>, locale: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.map((m) => translateFormMessage(m, locale))]));
}
