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
export async function confirmSupporterEmail(token: string, now = new Date()): Promise<{ outcome: ConfirmationOutcome; letters: number }> {
  const payload = verifySignedValue(token);
  const match = payload?.match(/^confirm\.([0-9a-f-]{36})\.(\d+)$/);
  if (!match) return { outcome: "invalid", letters: 0 };
  const [, signatureId, expires] = match;
  if (Number(expires) * 1000 < now.getTime()) return { outcome: "expired", letters: 0 };

  return db().$transaction(async (tx) => {
    const contact = await tx.supporterContact.findUnique({ where: { signatureId }, select: { emailConfirmedAt: true } });
    if (!contact) return { outcome: "invalid" as const, letters: 0 };
    if (contact.emailConfirmedAt) return { outcome: "already_confirmed" as const, letters: 0 };
    await tx.supporterContact.update({ where: { signatureId }, data: { emailConfirmedAt: now } });
    const released = await tx.letter.updateMany({
      where: { signatureId, status: "awaiting_confirmation" },
      data: { status: "queued" },
    });
    await createDeliveryMessages(tx, signatureId!);
    await queueThankYou(tx, signatureId!, now);
    return { outcome: "confirmed" as const, letters: released.count };
  });
}
