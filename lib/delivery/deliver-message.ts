import "server-only";
import { env } from "@/lib/core/env";
import { decryptText } from "@/lib/privacy/encryption";
import {
  addDeliveryJob,
  claimMessage,
  endMessage,
  findMessageWithLetters,
  markMessageUnsendable,
  messageHold,
  rescheduleMessage,
} from "./data";
import { letterMail, textForSharedAddress } from "./letter-mail";
import { sendMail } from "./mailer";
import { backoff, domainSlot, outsideSendingHours } from "./pacing";
import { queueDeliverySummaryIfDone } from "./supporter-follow-ups";

// A stored reason is part of an index (campaignId, status, lastError) whose
// entries PostgreSQL caps at 2,704 bytes: 600 characters fit even in 4-byte UTF-8.
const maxReason = 600;

export type DeliveryResult = "sent" | "already_done" | "rescheduled" | "deferred" | "failed" | "busy";

/** Where the letter's addressee stands in its campaign's list (letters of one signature are made together). */
function positionOf(letter: {
  campaignId: string;
  addressee: { campaigns: { campaignId: string; position: number }[] };
}) {
  return letter.addressee.campaigns.find((c) => c.campaignId === letter.campaignId)?.position ?? 0;
}

/**
 * Sends one delivery message, once. The row is claimed (status "sending")
 * before the SMTP conversation and marked "sent" right after it; a worker
 * that dies in between leaves it "sending", and the sweeper retries it after
 * DELIVERY_STALE_SECONDS with the same Message-ID.
 */
export async function deliverMessage(messageId: string, now = new Date()): Promise<DeliveryResult> {
  const settings = env();
  const message = await findMessageWithLetters(messageId);
  if (!message) return "already_done";
  if (["sent", "failed", "cancelled"].includes(message.status)) {
    // A retried job after a crash between the update and the summary.
    await queueDeliverySummaryIfDone(message.signatureId);
    return "already_done";
  }
  // Two addressees sharing this address share this message: one email greets both.
  const letters = message.letters.toSorted(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || positionOf(a) - positionOf(b),
  );
  const letter = letters[0];
  if (!letter?.content || letters.some((l) => !l.content)) {
    await markMessageUnsendable(messageId, "The letter's text is gone (purged or deleted).");
    return "failed";
  }

  if (letter.campaign.deliveryPaused || letter.addressee.status === "paused") {
    const why = letter.campaign.deliveryPaused
      ? "Sending is paused for this campaign."
      : "Sending is paused for this addressee.";
    await rescheduleMessage(messageId, new Date(now.getTime() + 10 * 60_000), why, "deferred");
    return "rescheduled";
  }
  const window = outsideSendingHours(now);
  if (window) {
    await rescheduleMessage(messageId, window, null);
    return "rescheduled";
  }
  const slot = await domainSlot(message.toDomain, now);
  if (slot) {
    await rescheduleMessage(messageId, slot, null);
    return "rescheduled";
  }

  const staleBefore = new Date(now.getTime() - settings.DELIVERY_STALE_SECONDS * 1000);
  if (!(await claimMessage(messageId, now, staleBefore))) {
    // Another worker holds it. Look again once its hold would be stale, so a
    // worker that died mid-send is covered without waiting for the sweeper.
    const held = await messageHold(messageId);
    if (held?.status === "sending" && held.sendingSince) {
      const runAt = new Date(held.sendingSince.getTime() + (settings.DELIVERY_STALE_SECONDS + 1) * 1000);
      await addDeliveryJob(messageId, runAt);
    }
    return "busy";
  }

  const contact = letter.signature.contact;
  const fromContact = (column: "nameEncrypted" | "cityEncrypted" | "emailEncrypted") => {
    const value = contact?.[column];
    return value ? decryptText(value, { table: "SupporterContact", column, row: contact.signatureId }) : undefined;
  };
  const outcome = await sendMail(
    letterMail({
      campaignSender: { name: settings.MAIL_FROM_NAME, address: settings.MAIL_FROM_ADDRESS },
      addressee: { name: message.toName, address: message.toAddress },
      identity: letter.signature.identityLevel,
      supporterName: fromContact("nameEncrypted"),
      supporterCity: fromContact("cityEncrypted"),
      supporterCountry: letter.signature.country,
      replyToAddress: contact?.replyToSupporter ? fromContact("emailEncrypted") : undefined,
      language: letter.language,
      subject: decryptText(letter.content.subjectEncrypted, {
        table: "PlatformLetter",
        column: "subjectEncrypted",
        row: letter.id,
      }),
      text: textForSharedAddress(
        letters.map((l) => ({
          addresseeName: l.addressee.translations.find((t) => t.language === l.language)?.name ?? l.addressee.name,
          text: decryptText(l.content!.bodyEncrypted, {
            table: "PlatformLetter",
            column: "bodyEncrypted",
            row: l.id,
          }),
        })),
      ),
      messageId: message.messageIdHeader,
      signatureId: message.signatureId,
    }),
  );

  const attempts = message.attempts + 1;
  if (outcome.accepted) {
    await endMessage(messageId, { sent: true });
    await queueDeliverySummaryIfDone(message.signatureId);
    return "sent";
  }
  if (outcome.permanent || attempts >= settings.DELIVERY_MAX_ATTEMPTS) {
    const reason = outcome.permanent
      ? outcome.reason
      : `Gave up after ${attempts} attempts. Last error: ${outcome.reason}`;
    await endMessage(messageId, { sent: false, reason: reason.slice(0, maxReason) });
    await queueDeliverySummaryIfDone(message.signatureId);
    return "failed";
  }
  await rescheduleMessage(messageId, backoff(attempts, now), outcome.reason.slice(0, maxReason), "deferred");
  return "deferred";
}
