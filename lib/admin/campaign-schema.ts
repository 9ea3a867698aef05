// A campaign as admins edit it: settings, texts, demands and letter
// templates per language, and its addressees. Shared by the form and the
// server action; the form's FormData is turned into this shape first. Each
// message is a problem of the "adminFormErrors" catalogue (messages/admin/*.json).
import { z } from "zod";
import type { Problem } from "@/lib/core/errors";
import { campaignStatuses } from "@/lib/core/vocabulary";
import { schemaMessage, type ProblemCode } from "@/lib/i18n/messages";
import { unknownPlaceholders } from "@/lib/letters/placeholders";

/** A message of the "adminFormErrors" catalogue (its English sentence, registered with the problem). */
const say = (code: ProblemCode<"adminFormErrors">, values?: Problem["values"]) =>
  schemaMessage("adminFormErrors", code, values);
const language = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}$/, say("languageCode"));
/** Fields whose codes are `${field}Missing`, `${field}Max` (with max). */
type TextField = "title" | "summary" | "context" | "whyItMatters" | "safetyNotice" | "subject" | "letter" | "organiser";
const text = (field: TextField, max: number) =>
  z
    .string()
    .trim()
    .min(1, say(`${field}Missing`))
    .max(max, say(`${field}Max`, { max }));
// A date (YYYY-MM-DD) or a datetime-local value, in UTC. The check reads the
// value as the transform does: Date.parse alone let through values (such as
// "2026-01-01T00:00Z") that then became an Invalid Date and failed the save.
const asUtcDate = (v: string) => new Date(v.length === 10 ? `${v}T00:00:00Z` : `${v}Z`);
const optionalDate = (field: "appealDate" | "opensAt" | "closesAt") =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || !Number.isNaN(asUtcDate(v).getTime()), say(`${field}Invalid`))
    .transform((v) => (v === "" ? null : asUtcDate(v)));

const placeholdersKnown = (field: "subject" | "letter" | "xPost") => (value: string, ctx: z.RefinementCtx) => {
  const unknown = unknownPlaceholders(value);
  if (unknown.length)
    ctx.addIssue({
      code: "custom",
      message: say(`${field}Placeholders`, { list: unknown.map((u) => `{{${u}}}`).join(", ") }),
    });
};

export const campaignTextsSchema = z.object({
  title: text("title", 200),
  summary: text("summary", 600),
  context: text("context", 20_000),
  whyItMatters: text("whyItMatters", 20_000),
  safetyNotice: text("safetyNotice", 5_000),
  /** The organiser's name in this language, with its article; empty: Campaign.organiser. */
  organiser: z
    .string()
    .trim()
    .max(200, say("organiserMax", { max: 200 }))
    .transform((v) => (v === "" ? null : v))
    .default(null),
  /** What supporters should do first (e.g. write to the Russian embassy in their own country); empty: nothing shown. */
  firstStep: z
    .string()
    .trim()
    .max(600, say("firstStepMax", { max: 600 }))
    .default(""),
});

/** Most variants of each kind per language: enough to vary, few enough to check by eye. */
export const maxVariants = 20;
const variantList = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .max(maxVariants, say("variantsCount", { max: maxVariants }))
    .default([]);
/** An opening or closing paragraph: the letter's own placeholders allowed. */
const paragraphVariant = z
  .string()
  .trim()
  .min(1)
  .max(2_000, say("variantMax", { max: 2_000 }))
  .superRefine(placeholdersKnown("letter"));

export const letterTemplateSchema = z.object({
  subject: text("subject", 300).superRefine(placeholdersKnown("subject")),
  body: text("letter", 20_000)
    .superRefine(placeholdersKnown("letter"))
    .refine((v) => /\{\{\s*signer\s*\}\}/.test(v), say("letterSigner", { placeholder: "{{signer}}" })),
  xPost: z
    .string()
    .trim()
    .max(400, say("xPostMax", { max: 400 }))
    .superRefine(placeholdersKnown("xPost"))
    .transform((v) => (v === "" ? null : v)),
  /** Other subject lines; each letter draws one of the subject and these (lib/letters/variants.ts). */
  subjectVariants: variantList(
    z
      .string()
      .trim()
      .min(1)
      .max(300, say("subjectMax", { max: 300 }))
      .refine((v) => !/[\r\n\u2028\u2029]/.test(v), say("subjectOneLine"))
      .superRefine(placeholdersKnown("subject")),
  ),
  /** Opening paragraphs, one drawn per letter, put after the salutation. */
  openingVariants: variantList(paragraphVariant),
  /** Closing paragraphs, one drawn per letter, put before the valediction. */
  closingVariants: variantList(paragraphVariant),
});

export const campaignInputSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .min(1, say("slugMissing"))
      .max(80)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, say("slugFormat")),
    organiser: text("organiser", 200),
    status: z.enum(campaignStatuses),
    /** First is the default language. */
    languages: z.array(language).min(1, say("languagesMin")),
    signatureGoal: z
      .string()
      .trim()
      .refine((v) => v === "" || /^\d{1,9}$/.test(v), say("goalWhole"))
      .transform((v) => (v === "" ? null : Number(v)))
      .refine((v) => v === null || v > 0, say("goalPositive")),
    /** The campaign-wide safety cap on emails per hour (Campaign.hourlyCap); absent: left as it is. */
    hourlyCap: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || (/^\d{1,6}$/.test(v) && Number(v) >= 1 && Number(v) <= 100_000), say("hourlyCapRange"))
      .transform((v) => (v ? Number(v) : undefined)),
    appealDate: optionalDate("appealDate"),
    opensAt: optionalDate("opensAt"),
    closesAt: optionalDate("closesAt"),
    texts: z.record(z.string(), campaignTextsSchema),
    /** Per language, one demand per entry, in order. */
    demands: z.record(z.string(), z.array(z.string().trim().min(1).max(1_000, say("demandMax")))),
    templates: z.record(z.string(), letterTemplateSchema),
    addresseeIds: z.array(z.uuid(say("invalidUuid"))),
  })
  .superRefine((c, ctx) => {
    // Zod runs this even when a language failed its own check (then said so); the messages below would quote it.
    if (c.languages.some((lang) => typeof lang !== "string" || !/^[a-z]{2,3}$/.test(lang))) return;
    if (new Set(c.languages).size !== c.languages.length)
      ctx.addIssue({ code: "custom", path: ["languages"], message: say("languageTwice") });
    const counts = new Set<number>();
    for (const lang of c.languages) {
      if (!c.texts[lang])
        ctx.addIssue({ code: "custom", path: ["texts", lang], message: say("textsMissing", { lang }) });
      if (!c.templates[lang])
        ctx.addIssue({ code: "custom", path: ["templates", lang], message: say("templateMissing", { lang }) });
      const demands = c.demands[lang] ?? [];
      if (demands.length === 0)
        ctx.addIssue({ code: "custom", path: ["demands", lang], message: say("demandsMissing", { lang }) });
      counts.add(demands.length);
    }
    if (counts.size > 1) ctx.addIssue({ code: "custom", path: ["demands"], message: say("demandsDiffer") });
    if (c.opensAt && c.closesAt && c.closesAt <= c.opensAt)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: say("closeAfterOpen") });
    if (c.status === "open" && c.addresseeIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["addresseeIds"], message: say("openNeedsAddressee") });
  });

export type CampaignInput = z.infer<typeof campaignInputSchema>;
