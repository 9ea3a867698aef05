// Signatures pour in while several roll-ups run at once; the totals must
// equal counts over the raw rows at every moment, and after the last roll-up
// everything is in the Tally table with nothing left pending.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { rollUpTallies } from "@/lib/tallies/roll-up-tallies";
import { countRows, resetDatabase } from "../helpers/db";
import { insertSignature, seedLaunchCampaign } from "../helpers/factories";

const countries = ["DE", "FR", "RU", "GB", "ES"];

describe("campaign totals", () => {
  let campaignId = "";
  let addresseeIds: string[] = [];

  beforeAll(async () => {
    await resetDatabase();
    const campaign = await seedLaunchCampaign();
    campaignId = campaign.id;
    addresseeIds = campaign.addressees.map((a) => a.addressee.id);
  });

  it("equal the raw rows while signatures arrive during concurrent roll-ups", async () => {
    let signing = true;
    const rollUps = Array.from({ length: 3 }, async () => {
      while (signing) {
        await rollUpTallies();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    const signatures = Array.from({ length: 300 }, (_, i) =>
      insertSignature({
        campaignId,
        country: countries[i % countries.length],
        letters: [
          { addresseeId: addresseeIds[i % addresseeIds.length]!, channel: "pdf_print" },
          { addresseeId: addresseeIds[(i + 1) % addresseeIds.length]!, channel: i % 2 ? "x_post" : "own_email_client" },
        ],
      }),
    );
    await Promise.all(signatures);
    const during = await getCampaignTotals("russia-amnesty-undesirable");
    signing = false;
    await Promise.all(rollUps);

    expect(during?.signatures).toBe(300);
    expect(during?.letters).toBe(600);

    await rollUpTallies();
    expect(await countRows(`SELECT count(*) AS n FROM "PendingTally"`)).toBe(0);

    const totals = await getCampaignTotals("russia-amnesty-undesirable");
    expect(totals?.signatures).toBe(await countRows(`SELECT count(*) AS n FROM "Signature"`));
    expect(totals?.lettersByChannel.pdf_print).toBe(300);
    expect(totals?.lettersByChannel.x_post).toBe(150);
    expect(totals?.lettersByChannel.own_email_client).toBe(150);
    for (const country of countries) {
      expect(totals?.signaturesByCountry[country]).toBe(
        await countRows(`SELECT count(*) AS n FROM "Signature" WHERE country = $1`, country),
      );
    }
    const tallied = await db().tally.findUnique({
      where: { campaignId_dimension_key: { campaignId, dimension: "signatures", key: "" } },
    });
    expect(Number(tallied?.count)).toBe(300);
  });

  it("group signatures by UTC day and hour", async () => {
    await insertSignature({ campaignId, country: "IT", createdAt: new Date("2026-03-01T23:30:00Z") });
    await rollUpTallies();
    const byDay = await db().tally.findUnique({
      where: { campaignId_dimension_key: { campaignId, dimension: "signatures_by_day", key: "2026-03-01" } },
    });
    const byHour = await db().tally.findUnique({
      where: { campaignId_dimension_key: { campaignId, dimension: "signatures_by_hour", key: "2026-03-01T23" } },
    });
    expect(Number(byDay?.count)).toBe(1);
    expect(Number(byHour?.count)).toBe(1);
  });
});
