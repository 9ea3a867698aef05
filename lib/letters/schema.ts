// The letter form, shared by the builder's server action and the JSON API:
// one schema, one set of limits and problems, on every path. Each message is
// a problem of the "formErrors" catalogue (messages/*.json, English
// included), typed so a code without a message does not compile; zod's
// issues carry its English text, from the catalogue, as a readable sentence.
import { createTranslator } from "use-intl/core";
import { z } from "zod";
import { problemMessage, problemsByField, problemsOf, type FieldProblems, type Problem } from "@/lib/core/errors";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { partnerSourcePattern, sendingChannels, type IdentityLevel } from "@/lib/core/vocabulary";
import { identityLevelSchema } from "@/lib/core/vocabulary-schemas";
import en from "@/messages/en.json";
import { isSupporterCountry } from "./countries";
import { seedPattern } from "./variants";

/** A problem the letter form can show: a key of the "formErrors" catalogue. */
export type FormErrorCode = keyof (typeof en)["formErrors"];

const english = createTranslator({ locale: "en", messages: { formErrors: en.formErrors }, namespace: "formErrors" });
/** A schema message: the problem, and its English sentence for zod's issue. */
const say = (key: FormErrorCode, values?: Record<string, number>) =>
  problemMessage(formProblem(key, values), english(key, values));

/** A problem a use case finds beyond the schema (a campaign without that language, say). */
export function formProblem(key: FormErrorCode, values?: Problem["values"]): Problem {
  return values ? { code: key, values } : { code: key };
}

export { identityLevelSchema, type IdentityLevel };

/** How the supporter will send; X-only addressees always get a prepared X post. */
export const sendingChannelSchema = z.enum(sendingChannels);
export type { SendingChannel } from "@/lib/core/vocabulary";

export const limits = {
  addressees: 20,
  subject: 200,
  body: 8_000,
  personal: 2_000,
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

const trimmedLine = (max: number, field: "subject" | "name" | "city") =>
  z
    .string()
    .trim()
    .max(max, say(`${field}Max`, { max }))
    .refine(oneLine, say(`${field}OneLine`));

/** The supporter's country, or "ZZ" (countries.ts) for "I prefer not to say"; missing says the same as wrong. */
export const countryCodeSchema = z
  .string({ error: say("countryChoose") })
  .trim()
  .toUpperCase()
  .refine(isSupporterCountry, say("countryChoose"));

/** A partner's ?source= code as admins define them; anything else is dropped, never refused. */
export const sourceCodeSchema = z.string().regex(partnerSourcePattern);

/** The letter itself: what every output (preview, PDF, .eml, mailto) is made from. */
export const letterContentSchema = z.object({
  addressees: z
    .array(z.string().uuid(say("addresseeInvalid")))
    .min(1, say("addresseesMin"))
    .max(limits.addressees, say("addresseesMax", { max: limits.addressees })),
  language: z.string().regex(/^[a-z]{2,3}$/, say("letterLanguage")),
  subject: trimmedLine(limits.subject, "subject").pipe(z.string().min(1, say("subjectMissing"))),
  body: z
    .string()
    .max(limits.body, say("bodyMax", { max: limits.body }))
    .refine(noControlCharacters, say("bodyControl"))
    .refine((v) => v.trim().length > 0, say("bodyMissing")),
  /** The supporter's own words, put before the template's text in every letter. */
  personal: z
    .string()
    .max(limits.personal, say("personalMax", { max: limits.personal }))
    .refine(noControlCharacters, say("personalControl"))
    .optional(),
  /**
   * Draws each letter's variant of the template (variants.ts): made once per
   * page view, so the preview, the letters recorded and every export match.
   */
  seed: z.string().regex(seedPattern, say("seedInvalid")).optional(),
  identity: identityLevelSchema.default("anonymous"),
  name: trimmedLine(limits.name, "name").optional(),
  city: trimmedLine(limits.city, "city").optional(),
  country: countryCodeSchema,
});

const identityRules = <T extends { identity: IdentityLevel; name?: string; city?: string }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (value.identity !== "anonymous" && !value.name) {
    ctx.addIssue({ code: "custom", path: ["name"], message: say("nameMissing") });
  }
  if (value.identity === "full" && !value.city) {
    ctx.addIssue({
      code: "custom",
      path: ["city"],
      message: say("cityMissing"),
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
      .max(limits.email, say("emailMax", { max: limits.email }))
      .pipe(z.email(say("emailInvalid")))
      // What the mailer will send to (zod lets through, e.g., a domain label over 63 characters).
      .refine(isPlainMailAddress, say("emailInvalid"))
      .optional(),
    replyToMe: z.boolean().default(false),
    consentIdentity: z.boolean().default(false),
    consentCounted: z.literal(true, {
      error: say("countedMissing"),
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
    /**
     * The partner link the supporter came by (?source=). A code that is
     * malformed (or unknown, record-signature.ts) is ignored: never an error,
     * never a different answer.
     */
    source: sourceCodeSchema
      .optional()
      .catch(undefined)
      .describe("A partner's code from ?source= on a campaign link; an unknown or malformed one is ignored"),
  })
  .strict()
  .superRefine((value, ctx) => {
    identityRules(value, ctx);
    if (value.channel === "platform_email") {
      if (!value.email) {
        ctx.addIssue({
          code: "custom",
          path: ["email"],
          message: say("emailForSending"),
        });
      }
      if (!value.consentIdentity) {
        ctx.addIssue({
          code: "custom",
          path: ["consentIdentity"],
          message: say("identityConsent"),
        });
      }
    }
    if (value.replyToMe && !value.email) {
      ctx.addIssue({ code: "custom", path: ["email"], message: say("emailForReplies") });
    }
  });

export type SignatureSubmission = z.infer<typeof signatureSubmissionSchema>;

/** A failed parse of a letter schema as problems per form field (also the API's `fields`). */
export function letterProblems(error: z.ZodError): FieldProblems {
  return problemsByField(problemsOf(error));
}
