import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Removes everything personal the given signatures hold, in the caller's
 * transaction: contact details, texts of platform letters, emails to the
 * supporter (local-outbox copies too, and a held confirmation's keyed
 * address), the keyed email hash and the form key.
 * Letters not sent yet are cancelled, since their text is gone. Signature
 * and letter rows stay, so every count stays as it was.
 */
export async function erasePersonalData(
  tx: Prisma.TransactionClient,
  signatureIds: string[],
  reason: string,
): Promise<{ cancelledLetters: number }> {
  if (signatureIds.length === 0) return { cancelledLetters: 0 };
  const ids = { in: signatureIds };
  await tx.deliveryMessage.updateMany({
    where: { signatureId: ids, status: { in: ["queued", "deferred"] } },
    data: { status: "cancelled", lastError: `Cancelled: ${reason}` },
  });
  const cancelled = await tx.letter.updateMany({
    where: { signatureId: ids, status: { in: ["awaiting_confirmation", "queued", "deferred"] } },
    data: { status: "cancelled" },
  });
  await tx.platformLetter.deleteMany({ where: { letter: { signatureId: ids } } });
  await tx.supporterContact.deleteMany({ where: { signatureId: ids } });
  await tx.outboxMessage.deleteMany({ where: { signatureId: ids } });
  await tx.localMail.deleteMany({ where: { signatureId: ids } });
  await tx.heldConfirmation.deleteMany({ where: { signatureId: ids } });
  await tx.signature.updateMany({ where: { id: ids }, data: { emailHash: null, submissionKey: null } });
  return { cancelledLetters: cancelled.count };
}
