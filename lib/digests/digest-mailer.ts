import "server-only";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { env } from "@/lib/core/env";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { smtpOptions } from "@/lib/core/mail-settings";
import { encryptText } from "@/lib/privacy/encryption";
import { insertLocalDigestMail } from "./data";

// lib/delivery/mailer.ts's OutgoingMail carries no attachments, and
// lib/delivery sits above this folder (it asks here which addressees take
// digests), so digests have this small send path with the same settings
// (lib/core/mail-settings.ts: SMTP_URL, TLS unless local, DKIM when configured);
// the local outbox without SMTP_URL. A few digests a day need no pool.

export type DigestMail = {
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  text: string;
  messageId: string;
  /** MAIL FROM: the bounce address naming this digest, when the caller gives one (else the From address). */
  envelopeFrom?: string;
  attachment?: { filename: string; content: Buffer; contentType: string };
};

export type DigestSendOutcome = { accepted: true } | { accepted: false; permanent: boolean; reason: string };

const deadlineMs = 120_000;

function transportFor(url: string) {
  return nodemailer.createTransport(smtpOptions(url) as Parameters<typeof nodemailer.createTransport>[0]);
}

/** Sends one digest; never throws (anything unexpected is a temporary failure). */
export async function sendDigestMail(mail: DigestMail): Promise<DigestSendOutcome> {
  if (![mail.from.address, mail.to.address].every(isPlainMailAddress))
    return { accepted: false, permanent: true, reason: "Not sent: an address is not a plain email address." };
  const message = {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
    attachments: mail.attachment ? [mail.attachment] : [],
    ...(mail.envelopeFrom ? { envelope: { from: mail.envelopeFrom, to: [mail.to.address] } } : {}),
  };
  const url = env().SMTP_URL;
  try {
    if (!url) {
      const raw = await nodemailer
        .createTransport({ streamTransport: true, buffer: true, newline: "unix" })
        .sendMail(message);
      const id = randomUUID();
      await insertLocalDigestMail({
        id,
        toAddressEncrypted: encryptText(mail.to.address, { table: "LocalMail", column: "toAddressEncrypted", row: id }),
        rawEncrypted: encryptText((raw.message as Buffer).toString("utf8"), {
          table: "LocalMail",
          column: "rawEncrypted",
          row: id,
        }),
      });
      return { accepted: true };
    }
    const transport = transportFor(url);
    let timer: NodeJS.Timeout | undefined;
    try {
      const info = await Promise.race([
        transport.sendMail(message),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("No answer from the mail server within 120 s.")), deadlineMs);
        }),
      ]);
      if ((info.rejected ?? []).length > 0)
        return { accepted: false, permanent: true, reason: `Rejected: ${String(info.response).slice(0, 500)}` };
      return { accepted: true };
    } finally {
      clearTimeout(timer);
      transport.close();
    }
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    const reason = error instanceof Error ? error.message.slice(0, 900) : String(error);
    return { accepted: false, permanent: typeof code === "number" && code >= 500 && code < 600, reason };
  }
}
