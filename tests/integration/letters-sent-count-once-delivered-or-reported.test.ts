// "Letters sent" is its own figure, apart from "letters prepared": a platform
// email counts as sent when our server hands it to the addressee's mail
// server (every letter it carries, two when an address is shared), a letter
// offered by mailto or X when its supporter reports sending it. While
// roll-ups run, the public totals, the dashboard and the CSV equal counts
// over the raw rows, and a message ended twice counts once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { endMessage } from "@/lib/delivery/data";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { closeMailer } from "@/lib/delivery/mailer";
import { aggregatesCsv } from "@/lib/staff/export-csv";
import { getDashboard } from "@/lib/staff/get-dashboard";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { rollUpTallies } from "@/lib/tallies/roll-up-tallies";
import { countRows, resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, messageIdsOf, useAsMailServer } from "../helpers/delivery";
import { insertSignature, seedLaunchCampaign, staffMember } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

const sink = new SmtpSink();
const slug = "russia-amnesty-undesirable";
const sentSql = `"campaignId" = $1::uuid AND (status = 'sent' OR "reportedSentAt" IS NOT NULL)`;

describe("letters sent", () => {
  let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    campaign = await seedLaunchCampaign();
  });
  afterAll(async () => {
    closeMailer();
    await sink.stop();
  });

  it("count delivered and reported letters once each, apart from letters prepared", { timeout: 120_000 }, async () => {
    const ids = campaign.addressees.map((a) => a.addressee.id);
    const platform: string[] = [];
    for (let i = 0; i < 6; i++) platform.push(await confirmedPlatformSignature(campaign));
    const offered = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        insertSignature({
          campaignId: campaign.id,
          country: "DE",
          letters: [
            { addresseeId: ids[i % ids.length]!, channel: i % 2 ? "x_post" : "own_email_client" },
            { addresseeId: ids[(i + 1) % ids.length]!, channel: "pdf_print" },
          ],
        }),
      ),
    );
    const before = await getCampaignTotals(slug);
    expect(before?.lettersSent).toBe(0);

    let rolling = true;
    const rollUps = Array.from({ length: 2 }, async () => {
      while (rolling) {
        await rollUpTallies();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    // Our server sends; supporters report some of the letters they sent themselves
    // (the row H2's "I sent it" action writes).
    const messages = (await Promise.all(platform.map(messageIdsOf))).flat();
    const reported = offered.flatMap((o, i) => (i % 3 === 0 ? [o.letters[0]!] : []));
    await Promise.all([
      ...messages.map(async (id) => expect(await deliverMessage(id)).toBe("sent")),
      ...reported.map((letter) =>
        db().$transaction([
          db().letter.update({ where: { id: letter.id }, data: { reportedSentAt: new Date() } }),
          db().pendingTally.create({ data: { campaignId: campaign.id, sentLetterId: letter.id } }),
        ]),
      ),
    ]);
    // A message ended a second time (a worker whose stale hold was taken over) adds nothing.
    await endMessage(messages[0]!, { sent: true });
    expect(await deliverMessage(messages[0]!)).toBe("already_done");
    rolling = false;
    await Promise.all(rollUps);

    const rawSent = await countRows(`SELECT count(*) AS n FROM "Letter" WHERE ${sentSql}`, campaign.id);
    const platformLetters = await db().letter.count({ where: { campaignId: campaign.id, channel: "platform_email" } });
    // Geneva and Brussels share one address: fewer messages than letters, each letter counted.
    expect(messages.length).toBeLessThan(platformLetters);
    expect(rawSent).toBe(platformLetters + reported.length);

    const totals = await getCampaignTotals(slug);
    expect(totals?.lettersSent).toBe(rawSent);
    expect(totals?.letters).toBe(await db().letter.count({ where: { campaignId: campaign.id } }));
    expect(totals?.lettersSentByChannel.platform_email).toBe(platformLetters);
    expect(totals!.lettersSentByChannel.own_email_client + totals!.lettersSentByChannel.x_post).toBe(reported.length);
    expect(totals?.lettersSentByChannel.pdf_print).toBe(0);
    for (const addressee of totals?.lettersByAddressee ?? []) {
      const id = campaign.addressees.find((a) => a.addressee.key === addressee.key)!.addressee.id;
      expect(addressee.sent).toBe(
        await countRows(
          `SELECT count(*) AS n FROM "Letter" WHERE ${sentSql} AND "addresseeId" = $2::uuid`,
          campaign.id,
          id,
        ),
      );
    }

    await rollUpTallies();
    expect(await countRows(`SELECT count(*) AS n FROM "PendingTally"`)).toBe(0);
    expect((await getCampaignTotals(slug))?.lettersSent).toBe(rawSent);

    const staff = await staffMember("staff");
    const dashboard = await getDashboard(staff, slug);
    expect(dashboard.lettersSent).toBe(rawSent);
    expect(dashboard.letters).toBe(totals?.letters);
    expect(dashboard.byChannel.find((c) => c.key === "platform_email")?.sent).toBe(platformLetters);
    const csv = (await aggregatesCsv(staff, slug))!;
    expect(csv).toContain(`letters,,Letters prepared,${totals?.letters}\r\n`);
    expect(csv).toContain(`letters_sent,,Letters confirmed sent,${rawSent}\r\n`);
    expect(csv).toContain(`letters_sent_by_channel,platform_email,Sent by our server,${platformLetters}\r\n`);
  });
});
