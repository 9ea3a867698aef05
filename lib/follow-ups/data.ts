// The follow-ups feature's only door to the database: who gets the one
// confirmation reminder, and who gets a campaign's outcome update. Writes
// trust their input; the use cases check the caller.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/core/db";

type Tx = Prisma.TransactionClient;

// --- The confirmation reminder --------------------------------------------------------------

/**
 * Unconfirmed signatures made between `expiredBefore` and `remindFrom`,
 * oldest first, in an open campaign, that still wait: with letters, or,
 * without any platform letter, with an address kept only because its owner
 * agreed to be contacted; whose own confirmation email went out (a held or
 * refused one gets no reminder), and that have had no reminder yet.
 */
export async function signaturesToRemind(
  remindFrom: Date,
  expiredBefore: Date,
  now: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT s.id::text AS id FROM "Signature" s
    JOIN "Campaign" c ON c.id = s."campaignId"
    JOIN "SupporterContact" sc ON sc."signatureId" = s.id
    WHERE sc."emailEncrypted" IS NOT NULL AND sc."emailConfirmedAt" IS NULL
      AND s."createdAt" <= ${remindFrom} AND s."createdAt" > ${expiredBefore}
      AND c.status = 'open' AND (c."closesAt" IS NULL OR c."closesAt" > ${now})
      AND (EXISTS (SELECT 1 FROM "Letter" l WHERE l."signatureId" = s.id AND l.status = 'awaiting_confirmation')
           OR (sc."consentContact" AND NOT EXISTS (SELECT 1 FROM "Letter" l
                                                   WHERE l."signatureId" = s.id AND l.channel = 'platform_email')))
      AND EXISTS (SELECT 1 FROM "OutboxMessage" o
                  WHERE o."signatureId" = s.id AND o.kind = 'address_confirmation' AND o.status = 'sent')
      AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" o WHERE o."signatureId" = s.id AND o.kind = 'confirmation_reminder')
    ORDER BY s."createdAt"
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

const addresseeNames = { select: { name: true, translations: { select: { language: true, name: true } } } } as const;

/**
 * What the reminder needs: the campaign, the address, the waiting letters'
 * addressees (and how many platform letters there are at all: none means the
 * address alone waits) and the email's language.
 */
export async function reminderDetails(tx: Tx, signatureId: string) {
  const signature = await tx.signature.findUnique({
    where: { id: signatureId },
    select: {
      createdAt: true,
      campaign: {
        select: { slug: true, languages: true, translations: { select: { language: true, title: true } } },
      },
      contact: {
        select: { emailEncrypted: true, emailConfirmedAt: true, consentContact: true, linkOriginEncrypted: true },
      },
      letters: {
        where: { status: "awaiting_confirmation", channel: "platform_email" },
        orderBy: { createdAt: "asc" },
        select: { addressee: addresseeNames },
      },
      _count: { select: { letters: { where: { channel: "platform_email" } } } },
    },
  });
  const confirmation = await tx.outboxMessage.findUnique({
    where: { signatureId_kind: { signatureId, kind: "address_confirmation" } },
    select: { language: true },
  });
  return signature && confirmation ? { ...signature, language: confirmation.language } : null;
}

// --- The outcome update ---------------------------------------------------------------------

// Who may get an update: they ticked "you may contact me", confirmed the
// address, still have it with us, and have had no update for this signature.
// Their language is the one our emails spoke to them (the confirmation), else
// the one they signed in.
const recipientsSql = (campaignId: string) => Prisma.sql`
  FROM "Signature" s
  JOIN "SupporterContact" sc ON sc."signatureId" = s.id
  LEFT JOIN LATERAL (
    SELECT o.language FROM "OutboxMessage" o
    WHERE o."signatureId" = s.id AND o.kind IN ('address_confirmation', 'held_confirmations')
    ORDER BY o."createdAt" LIMIT 1
  ) spoken ON true
  WHERE s."campaignId" = ${campaignId}::uuid
    AND sc."consentContact" AND sc."emailConfirmedAt" IS NOT NULL AND sc."emailEncrypted" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" o WHERE o."signatureId" = s.id AND o.kind = 'outcome_update')`;

/** How many supporters of the campaign an update would reach, by language. */
export async function updateRecipientCounts(campaignId: string): Promise<Record<string, number>> {
  const rows = await db().$queryRaw<{ language: string; count: number }[]>`
    SELECT COALESCE(spoken.language, s.language) AS language, count(*)::int AS count
    ${recipientsSql(campaignId)}
    GROUP BY 1`;
  return Object.fromEntries(rows.map((row) => [row.language, row.count]));
}

/**
 * The supporters an update in `language` goes to, with their encrypted
 * address and sealed link origin (base64: raw queries cannot return bytes).
 */
export async function updateRecipients(tx: Tx, campaignId: string, language: string) {
  const rows = await tx.$queryRaw<{ id: string; email: string; linkOrigin: string | null }[]>`
    SELECT s.id::text AS id, encode(sc."emailEncrypted", 'base64') AS email,
           encode(sc."linkOriginEncrypted", 'base64') AS "linkOrigin"
    ${recipientsSql(campaignId)}
      AND COALESCE(spoken.language, s.language) = ${language}
    ORDER BY s."createdAt"`;
  const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, "base64"));
  return rows.map((row) => ({
    signatureId: row.id,
    emailEncrypted: bytes(row.email),
    linkOriginEncrypted: row.linkOrigin === null ? null : bytes(row.linkOrigin),
  }));
}

/** Campaigns staff may write to, with their titles and the updates already sent. */
export async function campaignsWithUpdates() {
  return db().campaign.findMany({
    where: { status: { in: ["open", "closed"] } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      slug: true,
      status: true,
      languages: true,
      translations: { select: { language: true, title: true } },
      outcomeUpdates: { select: { language: true, queuedCount: true, createdAt: true } },
    },
  });
}

/** Records the update; false when the campaign already has one in this language (unique index). */
export async function insertOutcomeUpdate(
  tx: Tx,
  row: { id: string; campaignId: string; language: string; subject: string; body: string },
): Promise<boolean> {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "OutcomeUpdate" ("id", "campaignId", "language", "subject", "body")
    VALUES (${row.id}::uuid, ${row.campaignId}::uuid, ${row.language}, ${row.subject}, ${row.body})
    ON CONFLICT ("campaignId", "language") DO NOTHING
    RETURNING "id"`;
  return inserted.length > 0;
}

export async function setQueuedCount(tx: Tx, id: string, queuedCount: number): Promise<void> {
  await tx.outcomeUpdate.update({ where: { id }, data: { queuedCount } });
}

/**
 * The audit line, written with the update. recordAudit (lib/admin/audit.ts)
 * admits admins only, and campaign staff send updates too; the line has the
 * same shape. It names the update and the count, never a recipient.
 */
export async function insertUpdateAudit(
  tx: Tx,
  entry: { actorId: string; actorEmail: string; entityId: string; after: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditEntry.create({
    data: { ...entry, action: "outcome_update.send", entity: "outcome_update" },
  });
}

/** Runs `work` in one transaction, long enough to file an email per supporter. */
export async function inLongTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work, { maxWait: 10_000, timeout: 600_000 });
}

/** Runs `work` in one transaction. */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work);
}
