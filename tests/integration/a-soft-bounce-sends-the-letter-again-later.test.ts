// A relay that gave up for now (a 4.x.x delivery status notification: the
// mailbox is full) sends the letter back to the queue: the message is
// deferred with back-off and its letter no longer counts as confirmed sent;
// when it comes due it goes again, and counts again once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BounceListener } from "@/lib/bounces/bounce-listener";
import { db } from "@/lib/core/db";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { closeMailer } from "@/lib/delivery/mailer";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { deliveryReport, listenForBounces, sendReport } from "../helpers/bounces";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

process.env.DELIVERY_PACING = "off";
process.env.MAIL_RETURN_PATH_DOMAIN = "campaigns.example";

const slug = "russia-amnesty-undesirable";
const krasnov = "pressa@genproc.gov.ru";
const sink = new SmtpSink();
let listener: BounceListener;

describe("a soft bounce", () => {
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    listener = await listenForBounces();
  });
  afterAll(async () => {
    closeMailer();
    await listener.close();
    await sink.stop();
  });

  it("defers the message with back-off, then sends it again and counts it once", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await confirmedPlatformSignature(campaign);
    const message = await db().deliveryMessage.findFirstOrThrow({ where: { signatureId, toAddress: krasnov } });
    expect(await deliverMessage(message.id)).toBe("sent");
    const returnPath = sink.received.find((m) => m.parsed.messageId === message.messageIdHeader)!.envelopeFrom;
    const sentBefore = (await getCampaignTotals(slug))!.lettersSent;

    const bouncedAt = new Date();
    await sendReport(
      listener,
      returnPath,
      deliveryReport({ returnPath, recipient: krasnov, status: "4.2.2", diagnostic: "452 4.2.2 Mailbox full" }),
    );

    const deferred = await db().deliveryMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(deferred).toMatchObject({
      status: "deferred",
      outcome: "bounced_soft",
      outcomeDetail: "4.2.2: 452 4.2.2 Mailbox full",
      lastError: "Bounced for now: 4.2.2: 452 4.2.2 Mailbox full",
    });
    // Back-off after the first attempt: about a minute (0.8 to 1.2), not at once.
    const wait = deferred.nextAttemptAt.getTime() - bouncedAt.getTime();
    expect(wait).toBeGreaterThanOrEqual(40_000);
    expect(wait).toBeLessThanOrEqual(5 * 60_000);
    expect((await db().letter.findFirstOrThrow({ where: { deliveryMessageId: message.id } })).status).toBe("queued");
    expect((await getCampaignTotals(slug))!.lettersSent).toBe(sentBefore - 1);
    expect(await db().mailAddressHealth.findUniqueOrThrow({ where: { address: krasnov } })).toMatchObject({
      softBounces: 1,
      hardBounces: 0,
      pausedAt: null,
    });

    // Tried again (its time come, or an admin's retry): sent, counted again once.
    const before = sink.received.length;
    expect(await deliverMessage(message.id)).toBe("sent");
    expect(sink.received.slice(before).map((m) => m.parsed.messageId)).toEqual([message.messageIdHeader]);
    expect((await getCampaignTotals(slug))!.lettersSent).toBe(sentBefore);
    expect(await db().deliveryMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "sent",
      attempts: 2,
    });
  });
});
