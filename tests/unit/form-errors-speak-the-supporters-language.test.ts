// Every message the letter form can show has its translation: the schema's
// English messages (also the API's) are turned into the supporter's language.
import { describe, expect, it } from "vitest";
import { translateFormMessage } from "@/lib/i18n/form-errors";
import { interfaceLocales } from "@/lib/i18n/locales";
import { fieldErrors, signatureSubmissionSchema } from "@/lib/letters/schema";

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
  it("every message the schema gives has a translation in every language", () => {
    const messages = new Set<string>();
    for (const input of bad) {
      const parsed = signatureSubmissionSchema.safeParse(input);
      if (!parsed.success)
        for (const list of Object.values(fieldErrors(parsed.error))) list.forEach((m) => messages.add(m));
    }
    expect(messages.size).toBeGreaterThan(12);
    for (const message of messages) {
      if (message.startsWith("Unknown field") || message.startsWith("Invalid")) continue; // never reach the form
      for (const locale of interfaceLocales.filter((l) => l !== "en")) {
        expect(translateFormMessage(message, locale), `${message} in ${locale}`).not.toBe(message);
      }
    }
  });

  it("keeps the numbers and uses the language's plural forms", () => {
    expect(translateFormMessage("Choose at most 20 addressees.", "fr")).toBe("Choisissez au plus 20 destinataires.");
    expect(
      translateFormMessage(
        "Too many letters from here in a short time. Please try again in 3 minutes; nothing you wrote is lost.",
        "ru",
      ),
    ).toBe(
      "Слишком много писем отсюда за короткое время. Попробуйте снова через 3 минуты; ничего из написанного не потеряно.",
    );
    expect(translateFormMessage("Something we never said.", "es")).toBe("Something we never said.");
  });
});
