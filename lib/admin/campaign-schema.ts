// A campaign as admins edit it: settings, texts, demands and letter
// templates per language, and its addressees. Shared by the form and the
// server action; the form's FormData is turned into this shape first.
import { z } from "zod";
import { campaignStatuses } from "@/lib/core/vocabulary";
import { unknownPlaceholders } from "@/lib/letters/placeholders";

const language = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}$/, "A language is a two- or three-letter code, e.g. en or ru.");
const text = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is missing.`).max(max, `${label} has at most ${max} characters.`);
// A date (YYYY-MM-DD) or a datetime-local value, in UTC. The check reads the
// value as the transform does: Date.parse alone let through values (such as
// "2026-01-01T00:00Z") that then became an Invalid Date and failed the save.
const asUtcDate = (v: string) => new Date(v.length === 10 ? `${v}T00:00:00Z` : `${v}Z`);
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || !Number.isNaN(asUtcDate(v).getTime()), `${label} is not a date.`)
    .transform((v) => (v === "" ? null : asUtcDate(v)));

const placeholdersKnown = (label: string) => (value: string, ctx: z.RefinementCtx) => {
  const unknown = unknownPlaceholders(value);
  if (unknown.length)
    ctx.addIssue({
      code: "custom",
      message: `${label} uses unknown placeholder(s): ${unknown.map((u) => `{{${u}}}`).join(", ")}.`,
    });
};

export const campaignTextsSchema = z.object({
  title: text("The title", 200),
  summary: text("The summary", 600),
  context: text("What happened", 20_000),
  whyItMatters: text("Why it matters", 20_000),
  safetyNotice: text("The safety notice", 5_000),
});

export const letterTemplateSchema = z.object({
  subject: text("The subject", 300).superRefine(placeholdersKnown("The subject")),
  body: text("The letter", 20_000)
    .superRefine(placeholdersKnown("The letter"))
    .refine(
      (v) => /\{\{\s*signer\s*\}\}/.test(v),
      "The letter needs {{signer}}, where the supporter's signature goes.",
    ),
  xPost: z
    .string()
    .trim()
    .max(400, "The X post has at most 400 characters before filling in.")
    .superRefine(placeholdersKnown("The X post"))
    .transform((v) => (v === "" ? null : v)),
});

export const campaignInputSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .min(1, "The address (slug) is missing.")
      .max(80)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "The address uses lower-case letters, digits and single hyphens."),
    organiser: text("The organiser", 200),
    status: z.enum(campaignStatuses),
    /** First is the default language. */
    languages: z.array(language).min(1, "Give the campaign at least one language."),
    signatureGoal: z
      .string()
      .trim()
      .refine((v) => v === "" || /^\d{1,9}$/.test(v), "The goal is a whole number.")
      .transform((v) => (v === "" ? null : Number(v)))
      .refine((v) => v === null || v > 0, "The goal is more than zero."),
    appealDate: optionalDate("The appeal date"),
    opensAt: optionalDate("The opening time"),
    closesAt: optionalDate("The closing time"),
    texts: z.record(z.string(), campaignTextsSchema),
    /** Per language, one demand per entry, in order. */
    demands: z.record(
      z.string(),
      z.array(z.string().trim().min(1).max(1_000, "A demand has at most 1,000 characters.")),
    ),
    templates: z.record(z.string(), letterTemplateSchema),
    addresseeIds: z.array(z.uuid()),
  })
  .superRefine((c, ctx) => {
    // Zod runs this even when a language failed its own check (then said so); the messages below would quote it.
    if (c.languages.some((lang) => typeof lang !== "string" || !/^[a-z]{2,3}$/.test(lang))) return;
    if (new Set(c.languages).size !== c.languages.length)
      ctx.addIssue({ code: "custom", path: ["languages"], message: "A language is listed twice." });
    const counts = new Set<number>();
    for (const lang of c.languages) {
      if (!c.texts[lang])
        ctx.addIssue({ code: "custom", path: ["texts", lang], message: `Write the campaign's texts in ${lang}.` });
      if (!c.templates[lang])
        ctx.addIssue({ code: "custom", path: ["templates", lang], message: `Write the letter template in ${lang}.` });
      const demands = c.demands[lang] ?? [];
      if (demands.length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["demands", lang],
          message: `List the demands in ${lang}, one per line.`,
        });
      counts.add(demands.length);
    }
    if (counts.size > 1)
      ctx.addIssue({
        code: "custom",
        path: ["demands"],
        message: "Every language needs the same demands, in the same order: the numbers of lines differ.",
      });
    if (c.opensAt && c.closesAt && c.closesAt <= c.opensAt)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "The campaign must close after it opens." });
    if (c.status === "open" && c.addresseeIds.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["addresseeIds"],
        message: "An open campaign needs at least one addressee.",
      });
  });

export type CampaignInput = z.infer<typeof campaignInputSchema>;
