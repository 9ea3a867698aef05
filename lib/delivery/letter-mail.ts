import type { IdentityLevel } from "@/lib/letters/schema";
import { signerLine } from "@/lib/letters/signer-line";
import { encodedWordSafe } from "@/lib/letters/subject-header";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import type { OutgoingMail } from "./mailer";

type Mailbox = { name: string; address: string };

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
      name: encodedWordSafe(`${display} (via ${parts.campaignSender.name})`.slice(0, 200)),
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

/** One letter to an addressee at the address a message goes to, as stored: salutation first, then the letter. */
export type LetterAtAddress = { addresseeName: string; text: string };

/**
 * The one text sent to an address that several addressees share (the appeal
 * gives the Geneva mission's address for the Brussels embassy too): it names
 * every addressee, one per line, then greets each of them and carries the
 * letter once. Their letters come from one draft and differ only in the
 * first paragraph (the salutation, in the letter's language); a greeting two
 * addressees share is written once. Should the letters differ further (a
 * supporter who used {{addressee_name}} in the body), each follows in full.
 * A message for one addressee is that letter, unchanged.
 */
export function textForSharedAddress(letters: readonly LetterAtAddress[]): string {
  if (letters.length <= 1) return letters[0]?.text ?? "";
  const names = unique(letters.map((l) => l.addresseeName)).join("\n");
  const parts = letters.map(({ text }) => {
    const end = text.indexOf("\n\n");
    return end === -1 ? { salutation: text, rest: "" } : { salutation: text.slice(0, end), rest: text.slice(end + 2) };
  });
  if (parts.every((p) => p.rest === parts[0]!.rest)) {
    const greetings = unique(parts.map((p) => p.salutation)).join("\n");
    return [names, greetings, parts[0]!.rest].filter(Boolean).join("\n\n");
  }
  return `${names}\n\n${letters.map((l) => l.text).join("\n\n* * *\n\n")}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
