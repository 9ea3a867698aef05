// Every email leaves with its own envelope sender, bounces+<token>@<mail
// domain>, naming the message (a letter's DeliveryMessage, a supporter's
// email); the From header stays the campaign's address.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { deliverMessage } from "@/lib/delivery/deliver-message";
import { readReturnPath } from "@/lib/delivery/return-path";
import { sendSupporterEmail } from "@/lib/delivery/send-supporter-email";
import { confirmedPlatformSignature, messageIdsOf, mailServerForThisFile } from "../helpers/delivery";
import { seedLaunchCampaign } from "../helpers/factories";
import { SmtpSink } from "../helpers/smtp-sink";

process.env.DELIVERY_PACING = "off";
process.env.MAIL_RETURN_PATH_DOMAIN = "campaigns.example";

const sink = new SmtpSink();
const envelopeSender = /^bounces\+[mo]\.[0-9a-f]{32}\.[0-9a-f]{20}@campaigns\.example$/;

describe("the return path", () => {
  mailServerForThisFile(sink);

  it("names each letter's message in MAIL FROM, one per message", async () => {
    const campaign = await seedLaunchCampaign();
    const signatureId = await confirmedPlatformSignature(campaign);
    const ids = await messageIdsOf(signatureId);
    for (const id of ids) expect(await deliverMessage(id)).toBe("sent");
    const mails = sink.received.filter((m) => m.parsed.from?.value[0]?.address === "letters@campaigns.example");
    expect(mails).toHaveLength(ids.length);
    for (const mail of mails) {
      expect(mail.envelopeFrom).toMatch(envelopeSender);
      const message = await db().deliveryMessage.findUniqueOrThrow({
        where: { messageIdHeader: mail.parsed.messageId! },
      });
      expect(readReturnPath(mail.envelopeFrom)).toEqual({ kind: "delivery", id: message.id });
      // Bounces go to the envelope; replies still go to the From (or Reply-To) header.
      expect(mail.raw).not.toMatch(/^Return-Path:/im);
    }
    expect(new Set(mails.map((m) => m.envelopeFrom)).size).toBe(ids.length);
  });

  it("names a supporter's email as an outbox message", async () => {
    const outbox = await db().outboxMessage.findFirstOrThrow({ where: { kind: "address_confirmation" } });
    expect(await sendSupporterEmail(outbox.id)).toBe("sent");
    const mail = sink.received.at(-1)!;
    expect(mail.envelopeFrom).toMatch(envelopeSender);
    expect(readReturnPath(mail.envelopeFrom)).toEqual({ kind: "outbox", id: outbox.id });
    expect(mail.parsed.from?.value[0]?.address).toBe("letters@campaigns.example");
  });
});
