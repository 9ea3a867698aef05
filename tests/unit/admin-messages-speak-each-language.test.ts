// Every problem the admin forms and the directory import can show has its
// message in every language: the schemas, the import and the data layer give
// codes of the "adminFormErrors" catalogue (messages/admin/*.json) with their
// values, which the admin reads in the interface language.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { addresseeInputSchema, addresseeTranslationSchema } from "@/lib/admin/addressee-schema";
import { campaignInputSchema } from "@/lib/admin/campaign-schema";
import { describeImportProblem, parseDirectoryCsv, readDirectoryCsv } from "@/lib/admin/directory-csv";
import { sourceInputSchema } from "@/lib/admin/source-schema";
import { fallbackCodes, problemsOf, type Problem } from "@/lib/core/errors";
import { interfaceLocales } from "@/lib/i18n/locales";
import { catalogues, problemTranslator, translator } from "@/lib/i18n/messages";

const others = interfaceLocales.filter((l) => l !== "en");
const translate = (problem: Problem, locale: string) =>
  problemTranslator(locale, "adminFormErrors")(problem.code, problem.values);
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
  { ...addressee, lastVerifiedAt: undefined },
  // Valid field by field; the whole is not.
  { ...addressee, country: "", emails: "" },
  // Delivery settings (pacing, digest, fallback).
  {
    ...addressee,
    timeZone: "Mars/Olympus",
    officeHours: "18-9",
    officeDays: "",
    hourlyCap: "0",
    deliveryMode: "weekly",
    digestFormat: "fax",
    fallback: "pigeon",
  },
  { ...addressee, webFormUrl: "", fallback: "web_form" },
  { ...addressee, postalAddress: "", fallback: "post" },
];
const badSources = [
  { campaignId: "not-a-campaign", code: "Amnesty BE!", label: "" },
  { campaignId: "0b5f6a52-7d3c-4e59-9a43-2f1e8c0d4b21", code: "amnesty-be", label: "x".repeat(201) },
  { campaignId: "0b5f6a52-7d3c-4e59-9a43-2f1e8c0d4b21", code: "amnesty-be", label: "Amnesty\nBelgium" },
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
  // Variants of a template, and the campaign's hourly cap.
  {
    ...campaign,
    hourlyCap: "0",
    templates: {
      en: {
        ...campaign.templates.en,
        subjectVariants: ["Two\nlines"],
        openingVariants: ["o".repeat(2_001)],
        closingVariants: Array.from({ length: 21 }, (_, i) => `Closing ${i}`),
      },
    },
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

// Problems the data layer and the delivery queue give (lib/admin/*.ts, which need a database).
const domainProblems: Problem[] = [
  { code: "keyTaken" },
  { code: "slugTaken" },
  { code: "addresseeGone" },
  { code: "fileTooLarge" },
  { code: "keyOfficial", values: { key: "ru-president" } },
  { code: "translationMissing", values: { language: "fr" } },
  { code: "sourceCodeTaken", values: { code: "amnesty-be" } },
  { code: "firstStepMax", values: { max: 600 } },
  { code: "notAllowedStatus", values: { status: "sent" } },
  { code: "notAllowedStatus", values: { status: "queued" } },
  { code: "letterTextDeleted" },
];

function problemsGiven(schema: z.ZodType, inputs: unknown[]): Problem[] {
  return inputs.flatMap((input) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? [] : Object.values(problemsOf(parsed.error)).flat();
  });
}

/** The first problem a schema gives for this field. */
function problemOf(schema: z.ZodType, input: unknown, field: string): Problem {
  const parsed = schema.safeParse(input);
  return problemsOf(parsed.error!)[field]![0]!;
}

describe("admin form messages", () => {
  it("every code the addressee and campaign schemas give has a message in every language", () => {
    const problems = [
      ...problemsGiven(addresseeInputSchema, badAddressees),
      ...problemsGiven(addresseeTranslationSchema, badTranslations),
      ...problemsGiven(sourceInputSchema, badSources),
      ...problemsGiven(campaignInputSchema, badCampaigns),
      ...domainProblems,
    ];
    const english = new Set(problems.map((p) => translate(p, "en")));
    // The bad inputs reach (nearly) every message the schemas have.
    expect(english.size).toBeGreaterThan(70);
    for (const problem of problems) {
      for (const locale of interfaceLocales)
        expect(translator(locale, "adminFormErrors").has(problem.code as never), `${problem.code} in ${locale}`).toBe(
          true,
        );
      for (const locale of others)
        expect(translate(problem, locale), `${translate(problem, "en")} in ${locale}`).not.toBe(
          translate(problem, "en"),
        );
    }
  });

  it("every problem the directory import names has a message, the row's frame and the problem in it", () => {
    const problems = badFiles.flatMap((file) => {
      const read = readDirectoryCsv(file);
      return read.ok ? [] : read.problems;
    });
    expect(problems.length).toBeGreaterThan(10);
    const codes = new Set(problems.map((p) => p.code));
    for (const problem of problems) {
      const error = describeImportProblem(problem, problemTranslator("en", "adminFormErrors"));
      const inner = problem.row === undefined ? undefined : translate(problem, "en");
      for (const locale of others) {
        const translated = describeImportProblem(problem, problemTranslator(locale, "adminFormErrors"));
        expect(translated, `${error} in ${locale}`).not.toBe(error);
        expect(translated, `${error} in ${locale}`).not.toMatch(/^Row /);
        if (inner) expect(translated, `${error} in ${locale}`).not.toContain(inner);
      }
    }
    // In English, as the parser's English reading gives them.
    expect(
      badFiles.flatMap((file) => {
        const parsed = parseDirectoryCsv(file);
        return parsed.ok ? [] : parsed.errors;
      }),
    ).toEqual(problems.map((p) => describeImportProblem(p, problemTranslator("en", "adminFormErrors"))));
    // Every catalogue code is reached by the schemas, the import or the data layer (zod's generic ones may not be).
    const reached = new Set([
      ...codes,
      "rowProblem",
      // A parser error without a line number, which none of these files provokes.
      "csvInvalid",
      ...[
        ...problemsGiven(addresseeInputSchema, badAddressees),
        ...problemsGiven(addresseeTranslationSchema, badTranslations),
        ...problemsGiven(sourceInputSchema, badSources),
        ...problemsGiven(sourceInputSchema, badSources),
        ...problemsGiven(campaignInputSchema, badCampaigns),
        ...domainProblems,
      ].map((p) => p.code),
    ]);
    for (const code of Object.keys(catalogues.en.adminFormErrors))
      if (!(fallbackCodes as readonly string[]).includes(code)) expect(reached.has(code), code).toBe(true);
  });

  it("says exactly this, with the values kept and the language's plural forms", () => {
    const t = (locale: string) => problemTranslator(locale, "adminFormErrors");
    expect(translate(problemOf(addresseeInputSchema, { ...addressee, emails: "not-an-address" }, "emails"), "fr")).toBe(
      "« not-an-address » n’est pas une adresse e-mail valide.",
    );
    expect(
      describeImportProblem(
        { code: "emailInvalid", values: { email: "not-an-email" }, row: 3, field: "emails" },
        t("ru"),
      ),
    ).toBe("Строка 3: emails: «not-an-email» не является действительным адресом электронной почты.");
    const repeated = readDirectoryCsv(
      [header, row("embassy-pt"), row("embassy-es"), row("embassy-fr"), row("embassy-pt")].join("\n"),
    );
    expect(repeated.ok ? [] : repeated.problems.map((p) => describeImportProblem(p, t("es")))).toEqual([
      "Fila 5: key: «embassy-pt» también está en la fila 2.",
    ]);
    const template = (body: string) => ({ ...campaign, templates: { en: { ...campaign.templates.en, body } } });
    expect(translate(problemOf(campaignInputSchema, template("Dear friend"), "templates.en.body"), "es")).toBe(
      "La carta necesita {{signer}}, donde va la firma de la persona solidaria.",
    );
    expect(
      translate(
        problemOf(campaignInputSchema, template("{{misspelt}} {{typo}} {{signer}}"), "templates.en.body"),
        "fr",
      ),
    ).toBe("La lettre contient une ou des balises inconnues : {{misspelt}}, {{typo}}.");
    const texts = (change: Partial<typeof campaign.texts.en>) => ({
      ...campaign,
      texts: { en: { ...campaign.texts.en, ...change } },
    });
    expect(translate(problemOf(campaignInputSchema, texts({ title: "t".repeat(201) }), "texts.en.title"), "ru")).toBe(
      "В заголовке не больше 200 символов.",
    );
    expect(
      spaced(
        translate(problemOf(campaignInputSchema, texts({ context: "c".repeat(20_001) }), "texts.en.context"), "fr"),
      ),
    ).toBe("La rubrique « Ce qui s’est passé » compte au plus 20 000 caractères.");
    expect(
      translate(
        problemOf(
          campaignInputSchema,
          { ...campaign, languages: ["en", "de"], demands: { en: ["D"], de: ["D"] } },
          "templates.de",
        ),
        "ru",
      ),
    ).toBe("Напишите шаблон письма на языке de.");
    expect(translate({ code: "notAllowedStatus", values: { status: "sent" } }, "fr")).toBe(
      "Ce message a le statut « envoyé ».",
    );
    expect(
      translate(
        problemOf(addresseeInputSchema, { ...addressee, lastVerifiedAt: "23/11/2026" }, "lastVerifiedAt"),
        "en",
      ),
    ).toBe("The date last verified is a date like 2026-11-23.");
    expect(t("es")("Something nobody ever said.")).toBe("Something nobody ever said.");
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
