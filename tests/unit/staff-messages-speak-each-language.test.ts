// Every problem the staff schemas and the password rules can give has its
// message in every language: they give codes of the "staffFormErrors"
// catalogue (messages/staff/*.json) with their values, which the staff
// member reads in the interface language (and admin:create in English).
import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fallbackCodes, problemsOf, type Problem } from "@/lib/core/errors";
import { passwordIssue } from "@/lib/auth/password";
import { newPasswordSchema, newStaffSchema, signInSchema, totpSchema } from "@/lib/auth/schema";
import { handDeliveryQuerySchema } from "@/lib/hand-delivery/schema";
import { interfaceLocales } from "@/lib/i18n/locales";
import { catalogues, problemTranslator, translator } from "@/lib/i18n/messages";

const long = (n: number) => "x".repeat(n);
const staffMember = {
  email: "ada.lovelace@example.org",
  name: "Ada",
  role: "staff",
  password: "violet meadow lantern river",
};

type Schema = { safeParse: (input: unknown) => { success: boolean; error?: z.ZodError } };

const bad: { schema: Schema; inputs: unknown[] }[] = [
  {
    schema: signInSchema,
    inputs: [
      {},
      { email: null, password: null },
      { email: "not-an-email", password: "" },
      { email: `${long(260)}@example.org`, password: long(129) },
      { email: 1, password: 2 },
    ],
  },
  { schema: totpSchema, inputs: [{}, { code: "12" }, { code: "12345a" }, { code: 123456 }] },
  {
    schema: newStaffSchema,
    inputs: [
      {},
      { ...staffMember, email: "nope", name: "", role: "boss" },
      { ...staffMember, name: long(201) },
      { ...staffMember, password: "short" },
      { ...staffMember, password: long(129) },
      { ...staffMember, password: "qwerty123456" },
      { ...staffMember, password: "ada.lovelace-2026" },
    ],
  },
  { schema: newPasswordSchema, inputs: [5, "", "1q2w3e4r5t6y", long(200)] },
  {
    schema: handDeliveryQuerySchema,
    inputs: [
      {},
      { addressee: "nope", from: "2026-13-01", to: "tomorrow" },
      { addressee: "6f1d0a9e-1c1b-4b5e-9a59-2f0b8c1d2e3f", from: "2026-03-10", to: "2026-03-01" },
      { addressee: "6f1d0a9e-1c1b-4b5e-9a59-2f0b8c1d2e3f", from: "2024-01-01", to: "2026-01-01" },
    ],
  },
];

function problemsGiven(): Problem[] {
  const problems: Problem[] = [];
  for (const { schema, inputs } of bad) {
    for (const input of inputs) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) problems.push(...Object.values(problemsOf(parsed.error!)).flat());
    }
  }
  for (const [password, email] of [
    ["short"],
    [long(129)],
    ["qwerty123456"],
    ["ada.lovelace-2026", "ada.lovelace@example.org"],
  ] as const) {
    const problem = passwordIssue(password, email);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The first message a schema gives for this input, in this language. */
function firstMessage(schema: Schema, input: unknown, locale: string): string {
  const parsed = schema.safeParse(input);
  const [first] = Object.values(problemsOf(parsed.error!)).flat();
  return problemTranslator(locale, "staffFormErrors")(first!.code, first!.values);
}

describe("staff form messages", () => {
  it("every code the staff schemas and password rules give has a message in every language", () => {
    const problems = problemsGiven();
    const codes = new Set(problems.map((p) => p.code));
    // Each of the catalogue's codes is reached by some bad input above (zod's generic ones may not be).
    for (const code of Object.keys(catalogues.en.staffFormErrors)) {
      if (!(fallbackCodes as readonly string[]).includes(code)) expect(codes.has(code), code).toBe(true);
    }
    for (const problem of problems) {
      const english = problemTranslator("en", "staffFormErrors")(problem.code, problem.values);
      expect(translator("en", "staffFormErrors").has(problem.code as never), problem.code).toBe(true);
      for (const locale of interfaceLocales.filter((l) => l !== "en")) {
        expect(translator(locale, "staffFormErrors").has(problem.code as never), `${problem.code} in ${locale}`).toBe(
          true,
        );
        const translated = problemTranslator(locale, "staffFormErrors")(problem.code, problem.values);
        expect(translated, `${english} in ${locale}`).not.toBe(english);
        expect(translated, `${english} in ${locale}`).not.toMatch(/staffFormErrors\./);
      }
    }
  });

  it("keeps the numbers and uses the language's plural forms", () => {
    expect(firstMessage(newPasswordSchema, "short", "fr")).toBe("Utilisez au moins 12 caractères.");
    expect(firstMessage(totpSchema, { code: "12" }, "es")).toBe(
      "Introduzca el código de 6 dígitos de su aplicación de autenticación.",
    );
    expect(firstMessage(signInSchema, { email: `${long(260)}@example.org`, password: "p" }, "ru")).toBe(
      "Слишком длинное значение: не более 254 символов.",
    );
    expect(problemTranslator("ru", "staffFormErrors")("passwordTooLong", { max: 21 })).toBe(
      "Пароль должен содержать не более 21 символа.",
    );
    expect(problemTranslator("fr", "staffFormErrors")("Something we never said.")).toBe("Something we never said.");
    // English, as admin:create prints it.
    expect(firstMessage(newPasswordSchema, "short", "en")).toBe("Use at least 12 characters.");
    expect(firstMessage(totpSchema, { code: "12" }, "en")).toBe("Enter the 6-digit code from your authenticator app.");
  });

  it("tells a locked-out staff member the wait in the language's plural forms", () => {
    const ru = translator("ru", "staff");
    expect([1, 2, 5, 21].map((minutes) => ru("signIn.locked", { minutes }))).toEqual([
      "Слишком много неудачных попыток. Повторите попытку через 1 минуту.",
      "Слишком много неудачных попыток. Повторите попытку через 2 минуты.",
      "Слишком много неудачных попыток. Повторите попытку через 5 минут.",
      "Слишком много неудачных попыток. Повторите попытку через 21 минуту.",
    ]);
    expect(translator("fr", "staff")("signIn.locked", { minutes: 2 })).toBe(
      "Trop de tentatives infructueuses. Réessayez dans 2 minutes.",
    );
    expect(translator("en", "staff")("signIn.locked", { minutes: 1 })).toBe(
      "Too many failed attempts. Try again in 1 minute.",
    );
    expect(translator("en", "staff")("signIn.locked", { minutes: 4 })).toBe(
      "Too many failed attempts. Try again in 4 minutes.",
    );
  });

  it("formats every staff text in every language without an error", () => {
    const values = {
      name: "Ada",
      role: "admin",
      email: "ada@example.org",
      minutes: 3,
      campaign: "C",
      title: "T",
      status: "open",
      count: 1234,
      goal: 5000,
      percent: 0.24,
      time: "t",
      min: 12,
      max: 128,
      fields: "extra",
      // The dashboard's charts (components/staff/bar-chart.tsx, paired-bar-chart.tsx).
      label: "Own email client",
      code: "amnesty-be",
      bars: 2,
      first: "1 Mar",
      last: "2 Mar",
      at: "2 Mar",
      total: 8,
      prepared: 8,
      sent: 2,
      // The notice of a paused address (components/staff/mail-pause-notice.tsx).
      address: "ministry@mid.ru",
      names: "Sergey Lavrov",
      detail: "5.1.1: 550 User unknown",
      date: "2 Mar, 14:00",
      strong: (chunks: string) => chunks,
    };
    const keys = (o: object, p = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    for (const locale of interfaceLocales) {
      const errors: string[] = [];
      const t = createTranslator({
        locale,
        messages: catalogues[locale],
        onError: (error) => errors.push(error.message),
      });
      for (const key of [
        ...keys({ staff: catalogues.en.staff }),
        ...keys({ staffFormErrors: catalogues.en.staffFormErrors }),
      ]) {
        const text = (t.markup as (key: string, values: object) => string)(key, values);
        expect(text, `${key} in ${locale}`).not.toMatch(/[{}]|<\/?strong>/);
      }
      expect(errors, locale).toEqual([]);
    }
  });
});
