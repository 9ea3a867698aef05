// The letter form, shared by the builder's server action and the JSON API:
// one schema, one set of limits and messages, on every path.
import { z } from "zod";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { isCountryCode } from "./countries";

export const identityLevels = ["anonymous", "initials_country", "name_country", "full"] as const;
export const identityLevelSchema = z.enum(identityLevels);
export type IdentityLevel = z.infer<typeof identityLevelSchema>;

/** How the supporter will send; X-only addressees always get a prepared X post. */
export const sendingChannels = ["platform_email", "own_email_client", "pdf_print", "self_reported"] as const;
export const sendingChannelSchema = z.enum(sendingChannels);
export type SendingChannel = z.infer<typeof sendingChannelSchema>;

export const limits = {
  addressees: 20,
  subject: 200,
  body: 8_000,
  name: 100,
  city: 100,
  email: 254,
} as const;

/**
 * No control characters except line breaks and tabs in letters; none at all in
 * one-line fields. C1 controls (U+0080 to U+009F) count too: terminals obey
 * them (U+009B starts an escape sequence) and U+0085 is a line break.
 */
const noControlCharacters = (value: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(value);
const oneLine = (value: string) => !/[\r\n\u2028\u2029]/.test(value) && noControlCharacters(value);

const trimmedLine = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} has at most ${max} characters.`)
    .refine(oneLine, `${label} must be on one line, without control characters.`);

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "Choose your country from the list.");

/** The letter itself: what every output (preview, PDF, .eml, mailto) is made from. */
export const letterContentSchema = z.object({
  addressees: z
    .array(z.string().uuid("An addressee is not valid."))
    .min(1, "Choose at least one addressee.")
    .max(limits.addressees, `Choose at most ${limits.addressees} addressees.`),
  language: z.string().regex(/^[a-z]{2,3}$/, "Choose a letter language."),
  subject: trimmedLine(limits.subject, "The subject").pipe(z.string().min(1, "Write a subject.")),
  body: z
    .string()
    .max(limits.body, `The letter has at most ${limits.body} characters.`)
    .refine(noControlCharacters, "The letter contains control characters.")
    .refine((v) => v.trim().length > 0, "Write the letter, or go back to the template."),
  identity: identityLevelSchema.default("anonymous"),
  name: trimmedLine(limits.name, "Your name").optional(),
  city: trimmedLine(limits.city, "Your city").optional(),
  country: countryCodeSchema,
});

const identityRules = <T extends { identity: IdentityLevel; name?: string; city?: string }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (value.identity !== "anonymous" && !value.name) {
    ctx.addIssue({ code: "custom", path: ["name"], message: "Give your name, or choose to sign without it." });
  }
  if (value.identity === "full" && !value.city) {
    ctx.addIssue({
      code: "custom",
      path: ["city"],
      message: "Give your city, or choose to sign with name and country only.",
    });
  }
};

export const letterRenderSchema = letterContentSchema
  .extend({ paper: z.enum(["a4", "letter"]).default("a4") })
  .strict()
  .superRefine(identityRules);

export type LetterContent = z.infer<typeof letterContentSchema>;

/** A signature: the letter, how it goes out, and the supporter's consents. */
export const signatureSubmissionSchema = letterContentSchema
  .extend({
    channel: sendingChannelSchema,
    email: z
      .string()
      .trim()
      .max(limits.email, `An email address has at most ${limits.email} characters.`)
      .pipe(z.email("This email address is not valid."))
      // What the mailer will send to (zod lets through, e.g., a domain label over 63 characters).
      .refine(isPlainMailAddress, "This email address is not valid.")
      .optional(),
    replyToMe: z.boolean().default(false),
    consentIdentity: z.boolean().default(false),
    consentCounted: z.literal(true, {
      error: "Tick the box to let us count your signature; we cannot record it otherwise.",
    }),
    consentContact: z.boolean().default(false),
    /** Lets a resubmitted form be recognised; the form makes one per page view. */
    submissionKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/)
      .optional(),
    /** Honeypot: people never see it, bots fill it in. */
    website: z.string().max(500).optional(),
    /** ALTCHA proof-of-work solution (base64 JSON); absent when JavaScript is off. */
    altcha: z.string().max(4_000).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    identityRules(value, ctx);
    if (value.channel === "platform_email") {
      if (!value.email) {
        ctx.addIssue({
          code: "custom",
          path: ["email"],
          message: "Give your email address: we send the letters only after you confirm it.",
        });
      }
      if (!value.consentIdentity) {
        ctx.addIssue({
          code: "custom",
          path: ["consentIdentity"],
          message: "Confirm that the letters may carry the identity you chose, or pick another way to send them.",
        });
      }
    }
    if (value.replyToMe && !value.email) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Give your email address for replies to reach you." });
    }
  });

export type SignatureSubmission = z.infer<typeof signatureSubmissionSchema>;

/** Field name to messages, as forms and the API report them. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  // A Map, not a plain object: an unknown field called "constructor" or
  // "__proto__" must be reported, not read from Object.prototype.
  const out = new Map<string, string[]>();
  for (const issue of error.issues) {
    const key = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : String(issue.path[0] ?? "form");
    const message = issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}.` : issue.message;
    out.set(key, out.get(key) ?? []);
    out.get(key)!.push(message);
  }
  return Object.fromEntries(out);
}
