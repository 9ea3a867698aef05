import "server-only";
import { cache } from "react";
import { getCampaignPage, type CampaignPageData } from "./get-campaign-page";
import { listOpenCampaigns } from "./list-open-campaigns";
import type { PublicCampaignSummary } from "./schema";

/**
 * What the home page shows: with one open campaign, that campaign's page (a
 * visitor came for it); with several, a list of them to choose from; with
 * none, a notice.
 */
export type HomePage =
  { kind: "none" } | { kind: "one"; page: CampaignPageData } | { kind: "several"; campaigns: PublicCampaignSummary[] };

/** `cache`: metadata and page share one read per request. */
export const getHomePage = cache(async (lang?: string): Promise<HomePage> => {
  const open = await listOpenCampaigns(lang);
  if (open.length > 1) return { kind: "several", campaigns: open };
  const page = open.length === 1 ? await getCampaignPage(open[0]!.slug, lang) : null;
  return page ? { kind: "one", page } : { kind: "none" };
});
