// Every exported zod schema, fed arbitrary JSON-like values and near-valid
// objects (a valid fixture with one field replaced by something hostile):
// safeParse never throws, a refusal always says in an English sentence what
// is wrong, and whatever is accepted keeps the schema's own promises (one
// line where it says one line, no control characters where it forbids them,
// plain email addresses, the same result when parsed again).
//
// The list of schemas is read from the source: a new exported schema that is
// not listed here fails the first test, so none goes unchecked.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { countryCodes, countryNotGiven } from "@/lib/letters/countries";
import { templatePlaceholders } from "@/lib/letters/placeholders";
import { attackStrings } from "../fixtures/attack-strings";

const runs = Number(process.env.SCHEMA_PROPERTY_RUNS ?? 10_000);

// ---------------------------------------------------------------------------
// Which modules hold schemas: every file of lib/ that imports zod as a value,
// and every app/**/schema.ts.

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}
const schemaModules = [
  ...files("lib").filter(
    (f) => f.endsWith(".ts") && /^import (?!type)[^;]*from "zod";?$/m.test(readFileSync(f, "utf8")),
  ),
  ...files("app").filter((f) => f.endsWith("/schema.ts")),
].sort();

const isSchema = (value: unknown): value is z.ZodType => value instanceof z.ZodType;

// ---------------------------------------------------------------------------
// What the checks need.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const languagePattern = /^[a-z]{2,3}$/;
const countries = new Set(countryCodes);
/** Unicode control characters (C0, DEL, C1). */
const control = /\p{Cc}/u;
const controlButLineBreaks = /(?![\t\n\r])\p{Cc}/u;
const lineBreak = /[\r\n\u2028\u2029\u0085]/;

/**
 * One line, no control characters: what "must be on one line, without
 * control characters" promises. The letter form lets a tab through (it is
 * blank space in every output); the admin forms do not.
 */
function oneLine(value: unknown, label: string, options: { tab?: boolean } = {}) {
  expect(typeof value, label).toBe("string");
  expect(lineBreak.test(value as string), `${label} has a line break: ${JSON.stringify(value)}`).toBe(false);
  const text = options.tab ? (value as string).replaceAll("\t", " ") : (value as string);
  expect(control.test(text), `${label} has a control character: ${JSON.stringify(value)}`).toBe(false);
}
function noControlButLineBreaks(value: unknown, label: string) {
  expect(typeof value, label).toBe("string");
  expect(controlButLineBreaks.test(value as string), `${label} has a control character: ${JSON.stringify(value)}`).toBe(
    false,
  );
}
function trimmed(value: unknown, label: string) {
  expect(value, `${label} is trimmed`).toBe(String(value).trim());
}
function plainEmail(value: unknown, label: string) {
  expect(typeof value, label).toBe("string");
  expect(isPlainMailAddress(value as string), `${label} is a plain addr-spec: ${JSON.stringify(value)}`).toBe(true);
  expect(/[\r\n]/.test(value as string), `${label} has CR or LF`).toBe(false);
}
/** PostgreSQL text cannot hold U+0000: nothing bound for the database may carry one. */
function noNulAnywhere(value: unknown, label: string) {
  if (typeof value === "string") expect(value.includes("\u0000"), `${label} holds U+0000`).toBe(false);
  else if (Array.isArray(value)) value.forEach((v, i) => noNulAnywhere(v, `${label}[${i}]`));
  else if (value && typeof value === "object" && !(value instanceof Date))
    for (const [k, v] of Object.entries(value)) noNulAnywhere(v, `${label}.${k}`);
}
const isDate = (value: unknown) => value instanceof Date && !Number.isNaN(value.getTime());
/** Zod measures strings in code points ("characters"), as PostgreSQL does. */
const chars = (value: string) => [...value].length;

/**
 * A message for a person: a sentence in English, not an object's or an
 * error's string form, no stack trace, no control characters.
 */
function messageProblem(message: unknown, typed: () => string): string | null {
  if (typeof message !== "string" || message.trim() === "") return "empty";
  // (Linear patterns only: messages may quote 64 KiB of input.)
  if (
    (message.includes("[object ") && !typed().includes("[object ")) ||
    /\bat \S+:\d+:\d+/.test(message) ||
    /\n\s+at /.test(message)
  )
    return "looks like a dump or a stack";
  if (/^(Error|TypeError|RangeError|SyntaxError)\b/.test(message)) return "is an exception";
  return null;
}
const isSentence = (message: string) => /^\s*[A-Z“"(]/.test(message) && /\p{L}\s+\p{L}/u.test(message);
/** Settings' messages follow the variable's name ("DELIVERY_HOURS: must look like 7-19"). */
const isClause = (message: string) => /^\s*\p{Ll}/u.test(message) && /\p{L}\s+\p{L}/u.test(message);

// ---------------------------------------------------------------------------
// The schemas, each with valid fixtures and what its output promises.

/** A schema's output, read field by field by the checks (each schema's own shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Output = any;

type Case = {
  /** Valid inputs; near-valid ones are made from these. */
  valid: unknown[];
  /** Extra promises of a successful output (input given for context). */
  holds?: (output: Output, input: unknown) => void;
  /** Whether the output parses again to itself (false when transforms change the type). */
  reparses?: boolean;
  /** Output or documentation-only schema: what the server answers, not what it takes. */
  outputOnly?: boolean;
  /** Messages are clauses printed after the setting's name, not sentences. */
  clauses?: boolean;
};

const ids = ["3f0c8a53-2a49-4b47-8f7e-0e4b1c2d3e4f", "9b2d7c11-5e6f-4a1b-9c8d-7e6f5a4b3c2d"];
const letter = {
  addressees: ids,
  language: "en",
  subject: "Remove Amnesty International from the list",
  body: "{{salutation}}\n\nPlease lift the ban.\n\n{{signer}}",
  identity: "full",
  name: "Jörg Müller",
  city: "Köln",
  country: "de",
};

function letterHolds(o: Output) {
  expect(Array.isArray(o.addressees) && o.addressees.length >= 1 && o.addressees.length <= 20).toBe(true);
  for (const id of o.addressees) expect(id).toMatch(uuidPattern);
  expect(o.language).toMatch(languagePattern);
  oneLine(o.subject, "subject", { tab: true });
  trimmed(o.subject, "subject");
  expect(chars(o.subject) >= 1 && chars(o.subject) <= 200).toBe(true);
  noControlButLineBreaks(o.body, "body");
  expect(chars(o.body) <= 8_000 && o.body.trim().length > 0).toBe(true);
  expect(["anonymous", "initials_country", "name_country", "full"]).toContain(o.identity);
  for (const field of ["name", "city"] as const) {
    if (o[field] === undefined) continue;
    oneLine(o[field], field, { tab: true });
    trimmed(o[field], field);
    expect(chars(o[field])).toBeLessThanOrEqual(100);
  }
  expect(countries.has(o.country), `country ${o.country}`).toBe(true);
  // The letter is stored in PostgreSQL, whose text cannot hold U+0000 (the honeypot and proof of work are not).
  noNulAnywhere({ ...o, website: undefined, altcha: undefined }, "letter");
}
function identityRulesHold(o: Output) {
  if (o.identity !== "anonymous") expect(o.name, "a name for an identity that shows it").toBeTruthy();
  if (o.identity === "full") expect(o.city, "a city for the full identity").toBeTruthy();
}

const publicAddressee = {
  id: ids[0],
  key: "ru-president",
  name: "Vladimir Putin",
  role: "President",
  organisation: null,
  kind: "official",
  country: null,
  emails: [],
  xHandle: "KremlinRussia_E",
  postalAddress: "Moscow",
  webFormUrl: null,
  lastVerifiedOn: "2025-05-23",
};
const summary = {
  slug: "russia-amnesty-undesirable",
  status: "open",
  language: "en",
  languages: ["en", "ru"],
  organiser: "FIDH-OMCT",
  title: "Title",
  summary: "Summary",
  signatureGoal: 10_000,
  appealDate: "2025-05-23",
  closesAt: null,
  url: "/c/russia-amnesty-undesirable",
};
const addresseeInput = {
  key: "embassy-fr",
  name: "Embassy of the Russian Federation in France",
  role: "Ambassador",
  organisation: "",
  kind: "embassy",
  country: "fr",
  emails: "info@ambrussie.fr, consul@ambrussie.fr",
  xHandle: "@AmbRusFrance",
  postalAddress: "40-50 Boulevard Lannes\n75116 Paris",
  webFormUrl: "https://france.mid.ru/",
  salutation: "Your Excellency,",
  lastVerifiedAt: "2025-05-23",
  status: "active",
};
const campaignTexts = {
  title: "Title",
  summary: "Summary",
  context: "What happened.",
  whyItMatters: "Because.",
  safetyNotice: "Be careful.",
};
const letterTemplate = {
  subject: "Subject {{addressee_name}}",
  body: "{{salutation}}\n\n{{demands}}\n\n{{signer}}",
  xPost: "@{{handle}} free them",
};
const campaignInput = {
  slug: "a-campaign",
  organiser: "FIDH-OMCT",
  status: "open",
  languages: ["en", "ru"],
  signatureGoal: "10000",
  appealDate: "2025-05-23",
  opensAt: "2025-05-23T09:00",
  closesAt: "",
  texts: { en: campaignTexts, ru: campaignTexts },
  demands: { en: ["Lift the ban."], ru: ["Отмените запрет."] },
  templates: { en: letterTemplate, ru: letterTemplate },
  addresseeIds: ids,
};
const totals = {
  campaign: "russia-amnesty-undesirable",
  signatures: 2,
  signatureGoal: null,
  letters: 3,
  lettersByChannel: { platform_email: 0, own_email_client: 0, pdf_print: 1, x_post: 2, self_reported: 0 },
  lettersSent: 1,
  lettersSentByChannel: { platform_email: 0, own_email_client: 0, pdf_print: 0, x_post: 1, self_reported: 0 },
  lettersByAddressee: [{ key: "ru-president", name: "Vladimir Putin", letters: 2, sent: 1 }],
  signaturesByCountry: { DE: 1, FR: 1 },
  computedAt: "2026-11-23T09:11:20.221Z",
};
const signatureLinks = {
  mailto: "mailto:a@example.org?subject=Lift%20the%20ban",
  mailtoByAddressee: { a1: "mailto:a@example.org" },
  x: [{ addresseeId: "a2", handle: "@mfa_russia", text: "Lift the ban.", url: "https://x.com/intent/post?text=x" }],
  pdf: { method: "POST", url: "/api/letters/pdf", note: "Send the letter form" },
  eml: { method: "POST", url: "/api/letters/eml", note: "Send the letter form" },
};
const env = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://app:secret@db.internal:5432/campaigns",
  APP_SECRET: "a-secret-of-at-least-thirty-two-characters-0123",
  PUBLIC_URL: "https://write.example.org",
  SMTP_URL: "smtp://relay.example.org:587",
  MAIL_FROM_ADDRESS: "letters@example.org",
  MAIL_FROM_NAME: "Letter campaigns",
  CLIENT_IP_HEADER: "x-forwarded-for",
  DELIVERY_HOURS: "7-19",
  DELIVERY_PER_DOMAIN_PER_MINUTE: "30",
  EMBED_FRAME_ANCESTORS: "https://www.fidh.org https://www.omct.org",
  TALLY_IN_WEB_PROCESS: "false",
};

const enumCase = (values: readonly string[]): Case => ({
  valid: [...values],
  holds: (o) => expect(values).toContain(o),
  reparses: true,
});

const cases: Record<string, Case> = {
  // lib/core/vocabulary-schemas.ts: the values of the database's enums, shared by forms, totals and the API.
  "lib/core/vocabulary-schemas.ts#identityLevelSchema": enumCase([
    "anonymous",
    "initials_country",
    "name_country",
    "full",
  ]),
  "lib/core/vocabulary-schemas.ts#letterChannelSchema": enumCase([
    "platform_email",
    "own_email_client",
    "pdf_print",
    "x_post",
    "self_reported",
  ]),
  // lib/admin/source-schema.ts: partner ?source= codes, as admins define them.
  "lib/admin/source-schema.ts#sourceInputSchema": {
    valid: [
      { campaignId: "0b7d3a52-9f1e-4c2a-8d6b-3e5f7a9c1b2d", code: "amnesty-be", label: "Amnesty Belgium newsletter" },
      { campaignId: "0b7d3a52-9f1e-4c2a-8d6b-3e5f7a9c1b2d", code: " OMCT ", label: " OMCT " },
    ],
    holds: (o) => (expect(o.code).toMatch(/^[a-z0-9-]{1,40}$/), oneLine(o.label, "label"), trimmed(o.label, "label")),
    reparses: true,
  },
  "lib/admin/source-schema.ts#sourceRefSchema": {
    valid: [{ campaignId: "0b7d3a52-9f1e-4c2a-8d6b-3e5f7a9c1b2d", code: "amnesty-be" }],
    holds: (o) => (expect(o.campaignId).toMatch(uuidPattern), expect(o.code).toMatch(/^[a-z0-9-]{1,40}$/)),
    reparses: true,
  },
  // lib/hand-delivery/schema.ts: the staff's hand-delivery pack, an addressee and a period of days.
  "lib/hand-delivery/schema.ts#handDeliveryQuerySchema": {
    valid: [
      { addressee: "0b7d3a52-9f1e-4c2a-8d6b-3e5f7a9c1b2d", from: "2026-03-01", to: "2026-03-31" },
      { addressee: "1c8e4b63-0a2f-4d3b-9e7c-4f6a8b0d2c3e", from: " 2025-12-31 ", to: "2025-12-31" },
    ],
    holds: (o) => (
      expect(o.addressee).toMatch(uuidPattern),
      expect(o.from).toMatch(/^\d{4}-\d{2}-\d{2}$/),
      expect(o.to >= o.from).toBe(true)
    ),
    reparses: true,
  },
  // lib/letters/report-letters-sent.ts: the thank-you view's "I sent them" form.
  "lib/letters/report-letters-sent.ts#reportLettersSentSchema": {
    valid: [
      {
        slug: "russia-amnesty-undesirable",
        token: "c2VudC4.signed",
        letters: ["0b7d3a52-9f1e-4c2a-8d6b-3e5f7a9c1b2d 1c8e4b63-0a2f-4d3b-9e7c-4f6a8b0d2c3e"],
      },
      { slug: "a", token: "t", letters: [] },
    ],
    holds: (o) => {
      expect(o.letters.length).toBeLessThanOrEqual(40);
      expect(new Set(o.letters).size).toBe(o.letters.length);
      for (const id of o.letters) expect(id).toMatch(uuidPattern);
    },
    reparses: true,
  },
  // lib/letters/schema.ts: the letter form and the signing API.
  "lib/letters/schema.ts#identityLevelSchema": enumCase(["anonymous", "initials_country", "name_country", "full"]),
  "lib/letters/schema.ts#sendingChannelSchema": enumCase([
    "platform_email",
    "own_email_client",
    "pdf_print",
    "self_reported",
  ]),
  "lib/letters/schema.ts#sourceCodeSchema": {
    valid: ["fidh", "omct-newsletter"],
    holds: (o) => expect(o).toMatch(/^[a-z0-9-]{1,40}$/),
    reparses: true,
  },
  "lib/letters/schema.ts#countryCodeSchema": {
    valid: ["DE", " fr ", "ru", "zz"],
    // "ZZ" is "I prefer not to say" (lib/letters/countries.ts), a choice, not a country.
    holds: (o) => expect(countries.has(o) || o === countryNotGiven).toBe(true),
    reparses: true,
  },
  "lib/letters/schema.ts#letterContentSchema": {
    valid: [letter, { ...letter, identity: "anonymous", name: undefined, city: undefined }],
    holds: letterHolds,
    reparses: true,
  },
  "lib/letters/schema.ts#letterRenderSchema": {
    valid: [{ ...letter, paper: "letter" }, letter],
    holds: (o) => (letterHolds(o), identityRulesHold(o), expect(["a4", "letter"]).toContain(o.paper)),
    reparses: true,
  },
  "lib/letters/schema.ts#signatureSubmissionSchema": {
    valid: [
      {
        ...letter,
        channel: "platform_email",
        email: "jorg@example.org",
        consentIdentity: true,
        consentCounted: true,
        replyToMe: true,
        submissionKey: "abcdefghijklmnop_-12",
      },
      {
        ...letter,
        identity: "anonymous",
        name: undefined,
        city: undefined,
        channel: "pdf_print",
        consentCounted: true,
        website: "",
        altcha: "eyJ9",
      },
    ],
    holds: (o) => {
      letterHolds(o);
      identityRulesHold(o);
      expect(["platform_email", "own_email_client", "pdf_print", "self_reported"]).toContain(o.channel);
      expect(o.consentCounted).toBe(true);
      if (o.email !== undefined) plainEmail(o.email, "email");
      if (o.channel === "platform_email") expect(Boolean(o.email && o.consentIdentity)).toBe(true);
      if (o.replyToMe) expect(o.email).toBeTruthy();
      if (o.submissionKey !== undefined) expect(o.submissionKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
      for (const b of ["replyToMe", "consentIdentity", "consentContact"]) expect(typeof o[b]).toBe("boolean");
    },
    reparses: true,
  },
  // lib/signatures/schema.ts: the signing API's query in, its answer out.
  "lib/signatures/schema.ts#signatureQuerySchema": {
    valid: [{ include: "links" }, {}],
    holds: (o) => expect([undefined, "links"]).toContain(o.include),
    reparses: true,
  },
  "lib/signatures/schema.ts#signatureLinksSchema": {
    valid: [signatureLinks],
    holds: (o) => (
      expect(o.pdf.method).toBe("POST"),
      expect(o.eml.method).toBe("POST"),
      expect(Array.isArray(o.x)).toBe(true)
    ),
    reparses: true,
    outputOnly: true,
  },
  "lib/signatures/schema.ts#signatureAnswerSchema": {
    valid: [
      {
        signatureId: ids[0],
        duplicate: false,
        queued: { platformEmails: 2, awaitingConfirmation: true },
        letters: [{ addresseeId: "a1", name: "Prosecutor General", channel: "platform_email" }],
      },
      {
        signatureId: ids[1],
        duplicate: true,
        queued: { platformEmails: 0, awaitingConfirmation: false },
        letters: [],
        links: signatureLinks,
      },
    ],
    holds: (o) => (
      expect(o.signatureId).toMatch(uuidPattern),
      expect(Number.isInteger(o.queued.platformEmails)).toBe(true),
      expect(typeof o.duplicate).toBe("boolean")
    ),
    reparses: true,
    outputOnly: true,
  },
  // lib/tallies/schema.ts: totals as the API answers them.
  "lib/tallies/schema.ts#letterChannelSchema": enumCase([
    "platform_email",
    "own_email_client",
    "pdf_print",
    "x_post",
    "self_reported",
  ]),
  "lib/tallies/schema.ts#campaignTotalsSchema": {
    valid: [totals],
    holds: (o) => (
      expect(Number.isInteger(o.signatures)).toBe(true),
      expect(
        Object.keys(o.lettersByChannel).every((k) =>
          ["platform_email", "own_email_client", "pdf_print", "x_post", "self_reported"].includes(k),
        ),
      ).toBe(true)
    ),
    reparses: true,
    outputOnly: true,
  },
  "lib/tallies/schema.ts#publicCampaignTotalsSchema": {
    valid: [
      {
        ...totals,
        signatures: 40,
        signaturesByCountry: { DE: 25, other: 11 },
        signaturesByCountryAsOf: "2026-11-23T09:10:00.000Z",
      },
    ],
    holds: (o) => (
      expect(Number.isInteger(o.signatures)).toBe(true),
      expect(typeof o.signaturesByCountryAsOf).toBe("string")
    ),
    reparses: true,
    outputOnly: true,
  },
  // lib/campaigns/schema.ts: route parameters in, public JSON out.
  "lib/campaigns/schema.ts#campaignSlugSchema": {
    valid: ["russia-amnesty-undesirable", "a"],
    holds: (o) => (expect(o).toMatch(slugPattern), expect(o.length).toBeLessThanOrEqual(80)),
    reparses: true,
  },
  "lib/campaigns/schema.ts#languageCodeSchema": {
    valid: ["en", "ru", "ast"],
    holds: (o) => expect(o).toMatch(languagePattern),
    reparses: true,
  },
  "lib/campaigns/schema.ts#campaignParamsSchema": {
    valid: [{ slug: "russia-amnesty-undesirable" }],
    holds: (o) => expect(o.slug).toMatch(slugPattern),
    reparses: true,
  },
  "lib/campaigns/schema.ts#campaignQuerySchema": {
    valid: [{ lang: "ru" }, {}],
    holds: (o) => (
      o.lang === undefined || expect(o.lang).toMatch(languagePattern),
      expect(Object.keys(o).every((k) => k === "lang")).toBe(true)
    ),
    reparses: true,
  },
  "lib/campaigns/schema.ts#addresseeKindSchema": enumCase(["official", "mission", "embassy"]),
  "lib/campaigns/schema.ts#campaignStatusSchema": enumCase(["draft", "open", "closed"]),
  "lib/campaigns/schema.ts#publicAddresseeSchema": {
    valid: [publicAddressee],
    holds: (o) => expect(o.id).toMatch(uuidPattern),
    reparses: true,
    outputOnly: true,
  },
  "lib/campaigns/schema.ts#publicDemandSchema": {
    valid: [{ position: 1, text: "Lift the ban." }],
    holds: (o) => expect(Number.isInteger(o.position)).toBe(true),
    reparses: true,
    outputOnly: true,
  },
  "lib/campaigns/schema.ts#publicCampaignSummarySchema": { valid: [summary], reparses: true, outputOnly: true },
  "lib/campaigns/schema.ts#publicCampaignSchema": {
    valid: [
      {
        ...summary,
        context: ["One."],
        whyItMatters: ["Two."],
        safetyNotice: "Careful.",
        firstStep: "",
        demands: [{ position: 1, text: "Lift." }],
        addressees: [publicAddressee],
      },
    ],
    reparses: true,
    outputOnly: true,
  },
  // lib/auth/schema.ts: staff sign-in and accounts.
  "lib/auth/schema.ts#signInSchema": {
    valid: [{ email: " Ada@Campaigns.example ", password: "correct horse battery staple" }],
    holds: (o) => (
      plainEmail(o.email, "email"),
      expect(o.email).toBe(o.email.toLowerCase()),
      expect(chars(o.password) >= 1 && chars(o.password) <= 128).toBe(true)
    ),
    reparses: true,
  },
  "lib/auth/schema.ts#totpSchema": {
    valid: [{ code: "123456" }, { code: " 000000 " }],
    holds: (o) => expect(o.code).toMatch(/^\d{6}$/),
    reparses: true,
  },
  // lib/auth/password.ts counts UTF-16 units, as JavaScript does.
  "lib/auth/schema.ts#newPasswordSchema": {
    valid: ["correct horse battery staple", "Жёлтый-кот-42-ночью"],
    holds: (o) => expect(o.length >= 12 && o.length <= 128).toBe(true),
    reparses: true,
  },
  "lib/auth/schema.ts#newStaffSchema": {
    valid: [
      { email: "ada@campaigns.example", name: "Ada Admin", role: "admin", password: "correct horse battery staple" },
    ],
    holds: (o) => (
      plainEmail(o.email, "email"),
      expect(["staff", "admin"]).toContain(o.role),
      expect(o.name.trim().length).toBeGreaterThan(0)
    ),
    reparses: true,
  },
  // lib/admin/addressee-schema.ts: the addressee editor and the directory CSV import.
  "lib/admin/addressee-schema.ts#emailListSchema": {
    valid: ["a@mid.ru, b@mid.ru", "one@example.org\ntwo@example.org", ""],
    holds: (o) => {
      expect(o.length).toBeLessThanOrEqual(10);
      expect(new Set(o).size).toBe(o.length);
      for (const e of o) {
        plainEmail(e, "email");
        expect(e).toBe(e.toLowerCase());
      }
    },
  },
  "lib/admin/addressee-schema.ts#addresseeInputSchema": {
    valid: [
      addresseeInput,
      {
        ...addresseeInput,
        kind: "official",
        country: "",
        emails: "",
        xHandle: "",
        webFormUrl: "",
        salutation: "",
        organisation: "Government",
      },
    ],
    holds: (o) => {
      expect(o.key).toMatch(slugPattern);
      for (const f of ["name", "role"]) oneLine(o[f], f);
      for (const f of ["organisation", "salutation"]) if (o[f] !== null) oneLine(o[f], f);
      expect(["official", "mission", "embassy"]).toContain(o.kind);
      expect(["active", "paused"]).toContain(o.status);
      if (o.country !== null) expect(countries.has(o.country)).toBe(true);
      if (o.kind !== "official") expect(o.country).not.toBeNull();
      for (const e of o.emails) plainEmail(e, "email");
      if (o.xHandle !== null) expect(o.xHandle).toMatch(/^[A-Za-z0-9_]{1,15}$/);
      if (o.webFormUrl !== null) expect(o.webFormUrl).toMatch(/^https:\/\/\S+$/);
      if (o.postalAddress !== null) {
        trimmed(o.postalAddress, "postal address");
        expect(chars(o.postalAddress)).toBeLessThanOrEqual(500);
      }
      expect(o.lastVerifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(o.emails.length > 0 || o.xHandle || o.postalAddress || o.webFormUrl).toBeTruthy();
    },
  },
  "lib/admin/addressee-schema.ts#addresseeTranslationSchema": {
    valid: [
      {
        language: "ru",
        name: "Владимир Путин",
        role: "Президент",
        salutation: "",
        organisation: "Администрация Президента Российской Федерации",
      },
      { language: "fr", name: "Vladimir Poutine", role: "Président", salutation: "", organisation: "" },
    ],
    holds: (o) => {
      expect(o.language).toMatch(languagePattern);
      for (const f of ["name", "role"]) oneLine(o[f], f);
      if (o.salutation !== null) oneLine(o.salutation, "salutation");
      if (o.organisation !== null) oneLine(o.organisation, "organisation");
    },
  },
  // lib/admin/campaign-schema.ts: the campaign editor.
  "lib/admin/campaign-schema.ts#campaignTextsSchema": {
    valid: [campaignTexts, { ...campaignTexts, organiser: " l’Observatoire ", firstStep: "Write to the embassy." }],
    holds: (o) => {
      for (const f of ["title", "summary", "context", "whyItMatters", "safetyNotice"]) {
        trimmed(o[f], f);
        expect(String(o[f]).length).toBeGreaterThan(0);
      }
      // Optional: an empty organiser becomes null (the campaign's own), an empty first step "" (none shown).
      if (o.organiser !== null) trimmed(o.organiser, "organiser");
      trimmed(o.firstStep, "firstStep");
    },
  },
  "lib/admin/campaign-schema.ts#letterTemplateSchema": {
    valid: [letterTemplate, { ...letterTemplate, xPost: "" }],
    holds: (o) => {
      expect(o.body).toMatch(/\{\{\s*signer\s*\}\}/);
      // Every {{name}} is one the letters fill (read without unknownPlaceholders, which is under test too).
      const known = Object.keys(templatePlaceholders);
      for (const text of [o.subject, o.body, o.xPost ?? ""])
        for (const [, used] of text.matchAll(/\{\{\s*([a-z_]+)\s*\}\}/g)) expect(known).toContain(used);
    },
  },
  "lib/admin/campaign-schema.ts#campaignInputSchema": {
    valid: [
      campaignInput,
      { ...campaignInput, status: "draft", addresseeIds: [], signatureGoal: "", opensAt: "", appealDate: "" },
    ],
    holds: (o) => {
      expect(o.slug).toMatch(slugPattern);
      expect(new Set(o.languages).size).toBe(o.languages.length);
      for (const lang of o.languages) {
        expect(lang).toMatch(languagePattern);
        expect(Object.hasOwn(o.texts, lang) && Object.hasOwn(o.templates, lang)).toBe(true);
      }
      for (const field of ["appealDate", "opensAt", "closesAt"])
        if (o[field] !== null) expect(isDate(o[field]), `${field} is a real date: ${o[field]}`).toBe(true);
      if (o.opensAt && o.closesAt) expect(o.closesAt > o.opensAt).toBe(true);
      if (o.signatureGoal !== null) expect(Number.isInteger(o.signatureGoal) && o.signatureGoal > 0).toBe(true);
      if (o.status === "open") expect(o.addresseeIds.length).toBeGreaterThan(0);
    },
  },
  // lib/core/env.ts: the settings.
  "lib/core/env.ts#serverEnvSchema": {
    valid: [env, { DATABASE_URL: "postgres://localhost/x", APP_SECRET: "x".repeat(32) }],
    holds: (o) => {
      expect(o.DATABASE_URL).toMatch(/^postgres(ql)?:\/\//);
      expect(typeof o.EMBEDDED_DATABASE).toBe("boolean");
      expect(typeof o.TALLY_IN_WEB_PROCESS).toBe("boolean");
      for (const name of [
        "DATABASE_POOL_MAX",
        "DATABASE_CONNECT_TIMEOUT_MS",
        "PERSONAL_DATA_RETENTION_DAYS",
        "DELIVERY_PER_DOMAIN_PER_MINUTE",
        "DELIVERY_MAX_ATTEMPTS",
        "DELIVERY_STALE_SECONDS",
        "WORKER_CONCURRENCY",
        "TALLY_INTERVAL_SECONDS",
      ]) {
        expect(Number.isInteger(o[name]) && o[name] >= 1, name).toBe(true);
      }
      expect(o.APP_SECRET.length).toBeGreaterThanOrEqual(32);
      plainEmail(o.MAIL_FROM_ADDRESS, "MAIL_FROM_ADDRESS");
      if (o.CLIENT_IP_HEADER !== undefined) expect(o.CLIENT_IP_HEADER).toMatch(/^[a-z0-9-]+$/);
      if (o.SMTP_URL !== undefined) expect(o.SMTP_URL).toMatch(/^smtps?:\/\//);
      expect(o.DELIVERY_HOURS).toMatch(/^\d{1,2}-\d{1,2}$/);
      // It goes into the Content-Security-Policy header of /embed as it is.
      oneLine(o.EMBED_FRAME_ANCESTORS, "EMBED_FRAME_ANCESTORS");
    },
    clauses: true,
  },
  // app/(site)/privacy/delete/schema.ts: the delete-my-data form.
  "app/(site)/privacy/delete/schema.ts#deletionRequestSchema": {
    valid: [{ token: "abc.def", lang: "fr" }, { token: "x" }],
    holds: (o) => (
      expect(chars(o.token) >= 1 && chars(o.token) <= 500).toBe(true),
      o.lang === undefined || expect(o.lang).toMatch(languagePattern)
    ),
    reparses: true,
  },
};

// ---------------------------------------------------------------------------
// Arbitraries.

const attack = fc.constantFrom(...attackStrings);
const hostileString = fc.oneof(
  { weight: 4, arbitrary: attack },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.tuple(attack, attack).map(([a, b]) => `${a}${b}`) },
);
const jsonLike = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.anything({
      maxDepth: 2,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
  },
  { weight: 2, arbitrary: hostileString },
);

/** Keys that bend plain objects, as own properties (as JSON.parse makes them). */
const prototypeKeys = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"];
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

type Path = (string | number)[];
function leafPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => leafPaths(v, [...prefix, i]))];
  if (value && typeof value === "object")
    return [
      ...(prefix.length ? [prefix] : []),
      ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k])),
    ];
  return [prefix];
}
function getAt(value: unknown, at: Path): unknown {
  return at.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)?.[key], value);
}
function setAt(value: unknown, at: Path, replacement: unknown, remove = false): unknown {
  if (at.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const parent = getAt(copy, at.slice(0, -1)) as Record<string | number, unknown>;
  const last = at.at(-1)!;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else withOwnKey(parent as Record<string, unknown>, String(last), replacement);
  return copy;
}

/** A valid value with one thing changed: a field replaced, spliced, removed, or a key added. */
function nearValid(valid: unknown[]) {
  return fc.constantFrom(...valid).chain((fixture) => {
    const paths = leafPaths(fixture).length ? leafPaths(fixture) : [[]];
    const textPaths = paths.filter((p) => typeof getAt(fixture, p) === "string");
    const innerPaths = paths.filter((p) => p.length > 0);
    const mutations = [
      {
        weight: 6,
        arbitrary: fc
          .tuple(fc.constantFrom(...paths), fc.oneof(hostileString, jsonLike))
          .map(([at, v]) => setAt(fixture, at, v)),
      },
      {
        weight: 4,
        // The valid text with an attack spliced in: it often still passes, so the output checks get work.
        arbitrary: fc
          .tuple(fc.constantFrom(...(textPaths.length ? textPaths : [[]])), hostileString, fc.nat())
          .map(([at, v, n]) => {
            const original = String(getAt(fixture, at));
            const cut = original.length ? n % (original.length + 1) : 0;
            return setAt(fixture, at, `${original.slice(0, cut)}${v}${original.slice(cut)}`);
          }),
      },
      {
        weight: 1,
        arbitrary: innerPaths.length
          ? fc.constantFrom(...innerPaths).map((at) => setAt(fixture, at, undefined, true))
          : jsonLike,
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.oneof(fc.constantFrom(...prototypeKeys), fc.string()), jsonLike)
          .map(([key, v]) =>
            fixture && typeof fixture === "object" && !Array.isArray(fixture)
              ? withOwnKey(structuredClone(fixture) as Record<string, unknown>, key, v)
              : v,
          ),
      },
    ];
    return fc.oneof(...mutations);
  });
}

/** Arbitrary values in the schema's own field names: gets past the first "expected object". */
function shapedLike(valid: unknown[]) {
  const fixture = valid.find((v) => v && typeof v === "object" && !Array.isArray(v)) as
    Record<string, unknown> | undefined;
  if (!fixture) return jsonLike;
  const keys = Object.keys(fixture);
  return fc.dictionary(fc.constantFrom(...keys), fc.oneof(hostileString, jsonLike), { maxKeys: keys.length });
}

// ---------------------------------------------------------------------------
// The checks.

function check(name: string, schema: z.ZodType, testCase: Case, input: unknown) {
  let result: ReturnType<z.ZodType["safeParse"]>;
  try {
    result = schema.safeParse(input);
  } catch (error) {
    throw new Error(`${name}.safeParse threw ${String(error)} for ${describeInput(input)}`);
  }
  if (!result.success) {
    // Plain checks, not expect(): a refusal can carry thousands of issues.
    const issues = result.error.issues;
    if (issues.length === 0) throw new Error(`${name} refused ${describeInput(input)} without naming a problem`);
    let text: string | undefined;
    const typed = () => (text ??= describeInput(input, Infinity));
    for (const issue of issues) {
      const problem = messageProblem(issue.message, typed);
      if (problem) throw new Error(`${name}: the message ${JSON.stringify(issue.message)} ${problem}`);
    }
    const readable = testCase.clauses ? (m: string) => isClause(m) || isSentence(m) : isSentence;
    if (!issues.some((issue) => readable(issue.message))) {
      throw new Error(
        `${name}: no issue says in a sentence what is wrong: ${JSON.stringify(issues.slice(0, 5).map((i) => i.message))} for ${describeInput(input)}`,
      );
    }
    return;
  }
  const output = result.data;
  try {
    testCase.holds?.(output, input);
    if (testCase.reparses) {
      const again = schema.safeParse(output);
      expect(again.success, `${name}: its own output parses again`).toBe(true);
      expect(again.data, `${name}: parsing the output again changes nothing`).toEqual(output);
    }
  } catch (error) {
    throw new Error(
      `${name} accepted ${describeInput(input)} as ${describeInput(output)}: ${(error as Error).message}`,
    );
  }
}

function describeInput(value: unknown, max = 400): string {
  try {
    const text = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
    return text === undefined
      ? String(value)
      : text.length > max
        ? `${text.slice(0, max)}… (${text.length} characters)`
        : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

// ---------------------------------------------------------------------------

describe("every exported zod schema survives random and hostile input", () => {
  it("lists every exported schema of lib/ and app/**/schema.ts, and only those", async () => {
    const found: string[] = [];
    for (const file of schemaModules) {
      const exports = (await import(`@/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) if (isSchema(value)) found.push(`${file}#${name}`);
    }
    expect(schemaModules.length).toBeGreaterThanOrEqual(8);
    // A new schema must be added to `cases` above, with fixtures and what its output promises.
    expect(found.sort()).toEqual(Object.keys(cases).sort());
  });

  it("has at least 500 attack strings to draw from", () => {
    expect(attackStrings.length).toBeGreaterThanOrEqual(500);
  });

  describe.each(Object.entries(cases).filter(([n]) => !process.env.ONLY_SCHEMA || n.includes(process.env.ONLY_SCHEMA)))(
    "%s",
    (name, testCase) => {
      const load = async () => {
        const [file, exportName] = name.split("#") as [string, string];
        const schema = ((await import(`@/${file.replace(/\.ts$/, "")}`)) as Record<string, z.ZodType>)[exportName]!;
        return schema;
      };

      it("accepts its valid fixtures (so the near-valid ones are one change away)", async () => {
        const schema = await load();
        for (const fixture of testCase.valid) {
          const result = schema.safeParse(fixture);
          expect(result.success, `${JSON.stringify(fixture)}: ${result.error?.message}`).toBe(true);
          check(name, schema, testCase, fixture);
        }
      });

      it(`never throws on arbitrary JSON-like values, and explains every refusal (${runs} runs)`, async () => {
        const schema = await load();
        fc.assert(
          fc.property(fc.oneof(jsonLike, shapedLike(testCase.valid)), (input) => check(name, schema, testCase, input)),
          { numRuns: runs },
        );
      });

      it(`keeps its promises on near-valid input (${runs} runs)`, async () => {
        const schema = await load();
        fc.assert(
          fc.property(nearValid(testCase.valid), (input) => check(name, schema, testCase, input)),
          { numRuns: runs },
        );
      });
    },
  );
});
