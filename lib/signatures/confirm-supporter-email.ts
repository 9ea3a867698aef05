import "server-only";
import { createDeliveryMessages } from "@/lib/delivery/create-delivery-messages";
import { queueThankYou } from "@/lib/delivery/supporter-follow-ups";
import { decryptText, emailHash, emailHashCandidates, verifySignedValue } from "@/lib/privacy/encryption";
import { deletionPath } from "@/lib/privacy/deletion-link";
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

/**
 * `letters`: how many letters the confirmation released; `contactOnly`, set
 * only then: the signature had no letters for us to send, so the link
 * confirmed the address alone.
 */
export type ConfirmationResult = { outcome: ConfirmationOutcome; letters: number; contactOnly?: true };

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
  kind: "letters";
  addressees: string[];
  subject: string;
  text: string;
  replyToMe: boolean;
  /** "This was not me": the same deletion link as in every email. */
  deletePath: string;
};

/**
 * What a confirmation link shows before its button: the letters it will
 * send, or, for a signature without letters for us to send, only the
 * address to confirm (`contact`: nothing goes out in anyone's name); else
 * why there is nothing left to confirm.
 */
export type ConfirmationToShow =
  | LettersAwaitingConfirmation
  | { kind: "contact"; deletePath: string }
  | { kind: "nothing_left" | "contact_nothing_left" | "contact_already_confirmed" };

/**
 * What a valid confirmation link will do, to show before the button: the
 * addressees and the first letter's subject and text (the others differ
 * only in their salutation), and whether replies reach the address; or,
 * without letters, that it confirms the address alone. A signature without
 * platform letters was given a link only for its address (record-signature.ts).
 */
export async function confirmationToShow(
  token: string,
  language: string,
  now = new Date(),
): Promise<ConfirmationToShow> {
  const parsed = parseToken(token);
  if (!parsed || parsed.expires * 1000 < now.getTime()) return { kind: "nothing_left" };
  const signature = await awaitingConfirmation(parsed.signatureId);
  if (!signature) return { kind: "nothing_left" };
  const deletePath = deletionPath(parsed.signatureId, language);
  if (signature.letters.length === 0) {
    if (!signature.contact?.emailEncrypted) return { kind: "contact_nothing_left" };
    if (signature.contact.emailConfirmedAt) return { kind: "contact_already_confirmed" };
    return { kind: "contact", deletePath };
  }
  const waiting = signature.letters.filter((l) => l.status === "awaiting_confirmation");
  const first = waiting.find((l) => l.content);
  if (!signature.contact || signature.contact.emailConfirmedAt || !first?.content) return { kind: "nothing_left" };
  return {
    kind: "letters",
    addressees: waiting.map((l) => l.addressee.name),
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
    deletePath,
  };
}

/** The letters a valid link will send, or null when it sends none (nothing left, or the address alone). */
export async function lettersAwaitingConfirmation(
  token: string,
  language: string,
  now = new Date(),
): Promise<LettersAwaitingConfirmation | null> {
  const shown = await confirmationToShow(token, language, now);
  return shown.kind === "letters" ? shown : null;
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
 *
 * A signature without platform letters whose supporter agreed to be
 * contacted (`contactOnly`) counted when it was signed, partner code
 * included (record-signature.ts): confirming it marks the address confirmed,
 * so the outcome update may reach it, and adds to no count (`countedAt`
 * guards the tallies and the partner count, as for a retried click). Its
 * email hash joins the others: a later signature with the address is
 * "already_signed". When it is itself the later one ("already_signed"), it
 * stays counted, as it was before anyone could know its address, like a
 * signature given without one (taking it out would need a count that goes
 * down, for a person who could as well have left the address out), and its
 * contact is erased, so the owner hears from the organisers once, through
 * the address confirmed first. Totals and the partner count stay as they were.
 */
export async function confirmSupporterEmail(token: string, now = new Date()): Promise<ConfirmationResult> {
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

function confirmOnce(signatureId: string, now: Date): Promise<ConfirmationResult> {
  return inTransaction(async (tx) => {
    const signature = await signatureToConfirm(tx, signatureId);
    const contact = signature?.contact;
    if (!signature || !contact?.emailEncrypted) return { outcome: "invalid" as const, letters: 0 };
    const contactOnly = !signature.letters.some((l) => l.channel === "platform_email");
    const answer = (outcome: ConfirmationOutcome, letters = 0): ConfirmationResult =>
      contactOnly ? { outcome, letters, contactOnly } : { outcome, letters };
    if (contact.emailConfirmedAt) return answer("already_confirmed");

    // Claimed first, with a condition: a second click at the same moment waits
    // for this row and then finds it confirmed.
    if (!(await claimConfirmation(tx, signatureId, now))) return answer("already_confirmed");

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
      // Its letters are cancelled (none for a contact-only one); its count stays as it is.
      await erasePersonalData(tx, [signatureId], "this address had already signed the campaign.");
      return answer("already_signed");
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
          // Said sent before the signature counted (lib/letters/data.ts): sent from now on.
          signature.letters.filter((l) => l.reportedSentAt).map((l) => l.id),
        ),
      );
    }
    // The partner code counts with the signature, and is forgotten at once.
    if (!signature.countedAt && contact.sourceCode)
      await countSourceSignature(tx, signature.campaignId, contact.sourceCode);
    if (contact.sourceCode) await forgetSourceCode(tx, signatureId);
    if (!contactOnly) {
      await createDeliveryMessages(tx, signatureId);
      await queueThankYou(tx, signatureId, now);
    }
    return answer("confirmed", released);
  });
}
