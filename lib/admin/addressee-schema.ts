// An addressee as admins edit it (form) and import it (CSV rows): one schema
// for both. Its messages are codes of the "adminFormErrors" catalogue
// (messages/admin/*.json), which says in each language what to fix.
import { z } from "zod";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { addresseeKinds, addresseeStatuses } from "@/lib/core/vocabulary";
import { isCountryCode } from "@/lib/letters/countries";

/** A field's codes: `${field}Missing`, `${field}Max` (with max), `${field}OneLine`. */
type TextField = "name" | "role" | "organisation" | "salutation" | `translated${"Name" | "Role" | "Salutation"}`;

const oneLine = (v: string) => !/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(v);

const optionalText = (max: number, field: TextField) =>
  z
    .string()
    .trim()
    .max(max, `${field}Max`)
    .refine(oneLine, `${field}OneLine`)
    .transform((v) => (v === "" ? null : v));

const requiredText = (max: number, field: TextField) =>
  z
    .string({ error: `${field}Missing` })
    .trim()
    .min(1, `${field}Missing`)
    .max(max, `${field}Max`)
    .refine(oneLine, `${field}OneLine`);

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
        ctx.addIssue({ code: "custom", message: "emailInvalid", params: { email } });
    }
    if (emails.length > 10) ctx.addIssue({ code: "custom", message: "emailsMax" });
    if (new Set(emails).size !== emails.length) ctx.addIssue({ code: "custom", message: "emailTwice" });
  });

export const addresseeInputSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "keyFormat")
      .max(80),
    name: requiredText(200, "name"),
    role: requiredText(300, "role"),
    organisation: optionalText(300, "organisation"),
    kind: z.enum(addresseeKinds, { error: "kindInvalid" }),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .transform((v) => (v === "" ? null : v))
      .refine((v) => v === null || isCountryCode(v), "countryInvalid"),
    emails: emailListSchema,
    xHandle: z
      .string()
      .trim()
      .transform((v) => v.replace(/^@/, ""))
      .refine((v) => v === "" || /^[A-Za-z0-9_]{1,15}$/.test(v), "xHandleInvalid")
      .transform((v) => (v === "" ? null : v)),
    postalAddress: z
      .string()
      .trim()
      .max(500, "postalAddressMax")
      .transform((v) => (v === "" ? null : v)),
    webFormUrl: z
      .string()
      .trim()
      .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), "webFormHttps")
      .transform((v) => (v === "" ? null : v)),
    salutation: optionalText(200, "salutation"),
    lastVerifiedAt: z
      .string({ error: "lastVerifiedMissing" })
      .trim()
      .superRefine((value, ctx) => {
        // One message per problem, the first that applies.
        const time = Date.parse(`${value}T00:00:00Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) ctx.addIssue({ code: "custom", message: "lastVerifiedFormat" });
        else if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value)
          ctx.addIssue({ code: "custom", message: "lastVerifiedNotReal" });
        else if (time > Date.now() + 86_400_000) ctx.addIssue({ code: "custom", message: "lastVerifiedFuture" });
      }),
    status: z.enum(addresseeStatuses, { error: "statusInvalid" }),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== "official" && !value.country)
      ctx.addIssue({ code: "custom", path: ["country"], message: "countryNeeded" });
    if (value.emails.length === 0 && !value.xHandle && !value.postalAddress && !value.webFormUrl) {
      ctx.addIssue({ code: "custom", path: ["emails"], message: "reachNeeded" });
    }
  });

export type AddresseeInput = z.infer<typeof addresseeInputSchema>;

export const addresseeTranslationSchema = z.object({
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}$/, "translationLanguage"),
  name: requiredText(200, "translatedName"),
  role: requiredText(300, "translatedRole"),
  salutation: optionalText(200, "translatedSalutation"),
});
