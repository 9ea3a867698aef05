// An addressee as admins edit it (form) and import it (CSV rows): one schema
// for both, with messages that say what to fix.
import { z } from "zod";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { addresseeKinds, addresseeStatuses } from "@/lib/core/vocabulary";
import { isCountryCode } from "@/lib/letters/countries";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} has at most ${max} characters.`)
    .refine((v) => !/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(v), `${label} must be on one line.`)
    .transform((v) => (v === "" ? null : v));

const requiredText = (max: number, label: string) =>
  z
    .string({ error: `${label} is missing.` })
    .trim()
    .min(1, `${label} is missing.`)
    .max(max, `${label} has at most ${max} characters.`)
    .refine((v) => !/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(v), `${label} must be on one line.`);

/** "a@b.org, c@d.org" or one per line: a list of plain, lower-case addresses. */
export const emailListSchema = z
  .string()
  .transform((value) =>
    value
      .split(/[\s,;]+/)
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )
  .superRefine((emails, ctx) => {
    for (const email of emails) {
      if (!isPlainMailAddress(email) || !z.email().safeParse(email).success)
        ctx.addIssue({ code: "custom", message: `“${email}” is not a valid email address.` });
    }
    if (emails.length > 10) ctx.addIssue({ code: "custom", message: "At most 10 email addresses." });
    if (new Set(emails).size !== emails.length)
      ctx.addIssue({ code: "custom", message: "An email address is listed twice." });
  });

export const addresseeInputSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
        "The key uses lower-case letters, digits and single hyphens (e.g. embassy-fr).",
      )
      .max(80),
    name: requiredText(200, "The name"),
    role: requiredText(300, "The role"),
    organisation: optionalText(300, "The organisation"),
    kind: z.enum(addresseeKinds, { error: "The kind is official, mission or embassy." }),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .transform((v) => (v === "" ? null : v))
      .refine((v) => v === null || isCountryCode(v), "The country is not an ISO 3166 two-letter code (e.g. FR)."),
    emails: emailListSchema,
    xHandle: z
      .string()
      .trim()
      .transform((v) => v.replace(/^@/, ""))
      .refine(
        (v) => v === "" || /^[A-Za-z0-9_]{1,15}$/.test(v),
        "An X handle has 1 to 15 letters, digits or underscores.",
      )
      .transform((v) => (v === "" ? null : v)),
    postalAddress: z
      .string()
      .trim()
      .max(500, "The postal address has at most 500 characters.")
      .transform((v) => (v === "" ? null : v)),
    webFormUrl: z
      .string()
      .trim()
      .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), "The web form address must start with https://.")
      .transform((v) => (v === "" ? null : v)),
    salutation: optionalText(200, "The salutation"),
    lastVerifiedAt: z
      .string({ error: "The date last verified is missing." })
      .trim()
      .superRefine((value, ctx) => {
        // One message per problem, the first that applies.
        const time = Date.parse(`${value}T00:00:00Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
          ctx.addIssue({ code: "custom", message: "The date last verified is a date like 2026-11-23." });
        else if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value)
          ctx.addIssue({ code: "custom", message: "The date last verified is not a real date." });
        else if (time > Date.now() + 86_400_000)
          ctx.addIssue({ code: "custom", message: "The date last verified cannot be in the future." });
      }),
    status: z.enum(addresseeStatuses, { error: "The status is active or paused." }),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== "official" && !value.country)
      ctx.addIssue({ code: "custom", path: ["country"], message: "An embassy or mission needs its country." });
    if (value.emails.length === 0 && !value.xHandle && !value.postalAddress && !value.webFormUrl) {
      ctx.addIssue({
        code: "custom",
        path: ["emails"],
        message: "Give at least one way to reach this addressee: email, X handle, postal address or web form.",
      });
    }
  });

export type AddresseeInput = z.infer<typeof addresseeInputSchema>;

export const addresseeTranslationSchema = z.object({
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}$/, "A language is a two- or three-letter code (e.g. ru)."),
  name: requiredText(200, "The translated name"),
  role: requiredText(300, "The translated role"),
  salutation: optionalText(200, "The translated salutation"),
});
