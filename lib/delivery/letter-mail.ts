import type { IdentityLevel } from "@/lib/letters/schema";
import { signerLine } from "@/lib/letters/signer-line";
import { encodedWordSafe } from "@/lib/letters/subject-header";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import type { OutgoingMail } from "./mailer";

type Mailbox = { name: string; address: string };

/** MAIL_FROM_NAME's default (lib/core/env.ts): ours to translate; a name an organisation set stays as set. */
const defaultSenderName = "Letter campaigns";

/** "Signer (via Sender)" in the letter's language, so a Russian letter is not signed in English. */
const viaSender: Record<string, { via: (signer: string, sender: string) => string; defaultName: string }> = {
  en: { via: (signer, sender) => `${signer} (via ${sender})`, defaultName: defaultSenderName },
  fr: { via: (signer, sender) => `${signer} (via ${sender})`, defaultName: "Campagnes de lettres" },
  es: { via: (signer, sender) => `${signer} (vía ${sender})`, defaultName: "Campañas de cartas" },
  ru: { via: (signer, sender) => `${signer} (через «${sender}»)`, defaultName: "Кампании писем" },
};

export function fromName(signer: string, senderName: string, language: string): string {
  const texts = viaSender[language] ?? viaSender.en!;
  return texts.via(signer, senderName === defaultSenderName ? texts.defaultName : senderName);
}

/**
 * The email a platform letter becomes. Every address is a { name, address }
 * object: the addressee's from our records, the sender's from settings, the
 * supporter's only as Reply-To and only when they asked. What the supporter
 * typed goes into display names, the subject and the body, which nodemailer
 * encodes; none of it can become a header or a recipient (property-tested).
 */
export function letterMail(parts: {
  campaignSender: Mailbox;
  addressee: Mailbox;
  identity: IdentityLevel;
  supporterName?: string;
  supporterCity?: string;
  supporterCountry: string;
  replyToAddress?: string;
  language: string;
  subject: string;
  text: string;
  messageId: string;
  signatureId?: string;
}): OutgoingMail {
  const display = signerLine({
    identity: parts.identity,
    name: parts.supporterName,
    city: parts.supporterCity,
    country: parts.supporterCountry,
    language: parts.language,
  });
  return {
    // The campaign's address sends (SPF/DKIM pass); the supporter's chosen name shows.
    // Names are encoded like the subject: a name typed as an encoded word
    // would otherwise be decoded by mail clients into another sender.
    from: {
      name: encodedWordSafe(fromName(display, parts.campaignSender.name, parts.language).slice(0, 200)),
      address: parts.campaignSender.address,
    },
    to: parts.addressee,
    // A reply address that is not a plain address is left out rather than trusted.
    replyTo:
      parts.replyToAddress && isPlainMailAddress(parts.replyToAddress)
        ? { name: encodedWordSafe(display), address: parts.replyToAddress }
        : undefined,
    subject: encodedWordSafe(parts.subject),
    text: parts.text,
    messageId: parts.messageId,
    signatureId: parts.signatureId,
  };
}

// The shared-address text lives with the letters, so the links and the .eml
// a supporter sends themselves say what our server would.
export { textForSharedAddress, type LetterAtAddress } from "@/lib/letters/shared-address";
