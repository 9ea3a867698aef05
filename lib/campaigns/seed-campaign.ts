import "server-only";
import { campaignIdBySlug, writeCampaignSeed } from "./data";
import { parseCampaignSeed, type CampaignSeedInput } from "./seed-schema";

export type { AddresseeSeed, CampaignSeed, CampaignSeedInput } from "./seed-schema";

/**
 * Writes a campaign, its demands, addressees and templates, creating or
 * overwriting by slug and addressee key. Running it twice leaves the same
 * state. Overwrites admins' edits, so the start command only seeds a
 * campaign that is not there yet (`seedCampaignIfMissing`). The seed is
 * checked first (lib/campaigns/seed-schema.ts): nothing is written from a
 * malformed one.
 */
export async function seedCampaign(seed: CampaignSeedInput): Promise<void> {
  await writeCampaignSeed(parseCampaignSeed(seed));
}

/** Seeds the campaign only when no campaign has its slug; returns whether it did. */
export async function seedCampaignIfMissing(seed: CampaignSeedInput): Promise<boolean> {
  if (await campaignIdBySlug(seed.slug)) return false;
  await seedCampaign(seed);
  return true;
}
