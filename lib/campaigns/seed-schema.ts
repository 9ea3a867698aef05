// The shape of a campaign written as data (content/*.json, test factories):
// checked before anything is written, so a typo in a content file stops the
// seed with the field's path instead of leaving half a campaign.
import { z } from "zod";
import { isTimeZone, parseOfficeHours } from "@/lib/core/office-hours";
import { addresseeKinds, campaignStatuses } from "@/lib/core/vocabulary";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { campaignSlugSchema, languageCodeSchema } from "./schema";

/** Long texts may be written as a list of paragraphs; stored separated by blank lines. */
const paragraphs = z.union([
  z.string(),
  z
    .array(z.string())
    .min(1)
    .transform((list) => list.join("\n\n")),
]);

/** Files may carry notes for their readers; seeding ignores them. */
const note = { $comment: z.union([z.string(), z.array(z.string())]).optional() };

const perLanguage = <T extends z.ZodType>(value: T) => z.record(languageCodeSchema, value);

/** An opening or closing paragraph a letter may draw. */
const variantParagraph = z.string().min(1).max(2_000);

const addresseeSeedSchema = z
  .object({
    ...note,
    key: z.string().min(1),
    name: z.string().min(1),
    role: z.string(),
    organisation: z.string().optional(),
    kind: z.enum(addresseeKinds),
    country: z.string().length(2).optional(),
    emails: z.array(z.string().refine(isPlainMailAddress, "Not a plain email address.")),
    xHandle: z.string().optional(),
    postalAddress: z.string().optional(),
    webFormUrl: z.string().optional(),
    salutation: z.string().optional(),
    lastVerifiedOn: z.iso.date(),
    /** Pacing (docs/DEPLOY.md, "Pacing"): the office's IANA zone, hours "9-18" there, ISO weekdays, emails an hour. */
    timeZone: z.string().refine(isTimeZone, "Not an IANA time zone such as Europe/Moscow.").optional(),
    officeHours: z
      .string()
      .refine((hours) => parseOfficeHours(hours) !== null, "Office hours look like 9-18.")
      .optional(),
    officeDays: z.array(z.number().int().min(1).max(7)).min(1).optional(),
    hourlyCap: z.number().int().min(1).max(10_000).optional(),
    translations: perLanguage(
      z.strictObject({
        name: z.string(),
        role: z.string(),
        salutation: z.string().optional(),
        /** The organisation line in this language; the addressee's own when missing. */
        organisation: z.string().optional(),
      }),
    ).optional(),
  })
  .strict();

const campaignSeedSchema = z
  .object({
    ...note,
    slug: campaignSlugSchema,
    status: z.enum(campaignStatuses),
    organiser: z.string().min(1),
    languages: z.array(languageCodeSchema).min(1),
    signatureGoal: z.number().int().positive().optional(),
    appealDate: z.iso.date().optional(),
    opensAt: z.iso.datetime().optional(),
    translations: perLanguage(
      z.strictObject({
        title: z.string(),
        summary: z.string(),
        context: paragraphs,
        whyItMatters: paragraphs,
        safetyNotice: z.string(),
        /** The organiser's name in this language, with its article ("the Observatory…"). */
        organiser: z.string().max(200).optional(),
        /** What the appeal asks supporters to do first, shown above the demands. */
        firstStep: z.string().max(600).optional(),
      }),
    ),
    /** In order; each maps language to text. */
    demands: z.array(perLanguage(z.string())),
    /** In display order. */
    addressees: z.array(addresseeSeedSchema),
    templates: perLanguage(
      z.strictObject({
        subject: z.string(),
        body: paragraphs,
        xPost: z.string().optional(),
        /** Variants each letter draws from (lib/letters/variants.ts), as the campaign editor checks them. */
        subjectVariants: z
          .array(
            z
              .string()
              .min(1)
              .max(300)
              .regex(/^[^\r\n]*$/),
          )
          .max(20)
          .optional(),
        openingVariants: z.array(variantParagraph).max(20).optional(),
        closingVariants: z.array(variantParagraph).max(20).optional(),
      }),
    ),
  })
  .strict();

/** A campaign as written in a content file or a test (paragraph lists allowed). */
export type CampaignSeedInput = z.input<typeof campaignSeedSchema>;
/** A checked campaign, texts joined: what seeding writes. */
export type CampaignSeed = z.output<typeof campaignSeedSchema>;
export type AddresseeSeed = z.output<typeof addresseeSeedSchema>;

export function parseCampaignSeed(input: unknown): CampaignSeed {
  return campaignSeedSchema.parse(input);
}
