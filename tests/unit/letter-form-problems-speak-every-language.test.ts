// Every problem the letter form and the signing API can show has a message
// in every language: the schema and the signing use case give codes of the
// "formErrors" catalogue (typed, so a code without an English message does
// not compile; tests/unit/interface-language-… proves every catalogue has
// the same keys), and the generic codes of zod's own messages are there too.
import { describe, expect, it } from "vitest";
import { fallbackCodes, type Problem } from "@/lib/core/errors";
import { interfaceLocales } from "@/lib/i18n/locales";
import { catalogues } from "@/lib/i18n/messages";
import { formMessage } from "@/lib/letters/form-messages";
import { letterProblems, signatureSubmissionSchema } from "@/lib/letters/schema";

const bad = [
  {},
  {
    addressees: [],
    language: "x",
    subject: "",
    body: "",
    identity: "full",
    country: "ZZ",
    channel: "platform_email",
    consentCounted: false,
    replyToMe: true,
  },
  {
    addressees: ["nope"],
    language: "en",
    subject: "a\nb".repeat(150),
    body: "\u0001",
    identity: "full",
    name: "n".repeat(101),
    city: "c\nd",
    country: "DE",
    channel: "own_email_client",
    email: "not-an-email",
    consentCounted: true,
  },
  {
    addressees: Array(21).fill("00000000-0000-4000-8000-000000000000"),
    language: "en",
    subject: "s",
    body: "b".repeat(8001),
    identity: "name_country",
    country: "DE",
    channel: "pdf_print",
    consentCounted: true,
  },
];

describe("form messages", () => {
  it("every problem the schema gives has a message in every language", () => {
    const problems = new Map<string, Problem>();
    for (const input of bad) {
      const parsed = signatureSubmissionSchema.safeParse(input);
      if (!parsed.success)
        for (const list of Object.values(letterProblems(parsed.error))) list.forEach((p) => problems.set(p.code, p));
    }
    expect(problems.size).toBeGreaterThan(12);
    for (const code of fallbackCodes)
      if (!problems.has(code)) problems.set(code, { code, values: { max: 1, min: 1, fields: "x" } });
    for (const [code, problem] of problems) {
      const english = formMessage(problem, "en");
      expect(english, `${code} in en`).not.toBe(code);
      for (const locale of interfaceLocales.filter((l) => l !== "en")) {
        expect(formMessage(problem, locale), `${code} in ${locale}`).not.toBe(english);
      }
    }
  });

  it("has a message in every language for every code of the form and the API", () => {
    for (const section of ["formErrors", "apiErrors"] as const) {
      for (const key of Object.keys(catalogues.en[section])) {
        for (const locale of interfaceLocales) {
          const message = (catalogues[locale][section] as Record<string, string>)[key];
          expect(message, `${section}.${key} in ${locale}`).toMatch(/\p{L}\s+\p{L}/u);
        }
      }
    }
  });

  it("keeps the numbers and uses the language's plural forms", () => {
    expect(formMessage({ code: "addresseesMax", values: { max: 20 } }, "fr")).toBe(
      "Choisissez au plus 20 destinataires.",
    );
    expect(formMessage({ code: "tooMany", values: { minutes: 3 } }, "en")).toBe(
      "Too many letters from here in a short time. Please try again in 3 minutes; nothing you wrote is lost.",
    );
    expect(formMessage({ code: "tooMany", values: { minutes: 3 } }, "ru")).toBe(
      "Слишком много писем отсюда за короткое время. Попробуйте снова через 3 минуты; ничего из написанного не потеряно.",
    );
    expect(formMessage({ code: "Something we never said." }, "es")).toBe("Something we never said.");
  });
});
