import "server-only";
import { confirmationReminderEmail } from "@/emails/confirmation-reminder";
import { pickTranslation } from "@/lib/campaigns/text";
import { env } from "@/lib/core/env";
import { confirmationLanguage } from "@/lib/delivery/data";
import { queueSupporterEmail } from "@/lib/delivery/queue-supporter-email";
import { deletionLink } from "@/lib/privacy/deletion-link";
import { openLinkOrigin } from "@/lib/privacy/email-links";
import { decryptText } from "@/lib/privacy/encryption";
import { confirmationLink, validForHours } from "@/lib/signatures/confirmation-email";
import { mayEmailConfirmation } from "@/lib/signatures/rate-limits";
import { inTransaction, reminderDetails, signaturesToRemind } from "./data";

const hour = 3_600_000;
/** The reminder goes once three quarters of the link's lifetime have passed (54 of 72 hours). */
export const reminderAfterHours = validForHours * 0.75;
const batch = 500;

/**
 * Files the one reminder for each supporter whose confirmation link is in its
 * last quarter and who has not confirmed: the worker runs it every quarter of
 * an hour with the time it is. A supporter with no letters for us to send,
 * who agreed that the organisers may email them, gets it too, by the same
 * rule (their only way to hear about the outcome is that link), worded for
 * the address alone. The reminder's link is signed afresh but
 * expires when the first one does, so the supporter gets no more time than
 * they were told and we keep nothing longer. The unique (signature, kind)
 * index keeps it to one, even with two workers at once. Returns how many it
 * filed.
 */
export async function queueConfirmationReminders(now = new Date()): Promise<number> {
  const remindFrom = new Date(now.getTime() - reminderAfterHours * hour);
  const expiredBefore = new Date(now.getTime() - validForHours * hour);
  let filed = 0;
  for (;;) {
    const due = await signaturesToRemind(remindFrom, expiredBefore, now, batch);
    for (const signatureId of due) if (await remindOne(signatureId, now)) filed += 1;
    if (due.length < batch) return filed;
  }
}

async function remindOne(signatureId: string, now: Date): Promise<boolean> {
  return inTransaction(async (tx) => {
    const signature = await reminderDetails(tx, signatureId);
    // Confirmed or deleted meanwhile: nothing to remind of.
    if (!signature?.contact?.emailEncrypted || signature.contact.emailConfirmedAt) return false;
    const contactOnly = signature._count.letters === 0;
    if (contactOnly ? !signature.contact.consentContact : signature.letters.length === 0) return false;
    const { campaign } = signature;
    // The language the first email spoke (the page the supporter signed on), not the letter's.
    const language = (await confirmationLanguage(tx, signatureId)) ?? signature.language;
    // The first link was signed at signing time (record-signature.ts): the
    // same time gives the same deadline.
    const signedAt = signature.createdAt;
    const expiresAt = new Date(Math.floor(signedAt.getTime() / 1000) * 1000 + validForHours * hour);
    if (expiresAt <= now) return false;
    const retentionDays = env().PERSONAL_DATA_RETENTION_DAYS;
    // Its links start where the supporter signed, as the first email's did.
    const linkOrigin = openLinkOrigin(signature.contact.linkOriginEncrypted, signatureId);
    const context = {
      language,
      retentionDays,
      deleteUrl: deletionLink(signatureId, language, linkOrigin),
      campaignTitle: pickTranslation(campaign.translations, campaign.languages, language)?.title ?? "",
      confirmUrl: confirmationLink(campaign.slug, signatureId, language, signedAt, linkOrigin),
      expiresAt,
    };
    const to = decryptText(signature.contact.emailEncrypted, {
      table: "SupporterContact",
      column: "emailEncrypted",
      row: signatureId,
    });
    // A reminder spends the address's hourly allowance of confirmation emails
    // like the first email did, so a flood of submissions with someone's
    // address cannot double what their inbox gets: over it, the reminder
    // waits for a later run (every quarter hour) while the link is still good.
    if (!(await mayEmailConfirmation(to, now)).allowed) return false;
    return queueSupporterEmail(tx, {
      signatureId,
      kind: "confirmation_reminder",
      language,
      to,
      // Without addressees, the reminder speaks of the address alone.
      email: confirmationReminderEmail(
        contactOnly
          ? context
          : {
              ...context,
              addressees: signature.letters.map(
                ({ addressee }) => addressee.translations.find((t) => t.language === language)?.name ?? addressee.name,
              ),
            },
      ),
      purgeAfter: new Date(expiresAt.getTime() + retentionDays * 24 * hour),
    });
  });
}
