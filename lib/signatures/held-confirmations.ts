import "server-only";
import { heldConfirmationsEmail } from "@/emails/held-confirmations";
import { pickTranslation } from "@/lib/campaigns/text";
import { queueSupporterEmail } from "@/lib/delivery/queue-supporter-email";
import { env } from "@/lib/core/env";
import { deletionLink } from "@/lib/privacy/deletion-link";
import { openLinkOrigin } from "@/lib/privacy/email-links";
import { decryptText } from "@/lib/privacy/encryption";
import { confirmationLink } from "./confirmation-email";
import { inTransaction, takeHeldConfirmations, unconfirmedSignatures } from "./data";

const day = 24 * 60 * 60 * 1000;

/**
 * The worker's side: one email to the address listing every submission held
 * for it that still waits for confirmation, each with its own link to see
 * the exact text and confirm (or, without letters, to confirm the address
 * alone), and its own "this was not me". Returns how many submissions it
 * listed (0: nothing left, no email).
 */
export async function sendHeldConfirmations(addressKey: string, now = new Date()): Promise<number> {
  return inTransaction(async (tx) => {
    const taken = await takeHeldConfirmations(tx, addressKey);
    if (taken.length === 0) return 0;
    const signatures = await unconfirmedSignatures(tx, taken);
    // Letters still waiting, or (no platform letters at all) an address kept
    // only so the organisers may write to it, waiting for its owner's word.
    const contactOnly = (s: (typeof signatures)[number]) => s._count.letters === 0;
    const waiting = signatures.filter((s) => s.letters.length > 0 || (contactOnly(s) && s.contact?.consentContact));
    if (waiting.length === 0) return 0;
    const newest = waiting[waiting.length - 1]!;
    const language = newest.language;
    const retentionDays = env().PERSONAL_DATA_RETENTION_DAYS;
    // Each submission's links start at the origin it was made on; the email's own at the newest's.
    const linkOrigin = (s: (typeof signatures)[number]) => openLinkOrigin(s.contact?.linkOriginEncrypted, s.id);
    const email = heldConfirmationsEmail({
      language,
      retentionDays,
      deleteUrl: deletionLink(newest.id, language, linkOrigin(newest)),
      submissions: waiting.map((s) => ({
        at: s.createdAt,
        campaignTitle: pickTranslation(s.campaign.translations, s.campaign.languages, language)?.title ?? "",
        addressees: contactOnly(s) ? null : s.letters.map((l) => l.addressee.name),
        confirmUrl: confirmationLink(s.campaign.slug, s.id, language, now, linkOrigin(s)),
        deleteUrl: deletionLink(s.id, language, linkOrigin(s)),
      })),
    });
    await queueSupporterEmail(tx, {
      signatureId: newest.id,
      kind: "held_confirmations",
      language,
      to: decryptText(newest.contact!.emailEncrypted!, {
        table: "SupporterContact",
        column: "emailEncrypted",
        row: newest.id,
      }),
      email,
      purgeAfter: new Date(now.getTime() + retentionDays * day),
    });
    return waiting.length;
  });
}
