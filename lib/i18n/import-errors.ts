// The directory import's problems in the admin's language. A row's problem
// comes framed ("Row 3: emails: “x” is not a valid email address."): the
// frame and the problem inside are translated each, the field (the schema's
// name for the column) is left as it is.
import { translateFormMessage } from "@/lib/i18n/form-errors";

const framed = /^Row (\d+): ([A-Za-z][\w.]*): ([\s\S]+)$/;

export function translateImportError(message: string, locale: string): string {
  const frame = message.match(framed);
  if (!frame) return translateFormMessage(message, locale, "adminFormErrors");
  const [, row, field, problem] = frame;
  return translateFormMessage(
    `Row ${row}: ${field}: ${translateFormMessage(problem!, locale, "adminFormErrors")}`,
    locale,
    "adminFormErrors",
  );
}
