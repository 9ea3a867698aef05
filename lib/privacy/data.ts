// The privacy feature's only door to the database: erasing, finding what is
// due for purging, and the row-by-row replacements of a key rotation.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/core/db";

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
  options: { keepContact?: boolean } = {},
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
  // A supporter who agreed to be contacted keeps their address alone (for the
  // outcome update) until the campaign has been closed long enough.
  if (options.keepContact)
    await tx.supporterContact.updateMany({
      where: { signatureId: ids },
      data: { nameEncrypted: null, cityEncrypted: null, sourceCode: null },
    });
  else await tx.supporterContact.deleteMany({ where: { signatureId: ids } });
  await tx.outboxMessage.deleteMany({ where: { signatureId: ids } });
  await tx.localMail.deleteMany({ where: { signatureId: ids } });
  await tx.heldConfirmation.deleteMany({ where: { signatureId: ids } });
  await tx.signature.updateMany({ where: { id: ids }, data: { emailHash: null, submissionKey: null } });
  return { cancelledLetters: cancelled.count };
}

/** `erasePersonalData` in a transaction of its own. */
export async function erasePersonalDataNow(
  signatureIds: string[],
  reason: string,
  options: { keepContact?: boolean } = {},
) {
  return db().$transaction((tx) => erasePersonalData(tx, signatureIds, reason, options));
}

/**
 * Signatures whose personal data is due to go: `days` after their campaign
 * closed, or after their last letter was delivered (or failed for good).
 * With nothing to deliver, the clock starts at signing, or when an
 * unconfirmed confirmation link expired (72 hours). Oldest first.
 *
 * A supporter who agreed to be contacted and confirmed their address keeps
 * only their email address (encrypted) past delivery, for the campaign's outcome
 * update: "keepers" below. It goes `days` after that update was sent to them,
 * or after the campaign closed, whichever comes first, and at the latest
 * contactKeptAtMostDays after signing. Their letter texts, emails and email
 * hash go on the delivery clock like anyone's.
 */
/** The longest a consenting supporter's address waits for the outcome update, counted from signing. */
export const contactKeptAtMostDays = 365;

// $1 is cast: which query uses it first differs, and Postgres types it from that use.
const closedLongAgo = `COALESCE(c."closedAt", CASE WHEN c."closesAt" <= $1::timestamp THEN c."closesAt" END) <= $1::timestamp - make_interval(days => $2)`;
// A platform letter queued with no message waits for its addressee's daily
// digest (lib/digests): its text stays until the digest has gone, and the
// clock then runs from the digest's sending.
const deliveryOver = `
  NOT EXISTS (SELECT 1 FROM "DeliveryMessage" d WHERE d."signatureId" = s.id AND d.status IN ('queued', 'sending', 'deferred'))
  AND NOT EXISTS (SELECT 1 FROM "Letter" l WHERE l."signatureId" = s.id AND l.channel = 'platform_email'
                  AND l.status = 'queued' AND l."deliveryMessageId" IS NULL)
  AND GREATEST(
    COALESCE((SELECT max(g."sentAt") FROM "Letter" l JOIN "AddresseeDigest" g ON g.id = l."digestId" WHERE l."signatureId" = s.id), s."createdAt"),
    s."createdAt" + CASE WHEN EXISTS (SELECT 1 FROM "Letter" l WHERE l."signatureId" = s.id AND l.status = 'awaiting_confirmation')
                         THEN interval '72 hours' ELSE interval '0' END,
    COALESCE((SELECT max(COALESCE(d."sentAt", d."updatedAt")) FROM "DeliveryMessage" d WHERE d."signatureId" = s.id), s."createdAt"),
    COALESCE((SELECT max(COALESCE(o."sentAt", o."createdAt")) FROM "OutboxMessage" o WHERE o."signatureId" = s.id), s."createdAt")
  ) <= $1::timestamp - make_interval(days => $2)`;
// A keeper waits for the outcome update: not once it has been sent to them
// (the delivery clock then runs from its sending), and never past
// contactKeptAtMostDays after signing, for a campaign nobody closes.
const keeper = `(EXISTS (SELECT 1 FROM "SupporterContact" sc WHERE sc."signatureId" = s.id
  AND sc."consentContact" AND sc."emailConfirmedAt" IS NOT NULL AND sc."emailEncrypted" IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" o WHERE o."signatureId" = s.id AND o.kind = 'outcome_update' AND o.status = 'sent')
  AND s."createdAt" > $1::timestamp - make_interval(days => ${contactKeptAtMostDays}))`;
const holdsMoreThanContact = `(
  s."emailHash" IS NOT NULL
  OR EXISTS (SELECT 1 FROM "Letter" l JOIN "PlatformLetter" p ON p."letterId" = l.id WHERE l."signatureId" = s.id)
  OR EXISTS (SELECT 1 FROM "OutboxMessage" o WHERE o."signatureId" = s.id)
  OR EXISTS (SELECT 1 FROM "LocalMail" m WHERE m."signatureId" = s.id)
  OR EXISTS (SELECT 1 FROM "HeldConfirmation" h WHERE h."signatureId" = s.id)
  OR EXISTS (SELECT 1 FROM "SupporterContact" sc WHERE sc."signatureId" = s.id
             AND (sc."nameEncrypted" IS NOT NULL OR sc."cityEncrypted" IS NOT NULL)))`;
const dueSql = (which: "everything" | "all_but_contact") => `
  SELECT s.id FROM "Signature" s
  JOIN "Campaign" c ON c.id = s."campaignId"
  WHERE ${
    which === "everything"
      ? `(${holdsMoreThanContact} OR EXISTS (SELECT 1 FROM "SupporterContact" sc WHERE sc."signatureId" = s.id))
         AND (${closedLongAgo} OR (${deliveryOver} AND NOT ${keeper}))`
      : `${holdsMoreThanContact} AND ${keeper} AND ${deliveryOver} AND NOT COALESCE(${closedLongAgo}, false)`
  }
  ORDER BY s."createdAt"
  LIMIT $3`;

/** Signatures whose personal data is all due; with "all_but_contact", keepers whose contact stays. */
export async function signaturesDueForPurge(
  now: Date,
  days: number,
  limit: number,
  which: "everything" | "all_but_contact" = "everything",
): Promise<string[]> {
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(dueSql(which), now, days, limit);
  return rows.map((row) => row.id);
}

// --- Key rotation -------------------------------------------------------------------------

/** Where one encrypted column lives: names from `encryptedColumns`, a constant, so safe in a statement. */
export type CipherColumn = { table: string; column: string; rowColumn: string };

// Byte columns are read as base64 text: raw queries through the driver
// adapter cannot return bytea ("Cannot serialize value of type object").
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, "base64"));

/** Up to `limit` ciphertexts of the column, by row after `after`, that do not start with `prefix`. */
export async function ciphertextsWithout(
  { table, column, rowColumn }: CipherColumn,
  prefix: Uint8Array,
  after: string,
  limit: number,
): Promise<{ row: string; value: Uint8Array }[]> {
  const rows = await db().$queryRawUnsafe<{ row: string; value: string }[]>(
    `SELECT "${rowColumn}"::text AS row, encode("${column}", 'base64') AS value FROM "${table}"
     WHERE "${column}" IS NOT NULL AND substring("${column}" from 1 for 5) <> $1 AND "${rowColumn}" > $2::uuid
     ORDER BY "${rowColumn}" LIMIT $3`,
    prefix,
    after,
    limit,
  );
  return rows.map(({ row, value }) => ({ row, value: bytes(value) }));
}

/** Replaces a ciphertext only if the row still holds `previous`; returns 1 or 0. */
export async function replaceCiphertext(
  { table, column, rowColumn }: CipherColumn,
  row: string,
  next: Uint8Array,
  previous: Uint8Array,
): Promise<number> {
  return db().$executeRawUnsafe(
    `UPDATE "${table}" SET "${column}" = $1 WHERE "${rowColumn}" = $2::uuid AND "${column}" = $3`,
    next,
    row,
    previous,
  );
}

/** Up to `limit` signatures after `after` whose email hash another key (or no key id) made, with the encrypted address. */
export async function emailHashesWithout(
  keyId: Uint8Array,
  after: string,
  limit: number,
): Promise<{ id: string; hash: Uint8Array; email: Uint8Array | null }[]> {
  const rows = await db().$queryRawUnsafe<{ id: string; hash: string; email: string | null }[]>(
    `SELECT s.id::text AS id, encode(s."emailHash", 'base64') AS hash, encode(c."emailEncrypted", 'base64') AS email
     FROM "Signature" s LEFT JOIN "SupporterContact" c ON c."signatureId" = s.id
     WHERE s."emailHash" IS NOT NULL AND (length(s."emailHash") <> 36 OR substring(s."emailHash" from 1 for 4) <> $1) AND s.id > $2::uuid
     ORDER BY s.id LIMIT $3`,
    keyId,
    after,
    limit,
  );
  return rows.map((row) => ({
    id: row.id,
    hash: bytes(row.hash),
    email: row.email === null ? null : bytes(row.email),
  }));
}

function isUniqueViolation(error: unknown): boolean {
  const known = error as {
    code?: string;
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
  };
  return (
    known.code === "P2002" ||
    known.meta?.code === "23505" ||
    known.meta?.driverAdapterError?.cause?.originalCode === "23505" ||
    /23505|unique constraint/i.test(String(error))
  );
}

/**
 * Replaces a signature's email hash (null removes it) only if it still is
 * `previous`; returns 1 or 0, or "taken" when the campaign already holds
 * `next` on another signature (unique index).
 */
export async function replaceEmailHash(
  id: string,
  next: Uint8Array | null,
  previous: Uint8Array,
): Promise<number | "taken"> {
  try {
    return await db().$executeRawUnsafe(
      `UPDATE "Signature" SET "emailHash" = $1 WHERE id = $2::uuid AND "emailHash" = $3`,
      next,
      id,
      previous,
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return "taken";
  }
}
