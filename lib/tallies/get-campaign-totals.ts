import "server-only";
import { letterChannels, type LetterChannel } from "@/lib/core/vocabulary";
import type { CampaignTotals } from "./schema";
import { findCountedCampaign, liveTallies } from "./data";

/** Every channel, in the vocabulary's order, so a channel nobody used yet shows as 0. */
const noLettersByChannel = Object.fromEntries(letterChannels.map((channel) => [channel, 0])) as Record<
  LetterChannel,
  number
>;

/**
 * Current totals of a campaign: rolled-up tallies plus what is still
 * pending, so a signature shows the moment it is committed. Returns null for
 * an unknown or draft campaign.
 */
export async function getCampaignTotals(slug: string): Promise<(CampaignTotals & { campaignId: string }) | null> {
  const campaign = await findCountedCampaign(slug);
  if (!campaign) return null;

  const rows = await liveTallies(campaign.id);
  const byDimension = (dimension: string) =>
    Object.fromEntries(rows.filter((r) => r.dimension === dimension).map((r) => [r.key, Number(r.count)]));
  const single = (dimension: string) => Number(rows.find((r) => r.dimension === dimension)?.count ?? 0);

  const lettersByAddresseeId = byDimension("letters_by_addressee");
  const sentByAddresseeId = byDimension("letters_sent_by_addressee");
  return {
    campaignId: campaign.id,
    campaign: campaign.slug,
    signatures: single("signatures"),
    signatureGoal: campaign.signatureGoal,
    letters: single("letters"),
    lettersByChannel: { ...noLettersByChannel, ...byDimension("letters_by_channel") },
    lettersSent: single("letters_sent"),
    lettersSentByChannel: { ...noLettersByChannel, ...byDimension("letters_sent_by_channel") },
    lettersByAddressee: campaign.addressees.map(({ addressee }) => ({
      key: addressee.key,
      name: addressee.name,
      letters: lettersByAddresseeId[addressee.id] ?? 0,
      sent: sentByAddresseeId[addressee.id] ?? 0,
    })),
    signaturesByCountry: byDimension("signatures_by_country"),
    computedAt: new Date().toISOString(),
  };
}
