// A letter our relay accepted comes back undeliverable (a 5.1.1 delivery
// status notification, sent over real SMTP to the app's bounce listener): the
// message ends "bounced_hard", its letter stops counting as confirmed sent,
// the supporter's report says it was not delivered, and after
// BOUNCE_PAUSE_AFTER such bounces the address is paused and the staff
// dashboard names the addressee, the address and why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgeMailPause, resumeMailAddress } from "@/lib/admin/mail-pauses";
import type { BounceListener } from "@/lib/bounces/bounce-listener";
import { db } from "@/lib/core/db";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { closeMailer } from "@/lib/delivery/mailer";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import { getDashboard } from "@/lib/staff/get-dashboard";
import { getCampaignTotals } from "@/lib/tallies/get-campaign-totals";
import { deliveryReport, listenForBounces, sendReport } from "../helpers/bounces";
import { resetDatabase } from "../helpers/db";
import { confirmedPlatformSignature, messageIdsOf, useAsMailServer } from "../helpers/delivery";
import { seedLaunchCampaign, staffMember } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

process.env.DELIVERY_PACING = "off";
process.env.MAIL_RETURN_PATH_DOMAIN = "campaigns.example";
process.env.BOUNCE_PAUSE_AFTER = "2";

const slug = "russia-amnesty-undesirable";
const lavrov = "ministry@mid.ru";
const sink = new SmtpSink();
let listener: BounceListener;
let campaign: Awaited<ReturnType<typeof seedLaunchCampaign>>;

/** Sends the signature's letter to Lavrov through the relay; the envelope sender it went with. */
async function sendLavrovsLetter(signatureId: string): Promise<{ id: string; returnPath: string }> {
  const message = await db().deliveryMessage.findFirstOrThrow({ where: { signatureId, toAddress: lavrov } });
  expect(await deliverMessage(message.id)).toBe("sent");
  const mail = sink.received.find((m) => m.parsed.messageId === message.messageIdHeader)!;
  return { id: message.id, returnPath: mail.envelopeFrom };
}

describe("a hard bounce", () => {
  beforeAll(async () => {
    await useAsMailServer(sink);
    await resetDatabase();
    campaign = await seedLaunchCampaign();
    listener = await listenForBounces();
  });
  afterAll(async () => {
    closeMailer();
    await listener.close();
    await sink.stop();
  });

  it("ends the message as bounced, counts the letter out of 'confirmed sent', and tells the supporter", async () => {
    const signatureId = await confirmedPlatformSignature(campaign, { language: "en" });
    const { id, returnPath } = await sendLavrovsLetter(signatureId);
    expect(returnPath).toMatch(/^bounces\+m\.[0-9a-f]{32}\.[0-9a-f]{20}@campaigns\.example$/);
    const sentBefore = (await getCampaignTotals(slug))!.lettersSent;

    await sendReport(listener, returnPath, deliveryReport({ returnPath, recipient: lavrov, status: "5.1.1" }));

    const message = await db().deliveryMessage.findUniqueOrThrow({ where: { id } });
    expect(message).toMatchObject({ status: "failed", outcome: "bounced_hard" });
    expect(message.outcomeDetail).toBe("5.1.1: 550 5.1.1 <[address]>: refused");
    expect(message.outcomeDetail).not.toContain(lavrov);
    const letter = await db().letter.findFirstOrThrow({ where: { deliveryMessageId: id } });
    expect(letter.status).toBe("failed");
    const totals = (await getCampaignTotals(slug))!;
    expect(totals.lettersSent).toBe(sentBefore - 1);
    // Counted over the raw rows, the figure is the same.
    expect(totals.lettersSent).toBe(await db().letter.count({ where: { campaignId: campaign.id, status: "sent" } }));

    // The same report twice (relays resend) changes nothing more.
    await sendReport(listener, returnPath, deliveryReport({ returnPath, recipient: lavrov, status: "5.1.1" }));
    expect((await getCampaignTotals(slug))!.lettersSent).toBe(sentBefore - 1);
    expect(await db().mailAddressHealth.findUniqueOrThrow({ where: { address: lavrov } })).toMatchObject({
      hardBounces: 1,
      pausedAt: null,
    });

    // The other letters go; the report then says what really happened to each.
    for (const other of await messageIdsOf(signatureId)) await deliverMessage(other);
    const summary = await db().outboxMessage.findFirstOrThrow({ where: { signatureId, kind: "delivery_summary" } });
    expect(await sendSupporterEmail(summary.id)).toBe("sent");
    const text = sink.received.at(-1)!.parsed.text!;
    expect(text).toContain("Sergey Lavrov: not delivered (the receiving mail server refused it, sent it back");
    expect(text).toMatch(/Igor Krasnov: sent on .+ and accepted by the mail servers \(none has refused it so far\)/);
    expect(text).not.toMatch(/delivered on/);
  });

  it("pauses the address after the set count and shows staff who, which address and why", async () => {
    const second = await confirmedPlatformSignature(campaign);
    const { returnPath } = await sendLavrovsLetter(second);
    await sendReport(listener, returnPath, deliveryReport({ returnPath, recipient: lavrov, status: "5.1.1" }));

    const health = await db().mailAddressHealth.findUniqueOrThrow({ where: { address: lavrov } });
    expect(health).toMatchObject({ hardBounces: 2, acknowledgedAt: null });
    expect(health.pausedAt).not.toBeNull();
    expect(health.pauseReason).toMatch(/^2 letters to this address came back as undeliverable\. Last report: 5\.1\.1/);

    const admin = await staffMember("admin");
    const staff = await staffMember("staff");
    const seen = await getDashboard(staff, slug);
    expect(seen.mailPauses).toEqual([
      expect.objectContaining({
        address: lavrov,
        addressees: ["Sergey Lavrov"],
        reason: "hard_bounces",
        hardBounces: 2,
        acknowledged: false,
      }),
    ]);
    // Staff read it; only admins act on it.
    await expect(acknowledgeMailPause(staff, lavrov)).rejects.toThrow("Only admins may do this.");
    expect(await acknowledgeMailPause(admin, lavrov)).toBe(true);
    expect((await getDashboard(admin, slug)).mailPauses[0]).toMatchObject({ acknowledged: true });
    expect(await resumeMailAddress(admin, lavrov)).toBe(true);
    expect((await getDashboard(admin, slug)).mailPauses).toEqual([]);
    expect(await db().mailAddressHealth.findUniqueOrThrow({ where: { address: lavrov } })).toMatchObject({
      hardBounces: 0,
      pausedAt: null,
    });
  });
});
