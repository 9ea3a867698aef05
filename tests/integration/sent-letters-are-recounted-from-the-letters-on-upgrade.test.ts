// A database from before the "confirmed sent" figure (or with reports that a
// not-yet-counted signature made) gets the figure counted again from the
// letters themselves by the migration 20261204110000_recount_sent_letters:
// delivered or reported letters of counted signatures, cancelled ones left
// out; running it again changes nothing.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/core/db";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { rollUpTallies } from "@/lib/tallies/roll-up-tallies";
import { resetDatabase } from "../helpers/db";
import { insertSignature, seedLaunchCampaign } from "../helpers/factories";

const slug = "russia-amnesty-undesirable";
const migration = readFileSync("prisma/migrations/20261204110000_recount_sent_letters/migration.sql", "utf8");

describe("upgrading to the confirmed-sent figure", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });

  it("counts delivered and reported letters of counted signatures once, and nothing else", async () => {
    const [first, second] = campaign.addressees.map((a) => a.addressee.id);
    const reported = new Date("2026-06-01T10:00:00Z");
    // Delivered by our server and reported by the supporter, before any sent tally existed.
    const counted = await insertSignature({
      campaignId: campaign.id,
      letters: [
        { addresseeId: first!, channel: "platform_email" },
        { addresseeId: second!, channel: "x_post" },
      ],
    });
    await db().letter.update({ where: { id: counted.letters[0]!.id }, data: { status: "sent" } });
    await db().letter.update({ where: { id: counted.letters[1]!.id }, data: { reportedSentAt: reported } });
    // Reported but cancelled, and reported by a signature that never counted: not sent.
    const cancelled = await insertSignature({
      campaignId: campaign.id,
      letters: [{ addresseeId: first!, channel: "pdf_print" }],
    });
    await db().letter.update({
      where: { id: cancelled.letters[0]!.id },
      data: { status: "cancelled", reportedSentAt: reported },
    });
    const uncounted = await insertSignature({
      campaignId: campaign.id,
      letters: [{ addresseeId: second!, channel: "x_post" }],
    });
    await db().signature.update({ where: { id: uncounted.signature.id }, data: { countedAt: null } });
    await db().letter.update({ where: { id: uncounted.letters[0]!.id }, data: { reportedSentAt: reported } });
    // A wrong sent tally from before (the uncounted signature's report).
    await db().pendingTally.create({ data: { campaignId: campaign.id, sentLetterId: uncounted.letters[0]!.id } });
    await rollUpTallies();
    expect((await getCampaignTotals(slug))?.lettersSent).toBe(1);

    for (let run = 0; run < 2; run++) {
      await pool().query(migration);
      await rollUpTallies();
      const totals = await getCampaignTotals(slug);
      expect(totals?.lettersSent).toBe(2);
      expect(totals?.lettersSentByChannel).toMatchObject({ platform_email: 1, x_post: 1 });
      expect(totals?.lettersSentByChannel.pdf_print ?? 0).toBe(0);
    }
  });
});
