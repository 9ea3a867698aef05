import "server-only";
import { randomUUID } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/core/env";
import { encryptText } from "@/lib/privacy/encryption";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { insertLocalMail } from "./data";
import { mailDomain, smtpOptions } from "@/lib/core/mail-settings";
import { returnPathAddress, returnPathOfMessageId, type ReturnPathRef } from "./return-path";

export type OutgoingMail = {
  to: { name: string; address: string };
  from: { name: string; address: string };
  replyTo?: { name: string; address: string };
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  headers?: Record<string, string>;
  /** Not sent: lets the local outbox file the copy under its signature, for deletion. */
  signatureId?: string;
  /** The message bounces should name; by default the one our Message-ID names (return-path.ts). */
  returnPath?: ReturnPathRef;
};

export type SendOutcome = { accepted: true } | { accepted: false; permanent: boolean; reason: string };

let transport: Transporter | undefined;

/**
 * The longest one message may take, queue wait included. nodemailer's own
 * timeouts cover a silent server, but a pooled send has been seen never to
 * settle after connections were cut mid-conversation; a job would then hold
 * its message for hours. Below DELIVERY_STALE_SECONDS' default (300 s), so a
 * live send ends before any sweep or drain takes its message over.
 */
export const sendDeadlineMs = 120_000;

/** The promise's value, or a rejection once `ms` have passed (after calling onLate). */
export async function withinDeadline<T>(promise: Promise<T>, ms: number, onLate: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onLate();
      reject(new Error(`No answer from the mail server within ${Math.round(ms / 1000)} s.`));
    }, ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Pooled SMTP from SMTP_URL: TLS is required unless the server is on this
 * machine, and messages are DKIM-signed when a key is configured.
 */
function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport({
    ...smtpOptions(url),
    pool: true,
    maxConnections: 5,
    maxMessages: 100,
  } as Parameters<typeof nodemailer.createTransport>[0]);
}

/** The message as nodemailer takes it: mailboxes stay objects, never strings. */
export function nodemailerMessage(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: mail.headers,
  };
}

/**
 * The envelope: MAIL FROM is bounces+<token>@mailDomain(), naming the message,
 * so a bounce that comes back says which message it is about (and nobody can
 * forge one); the From header stays MAIL_FROM_ADDRESS. A message that names
 * none of ours keeps nodemailer's envelope (the From address).
 */
function withReturnPath(mail: OutgoingMail, message: ReturnType<typeof nodemailerMessage>) {
  // "localhost" (no PUBLIC_URL yet) is no domain a bounce can come back to,
  // and relays refuse it as a sender: the From address stays the envelope.
  if (!mailDomain().includes(".")) return message;
  const ref = mail.returnPath ?? returnPathOfMessageId(mail.messageId);
  return ref ? { ...message, envelope: { from: returnPathAddress(ref), to: [mail.to.address] } } : message;
}

/**
 * Sends one message. Without SMTP_URL the message is filed in the local
 * outbox instead (encrypted), and nothing leaves the machine.
 */
export async function sendMail(mail: OutgoingMail): Promise<SendOutcome> {
  const url = env().SMTP_URL;
  const addresses = [mail.from.address, mail.to.address, ...(mail.replyTo ? [mail.replyTo.address] : [])];
  const unsafe = addresses.find((address) => !isPlainMailAddress(address));
  if (unsafe !== undefined)
    return { accepted: false, permanent: true, reason: "Not sent: an address is not a plain email address." };
  const message = nodemailerMessage(mail);
  if (!url) {
    const raw = await nodemailer
      .createTransport({ streamTransport: true, buffer: true, newline: "unix" })
      .sendMail(message);
    const id = randomUUID();
    await insertLocalMail({
      id,
      toAddressEncrypted: encryptText(mail.to.address, { table: "LocalMail", column: "toAddressEncrypted", row: id }),
      signatureId: mail.signatureId ?? null,
      rawEncrypted: encryptText((raw.message as Buffer).toString("utf8"), {
        table: "LocalMail",
        column: "rawEncrypted",
        row: id,
      }),
    });
    return { accepted: true };
  }
  const pool = (transport ??= smtpTransport(url));
  try {
    const info = await withinDeadline(pool.sendMail(withReturnPath(mail, message)), sendDeadlineMs, () => {
      // The pool lost track of this message (a connection cut at the wrong
      // moment): new connections for what follows, and this one tried again.
      if (transport === pool) transport = undefined;
      pool.close();
    });
    if ((info.rejected ?? []).length > 0)
      return { accepted: false, permanent: true, reason: `Rejected: ${String(info.response).slice(0, 500)}` };
    return { accepted: true };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    const reason = error instanceof Error ? error.message.slice(0, 900) : String(error);
    // 5xx is the server's final word; anything else (4xx, no connection) may pass later.
    return { accepted: false, permanent: typeof code === "number" && code >= 500 && code < 600, reason };
  }
}

/** Closes pooled connections (worker shutdown, tests). */
export function closeMailer(): void {
  transport?.close();
  transport = undefined;
}
