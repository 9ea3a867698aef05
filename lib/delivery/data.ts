// The delivery feature's only door to the database. Writes trust their input;
// reads return plain rows. Functions that take a transaction client run in the
// caller's transaction (confirmation, the summary's check-then-queue).
import "server-only";
import type { DeliveryStatus, OutboxKind, Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/core/db";
import { addJob } from "./job-queue";

type Tx = Prisma.TransactionClient;

// --- Delivery messages ---------------------------------------------------------------

/** A signature's platform letters waiting for a message, oldest first, with where they go. */
export async function lettersAwaitingMessages(tx: Tx, signatureId: string) {
  return tx.letter.findMany({
    where: { signatureId, channel: "platform_email", status: "queued", deliveryMessageId: null },
    orderBy: { createdAt: "asc" },
    include: { addressee: { select: { id: true, name: true, emails: true } } },
  });
}

/** A new delivery message and its job, in the caller's transaction. */
export async function insertDeliveryMessage(
  tx: Tx,
  message: {
    id: string;
    signatureId: string;
    campaignId: string;
    addresseeId: string;
    toAddress: string;
    toName: string;
    toDomain: string;
    messageIdHeader: string;
  },
): Promise<void> {
  await tx.deliveryMessage.create({ data: message });
  await addJob(tx, "deliver-message", { messageId: message.id }, { jobKey: `deliver:${message.id}` });
}

/** Links letters to the message that carries them; a letter already linked keeps its message. */
export async function linkLettersToMessage(tx: Tx, messageId: string, letterIds: string[]): Promise<void> {
  await tx.letter.updateMany({
    where: { id: { in: letterIds }, deliveryMessageId: null },
    data: { deliveryMessageId: messageId },
  });
}

/** A delivery message with every letter it carries, each with what its email needs. */
export async function findMessageWithLetters(messageId: string) {
  return db().deliveryMessage.findUnique({
    where: { id: messageId },
    include: {
      letters: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: {
          addressee: {
            include: { translations: true, campaigns: { select: { campaignId: true, position: true } } },
          },
          campaign: true,
          content: true,
          signature: { include: { contact: true } },
        },
      },
    },
  });
}

/** Puts a message back in the queue (or deferred) with a job at `runAt`. */
export async function rescheduleMessage(
  messageId: string,
  runAt: Date,
  reason: string | null,
  status: "queued" | "deferred" = "queued",
): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.deliveryMessage.update({
      where: { id: messageId },
      data: { status, nextAttemptAt: runAt, sendingSince: null, ...(reason ? { lastError: reason } : {}) },
    });
    await addJob(tx, "deliver-message", { messageId }, { jobKey: `deliver:${messageId}`, runAt });
  });
}

/** A fresh job for the message at `runAt`; the row is left as it is. */
export async function addDeliveryJob(messageId: string, runAt: Date): Promise<void> {
  await db().$transaction(async (tx) =>
    addJob(tx, "deliver-message", { messageId }, { jobKey: `deliver:${messageId}`, runAt }),
  );
}

/**
 * Claims the message for one send: queued or deferred, or "sending" under a
 * hold older than `staleBefore`. False when another worker holds it.
 */
export async function claimMessage(messageId: string, now: Date, staleBefore: Date): Promise<boolean> {
  const claimed = await db().deliveryMessage.updateMany({
    where: {
      id: messageId,
      OR: [{ status: { in: ["queued", "deferred"] } }, { status: "sending", sendingSince: { lt: staleBefore } }],
    },
    data: { status: "sending", attempts: { increment: 1 }, sendingSince: now },
  });
  return claimed.count > 0;
}

export async function messageHold(messageId: string) {
  return db().deliveryMessage.findUnique({
    where: { id: messageId },
    select: { status: true, sendingSince: true },
  });
}

/** A message that cannot be sent at all (its text is gone); its letters are left as they are. */
export async function markMessageUnsendable(messageId: string, reason: string): Promise<void> {
  await db().deliveryMessage.update({ where: { id: messageId }, data: { status: "failed", lastError: reason } });
}

/**
 * The message and every letter it carries end: sent, or failed with the
 * reason. A sent letter enters the "letters sent" tally in the same
 * transaction, once: only letters not marked sent before get a tally row, so
 * two workers ending one message (a stale hold) count it once.
 */
export async function endMessage(messageId: string, outcome: { sent: true } | { sent: false; reason: string }) {
  const status: DeliveryStatus = outcome.sent ? "sent" : "failed";
  await db().$transaction([
    db().deliveryMessage.update({
      where: { id: messageId },
      data: outcome.sent
        ? { status, sentAt: new Date(), sendingSince: null, lastError: null }
        : { status, lastError: outcome.reason, sendingSince: null },
    }),
    outcome.sent
      ? db().$executeRaw`
          WITH sent AS (
            UPDATE "Letter" SET status = 'sent', "updatedAt" = now()
            WHERE "deliveryMessageId" = ${messageId}::uuid AND status <> 'sent'
            RETURNING id, "campaignId"
          )
          INSERT INTO "PendingTally" ("campaignId", "sentLetterId") SELECT "campaignId", id FROM sent`
      : db().letter.updateMany({ where: { deliveryMessageId: messageId }, data: { status } }),
  ]);
}

/** Messages a dead worker may hold, and messages whose attempt is overdue, oldest attempt first. */
export async function staleMessageIds(staleBefore: Date, limit: number): Promise<string[]> {
  const rows = await db().deliveryMessage.findMany({
    where: {
      OR: [
        { status: "sending", sendingSince: { lt: staleBefore } },
        { status: { in: ["queued", "deferred"] }, nextAttemptAt: { lt: staleBefore } },
      ],
    },
    select: { id: true },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
  });
  return rows.map((row) => row.id);
}

/** Supporter emails still queued since before `createdBefore`, oldest first. */
export async function waitingOutboxIds(createdBefore: Date, limit: number): Promise<string[]> {
  const rows = await db().outboxMessage.findMany({
    where: { status: "queued", createdAt: { lt: createdBefore } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  return rows.map((row) => row.id);
}

/** Fresh jobs for these messages and supporter emails, keeping the run time of any job still there. */
export async function readdJobs(messageIds: string[], outboxIds: string[]): Promise<void> {
  await db().$transaction(async (tx) => {
    for (const id of messageIds)
      await addJob(tx, "deliver-message", { messageId: id }, { jobKey: `deliver:${id}`, keepRunAt: true });
    for (const id of outboxIds) {
      await addJob(tx, "send-supporter-email", { outboxMessageId: id }, { jobKey: `outbox:${id}`, keepRunAt: true });
    }
  });
}

// --- Supporter emails (the outbox) -------------------------------------------------------

/**
 * Files an encrypted supporter email and its job, in the caller's
 * transaction; false when the signature already has an email of this kind.
 */
export async function insertOutboxMessage(
  tx: Tx,
  row: {
    id: string;
    kind: OutboxKind;
    signatureId: string;
    language: string;
    toEncrypted: Uint8Array<ArrayBuffer>;
    subject: string;
    textEncrypted: Uint8Array<ArrayBuffer>;
    htmlEncrypted: Uint8Array<ArrayBuffer>;
    purgeAfter: Date;
  },
): Promise<boolean> {
  const [inserted] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "OutboxMessage" ("id", "kind", "signatureId", "language", "toEncrypted", "subject", "textEncrypted", "htmlEncrypted", "purgeAfter")
    VALUES (${row.id}::uuid, ${row.kind}::"OutboxKind", ${row.signatureId}::uuid, ${row.language}, ${row.toEncrypted},
            ${row.subject}, ${row.textEncrypted}, ${row.htmlEncrypted}, ${row.purgeAfter})
    ON CONFLICT ("signatureId", "kind") DO NOTHING
    RETURNING "id"`;
  if (!inserted) return false;
  await addJob(tx, "send-supporter-email", { outboxMessageId: inserted.id }, { jobKey: `outbox:${inserted.id}` });
  return true;
}

export async function findOutboxMessage(id: string) {
  return db().outboxMessage.findUnique({ where: { id } });
}

/** A supporter email ends: sent, or failed with the reason. */
export async function endOutboxMessage(
  id: string,
  attempts: number,
  outcome: { sent: true } | { sent: false; reason: string },
): Promise<void> {
  await db().outboxMessage.update({
    where: { id },
    data: outcome.sent
      ? { status: "sent", sentAt: new Date(), attempts }
      : { status: "failed", attempts, lastError: outcome.reason },
  });
}

/** Whether the signature's address is confirmed (false too when its contact is gone). */
export async function addressConfirmed(signatureId: string): Promise<boolean> {
  const contact = await db().supporterContact.findUnique({
    where: { signatureId },
    select: { emailConfirmedAt: true },
  });
  return Boolean(contact?.emailConfirmedAt);
}

/** A supporter email that no longer has a reason to go (a reminder after the supporter confirmed). */
export async function cancelOutboxMessage(id: string): Promise<void> {
  await db().outboxMessage.updateMany({ where: { id, status: "queued" }, data: { status: "cancelled" } });
}

/** A supporter email is tried again at `runAt`. */
export async function retryOutboxMessage(id: string, attempts: number, reason: string, runAt: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.outboxMessage.update({ where: { id }, data: { attempts, lastError: reason } });
    await addJob(tx, "send-supporter-email", { outboxMessageId: id }, { jobKey: `outbox:${id}`, runAt });
  });
}

// --- Follow-ups to supporters --------------------------------------------------------------

/** An addressee's name, in each language we have it. */
const addresseeNames = { select: { name: true, translations: { select: { language: true, name: true } } } } as const;

/** The supporter's encrypted address, whether it is confirmed, and the campaign's titles. */
export async function supporterAndCampaign(tx: Tx, signatureId: string) {
  return tx.signature.findUnique({
    where: { id: signatureId },
    select: {
      contact: { select: { emailEncrypted: true, emailConfirmedAt: true } },
      campaign: { select: { languages: true, translations: { select: { language: true, title: true } } } },
    },
  });
}

/** The language the signature's confirmation email spoke, if one was filed. */
export async function confirmationLanguage(tx: Tx, signatureId: string): Promise<string | null> {
  const confirmation = await tx.outboxMessage.findUnique({
    where: { signatureId_kind: { signatureId, kind: "address_confirmation" } },
    select: { language: true },
  });
  return confirmation?.language ?? null;
}

/** The addressees of a signature's queued platform letters, oldest letter first. */
export async function queuedPlatformAddressees(tx: Tx, signatureId: string) {
  const letters = await tx.letter.findMany({
    where: { signatureId, channel: "platform_email", status: "queued" },
    select: { addressee: addresseeNames },
    orderBy: { createdAt: "asc" },
  });
  return letters.map((letter) => letter.addressee);
}

/** How many of the signature's messages are still on their way. */
export async function openMessageCount(tx: Tx, signatureId: string): Promise<number> {
  return tx.deliveryMessage.count({ where: { signatureId, status: { in: ["queued", "sending", "deferred"] } } });
}

/** Each message of the signature with how it ended and whom its letters were to. */
export async function messageOutcomes(tx: Tx, signatureId: string) {
  return tx.deliveryMessage.findMany({
    where: { signatureId },
    orderBy: { createdAt: "asc" },
    select: { status: true, sentAt: true, toAddress: true, letters: { select: { addressee: addresseeNames } } },
  });
}

/** Runs `work` in one transaction (check-then-write steps that must see the same state). */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work);
}

// --- The local outbox (no SMTP_URL) ---------------------------------------------------------

export async function insertLocalMail(row: {
  id: string;
  toAddressEncrypted: Uint8Array<ArrayBuffer>;
  signatureId: string | null;
  rawEncrypted: Uint8Array<ArrayBuffer>;
}): Promise<void> {
  await db().localMail.create({ data: row });
}

export async function newestLocalMails(limit: number) {
  return db().localMail.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
