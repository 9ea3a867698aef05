import "server-only";
import { db } from "@/lib/core/db";
import { signatureFromDeletionToken } from "./deletion-link";
import { erasePersonalData } from "./erase-personal-data";

export type DeletionResult =
  { outcome: "deleted"; cancelledLetters: number } | { outcome: "nothing_left" } | { outcome: "invalid" };

/**
 * Removes everything personal a signature holds, at the supporter's request:
 * contact details, the texts of platform letters, emails to them (sent or
 * not, including local-outbox copies), and the keyed email hash. Letters not
 * yet sent are cancelled, since their text is gone. The signature and letter
 * rows stay, without anything personal, so the campaign's counts do not move.
 * A message already in an SMTP conversation may still arrive.
 */
export async function deleteSupporterData(signatureId: string): Promise<DeletionResult> {
  return db().$transaction(async (tx) => {
    const signature = await tx.signature.findUnique({
      where: { id: signatureId },
      select: {
        emailHash: true,
        contact: { select: { signatureId: true } },
        letters: { select: { id: true, content: { select: { letterId: true } } } },
      },
    });
    if (!signature) return { outcome: "invalid" as const };
    const holdsData = signature.emailHash || signature.contact || signature.letters.some((l) => l.content);
    const outbox = await tx.outboxMessage.count({ where: { signatureId } });
    if (!holdsData && outbox === 0) return { outcome: "nothing_left" as const };

    const { cancelledLetters } = await erasePersonalData(tx, [signatureId], "the supporter deleted their data.");
    return { outcome: "deleted" as const, cancelledLetters };
  });
}

/** The "delete my data" link's action: the signed token names the signature. */
export async function deleteSupporterDataWithLink(token: string): Promise<DeletionResult> {
  const signatureId = signatureFromDeletionToken(token);
  return signatureId ? deleteSupporterData(signatureId) : { outcome: "invalid" };
}
