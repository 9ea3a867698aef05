import "server-only";
import { signaturesByCountryBefore, type CountryRow } from "./data";
import { getCampaignTotals } from "./get-campaign-totals";
import type { PublicCampaignTotals } from "./schema";

/**
 * Exact per-country counts, refreshed every few seconds, would let an
 * observer time a new signature from a small country (Iceland goes from 3 to
 * 4 at 14:02:05). So the public figures by country are counted as of the
 * last full window of the UTC clock (every instance gives the same answer,
 * however often it is asked), and a country with fewer than `minimum`
 * signatures is folded into "other", itself left out while under `minimum`.
 * Staff see exact live figures on their dashboard.
 */
export const publicCountryCounts = { minimum: 10, windowSeconds: 600, otherKey: "other" };

const cached = new Map<string, { asOf: number; counts: Promise<Record<string, number>> }>();

export function countryCountsAsOf(now: Date): Date {
  const window = publicCountryCounts.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / window) * window);
}

/** The totals the public API and pages give: exact overall, coarse and lagging by country. */
export async function getPublicTotals(slug: string, now = new Date()): Promise<PublicCampaignTotals | null> {
  const found = await getCampaignTotals(slug);
  if (!found) return null;
  const { campaignId, ...totals } = found;
  const asOf = countryCountsAsOf(now);
  return {
    ...totals,
    signaturesByCountry: await countryCounts(campaignId, asOf),
    signaturesByCountryAsOf: asOf.toISOString(),
  };
}

function countryCounts(campaignId: string, asOf: Date): Promise<Record<string, number>> {
  const hit = cached.get(campaignId);
  if (hit && hit.asOf === asOf.getTime()) return hit.counts;
  const counts = signaturesByCountryBefore(campaignId, asOf).then(coarsen);
  // A failed count is not kept: the next request tries again.
  counts.catch(() => cached.delete(campaignId));
  cached.set(campaignId, { asOf: asOf.getTime(), counts });
  return counts;
}

export function coarsen(rows: CountryRow[]): Record<string, number> {
  const { minimum, otherKey } = publicCountryCounts;
  const shown: Record<string, number> = {};
  let other = 0;
  for (const { country, n } of [...rows].sort((a, b) => b.n - a.n || a.country.localeCompare(b.country))) {
    if (n >= minimum) shown[country] = n;
    else other += n;
  }
  if (other >= minimum) shown[otherKey] = other;
  return shown;
}
