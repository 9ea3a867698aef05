// Problems are codes, not sentences. A schema or a use case says what is wrong
// as a key into the message catalogues (messages/**, English included) with
// the values the message needs; whoever shows it (a form in the reader's
// language, the JSON API in English) turns it into text with a translator.
// This is the one place a zod error becomes field problems.
import type { z } from "zod";

/** One thing wrong, as a catalogue key and the values its message needs. */
export type Problem = { code: string; values?: Record<string, string | number> };

/** Field name ("addresseeIds", "letters.0.body"; "" for the whole form) to its problems. */
export type FieldProblems = Record<string, Problem[]>;

/** A catalogue key is a plain identifier; anything else is zod's own English. */
const isCode = (message: string) => /^[a-z][A-Za-z0-9]*$/.test(message);

/**
 * The generic codes zod's own messages (no code given in the schema) become,
 * so a missing or mistyped value still reads well in every language. Each
 * catalogue that shows schema problems has a message for every one (tested).
 */
export const fallbackCodes = [
  "required",
  "invalidType",
  "tooLong",
  "tooShort",
  "unknownField",
  "invalidChoice",
  "invalid",
] as const;
export type FallbackCode = (typeof fallbackCodes)[number];

function fallbackCode(issue: z.core.$ZodIssue): FallbackCode {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "required" : "invalidType";
    case "too_big":
      return "tooLong";
    case "too_small":
      return issue.minimum === 1 ? "required" : "tooShort";
    case "unrecognized_keys":
      return "unknownField";
    case "invalid_value":
    case "invalid_union":
      return "invalidChoice";
    default:
      return "invalid";
  }
}

function valuesOf(issue: z.core.$ZodIssue): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if ("maximum" in issue) values.max = Number(issue.maximum);
  if ("minimum" in issue) values.min = Number(issue.minimum);
  if (issue.code === "unrecognized_keys") values.fields = issue.keys.join(", ");
  if (issue.code === "custom" && issue.params) {
    for (const [name, value] of Object.entries(issue.params)) {
      if (typeof value === "string" || typeof value === "number") values[name] = value;
    }
  }
  return values;
}

const registered = new Map<string, Problem>();

/**
 * A schema message that is a sentence and a problem at once. Zod's issues
 * (and whoever reads them raw: logs, the schema fuzz test) keep a readable
 * English sentence, the catalogue's own text; problemsOf finds the problem
 * by the very string registered here, an identity look-up of a message this
 * process made from the catalogue, never a reading of its words. A schema
 * may instead give the bare code as its message.
 */
export function problemMessage(problem: Problem, text: string): string {
  registered.set(text, problem);
  return text;
}

/** One problem per zod issue, keyed by its field's dotted path. */
export function problemsOf(error: z.ZodError): FieldProblems {
  const out: FieldProblems = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".");
    const known = registered.get(issue.message);
    const values = { ...valuesOf(issue), ...known?.values };
    const problem: Problem = {
      code: known?.code ?? (isCode(issue.message) ? issue.message : fallbackCode(issue)),
      ...(Object.keys(values).length ? { values } : {}),
    };
    (out[field] ??= []).push(problem);
  }
  return out;
}

/**
 * Problems under the form field they belong to: "addressees.0" under
 * "addressees", an unknown field under its own name (as a form or an API
 * client knows it), a problem of the whole form under "form".
 */
export function problemsByField(problems: FieldProblems): FieldProblems {
  // A Map, not a plain object: an unknown field called "constructor" or
  // "__proto__" must be reported, not read from Object.prototype.
  const out = new Map<string, Problem[]>();
  for (const [path, list] of Object.entries(problems)) {
    for (const problem of list) {
      const field =
        path === "" && problem.code === "unknownField" && typeof problem.values?.fields === "string"
          ? problem.values.fields
          : path.split(".")[0] || "form";
      out.set(field, [...(out.get(field) ?? []), problem]);
    }
  }
  return Object.fromEntries(out);
}

/** A translator for one catalogue namespace, as lib/i18n/messages.ts makes them. */
export type Translate = (code: string, values?: Record<string, string | number>) => string;

/** Field problems as text, for a form's state or an API answer. */
export function describeProblems(problems: FieldProblems, translate: Translate): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(problems).map(([field, list]) => [field, list.map((p) => translate(p.code, p.values))]),
  );
}

/**
 * Every code the public JSON API answers in `error.code`. The OpenAPI
 * document lists exactly these (tested); lib/http/json.ts gives each its
 * HTTP status.
 */
export const apiErrorCodes = [
  "not_found",
  "bad_request",
  "invalid",
  "rate_limited",
  "too_large",
  "closed",
  "cross_site",
  "misdirected",
  "unavailable",
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

/** An API error before it becomes a response: the code, a sentence for a person, problems per field. */
export type ApiError = {
  code: ApiErrorCode;
  message: string;
  fields?: Record<string, string[]>;
  /** Sent as Retry-After (rate_limited, unavailable). */
  retryAfterSeconds?: number;
};
