// The From line of a letter our server sends reads in the letter's language:
// a Russian letter is not signed "via Letter campaigns".
import { describe, expect, it } from "vitest";
import { letterMail } from "@/lib/delivery/letter-mail";

const mail = (language: string, senderName = "Letter campaigns") =>
  letterMail({
    campaignSender: { name: senderName, address: "letters@campaigns.example" },
    addressee: { name: "Ministry", address: "ministry@mid.ru" },
    identity: "name_country",
    supporterName: "Анна Иванова",
    supporterCountry: "DE",
    language,
    subject: "Subject",
    text: "Text",
    messageId: "<1@campaigns.example>",
  });

describe("the From line of a platform letter", () => {
  it("is in the letter's language", () => {
    expect(mail("ru").from).toEqual({
      name: "Анна Иванова, Германия (через «Кампании писем»)",
      address: "letters@campaigns.example",
    });
    expect(mail("fr").from.name).toBe("Анна Иванова, Allemagne (via Campagnes de lettres)");
    expect(mail("es").from.name).toBe("Анна Иванова, Alemania (vía Campañas de cartas)");
    expect(mail("en").from.name).toBe("Анна Иванова, Germany (via Letter campaigns)");
  });

  it("keeps a sender name the organisation set, and only words the rest", () => {
    expect(mail("ru", "FIDH-OMCT Observatory").from.name).toBe(
      "Анна Иванова, Германия (через «FIDH-OMCT Observatory»)",
    );
  });
});
