// Every message the admin forms and the directory import can show has its
// translation: the schemas' English messages (also the CSV import's) are
// turned into the admin's language through "adminFormErrors".
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { translateImportError } from "@/lib/i18n/import-errors";
import { addresseeInputSchema, addresseeTranslationSchema } from "@/lib/admin/addressee-schema";
import { campaignInputSchema } from "@/lib/admin/campaign-schema";
import { parseDirectoryCsv } from "@/lib/admin/directory-csv";
import { translateFormMessage } from "@/lib/i18n/form-errors";
import { interfaceLocales } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";

const others = interfaceLocales.filter((l) => l !== "en");
const translate = (message: string, locale: string) => translateFormMessage(message, locale, "adminFormErrors");
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

const addressee = {
  key: "embassy-xx",
  name: "N",
  role: "R",
  organisation: "",
  kind: "embassy",
  country: "FR",
  emails: "a@b.org",
  xHandle: "",
  postalAddress: "",
  webFormUrl: "",
  salutation: "",
  lastVerifiedAt: "2024-01-01",
  status: "active",
};
const badAddressees = [
  Object.fromEntries(Object.keys(addressee).map((k) => [k, ""])),
  {
    ...addressee,
    key: "k".repeat(81),
    name: "n".repeat(201),
    role: "r\nx",
    organisation: "o".repeat(301),
    country: "XX",
    emails: `bad, a@b.org a@b.org ${Array.from({ length: 10 }, (_, i) => `x${i}@b.org`).join(" ")}`,
    xHandle: "@much_too_long_a_handle",
    postalAddress: "p".repeat(501),
    webFormUrl: "http://example.org",
    salutation: "s\u0001",
    lastVerifiedAt: "2026-02-30",
  },
  {
    ...addressee,
    name: "a\u0007",
    role: "r".repeat(301),
    organisation: "o\nx",
    salutation: "s".repeat(201),
    lastVerifiedAt: `${new Date().getUTCFullYear() + 1}-01-01`,
  },
  { ...addressee, lastVerifiedAt: "23/11/2026" },
  // Valid field by field; the whole is not.
  { ...addressee, country: "", emails: "" },
];
const badTranslations = [
  { language: "x", name: "", role: "", salutation: "" },
  { language: "ru", name: "n".repeat(201), role: "r".repeat(301), salutation: "s".repeat(201) },
  { language: "ru", name: "a\nb", role: "c\nd", salutation: "e\nf" },
];

const texts = { title: "T", summary: "S", context: "C", whyItMatters: "W", safetyNotice: "N" };
const template = { subject: "S", body: "{{signer}}", xPost: "" };
const campaign = {
  slug: "ok",
  organiser: "O",
  status: "draft",
  languages: ["en"],
  signatureGoal: "",
  appealDate: "",
  opensAt: "",
  closesAt: "",
  texts: { en: texts },
  demands: { en: ["D"] },
  templates: { en: template },
  addresseeIds: [] as string[],
};
const badCampaigns = [
  {
    ...campaign,
    slug: "",
    organiser: "",
    status: "pending",
    languages: [],
    signatureGoal: "many",
    appealDate: "soon",
    opensAt: "later",
    closesAt: "never",
    addresseeIds: ["not-a-uuid"],
  },
  {
    ...campaign,
    slug: "Bad Slug",
    organiser: "o".repeat(201),
    languages: ["english"],
    signatureGoal: "0",
    texts: { en: { title: "", summary: "", context: "", whyItMatters: "", safetyNotice: "" } },
    templates: { en: { subject: "", body: "", xPost: "x".repeat(401) } },
    demands: { en: ["d".repeat(1001)] },
  },
  {
    ...campaign,
    slug: "s".repeat(81),
    texts: {
      en: {
        title: "t".repeat(201),
        summary: "s".repeat(601),
        context: "c".repeat(20_001),
        whyItMatters: "w".repeat(20_001),
        safetyNotice: "n".repeat(5_001),
      },
    },
    templates: {
      en: { subject: `${"s".repeat(301)} {{x}}`, body: `{{nope}} ${"b".repeat(20_001)}`, xPost: "{{what}}" },
    },
  },
  // Valid field by field; the whole is not.
  {
    ...campaign,
    status: "open",
    languages: ["en", "en", "fr", "es"],
    opensAt: "2026-01-02T00:00",
    closesAt: "2026-01-01T00:00",
    demands: { en: ["a", "b"], fr: ["a"] },
  },
];

const header = "key,country,name,role,emails,last_verified";
const row = (key: string, cells: Partial<Record<"country" | "emails" | "date", string>> = {}) =>
  `${key},${cells.country ?? "PT"},"Embassy in Lisbon, Portugal",Embassy,${cells.emails ?? "a@b.pt"},${cells.date ?? "2025-05-23"}`;
const badFiles = [
  "",
  "key,name\n",
  "key,country,name,role,telephone,last_verified\n",
  `${header}\nembassy-pt,PT,"unclosed,Embassy,a@b.pt,2025-05-23\n`,
  [header, ...Array.from({ length: 1001 }, (_, i) => row(`embassy-${i}`))].join("\n"),
  [
    header,
    row("embassy-pt"),
    row("embassy-xx", { country: "XX" }),
    row("embassy-ie", { date: "01/11/2026", emails: "not-an-email" }),
    row("embassy-pt"),
    row("Bad Key"),
  ].join("\n"),
  "key,kind,country,name,role,emails,last_verified\nru-president,official,RU,Putin,President,a@b.ru,2025-05-23",
];

// Messages the data layer and the delivery queue give (lib/admin/*.ts, which need a database).
const domainMessages = [
  "Another addressee has this key already.",
  "Another campaign has this address already.",
  "An addressee you chose no longer exists.",
  "The file is larger than 1 MB.",
  "Key “ru-president” belongs to an official, not an embassy; choose another key.",
  "It is sent.",
  "It is queued.",
  "The letter's text was deleted (purge or the supporter's request).",
];

function messagesOf(schema: z.ZodType, inputs: unknown[]): Set<string> {
  const messages = new Set<string>();
  for (const input of inputs) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) parsed.error.issues.forEach((issue) => messages.add(issue.message));
  }
  return messages;
}

describe("admin form messages", () => {
  it("every message the addressee and campaign schemas give has a translation in every language", () => {
    const messages = new Set([
      ...messagesOf(addresseeInputSchema, badAddressees),
      ...messagesOf(addresseeTranslationSchema, badTranslations),
      ...messagesOf(campaignInputSchema, badCampaigns),
      ...domainMessages,
    ]);
    // The bad inputs reach (nearly) every message the schemas have.
    expect(messages.size).toBeGreaterThan(70);
    for (const message of messages) {
      for (const locale of others) expect(translate(message, locale), `${message} in ${locale}`).not.toBe(message);
    }
  });

  it("every problem the directory import names has a translation, the row's frame and the problem in it", () => {
    const errors = badFiles.flatMap((file) => {
      const parsed = parseDirectoryCsv(file);
      return parsed.ok ? [] : parsed.errors;
    });
    expect(errors.length).toBeGreaterThan(10);
    for (const error of errors) {
      const problem = error.match(/^Row \d+: [A-Za-z][\w.]*: ([\s\S]+)$/)?.[1];
      for (const locale of others) {
        const translated = translateImportError(error, locale);
        expect(translated, `${error} in ${locale}`).not.toBe(error);
        expect(translated, `${error} in ${locale}`).not.toMatch(/^Row /);
        if (problem) expect(translated, `${error} in ${locale}`).not.toContain(problem);
      }
      expect(translateImportError(error, "en")).toBe(error);
    }
  });

  it("says exactly this, with the values kept and the language's plural forms", () => {
    expect(translate("“not-an-address” is not a valid email address.", "fr")).toBe(
      "« not-an-address » n’est pas une adresse e-mail valide.",
    );
    expect(translateImportError("Row 3: emails: “not-an-email” is not a valid email address.", "ru")).toBe(
      "Строка 3: emails: «not-an-email» не является действительным адресом электронной почты.",
    );
    expect(translateImportError("Row 5: key: “embassy-pt” is also on row 2.", "es")).toBe(
      "Fila 5: key: «embassy-pt» también está en la fila 2.",
    );
    expect(translate("The letter needs {{signer}}, where the supporter's signature goes.", "es")).toBe(
      "La carta necesita {{signer}}, donde va la firma de la persona solidaria.",
    );
    expect(translate("The letter uses unknown placeholder(s): {{misspelt}}, {{typo}}.", "fr")).toBe(
      "La lettre contient une ou des balises inconnues : {{misspelt}}, {{typo}}.",
    );
    expect(translate("The title has at most 200 characters.", "ru")).toBe("В заголовке не больше 200 символов.");
    expect(spaced(translate("What happened has at most 20000 characters.", "fr"))).toBe(
      "La rubrique « Ce qui s’est passé » compte au plus 20 000 caractères.",
    );
    expect(translate("Write the letter template in de.", "ru")).toBe("Напишите шаблон письма на языке de.");
    expect(translate("It is sent.", "fr")).toBe("Ce message a le statut « envoyé ».");
    expect(translate("The date last verified is a date like 2026-11-23.", "en")).toBe(
      "The date last verified is a date like 2026-11-23.",
    );
    expect(translate("Something nobody ever said.", "es")).toBe("Something nobody ever said.");
  });

  it("counts in each language's plural forms on the admin pages", () => {
    const ru = translator("ru", "admin");
    expect([1, 3, 5, 21].map((count) => ru("directory.caption", { count }))).toEqual([
      "1 посольство или представительство",
      "3 посольства и представительства",
      "5 посольств и представительств",
      "21 посольство или представительство",
    ]);
    expect(translator("fr", "admin")("directory.imported", { created: 1, updated: 4 })).toBe(
      "Importation terminée : 1 nouvelle entrée, 4 entrées mises à jour.",
    );
    // English stays as it was written.
    expect(translator("en", "admin")("directory.imported", { created: 3, updated: 0 })).toBe(
      "Imported: 3 new, 0 updated.",
    );
    expect(translator("en", "admin")("directory.caption", { count: 98 })).toBe("98 embassies and missions");
  });
});
