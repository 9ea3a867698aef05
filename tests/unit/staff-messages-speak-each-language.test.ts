// Every message the staff schemas and the password rules can give has its
// translation: the English messages (also the admin:create command's) are
// turned into the staff member's language through "staffFormErrors".
import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password";
import { newPasswordSchema, newStaffSchema, signInSchema, totpSchema } from "@/lib/auth/schema";
import { translateFormMessage } from "@/lib/i18n/form-errors";
import { interfaceLocales } from "@/lib/i18n/locales";
import { catalogues, translator } from "@/lib/i18n/messages";

const long = (n: number) => "x".repeat(n);
const staffMember = {
  email: "ada.lovelace@example.org",
  name: "Ada",
  role: "staff",
  password: "violet meadow lantern river",
};

const bad: {
  schema: { safeParse: (input: unknown) => { success: boolean; error?: { issues: { message: string }[] } } };
  inputs: unknown[];
}[] = [
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
];

function messagesOf(): Set<string> {
  const messages = new Set<string>();
  for (const { schema, inputs } of bad) {
    for (const input of inputs) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) for (const issue of parsed.error!.issues) messages.add(issue.message);
    }
  }
  for (const [password, email] of [
    ["short"],
    [long(129)],
    ["qwerty123456"],
    ["ada.lovelace-2026", "ada.lovelace@example.org"],
  ] as const) {
    const problem = passwordProblem(password, email);
    if (problem) messages.add(problem);
  }
  return messages;
}

describe("staff form messages", () => {
  it("every message the staff schemas and password rules give has a translation in every language", () => {
    const messages = messagesOf();
    // Each of the catalogue's templates is reached by some bad input above.
    for (const template of Object.values(catalogues.en.staffFormErrors)) {
      expect(
        [...messages].some((m) => m.startsWith(template.split("{")[0]!)),
        template,
      ).toBe(true);
    }
    for (const message of messages) {
      for (const locale of interfaceLocales.filter((l) => l !== "en")) {
        const translated = translateFormMessage(message, locale, "staffFormErrors");
        expect(translated, `${message} in ${locale}`).not.toBe(message);
        expect(translated, `${message} in ${locale}`).not.toMatch(/staffFormErrors\./);
      }
      expect(translateFormMessage(message, "en", "staffFormErrors")).toBe(message);
    }
  });

  it("keeps the numbers and uses the language's plural forms", () => {
    expect(translateFormMessage("Use at least 12 characters.", "fr", "staffFormErrors")).toBe(
      "Utilisez au moins 12 caractères.",
    );
    expect(translateFormMessage("Enter the 6-digit code from your authenticator app.", "es", "staffFormErrors")).toBe(
      "Introduzca el código de 6 dígitos de su aplicación de autenticación.",
    );
    expect(translateFormMessage("Too big: expected string to have <=254 characters", "ru", "staffFormErrors")).toBe(
      "Слишком длинное значение: не более 254 символов.",
    );
    expect(translateFormMessage("Use at most 21 characters.", "ru", "staffFormErrors")).toBe(
      "Пароль должен содержать не более 21 символа.",
    );
    expect(translateFormMessage("Something we never said.", "fr", "staffFormErrors")).toBe("Something we never said.");
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
      expected: "string",
      received: "null",
      options: '"staff"|"admin"',
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
