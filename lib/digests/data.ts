// The digests feature's only door to the database: which addressees take a
// daily digest, the digest rows and the letters they carry. Writes trust their input.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db, pool } from "@/lib/core/db";

type Tx = Prisma.TransactionClient;

// Times go to pg as ISO strings, read into the columns' UTC wall time as
// Prisma writes them, whatever the session's time zone (as lib/delivery/data.ts).
const utc = (parameter: string) => `(${parameter}::timestamptz AT TIME ZONE 'UTC')`;

/** Of these addressees, those in daily_digest mode (their letters get no message of their own). */
export async function digestModeAddresseeIds(tx: Tx, addresseeIds: string[]): Promise<Set<string>> {
  if (addresseeIds.length === 0) return new Set();
  const rows = await tx.addressee.findMany({
    where: { id: { in: [...new Set(addresseeIds)] }, deliveryMode: "daily_digest" },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

/** An addressee and campaign with platform letters waiting for a digest, and the office they go to. */
export type DigestGroup = {
  addresseeId: string;
  campaignId: string;
  timeZone: string;
  officeHours: string;
  officeDays: number[];
  emails: string[];
};

/**
 * Waiting means: queued, in no digest and no message, addressee and campaign
 * not paused. Only a digest-mode addressee's letters are left without a
 * message (create-delivery-messages.ts); if an admin switches it back to one
 * email per letter, the letters that were already waiting still go, in one
 * last digest, rather than never.
 */
export async function groupsAwaitingDigests(): Promise<DigestGroup[]> {
  const { rows } = await pool().query<DigestGroup>(
    `SELECT a.id AS "addresseeId", l."campaignId", a."timeZone", a."officeHours", a."officeDays", a.emails
     FROM "Letter" l
     JOIN "Addressee" a ON a.id = l."addresseeId"
     JOIN "Campaign" c ON c.id = l."campaignId"
     WHERE l.status = 'queued' AND l.channel = 'platform_email' AND l."digestId" IS NULL AND l."deliveryMessageId" IS NULL
       AND a.status = 'active' AND NOT c."deliveryPaused"
     GROUP BY a.id, l."campaignId"`,
  );
  return rows;
}

/**
 * One digest per distinct address for the addressee's `day`, carrying every
 * waiting letter written before `lettersBefore`, in one transaction: the
 * letters are locked first (a second runner waits, then finds them taken),
 * the rows are inserted unless the day already has its digest (the unique
 * key; the letters then wait for the next day's), and the letters link to the
 * first address's digest (the others carry them too, as with shared
 * messages). Returns how many letters it linked.
 */
export async function createDigests(
  group: { addresseeId: string; campaignId: string },
  day: string,
  lettersBefore: Date,
  addresses: string[],
  mailDomain: string,
  now: Date,
): Promise<number> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows: letters } = await client.query<{ id: string }>(
      `SELECT id FROM "Letter"
       WHERE "addresseeId" = $1::uuid AND "campaignId" = $2::uuid AND status = 'queued' AND channel = 'platform_email'
         AND "digestId" IS NULL AND "deliveryMessageId" IS NULL AND "createdAt" < ${utc("$3")}
       ORDER BY "createdAt", id FOR UPDATE`,
      [group.addresseeId, group.campaignId, lettersBefore.toISOString()],
    );
    let first: string | null = null;
    if (letters.length > 0) {
      for (const address of addresses) {
        const id = randomUUID();
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO "AddresseeDigest" (id, "addresseeId", "campaignId", day, "toAddress", "messageIdHeader",
                                          "letterCount", "nextAttemptAt", "createdAt", "updatedAt")
           VALUES ($1::uuid, $2::uuid, $3::uuid, $4::date, $5, $6, $7, ${utc("$8")}, ${utc("$8")}, ${utc("$8")})
           ON CONFLICT ("addresseeId", "campaignId", day, "toAddress") DO NOTHING RETURNING id`,
          [
            id,
            group.addresseeId,
            group.campaignId,
            day,
            address,
            `<digest-${id}@${mailDomain}>`,
            letters.length,
            now.toISOString(),
          ],
        );
        first ??= rows[0]?.id ?? null;
      }
    }
    if (first)
      await client.query(
        `UPDATE "Letter" SET "digestId" = $1::uuid, "updatedAt" = ${utc("$3")} WHERE id = ANY($2::uuid[])`,
        [first, letters.map((l) => l.id), now.toISOString()],
      );
    await client.query("COMMIT");
    return first ? letters.length : 0;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export type ClaimedDigest = {
  id: string;
  addresseeId: string;
  campaignId: string;
  day: string;
  toAddress: string;
  messageIdHeader: string;
  attempts: number;
  claimedAt: Date;
};

/**
 * Claims one due digest: queued or deferred whose time has come, or
 * "sending" under a hold older than `staleBefore` (a worker that died
 * mid-send). FOR UPDATE SKIP LOCKED: two runners claim different digests,
 * never the same one.
 */
export async function claimDueDigest(now: Date, staleBefore: Date): Promise<ClaimedDigest | null> {
  const { rows } = await pool().query<Omit<ClaimedDigest, "claimedAt">>(
    `UPDATE "AddresseeDigest" d
     SET status = 'sending', attempts = d.attempts + 1, "sendingSince" = ${utc("$1")}, "updatedAt" = ${utc("$1")}
     WHERE d.id = (
       SELECT id FROM "AddresseeDigest"
       WHERE (status IN ('queued', 'deferred') AND "nextAttemptAt" <= ${utc("$1")})
          OR (status = 'sending' AND "sendingSince" < ${utc("$2")})
       ORDER BY "nextAttemptAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING d.id, d."addresseeId", d."campaignId", to_char(d.day, 'YYYY-MM-DD') AS day, d."toAddress",
               d."messageIdHeader", d.attempts`,
    [now.toISOString(), staleBefore.toISOString()],
  );
  return rows[0] ? { ...rows[0], claimedAt: now } : null;
}

/** When a digest next needs a look: the earliest retry, or when the oldest hold goes stale. */
export async function nextDigestLook(staleSeconds: number): Promise<Date | null> {
  const { rows } = await pool().query<{ at: string | null }>(
    `SELECT to_char(min(CASE WHEN status = 'sending' THEN "sendingSince" + make_interval(secs => $1) ELSE "nextAttemptAt" END),
                    'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
     FROM "AddresseeDigest" WHERE status IN ('queued', 'deferred', 'sending')`,
    [staleSeconds],
  );
  return rows[0]?.at ? new Date(rows[0].at) : null;
}

/**
 * What a claimed digest's email needs: the addressee, the campaign, and the
 * letters of its day (those linked to any of the day's digests: every
 * address gets them all) whose text we still hold, oldest first. Letters a
 * supporter withdrew since (cancelled) are left out.
 */
export async function digestContent(digest: ClaimedDigest) {
  const [addressee, campaign, letters] = await Promise.all([
    db().addressee.findUnique({
      where: { id: digest.addresseeId },
      select: {
        name: true,
        timeZone: true,
        digestFormat: true,
        translations: { select: { language: true, name: true } },
      },
    }),
    db().campaign.findUnique({
      where: { id: digest.campaignId },
      select: { slug: true, languages: true, translations: { select: { language: true, title: true } } },
    }),
    db().letter.findMany({
      where: {
        digest: {
          addresseeId: digest.addresseeId,
          campaignId: digest.campaignId,
          day: new Date(`${digest.day}T00:00:00Z`),
        },
        status: { in: ["queued", "sent"] },
        content: { isNot: null },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        language: true,
        createdAt: true,
        signature: { select: { country: true } },
        content: { select: { subjectEncrypted: true, bodyEncrypted: true } },
      },
    }),
  ]);
  return { addressee, campaign, letters };
}

/**
 * The digest is sent: it, and the letters linked to it, in one statement; a
 * letter enters the "letters sent" tally here, once (only letters still
 * queued are marked, so a digest ended twice counts once), as the drain's
 * markSent does for messages.
 */
export async function markDigestSent(digestId: string, now: Date): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    `WITH ended AS (
       UPDATE "AddresseeDigest"
       SET status = 'sent', "sentAt" = ${utc("$2")}, "sendingSince" = NULL, "lastError" = NULL, "updatedAt" = ${utc("$2")}
       WHERE id = $1::uuid RETURNING id
     ),
     letters AS (
       UPDATE "Letter" SET status = 'sent', "updatedAt" = ${utc("$2")}
       WHERE "digestId" IN (SELECT id FROM ended) AND status = 'queued'
       RETURNING id, "campaignId"
     ),
     tallies AS (
       INSERT INTO "PendingTally" ("campaignId", "sentLetterId") SELECT "campaignId", id FROM letters RETURNING 1
     )
     SELECT count(*)::int AS n FROM tallies`,
    [digestId, now.toISOString()],
  );
  return rows[0]?.n ?? 0;
}

/** A held digest waits until `runAt` (a temporary failure), if this hold is still its own. */
export async function markDigestDeferred(digest: ClaimedDigest, runAt: Date, reason: string, now: Date): Promise<void> {
  await pool().query(
    `UPDATE "AddresseeDigest"
     SET status = 'deferred', "nextAttemptAt" = ${utc("$3")}, "sendingSince" = NULL, "lastError" = $4, "updatedAt" = ${utc("$5")}
     WHERE id = $1::uuid AND status = 'sending' AND "sendingSince" = ${utc("$2")}`,
    [digest.id, digest.claimedAt.toISOString(), runAt.toISOString(), reason, now.toISOString()],
  );
}

/**
 * A held digest ends unsent: "failed" (its letters fail with it) or
 * "cancelled" (nothing left to carry), if this hold is still its own.
 */
export async function markDigestEnded(
  digest: ClaimedDigest,
  status: "failed" | "cancelled",
  reason: string,
  now: Date,
): Promise<void> {
  await pool().query(
    `WITH ended AS (
       UPDATE "AddresseeDigest"
       SET status = $3::"DeliveryStatus", "sendingSince" = NULL, "lastError" = $4, "updatedAt" = ${utc("$5")}
       WHERE id = $1::uuid AND status = 'sending' AND "sendingSince" = ${utc("$2")}
       RETURNING id, status
     )
     UPDATE "Letter" SET status = 'failed', "updatedAt" = ${utc("$5")}
     WHERE "digestId" IN (SELECT id FROM ended WHERE status = 'failed') AND status = 'queued'`,
    [digest.id, digest.claimedAt.toISOString(), status, reason, now.toISOString()],
  );
}

/** A digest filed in the local outbox (no SMTP_URL), encrypted by the caller. */
export async function insertLocalDigestMail(row: {
  id: string;
  toAddressEncrypted: Uint8Array<ArrayBuffer>;
  rawEncrypted: Uint8Array<ArrayBuffer>;
}): Promise<void> {
  await db().localMail.create({ data: { ...row, signatureId: null } });
}
