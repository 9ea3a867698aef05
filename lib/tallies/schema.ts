import { z } from "zod";
import { letterChannelSchema } from "@/lib/core/vocabulary-schemas";

export { letterChannelSchema } from "@/lib/core/vocabulary-schemas";
export type { LetterChannel } from "@/lib/core/vocabulary";

export const campaignTotalsSchema = z.object({
  campaign: z.string().describe("Campaign slug"),
  signatures: z
    .number()
    .int()
    .describe(
      "People who signed: counted at once, or, when they ask us to send their letters, once their email address is confirmed",
    ),
  signatureGoal: z.number().int().nullable(),
  letters: z
    .number()
    .int()
    .describe("Letters prepared: every letter a counted signature produced, whether or not it was sent (yet)"),
  lettersByChannel: z.record(letterChannelSchema, z.number().int()).describe("Letters prepared, by channel"),
  lettersSent: z
    .number()
    .int()
    .describe(
      "Letters confirmed sent: emails our server delivered to the addressee's mail server, plus letters their supporter reported sending (mail app, post, X). A part of `letters`, never to be added to it",
    ),
  lettersSentByChannel: z.record(letterChannelSchema, z.number().int()).describe("Letters confirmed sent, by channel"),
  lettersByAddressee: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      letters: z.number().int().describe("Letters prepared for this addressee"),
      sent: z.number().int().describe("Of those, letters confirmed sent"),
    }),
  ),
  signaturesByCountry: z.record(z.string(), z.number().int()).describe("ISO 3166-1 alpha-2 country to count"),
  computedAt: z.string().describe("When these figures were computed (ISO 8601)"),
});

export type CampaignTotals = z.infer<typeof campaignTotalsSchema>;

/** What the public API gives: by country, coarse and lagging (lib/tallies/get-public-totals.ts). */
export const publicCampaignTotalsSchema = campaignTotalsSchema.extend({
  signaturesByCountry: z
    .record(z.string(), z.number().int())
    .describe(
      'ISO 3166-1 alpha-2 country to count, as of signaturesByCountryAsOf; countries under 10 are summed as "other", left out while that is under 10',
    ),
  signaturesByCountryAsOf: z
    .string()
    .describe("The counts by country include signatures made before this moment (ISO 8601; a 10-minute UTC boundary)"),
});

export type PublicCampaignTotals = z.infer<typeof publicCampaignTotalsSchema>;
