// An addressee as admins edit it (form) and import it (CSV rows): one schema
// for both. Each message is a problem of the "adminFormErrors" catalogue
// (messages/admin/*.json; its English sentence for zod, registered with the problem).
import { z } from "zod";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { isTimeZone, parseOfficeHours } from "@/lib/core/office-hours";
import type { Problem } from "@/lib/core/errors";
import { addresseeKinds, addresseeStatuses } from "@/lib/core/vocabulary";
import { schemaMessage, type ProblemCode } from "@/lib/i18n/messages";
import { isCountryCode } from "@/lib/letters/countries";

/** A message of the "adminFormErrors" catalogue (its English sentence, registered with the problem). */
const say = (code: ProblemCode<"adminFormErrors">, values?: Problem["values"]) =>
  schemaMessage("adminFormErrors", code, values);

/** What the editor's delivery fields may hold (the schema's enums of the same names). */
export const deliveryModes = ["each_letter", "daily_digest"] as const;
export const digestFormats = ["pdf_attachment", "inline_text"] as const;
export const addresseeFallbacks = ["web_form", "post", "embassy"] as const;

/** Fields whose codes are `${field}Missing`, `${field}Max` (with max), `${field}OneLine`. */
type RequiredText = "name" | "role" | "translatedName" | "translatedRole";
type OptionalText = "organisation" | "salutation" | "translatedSalutation";

const oneLine = (v: string) => !/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(v);

const optionalText = (max: number, field: OptionalText) =>
  z
    .string()
    .trim()
    .max(max, say(`${field}Max`, { max }))
    .refine(oneLine, say(`${field}OneLine`))
    .transform((v) => (v === "" ? null : v));

const requiredText = (max: number, field: RequiredText) =>
  z
    .string({ error: say(`${field}Missing`) })
    .trim()
    .min(1, say(`${field}Missing`))
    .max(max, say(`${field}Max`, { max }))
    .refine(oneLine, say(`${field}OneLine`));

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
        ctx.addIssue({ code: "custom", message: say("emailInvalid", { email }) });
    }
    if (emails.length > 10) ctx.addIssue({ code: "custom", message: say("emailsMax") });
    if (new Set(emails).size !== emails.length) ctx.addIssue({ code: "custom", message: say("emailTwice") });
  });

export const addresseeInputSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, say("keyFormat"))
      .max(80),
    name: requiredText(200, "name"),
    role: requiredText(300, "role"),
    organisation: optionalText(300, "organisation"),
    kind: z.enum(addresseeKinds, { error: say("kindInvalid") }),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .transform((v) => (v === "" ? null : v))
      .refine((v) => v === null || isCountryCode(v), say("countryInvalid")),
    emails: emailListSchema,
    xHandle: z
      .string()
      .trim()
      .transform((v) => v.replace(/^@/, ""))
      .refine((v) => v === "" || /^[A-Za-z0-9_]{1,15}$/.test(v), say("xHandleInvalid"))
      .transform((v) => (v === "" ? null : v)),
    postalAddress: z
      .string()
      .trim()
      .max(500, say("postalAddressMax", { max: 500 }))
      .transform((v) => (v === "" ? null : v)),
    webFormUrl: z
      .string()
      .trim()
      .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), say("webFormHttps"))
      .transform((v) => (v === "" ? null : v)),
    salutation: optionalText(200, "salutation"),
    lastVerifiedAt: z
      .string({ error: say("lastVerifiedMissing") })
      .trim()
      .superRefine((value, ctx) => {
        // One message per problem, the first that applies.
        const time = Date.parse(`${value}T00:00:00Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) ctx.addIssue({ code: "custom", message: say("lastVerifiedFormat") });
        else if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value)
          ctx.addIssue({ code: "custom", message: say("lastVerifiedNotReal") });
        else if (time > Date.now() + 86_400_000) ctx.addIssue({ code: "custom", message: say("lastVerifiedFuture") });
      }),
    status: z.enum(addresseeStatuses, { error: say("statusInvalid") }),
    // Delivery (pacing, digest, fallback): the editor sends them; a directory import
    // leaves them out, and what is stored stays.
    timeZone: z.string().trim().refine(isTimeZone, say("timeZoneInvalid")).optional(),
    officeHours: z
      .string()
      .trim()
      .refine((v) => parseOfficeHours(v) !== null, say("officeHoursInvalid"))
      .optional(),
    /** ISO weekdays, "1,2,3,4,5" (the form's checkboxes joined). */
    officeDays: z
      .string()
      .transform((v) => [...new Set(v.split(",").filter(Boolean).map(Number))].sort())
      .refine(
        (days) => days.length > 0 && days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7),
        say("officeDaysInvalid"),
      )
      .optional(),
    hourlyCap: z.coerce
      .number({ error: say("hourlyCapRange") })
      .int(say("hourlyCapRange"))
      .min(1, say("hourlyCapRange"))
      .max(100_000, say("hourlyCapRange"))
      .optional(),
    deliveryMode: z.enum(deliveryModes, { error: say("deliveryModeInvalid") }).optional(),
    digestFormat: z.enum(digestFormats, { error: say("digestFormatInvalid") }).optional(),
    fallback: z
      .union([z.literal("").transform(() => null), z.enum(addresseeFallbacks)], { error: say("fallbackInvalid") })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.fallback === "web_form" && !value.webFormUrl)
      ctx.addIssue({ code: "custom", path: ["fallback"], message: say("fallbackNeedsWebForm") });
    if (value.fallback === "post" && !value.postalAddress)
      ctx.addIssue({ code: "custom", path: ["fallback"], message: say("fallbackNeedsPostal") });
    if (value.kind !== "official" && !value.country)
      ctx.addIssue({ code: "custom", path: ["country"], message: say("countryNeeded") });
    if (value.emails.length === 0 && !value.xHandle && !value.postalAddress && !value.webFormUrl) {
      ctx.addIssue({ code: "custom", path: ["emails"], message: say("reachNeeded") });
    }
  });

export type AddresseeInput = z.infer<typeof addresseeInputSchema>;

export const addresseeTranslationSchema = z.object({
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}$/, say("translationLanguage")),
  name: requiredText(200, "translatedName"),
  role: requiredText(300, "translatedRole"),
  salutation: optionalText(200, "translatedSalutation"),
  organisation: optionalText(300, "organisation"),
});
