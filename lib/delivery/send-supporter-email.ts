import "server-only";
import { mailDomain } from "@/lib/core/mail-settings";
import { env } from "@/lib/core/env";
import { decryptText } from "@/lib/privacy/encryption";
import { redactAddresses } from "@/lib/privacy/redact";
import { addressConfirmed, cancelOutboxMessage, endOutboxMessage, findOutboxMessage, retryOutboxMessage } from "./data";
import { sendMail } from "./mailer";
import { backoff } from "./pacing";

/** Sends one email to a supporter from the outbox (confirmation, reminder, thank-you, summary, outcome update). */
export async function sendSupporterEmail(
  outboxMessageId: string,
  now = new Date(),
): Promise<"sent" | "already_done" | "deferred" | "failed"> {
  const settings = env();
  const message = await findOutboxMessage(outboxMessageId);
  if (!message || message.status !== "queued") return "already_done";
  // Confirmed between filing the reminder and sending it: "please confirm" would only confuse.
  if (message.kind === "confirmation_reminder" && (await addressConfirmed(message.signatureId))) {
    await cancelOutboxMessage(message.id);
    return "already_done";
  }
  const domain = mailDomain();
  const outcome = await sendMail({
    from: { name: settings.MAIL_FROM_NAME, address: settings.MAIL_FROM_ADDRESS },
    to: {
      name: "",
      address: decryptText(message.toEncrypted, { table: "OutboxMessage", column: "toEncrypted", row: message.id }),
    },
    subject: message.subject,
    text: decryptText(message.textEncrypted, { table: "OutboxMessage", column: "textEncrypted", row: message.id }),
    html: message.htmlEncrypted
      ? decryptText(message.htmlEncrypted, { table: "OutboxMessage", column: "htmlEncrypted", row: message.id })
      : undefined,
    messageId: `<outbox-${message.id}@${domain}>`,
    // A bounce names this email, so it can be marked failed; the supporter's address is never kept for it.
    returnPath: { kind: "outbox", id: message.id },
    signatureId: message.signatureId,
  });
  const attempts = message.attempts + 1;
  // The supporter's address must not be kept in clear in the error text.
  const reason = outcome.accepted ? "" : redactAddresses(outcome.reason).slice(0, 1000);
  if (outcome.accepted) {
    await endOutboxMessage(message.id, attempts, { sent: true });
    return "sent";
  }
  if (outcome.permanent || attempts >= settings.DELIVERY_MAX_ATTEMPTS) {
    await endOutboxMessage(message.id, attempts, { sent: false, reason });
    return "failed";
  }
  await retryOutboxMessage(message.id, attempts, reason, backoff(attempts, now));
  return "deferred";
}
