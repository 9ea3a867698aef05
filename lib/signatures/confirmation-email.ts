import "server-only";
import { addressConfirmationEmail } from "@/emails/address-confirmation";
import { env } from "@/lib/core/env";
import type { ComposedLetter } from "@/lib/letters/compose-letters";
import type { LetterBuilder } from "@/lib/letters/get-letter-builder";
import { deletionUrl } from "@/lib/privacy/deletion-link";
import { signValue } from "@/lib/privacy/encryption";

export const validForHours = 72;

/** A signed link that confirms the address and releases the letters; expires after 72 hours. */
export function confirmationToken(signatureId: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + validForHours * 3600;
  return signValue(`confirm.${signatureId}.${expires}`);
}

/** The page that shows what will be sent and asks to confirm it. */
export function confirmationUrl(slug: string, signatureId: string, language: string, now: Date): string {
  return `${env().PUBLIC_URL}/c/${slug}/confirm?token=${encodeURIComponent(confirmationToken(signatureId, now))}&lang=${language}`;
}

export function confirmationEmail(options: {
  signatureId: string;
  builder: LetterBuilder;
  letters: readonly ComposedLetter[];
  replyToMe: boolean;
  now: Date;
}) {
  const url = confirmationUrl(
    options.builder.campaign.slug,
    options.signatureId,
    options.builder.language,
    options.now,
  );
  const email = addressConfirmationEmail({
    language: options.builder.language,
    retentionDays: env().PERSONAL_DATA_RETENTION_DAYS,
    deleteUrl: deletionUrl(options.signatureId, options.builder.language),
    campaignTitle: options.builder.campaign.title,
    addressees: options.letters.map((l) => l.addressee.name),
    confirmUrl: url,
    letter: { subject: options.letters[0]!.subject, text: options.letters[0]!.text, replyToMe: options.replyToMe },
  });
  return { ...email, url };
}
