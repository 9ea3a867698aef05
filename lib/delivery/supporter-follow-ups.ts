import "server-only";
import { deliverySummaryEmail, type DeliveryOutcome } from "@/emails/delivery-summary";
import { thankYouEmail } from "@/emails/thank-you";
import type { Prisma } from "@/generated/prisma/client";
import { pickTranslation } from "@/lib/campaigns/text";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { deletionUrl } from "@/lib/privacy/deletion-link";
import { decryptText } from "@/lib/privacy/encryption";
import { queueSupporterEmail } from "./queue-supporter-email";

const day = 86_400_000;

/** Who to write to, in which language, about which campaign; null once the data is gone. */
async function recipientOf(tx: Prisma.TransactionClient, signatureId: string) {
  const signature = await tx.signature.findUnique({
    where: { id: signatureId },
    select: {
      contact: { select: { emailEncrypted: true, emailConfirmedAt: true } },
      campaign: { select: { languages: true, translations: { select: { language: true, title: true } } } },
    },
  });
  if (!signature?.contact?.emailEncrypted || !signature.contact.emailConfirmedAt) return null;
  // Follow-ups speak the language the confirmation email spoke.
  const confirmation = await tx.outboxMessage.findUnique({
    where: { signatureId_kind: { signatureId, kind: "address_confirmation" } },
    select: { language: true },
  });
  const language = confirmation?.language ?? signature.campaign.languages[0] ?? "en";
  const title = pickTranslation(signature.campaign.translations, signature.campaign.languages, language)?.title ?? "";
  return { to: decryptText(signature.contact.emailEncrypted), language, title };
}

function addresseeName(addressee: { name: string; translations: { language: string; name: string }[] }, language: string): string {
  return addressee.translations.find((t) => t.language === language)?.name ?? addressee.name;
}

/** The thank-you email, in the transaction that confirms the address. */
export async function queueThankYou(tx: Prisma.TransactionClient, signatureId: string, now: Date): Promise<void> {
  const recipient = await recipientOf(tx, signatureId);
  if (!recipient) return;
  const letters = await tx.letter.findMany({
    where: { signatureId, channel: "platform_email", status: "queued" },
    select: { addressee: { select: { name: true, translations: { select: { language: true, name: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  if (letters.length === 0) return;
  const retentionDays = env().PERSONAL_DATA_RETENTION_DAYS;
  await queueSupporterEmail(tx, {
    signatureId,
    kind: "thank_you",
    language: recipient.language,
    to: recipient.to,
    email: thankYouEmail({
      language: recipient.language,
      retentionDays,
      deleteUrl: deletionUrl(signatureId, recipient.language),
      campaignTitle: recipient.title,
      addressees: letters.map((l) => addresseeName(l.addressee, recipient.language)),
    }),
    purgeAfter: new Date(now.getTime() + retentionDays * day),
  });
}

/**
 * The delivery summary, once every message of the signature has ended
 * (sent, failed or cancelled). Called after each message ends; the unique
 * index makes sure only one summary goes even when two workers finish the
 * last two messages at the same moment.
 */
export async function queueDeliverySummaryIfDone(signatureId: string, now = new Date()): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const open = await tx.deliveryMessage.count({ where: { signatureId, status: { in: ["queued", "sending", "deferred"] } } });
    if (open > 0) return false;
    const recipient = await recipientOf(tx, signatureId);
    if (!recipient) return false;
    const messages = await tx.deliveryMessage.findMany({
      where: { signatureId },
      orderBy: { createdAt: "asc" },
      select: { status: true, sentAt: true, letters: { select: { addressee: { select: { name: true, translations: { select: { language: true, name: true } } } } } } },
    });
    if (messages.length === 0) return false;
    const outcomes: DeliveryOutcome[] = messages.flatMap((message) =>
      message.letters.map((letter) => ({
        addressee: addresseeName(letter.addressee, recipient.language),
        status: message.status as DeliveryOutcome["status"],
        sentAt: message.sentAt,
      })),
    );
    const retentionDays = env().PERSONAL_DATA_RETENTION_DAYS;
    return queueSupporterEmail(tx, {
      signatureId,
      kind: "delivery_summary",
      language: recipient.language,
      to: recipient.to,
      email: deliverySummaryEmail({
        language: recipient.language,
        retentionDays,
        deleteUrl: deletionUrl(signatureId, recipient.language),
        campaignTitle: recipient.title,
        outcomes,
      }),
      // The summary is the last email: nothing personal needs to outlive it long.
      purgeAfter: new Date(now.getTime() + retentionDays * day),
    });
  });
}
