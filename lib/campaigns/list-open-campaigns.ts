import "server-only";
import { findOpenCampaigns } from "./data";
import type { PublicCampaignSummary } from "./schema";
import { toSummaryFields } from "./get-public-campaign";
import { pickTranslation } from "./text";

/** Open campaigns, newest first, with their texts in `language` where they have it. */
export async function listOpenCampaigns(language?: string): Promise<PublicCampaignSummary[]> {
  const rows = await findOpenCampaigns();
  return rows.map((row) => {
    const text = pickTranslation(row.translations, row.languages, language);
    return toSummaryFields(row, text, text?.language ?? row.languages[0] ?? "en");
  });
}
