// Shapes of campaign data at the boundaries: route parameters in, public
// JSON out. The OpenAPI document is generated from these same schemas.
import { z } from "zod";
import { addresseeKinds, campaignStatuses } from "@/lib/core/vocabulary";

export const campaignSlugSchema = z
  .string()
  .min(1, "The campaign slug is empty.")
  .max(80, "A campaign slug has at most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A campaign slug uses lower-case letters, digits and single hyphens.");

/** A BCP 47 primary language subtag we may have content in, e.g. "en", "ru". */
export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, "A language is a two- or three-letter code such as en or ru.");

export const campaignParamsSchema = z.object({ slug: campaignSlugSchema });

export const campaignQuerySchema = z.object({ lang: languageCodeSchema.optional() }).strict();

export const addresseeKindSchema = z.enum(addresseeKinds);

export const publicAddresseeSchema = z.object({
  id: z.string().uuid(),
  key: z.string(),
  name: z.string(),
  role: z.string(),
  organisation: z.string().nullable(),
  kind: addresseeKindSchema,
  // A pattern, not .length(2): zod 4.6 runs a length check on any value with a "length" property, and
  // {"length": {"toString": 0}} then throws instead of being refused (the schema sweep found it).
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .describe("ISO 3166-1 alpha-2, for embassies and missions"),
  emails: z.array(z.string()),
  xHandle: z.string().nullable().describe("Without the leading @"),
  postalAddress: z.string().nullable(),
  webFormUrl: z.string().nullable(),
  lastVerifiedOn: z.string().describe("Date (YYYY-MM-DD) the contact details were last checked"),
});

export const publicDemandSchema = z.object({
  position: z.number().int(),
  text: z.string(),
});

export const campaignStatusSchema = z.enum(campaignStatuses);

export const publicCampaignSummarySchema = z.object({
  slug: z.string(),
  status: campaignStatusSchema,
  language: z.string().describe("Language of the texts in this answer"),
  languages: z.array(z.string()),
  organiser: z.string().describe("The organiser's name in `language`, with its article where the language needs one"),
  title: z.string(),
  summary: z.string(),
  signatureGoal: z.number().int().nullable(),
  appealDate: z.string().nullable(),
  closesAt: z.string().nullable().describe("When signing ends (ISO 8601, UTC); null: no closing time set"),
  url: z.string().describe("Path of the campaign page"),
});

export const publicCampaignSchema = publicCampaignSummarySchema.extend({
  context: z.array(z.string()).describe("What happened, one paragraph per item"),
  whyItMatters: z.array(z.string()),
  safetyNotice: z.string(),
  firstStep: z.string().describe("What the appeal asks supporters to do first; empty when it names nothing"),
  demands: z.array(publicDemandSchema),
  addressees: z.array(publicAddresseeSchema),
});

export type PublicAddressee = z.infer<typeof publicAddresseeSchema>;
export type PublicCampaignSummary = z.infer<typeof publicCampaignSummarySchema>;
export type PublicCampaign = z.infer<typeof publicCampaignSchema>;
