import "server-only";
import { deliverySummaryEmail, type DeliveryOutcome } from "@/emails/delivery-summary";
import type { EmailContext } from "@/emails/layout";
import { thankYouEmail } from "@/emails/thank-you";
import type { Prisma } from "@/generated/prisma/client";
import { pickTranslation } from "@/lib/campaigns/text";
import { env } from "@/lib/core/env";
import { deletionLink } from "@/lib/privacy/deletion-link";
import { openLinkOrigin } from "@/lib/privacy/email-links";
import { decryptText } from "@/lib/privacy/encryption";
import {
  confirmationLanguage,
  inTransaction,
  messageOutcomes,
  openMessageCount,
  queuedPlatformAddressees,
  supporterAndCampaign,
} from "./data";
import { queueSupporterEmail } from "./queue-supporter-email";

const day = 86_400_000;

function addresseeName(
  addressee: { name: string; translations: { language: string; name: string }[] },
  language: string,
): string {
  return addressee.translations.find((t) => t.language === language)?.name ?? addressee.name;
}

/**
 * Who to write to, in which language, about which campaign, and what every
 * email to them carries (delete link, retention period); null once their
 * data is gone or the address was never confirmed.
 */
async function recipientOf(tx: Prisma.TransactionClient, signatureId: string, now: Date) {
  const signature = await supporterAndCampaign(tx, signatureId);
  if (!signature?.contact?.emailEncrypted || !signature.contact.emailConfirmedAt) return null;
  // Follow-ups speak the language the confirmation email spoke.
  const language = (await confirmationLanguage(tx, signatureId)) ?? signature.campaign.languages[0] ?? "en";
  const retentionDays = env().PERSONAL_DATA_RETENTION_DAYS;
  // The thank-you (queued at the confirm click) and the summary both start
  // their links at the origin the supporter signed on, as the confirmation
  // did: one order in every email to them. The click's own origin is not
  // used: a link opened on another device, or the first one in the email,
  // says less about where the supporter can reach us than where they signed.
  const linkOrigin = openLinkOrigin(signature.contact.linkOriginEncrypted, signatureId);
  const context: EmailContext = { language, retentionDays, deleteUrl: deletionLink(signatureId, language, linkOrigin) };
  return {
    to: decryptText(signature.contact.emailEncrypted, {
      table: "SupporterContact",
      column: "emailEncrypted",
      row: signatureId,
    }),
    context,
    campaignTitle:
      pickTranslation(signature.campaign.translations, signature.campaign.languages, language)?.title ?? "",
    purgeAfter: new Date(now.getTime() + retentionDays * day),
  };
}

/** The thank-you email, in the transaction that confirms the address. */
export async function queueThankYou(tx: Prisma.TransactionClient, signatureId: string, now: Date): Promise<void> {
  const recipient = await recipientOf(tx, signatureId, now);
  if (!recipient) return;
  const addressees = await queuedPlatformAddressees(tx, signatureId);
  if (addressees.length === 0) return;
  const { language } = recipient.context;
  await queueSupporterEmail(tx, {
    signatureId,
    kind: "thank_you",
    language,
    to: recipient.to,
    email: thankYouEmail({
      ...recipient.context,
      campaignTitle: recipient.campaignTitle,
      addressees: addressees.map((addressee) => addresseeName(addressee, language)),
    }),
    purgeAfter: recipient.purgeAfter,
  });
}

/**
 * The delivery summary, once every message of the signature has ended
 * (sent, failed or cancelled). Called after each message ends; the unique
 * index makes sure only one summary goes even when two workers finish the
 * last two messages at the same moment.
 */
export async function queueDeliverySummaryIfDone(signatureId: string, now = new Date()): Promise<boolean> {
  return inTransaction(async (tx) => {
    if ((await openMessageCount(tx, signatureId)) > 0) return false;
    const recipient = await recipientOf(tx, signatureId, now);
    if (!recipient) return false;
    const messages = await messageOutcomes(tx, signatureId);
    if (messages.length === 0) return false;
    const { language } = recipient.context;
    // One line per email: addressees sharing an address got one email together.
    const outcomes: DeliveryOutcome[] = messages.map((message) => ({
      addressees: message.letters.map((letter) => addresseeName(letter.addressee, language)),
      address: message.toAddress,
      status: message.status as DeliveryOutcome["status"],
      sentAt: message.sentAt,
    }));
    return queueSupporterEmail(tx, {
      signatureId,
      kind: "delivery_summary",
      language,
      to: recipient.to,
      email: deliverySummaryEmail({ ...recipient.context, campaignTitle: recipient.campaignTitle, outcomes }),
      purgeAfter: recipient.purgeAfter,
    });
  });
}
