// The signatures feature's only door to the database. Writes trust their
// input (already checked and encrypted by the use cases); reads return plain
// rows. Functions that take a transaction client run in the caller's
// transaction: recording a signature and confirming an address each stay
// one transaction.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/core/db";

type Tx = Prisma.TransactionClient;

/** Runs the work in one transaction. */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work);
}

/** A unique index refused the write (the same form, or the same address, at the same moment). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// --- Proof of work -------------------------------------------------------------------

/** Records a challenge as spent (forgetting ones past twice their lifetime); false when it was spent before. */
export async function spendChallenge(challengeId: string, lifetimeSeconds: number): Promise<boolean> {
  await db().$executeRawUnsafe(
    `DELETE FROM "ProofOfWorkUse" WHERE "usedAt" < now() - make_interval(secs => $1)`,
    lifetimeSeconds * 2,
  );
  const inserted = await db().$executeRawUnsafe(
    `INSERT INTO "ProofOfWorkUse" (id, "usedAt") VALUES ($1, now()) ON CONFLICT (id) DO NOTHING`,
    challengeId.slice(0, 200),
  );
  return inserted === 1;
}

// --- Recording -----------------------------------------------------------------------

/** The signature a campaign's form with this submission key recorded, if any. */
export async function signatureIdBySubmissionKey(campaignSlug: string, submissionKey: string): Promise<string | null> {
  const found = await db().signature.findFirst({
    where: { campaign: { slug: campaignSlug }, submissionKey },
    select: { id: true },
  });
  return found?.id ?? null;
}

/** A signature and everything recorded with it; contact and platform letters already encrypted. */
export type SignatureRows = {
  signature: Prisma.SignatureUncheckedCreateInput;
  contact: Prisma.SupporterContactUncheckedCreateInput | null;
  letters: Prisma.LetterCreateManyInput[];
  platformLetters: Prisma.PlatformLetterCreateManyInput[];
  /** Empty while the signature waits for its address to be confirmed. */
  pendingTallies: Prisma.PendingTallyCreateManyInput[];
  /** A known partner code to count now (the signature counts at once), else null. */
  sourceCounted: string | null;
};

/** Writes a signature's rows in the caller's transaction. */
export async function insertSignatureRows(tx: Tx, rows: SignatureRows): Promise<void> {
  await tx.signature.create({ data: rows.signature });
  if (rows.contact) await tx.supporterContact.create({ data: rows.contact });
  await tx.letter.createMany({ data: rows.letters });
  if (rows.platformLetters.length > 0) await tx.platformLetter.createMany({ data: rows.platformLetters });
  if (rows.pendingTallies.length > 0) await insertPendingTallies(tx, rows.pendingTallies);
  if (rows.sourceCounted) await countSourceSignature(tx, rows.signature.campaignId, rows.sourceCounted);
}

/** Rows the next roll-up adds to the totals (lib/tallies). */
export async function insertPendingTallies(tx: Tx, rows: Prisma.PendingTallyCreateManyInput[]): Promise<void> {
  await tx.pendingTally.createMany({ data: rows });
}

// --- Partner sources ----------------------------------------------------------------

/** The code if admins defined it for this campaign, else null (an unknown code is ignored). */
export async function knownSourceCode(campaignId: string, code: string): Promise<string | null> {
  const found = await db().campaignSource.findUnique({
    where: { campaignId_code: { campaignId, code } },
    select: { code: true },
  });
  return found?.code ?? null;
}

/** One more counted signature for a partner code: only the number is kept, nothing that points to the signature. */
export async function countSourceSignature(tx: Tx, campaignId: string, code: string): Promise<void> {
  // updateMany: a code deleted meanwhile is simply not counted.
  await tx.campaignSource.updateMany({ where: { campaignId, code }, data: { signatures: { increment: 1 } } });
}

/** Forgets the code a signature waited with, once it has counted (or not). */
export async function forgetSourceCode(tx: Tx, signatureId: string): Promise<void> {
  await tx.supporterContact.updateMany({
    where: { signatureId, sourceCode: { not: null } },
    data: { sourceCode: null },
  });
}

// --- Held confirmations --------------------------------------------------------------

export async function insertHeldConfirmation(tx: Tx, signatureId: string, addressKey: string): Promise<void> {
  await tx.heldConfirmation.create({ data: { signatureId, addressKey } });
}

/** Takes and deletes at once the submissions held for an address: a second worker on the same key finds none. */
export async function takeHeldConfirmations(tx: Tx, addressKey: string): Promise<string[]> {
  const taken = await tx.$queryRaw<
    { signatureId: string }[]
  >`DELETE FROM "HeldConfirmation" WHERE "addressKey" = ${addressKey} RETURNING "signatureId"::text`;
  return taken.map((t) => t.signatureId);
}

/**
 * Of these signatures, those whose address is still unconfirmed, oldest
 * first, with their waiting platform letters (and whether they have any
 * platform letter at all: none means the address was kept for contact only).
 */
export async function unconfirmedSignatures(tx: Tx, signatureIds: string[]) {
  return tx.signature.findMany({
    where: { id: { in: signatureIds }, contact: { emailConfirmedAt: null, emailEncrypted: { not: null } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      language: true,
      createdAt: true,
      contact: { select: { emailEncrypted: true, consentContact: true } },
      _count: { select: { letters: { where: { channel: "platform_email" } } } },
      campaign: {
        select: { slug: true, languages: true, translations: { select: { language: true, title: true } } },
      },
      letters: {
        where: { channel: "platform_email", status: "awaiting_confirmation" },
        orderBy: { createdAt: "asc" },
        select: { addressee: { select: { name: true } } },
      },
    },
  });
}

// --- Confirming ----------------------------------------------------------------------

/**
 * What a confirmation link would send: the contact's state and the platform
 * letters (any status: none at all means the link confirms the address
 * alone), oldest first.
 */
export async function awaitingConfirmation(signatureId: string) {
  return db().signature.findUnique({
    where: { id: signatureId },
    select: {
      contact: { select: { replyToSupporter: true, emailConfirmedAt: true, emailEncrypted: true } },
      letters: {
        where: { channel: "platform_email" },
        orderBy: { createdAt: "asc" },
        select: {
          status: true,
          addressee: { select: { name: true } },
          content: { select: { letterId: true, subjectEncrypted: true, bodyEncrypted: true } },
        },
      },
    },
  });
}

export async function signatureToConfirm(tx: Tx, signatureId: string) {
  return tx.signature.findUnique({
    where: { id: signatureId },
    select: {
      campaignId: true,
      countedAt: true,
      contact: { select: { emailConfirmedAt: true, emailEncrypted: true, sourceCode: true } },
      letters: { select: { id: true, channel: true, reportedSentAt: true } },
    },
  });
}

/** Marks the address confirmed unless it is already; false when another click got there first. */
export async function claimConfirmation(tx: Tx, signatureId: string, now: Date): Promise<boolean> {
  const claimed = await tx.supporterContact.updateMany({
    where: { signatureId, emailConfirmedAt: null },
    data: { emailConfirmedAt: now },
  });
  return claimed.count > 0;
}

/** Another signature of the campaign carrying any of these email hashes. */
export async function otherSignatureWithEmailHash(
  tx: Tx,
  campaignId: string,
  hashes: Uint8Array[],
  signatureId: string,
): Promise<string | null> {
  const earlier = await tx.signature.findFirst({
    where: { campaignId, emailHash: { in: hashes.map((h) => Buffer.from(h)) }, id: { not: signatureId } },
    select: { id: true },
  });
  return earlier?.id ?? null;
}

export async function markSignatureConfirmed(
  tx: Tx,
  signatureId: string,
  emailHash: Uint8Array,
  countedAt: Date,
): Promise<void> {
  await tx.signature.update({ where: { id: signatureId }, data: { emailHash: Buffer.from(emailHash), countedAt } });
}

/** Queues the letters that waited for the address; how many. */
export async function releaseAwaitingLetters(tx: Tx, signatureId: string): Promise<number> {
  const released = await tx.letter.updateMany({
    where: { signatureId, status: "awaiting_confirmation" },
    data: { status: "queued" },
  });
  return released.count;
}

// --- Deleting my data ----------------------------------------------------------------

/**
 * Whether a signature still holds anything personal (contact, email hash,
 * letter texts, emails to the supporter); null when there is no such signature.
 */
export async function personalDataHeld(tx: Tx, signatureId: string): Promise<boolean | null> {
  const signature = await tx.signature.findUnique({
    where: { id: signatureId },
    select: {
      emailHash: true,
      contact: { select: { signatureId: true } },
      letters: { select: { id: true, content: { select: { letterId: true } } } },
    },
  });
  if (!signature) return null;
  if (signature.emailHash || signature.contact || signature.letters.some((l) => l.content)) return true;
  return (await tx.outboxMessage.count({ where: { signatureId } })) > 0;
}
