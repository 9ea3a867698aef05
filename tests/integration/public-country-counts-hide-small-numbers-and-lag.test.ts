// An observer who polls the public totals must not learn when someone from a
// small country signed: by country, the public answer counts only signatures
// made before the last 10-minute UTC boundary, and only figures of ten or
// more. The staff dashboard keeps exact live counts.
import { beforeAll, describe, expect, it } from "vitest";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { countryCountsAsOf, getPublicTotals } from "@/lib/tallies/get-public-totals";
import { resetDatabase } from "../helpers/db";
import { insertSignature, seedLaunchCampaign } from "../helpers/factories";

const slug = "russia-amnesty-undesirable";
// A moment the test chooses: 12:05 UTC, so the counts are as of 12:00.
const now = new Date(Date.UTC(2030, 0, 15, 12, 5, 0));
const before = new Date(now.getTime() - 30 * 60_000);
const sinceBoundary = new Date(now.getTime() - 60_000);

async function sign(country: string, count: number, createdAt: Date, campaignId: string) {
  for (let i = 0; i < count; i++) await insertSignature({ campaignId, country, createdAt });
}

describe("public counts by country", () => {
  let campaignId = "";
  beforeAll(async () => {
    await resetDatabase();
    campaignId = (await seedLaunchCampaign()).id;
  });

  it("show countries with ten or more, fold the rest into 'other', and lag to the last 10-minute boundary", async () => {
    await sign("DE", 12, before, campaignId);
    await sign("FR", 9, before, campaignId);
    await sign("IS", 3, before, campaignId);
    await sign("NO", 1, before, campaignId);
    // Signed after 12:00: in the live total, not yet by country.
    await sign("DE", 5, sinceBoundary, campaignId);
    await sign("IS", 1, sinceBoundary, campaignId);

    const shown = await getPublicTotals(slug, now);
    expect(shown?.signaturesByCountryAsOf).toBe("2030-01-15T12:00:00.000Z");
    expect(shown?.signaturesByCountry).toEqual({ DE: 12, other: 13 });
    expect(shown?.signatures).toBe(31);
    // Staff see every country, live.
    expect((await getCampaignTotals(slug))?.signaturesByCountry).toEqual({ DE: 17, FR: 9, IS: 4, NO: 1 });
  });

  it("move only at the next boundary, and leave 'other' out while it is under ten", async () => {
    const later = new Date(Date.UTC(2030, 0, 15, 12, 10, 0));
    expect(countryCountsAsOf(new Date(later.getTime() - 1)).toISOString()).toBe("2030-01-15T12:00:00.000Z");
    await sign("FR", 1, before, campaignId);
    // Within the same window the answer is the one already given (every instance agrees).
    expect((await getPublicTotals(slug, new Date(later.getTime() - 1)))?.signaturesByCountry).toEqual({
      DE: 12,
      other: 13,
    });
    // From 12:10: France reaches ten; Iceland (4) and Norway (1) make an "other" of 5, not shown.
    expect((await getPublicTotals(slug, later))?.signaturesByCountry).toEqual({ DE: 17, FR: 10 });
  });
});
