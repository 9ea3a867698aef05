import "server-only";
import { erasePersonalData } from "@/lib/privacy/data";
import { signatureFromDeletionToken } from "@/lib/privacy/deletion-link";
import { inTransaction, personalDataHeld } from "./data";

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
  return inTransaction(async (tx) => {
    const held = await personalDataHeld(tx, signatureId);
    if (held === null) return { outcome: "invalid" as const };
    if (!held) return { outcome: "nothing_left" as const };

    const { cancelledLetters } = await erasePersonalData(tx, [signatureId], "the supporter deleted their data.");
    return { outcome: "deleted" as const, cancelledLetters };
  });
}

/** The "delete my data" link's action: the signed token names the signature. */
export async function deleteSupporterDataWithLink(token: string): Promise<DeletionResult> {
  const signatureId = signatureFromDeletionToken(token);
  return signatureId ? deleteSupporterData(signatureId) : { outcome: "invalid" };
}
