import "server-only";
import MailComposer from "nodemailer/lib/mail-composer";
import { encodedWordSafe } from "./subject-header";

export type EmlRecipient = { name: string; address: string };

/**
 * An unsent message (RFC 5322, UTF-8) that mail clients open as a draft.
 * Recipients are validated { name, address } objects from our addressee
 * records, never strings built from user input; nodemailer encodes the
 * supporter's subject and text, so they cannot add headers or recipients.
 */
export async function renderEml(options: {
  to: EmlRecipient[];
  subject: string;
  text: string;
  date?: Date;
}): Promise<Buffer> {
  if (options.to.length === 0) throw new Error("None of these addressees has an email address.");
  const composer = new MailComposer({
    to: options.to,
    subject: encodedWordSafe(options.subject),
    text: options.text,
    date: options.date ?? new Date(),
    headers: { "X-Unsent": "1" },
    textEncoding: "quoted-printable",
  });
  return composer.compile().build();
}
