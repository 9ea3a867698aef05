import "server-only";
import { cache } from "react";
import { getPublicTotals } from "@/lib/tallies/get-public-totals";
import type { PublicCampaignTotals } from "@/lib/tallies/schema";
import { getPublicCampaign } from "./get-public-campaign";
import { campaignSlugSchema, languageCodeSchema, type PublicCampaign } from "./schema";

export type CampaignPageData = { campaign: PublicCampaign; totals: PublicCampaignTotals };

/**
 * What a campaign page shows, or null when the slug is malformed or unknown
 * (the page answers 404). An unsupported `lang` falls back to the default.
 * `cache` lets metadata and page share one database read per request.
 */
export const getCampaignPage = cache(async (slug: string, lang?: string): Promise<CampaignPageData | null> => {
  const language = languageCodeSchema.safeParse(lang).data;
  const parsedSlug = campaignSlugSchema.safeParse(slug);
  if (!parsedSlug.success) return null;
  const campaign = await getPublicCampaign(parsedSlug.data, language);
  if (!campaign) return null;
  // The public figures: a page's payload must not carry what the API hides.
  const totals = await getPublicTotals(campaign.slug);
  return totals ? { campaign, totals } : null;
});
