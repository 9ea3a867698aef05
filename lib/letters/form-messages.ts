// Problems as text: the letter form's in the reader's language (the
// supporter's on the form, English for the JSON API), and the API's own
// errors in English. Every text is in messages/*.json.
import type { z } from "zod";
import { describeProblems, type FieldProblems, type Problem, type Translate } from "@/lib/core/errors";
import { translator, type Messages } from "@/lib/i18n/messages";
import { letterProblems } from "./schema";

/** A "formErrors" message; a code no catalogue knows is shown as it is. */
export function formMessage(problem: Problem, locale: string): string {
  const t = translator(locale, "formErrors");
  return t.has(problem.code as never) ? (t as unknown as Translate)(problem.code, problem.values) : problem.code;
}

export function formMessages(problems: FieldProblems, locale: string): Record<string, string[]> {
  return describeProblems(problems, (code, values) => formMessage({ code, values }, locale));
}

/** A failed parse of a letter schema as messages per field (English unless told). */
export function fieldMessages(error: z.ZodError, locale = "en"): Record<string, string[]> {
  return formMessages(letterProblems(error), locale);
}

/** A key of the "apiErrors" catalogue. */
export type ApiMessageKey = keyof Messages["apiErrors"];

/** An error sentence of the JSON API, which speaks English. */
export function apiMessage(key: ApiMessageKey, values?: Record<string, string | number>): string {
  return (translator("en", "apiErrors") as unknown as Translate)(key, values);
}
