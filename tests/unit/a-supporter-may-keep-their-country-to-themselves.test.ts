// Issue 15: submitting without a country said "This field is required." (or
// zod's English "Invalid input: expected string, received undefined"), and
// there was no way to sign without saying where one lives. Now the form asks
// "Choose your country, or 'I prefer not to say'" in the supporter's
// language, "ZZ" (ISO's user-assigned "unknown") is that choice, and the
// letters then sign without a country.
import { describe, expect, it } from "vitest";
import { interfaceLocales } from "@/lib/i18n/locales";
import { catalogues } from "@/lib/i18n/messages";
import { countryName, countryNotGiven, countryOptions } from "@/lib/letters/countries";
import { fieldMessages } from "@/lib/letters/form-messages";
import { signatureSubmissionSchema } from "@/lib/letters/schema";
import { signerLine } from "@/lib/letters/signer-line";

const valid = {
  addressees: ["6f1c2c4e-4b1a-4c8e-9a51-8a1c1b2d3e4f"],
  language: "en",
  subject: "Lift the ban",
  body: "Dear Minister, please act.",
  country: "FR",
  channel: "pdf_print",
  consentCounted: true,
};

const countryErrors = (input: Record<string, unknown>, locale: string) => {
  const result = signatureSubmissionSchema.safeParse(input);
  return result.success ? undefined : fieldMessages(result.error, locale).country;
};

describe("a supporter's country", () => {
  it.each(interfaceLocales)("missing or wrong, it is asked for with the choice not to say it (%s)", (locale) => {
    const { country: _country, ...withoutCountry } = valid;
    const expected = [catalogues[locale].formErrors.countryChoose];
    expect(countryErrors(withoutCountry, locale)).toEqual(expected);
    expect(countryErrors({ ...valid, country: "XX" }, locale)).toEqual(expected);
    expect(countryErrors({ ...valid, country: 7 }, locale)).toEqual(expected);
    expect(catalogues[locale].formErrors.countryChoose).toContain(catalogues[locale].builder.countryNotGiven);
  });

  it("says in English what it asks, naming the choice not to say", () => {
    const { country: _country, ...withoutCountry } = valid;
    expect(countryErrors(withoutCountry, "en")).toEqual(["Choose your country, or “I prefer not to say”."]);
  });

  it("may be kept to oneself: the form offers ZZ apart from the list of countries", () => {
    expect(signatureSubmissionSchema.parse({ ...valid, country: "zz" }).country).toBe(countryNotGiven);
    expect(countryOptions("en").map((c) => c.code)).not.toContain(countryNotGiven);
    expect(countryName(countryNotGiven, "en")).toBe("Not given");
    expect(countryName(countryNotGiven, "ru")).toBe("Не указана");
  });

  it("not given, the letters sign without a country in every language", () => {
    const line = (identity: "anonymous" | "initials_country" | "name_country" | "full", language: string) =>
      signerLine({ identity, name: "Anna Müller", city: "Lyon", country: countryNotGiven, language });
    expect(line("anonymous", "en")).toBe("A supporter");
    expect(line("anonymous", "fr")).toBe("Une personne solidaire");
    expect(line("anonymous", "es")).toBe("Una persona solidaria");
    expect(line("anonymous", "ru")).toBe("Сторонник кампании");
    expect(line("initials_country", "en")).toBe("A. M.");
    expect(line("name_country", "en")).toBe("Anna Müller");
    expect(line("full", "en")).toBe("Anna Müller, Lyon");
    // A country given still signs as before.
    expect(signerLine({ identity: "anonymous", country: "FR", language: "en" })).toBe("A supporter from France");
  });
});

describe("a partner's source code", () => {
  it("is kept when well formed and dropped, never refused, when not", () => {
    expect(signatureSubmissionSchema.parse({ ...valid, source: "amnesty-be" }).source).toBe("amnesty-be");
    for (const source of ["", "UPPER", "a b", "x".repeat(41), "<script>", 42, null, ["a"], { a: 1 }])
      expect(signatureSubmissionSchema.safeParse({ ...valid, source }).success, JSON.stringify(source)).toBe(true);
    expect(signatureSubmissionSchema.parse({ ...valid, source: "a b" }).source).toBeUndefined();
  });
});
