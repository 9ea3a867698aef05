import "server-only";
import { db } from "@/lib/db/client";
import { createDeliveryMessages } from "@/lib/delivery/create-delivery-messages";
import { queueThankYou } from "@/lib/delivery/supporter-follow-ups";
import { verifySignedValue } from "@/lib/privacy/encryption";

export type ConfirmationOutcome = "confirmed" | "already_confirmed" | "expired" | "invalid";

/**
 * Confirms a supporter's email address from the signed link and releases
 * their platform letters to the delivery queue (messages and jobs), in one
 * transaction.
 */
function parseToken(token: string): { signatureId: string; expires: number } | null {
  const match = verifySignedValue(token)?.match(/^confirm\.([0-9a-f-]{36})\.(\d+)$/);
  return match ? { signatureId: match[1]!, expires: Number(match[2]) } : null;
}

/** Whether a confirmation link is good, without acting on it (the page shows a button first). */
export function readConfirmationToken(token: string, now = new Date()): "valid" | "expired" | "invalid" {
  const parsed = parseToken(token);
  if (!parsed) return "invalid";
  return parsed.expires * 1000 < now.getTime() ? "expired" : "valid";
}

export async function confirmSupporterEmail(token: string, now = new Date()): Promise<{ outcome: ConfirmationOutcome; letters: number }> {
  const parsed = parseToken(token);
  if (!parsed) return { outcome: "invalid", letters: 0 };
  const { signatureId } = parsed;
  if (parsed.expires * 1000 < now.getTime()) return { outcome: "expired", letters: 0 };

  return db().$transaction(async (tx) => {
    const contact = await tx.supporterContact.findUnique({ where: { signatureId }, select: { emailConfirmedAt: true } });
    if (!contact) return { outcome: "invalid" as const, letters: 0 };
    if (contact.emailConfirmedAt) return { outcome: "already_confirmed" as const, letters: 0 };
    await tx.supporterContact.update({ where: { signatureId }, data: { emailConfirmedAt: now } });
    const released = await tx.letter.updateMany({
      where: { signatureId, status: "awaiting_confirmation" },
      data: { status: "queued" },
    });
    await createDeliveryMessages(tx, signatureId);
    await queueThankYou(tx, signatureId, now);
    return { outcome: "confirmed" as const, letters: released.count };
  });
}
