import "server-only";
import { createDeliveryMessages } from "@/lib/delivery/create-delivery-messages";
import { queueThankYou } from "@/lib/delivery/supporter-follow-ups";
import { decryptText, emailHash, emailHashCandidates, verifySignedValue } from "@/lib/privacy/encryption";
import { deletionUrl } from "@/lib/privacy/deletion-link";
import { erasePersonalData } from "@/lib/privacy/data";
import {
  awaitingConfirmation,
  claimConfirmation,
  countSourceSignature,
  forgetSourceCode,
  inTransaction,
  insertPendingTallies,
  isUniqueViolation,
  markSignatureConfirmed,
  otherSignatureWithEmailHash,
  releaseAwaitingLetters,
  signatureToConfirm,
} from "./data";
import { pendingTallyRows } from "./record-signature";

export type ConfirmationOutcome = "confirmed" | "already_confirmed" | "already_signed" | "expired" | "invalid";

/** The signature and expiry a confirmation token names, if the token is ours. */
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

export type LettersAwaitingConfirmation = {
  addressees: string[];
  subject: string;
  text: string;
  replyToMe: boolean;
  /** "This was not me": the same deletion link as in every email. */
  deleteUrl: string;
};

/**
 * What a valid confirmation link will send, to show before the button: the
 * addressees and the first letter's subject and text (the others differ
 * only in their salutation), and whether replies reach the address. Null
 * when there is nothing left to confirm (the page then says why).
 */
export async function lettersAwaitingConfirmation(
  token: string,
  language: string,
  now = new Date(),
): Promise<LettersAwaitingConfirmation | null> {
  const parsed = parseToken(token);
  if (!parsed || parsed.expires * 1000 < now.getTime()) return null;
  const signature = await awaitingConfirmation(parsed.signatureId);
  const first = signature?.letters.find((l) => l.content);
  if (!signature?.contact || signature.contact.emailConfirmedAt || !first?.content) return null;
  return {
    addressees: signature.letters.map((l) => l.addressee.name),
    subject: decryptText(first.content.subjectEncrypted, {
      table: "PlatformLetter",
      column: "subjectEncrypted",
      row: first.content.letterId,
    }),
    text: decryptText(first.content.bodyEncrypted, {
      table: "PlatformLetter",
      column: "bodyEncrypted",
      row: first.content.letterId,
    }),
    replyToMe: signature.contact.replyToSupporter,
    deleteUrl: deletionUrl(parsed.signatureId, language),
  };
}

/**
 * Confirms a supporter's email address from the signed link and releases
 * their platform letters to the delivery queue (messages and jobs), in one
 * transaction.
 *
 * The only place where an address meets the signatures made before with it,
 * and the only person told is the one who can read that mailbox. A first
 * confirmed signature per address and campaign is counted and its letters
 * go out; a later one ("already_signed") is not counted, its letters are
 * cancelled and its personal data erased. So a submission with someone
 * else's address neither blocks nor speaks for its owner.
 */
export async function confirmSupporterEmail(
  token: string,
  now = new Date(),
): Promise<{ outcome: ConfirmationOutcome; letters: number }> {
  const parsed = parseToken(token);
  if (!parsed) return { outcome: "invalid", letters: 0 };
  const { signatureId } = parsed;
  if (parsed.expires * 1000 < now.getTime()) return { outcome: "expired", letters: 0 };
  try {
    return await confirmOnce(signatureId, now);
  } catch (error) {
    // Two signatures with one address confirmed at the same moment: the unique
    // index let one in; the other, tried again, finds it.
    if (!isUniqueViolation(error)) throw error;
    return confirmOnce(signatureId, now);
  }
}

function confirmOnce(signatureId: string, now: Date): Promise<{ outcome: ConfirmationOutcome; letters: number }> {
  return inTransaction(async (tx) => {
    const signature = await signatureToConfirm(tx, signatureId);
    const contact = signature?.contact;
    if (!signature || !contact?.emailEncrypted) return { outcome: "invalid" as const, letters: 0 };
    if (contact.emailConfirmedAt) return { outcome: "already_confirmed" as const, letters: 0 };

    // Claimed first, with a condition: a second click at the same moment waits
    // for this row and then finds it confirmed.
    if (!(await claimConfirmation(tx, signatureId, now))) return { outcome: "already_confirmed" as const, letters: 0 };

    const email = decryptText(contact.emailEncrypted, {
      table: "SupporterContact",
      column: "emailEncrypted",
      row: signatureId,
    });
    // Any form of the hash counts: during a key rotation an earlier signature may still carry the old one.
    const earlier = await otherSignatureWithEmailHash(
      tx,
      signature.campaignId,
      emailHashCandidates(email),
      signatureId,
    );
    if (earlier) {
      await erasePersonalData(tx, [signatureId], "this address had already signed the campaign.");
      return { outcome: "already_signed" as const, letters: 0 };
    }
    await markSignatureConfirmed(tx, signatureId, emailHash(email), signature.countedAt ?? now);
    const released = await releaseAwaitingLetters(tx, signatureId);
    if (!signature.countedAt) {
      await insertPendingTallies(
        tx,
        pendingTallyRows(
          signature.campaignId,
          signatureId,
          signature.letters.map((l) => l.id),
        ),
      );
    }
    // The partner code counts with the signature, and is forgotten at once.
    if (!signature.countedAt && contact.sourceCode)
      await countSourceSignature(tx, signature.campaignId, contact.sourceCode);
    if (contact.sourceCode) await forgetSourceCode(tx, signatureId);
    await createDeliveryMessages(tx, signatureId);
    await queueThankYou(tx, signatureId, now);
    return { outcome: "confirmed" as const, letters: released };
  });
}
