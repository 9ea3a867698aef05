// An ARF report (the recipient marked our mail as spam) sent to a letter's
// return path marks the message "complained" and pauses the address at once;
// the letter did arrive, so it still counts as sent. The staff dashboard says why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BounceListener } from "@/lib/bounces/bounce-listener";
import { db } from "@/lib/core/db";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { closeMailer } from "@/lib/delivery/mailer";
import { getDashboard } from "@/lib/staff/get-dashboard";
import { complaintReport, listenForBounces, sendReport } from "../helpers/bounces";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

process.env.DELIVERY_PACING = "off";
process.env.MAIL_RETURN_PATH_DOMAIN = "campaigns.example";
process.env.BOUNCE_PAUSE_AFTER = "5";

const bortnikov = "fsb@fsb.ru";
const sink = new SmtpSink();
let listener: BounceListener;

describe("a complaint", () => {
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

  it("marks the message complained and pauses the address after one report", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await confirmedPlatformSignature(campaign);
    const message = await db().deliveryMessage.findFirstOrThrow({ where: { signatureId, toAddress: bortnikov } });
    expect(await deliverMessage(message.id)).toBe("sent");
    const returnPath = sink.received.find((m) => m.parsed.messageId === message.messageIdHeader)!.envelopeFrom;

    await sendReport(listener, returnPath, complaintReport({ returnPath, recipient: bortnikov }));

    expect(await db().deliveryMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "sent",
      outcome: "complained",
      outcomeDetail: "complaint (abuse)",
    });
    expect((await db().letter.findFirstOrThrow({ where: { deliveryMessageId: message.id } })).status).toBe("sent");
    const health = await db().mailAddressHealth.findUniqueOrThrow({ where: { address: bortnikov } });
    expect(health).toMatchObject({ complaints: 1, hardBounces: 0 });
    expect(health.pausedAt).not.toBeNull();
    expect(health.pauseReason).toMatch(/^The recipient reported our mail as spam/);

    const dashboard = await getDashboard(await staffMember("staff"));
    expect(dashboard.mailPauses).toEqual([
      expect.objectContaining({ address: bortnikov, addressees: ["Alexander Bortnikov"], reason: "complaint" }),
    ]);
  });
});
