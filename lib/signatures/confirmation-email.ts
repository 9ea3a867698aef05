import "server-only";
import { addressConfirmationEmail } from "@/emails/address-confirmation";
import { contactConfirmationEmail } from "@/emails/contact-confirmation";
import { env } from "@/lib/core/env";
import type { ComposedLetter } from "@/lib/letters/compose-letters";
import type { LetterBuilder } from "@/lib/letters/get-letter-builder";
import type { EmailLink } from "@/emails/layout";
import { deletionLink } from "@/lib/privacy/deletion-link";
import { emailLink } from "@/lib/privacy/email-links";
import { signValue } from "@/lib/privacy/encryption";

export const validForHours = 72;

/** A signed link that confirms the address and releases the letters; expires after 72 hours. */
export function confirmationToken(signatureId: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + validForHours * 3600;
  return signValue(`confirm.${signatureId}.${expires}`);
}

/**
 * The page that shows what will be sent (or, without letters, what the
 * address is for) and asks to confirm it: at the origin the supporter signed
 * on first (`linkOrigin`), then the canonical and onion ones.
 */
export function confirmationLink(
  slug: string,
  signatureId: string,
  language: string,
  now: Date,
  linkOrigin: string | null,
): EmailLink {
  const token = encodeURIComponent(confirmationToken(signatureId, now));
  return emailLink(`/c/${slug}/confirm?token=${token}&lang=${language}`, linkOrigin);
}

type ConfirmationOptions = {
  signatureId: string;
  builder: LetterBuilder;
  /** The supporter's language (the page they signed on); the letter's when not given. */
  language?: string;
  now: Date;
  /** The origin the supporter's request came in on: the emails' links start there. */
  linkOrigin: string | null;
};

/** What both confirmation emails carry: the confirm link, the delete link, the retention, the campaign's title. */
function confirmationContext({ signatureId, builder, now, linkOrigin, ...options }: ConfirmationOptions) {
  const language = options.language ?? builder.language;
  return {
    language,
    retentionDays: env().PERSONAL_DATA_RETENTION_DAYS,
    deleteUrl: deletionLink(signatureId, language, linkOrigin),
    campaignTitle: builder.campaign.title,
    confirmUrl: confirmationLink(builder.campaign.slug, signatureId, language, now, linkOrigin),
  };
}

/** For platform letters: the addressees and the exact first letter, then confirm (and send) or "this was not me". */
export function confirmationEmail(
  options: ConfirmationOptions & { letters: readonly ComposedLetter[]; replyToMe: boolean },
) {
  const context = confirmationContext(options);
  const email = addressConfirmationEmail({
    ...context,
    addressees: options.letters.map((l) => l.addressee.name),
    letter: { subject: options.letters[0]!.subject, text: options.letters[0]!.text, replyToMe: options.replyToMe },
  });
  return email;
}

/**
 * For a signature without letters for our server to send, whose supporter
 * gave an address and agreed that the organisers may email them: the link
 * confirms the address only (double opt-in); nothing is sent in their name.
 */
export function contactConfirmationMail(options: ConfirmationOptions) {
  const context = confirmationContext(options);
  return contactConfirmationEmail(context);
}
