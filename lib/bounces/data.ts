// The bounce feature's only door to the database: what came back for a
// message, the per-address health that pauses a dead address, and the
// pauses staff see. Writes trust their input. Times go in as ISO strings read
// into the columns' UTC wall time, as lib/delivery/data.ts does.
import "server-only";
import type { DeliveryStatus, MailOutcome } from "@/generated/prisma/client";
import { pool } from "@/lib/core/db";

const utc = (parameter: string) => `(${parameter}::timestamptz AT TIME ZONE 'UTC')`;

/** A letter's message, as a bounce finds it. */
export async function deliveryMessageForBounce(id: string): Promise<{
  id: string;
  status: DeliveryStatus;
  attempts: number;
  signatureId: string;
  toAddress: string;
  outcome: MailOutcome | null;
} | null> {
  const { rows } = await pool().query(
    `SELECT id, status, attempts, "signatureId", "toAddress", outcome FROM "DeliveryMessage" WHERE id = $1::uuid`,
    [id],
  );
  return rows[0] ?? null;
}

/** Whether a supporter email or a digest with this id exists (the listener refuses bounces for any other). */
export async function returnPathTargetExists(kind: "outbox" | "digest", id: string): Promise<boolean> {
  const table = kind === "outbox" ? `"OutboxMessage"` : `"AddresseeDigest"`;
  const { rows } = await pool().query(`SELECT 1 FROM ${table} WHERE id = $1::uuid`, [id]);
  return rows.length > 0;
}

/** Where a digest went (an addressee's address, never a supporter's). */
export async function digestAddress(id: string): Promise<string | null> {
  const { rows } = await pool().query<{ toAddress: string }>(
    `SELECT "toAddress" FROM "AddresseeDigest" WHERE id = $1::uuid`,
    [id],
  );
  return rows[0]?.toAddress ?? null;
}

/**
 * What came back for a letter's message, in one statement: its outcome, and
 * when it was `from` one of `fromStatuses`, its new status (`status`, with
 * `runAt` for a retry) and its letters' (`letterStatus`). A letter that
 * was counted as sent is counted out again (a -1 for each "letters sent"
 * figure, through the roll-up like every count), so a bounced letter never
 * stays "confirmed sent"; sent again, it is counted again (markSent counts
 * letters that are not "sent"). Returns the status before, or null when
 * the message is gone.
 */
export async function recordMessageOutcome(change: {
  id: string;
  outcome: MailOutcome;
  detail: string;
  now: Date;
  fromStatuses: DeliveryStatus[];
  status: "failed" | "deferred";
  letterStatus: "failed" | "queued";
  lastError: string;
  runAt: Date | null;
}): Promise<{ previousStatus: DeliveryStatus; previousOutcome: MailOutcome | null } | null> {
  const { rows } = await pool().query<{ previousStatus: DeliveryStatus; previousOutcome: MailOutcome | null }>(
    `WITH before AS (
       SELECT id, status, outcome FROM "DeliveryMessage" WHERE id = $1::uuid FOR UPDATE
     ),
     moved AS (SELECT id FROM before WHERE status = ANY($5::"DeliveryStatus"[])),
     message AS (
       UPDATE "DeliveryMessage" d
       SET outcome = $2::"MailOutcome", "outcomeAt" = ${utc("$3")}, "outcomeDetail" = $4,
           status = CASE WHEN d.id IN (SELECT id FROM moved) THEN $6::"DeliveryStatus" ELSE d.status END,
           "lastError" = CASE WHEN d.id IN (SELECT id FROM moved) THEN $8 ELSE d."lastError" END,
           "nextAttemptAt" = CASE WHEN d.id IN (SELECT id FROM moved) AND $9::text IS NOT NULL
                                  THEN ${utc("$9::text")} ELSE d."nextAttemptAt" END,
           "updatedAt" = ${utc("$3")}
       FROM before WHERE d.id = before.id
       RETURNING before.status AS "previousStatus", before.outcome AS "previousOutcome"
     ),
     old AS (
       SELECT l.id, l.status FROM "Letter" l
       WHERE l."deliveryMessageId" IN (SELECT id FROM moved) AND l.status IN ('sent', 'queued', 'deferred')
       FOR UPDATE
     ),
     letters AS (
       UPDATE "Letter" l SET status = $7::"LetterStatus", "updatedAt" = ${utc("$3")}
       FROM old WHERE l.id = old.id
       RETURNING l."campaignId", l."addresseeId", l.channel, old.status AS was
     ),
     uncounted AS (
       INSERT INTO "PendingTally" ("campaignId", dimension, key, delta)
       SELECT "campaignId", f.dimension, f.key, -count(*)::int
       FROM letters,
            LATERAL (VALUES ('letters_sent', ''), ('letters_sent_by_channel', channel::text),
                            ('letters_sent_by_addressee', "addresseeId"::text)) AS f(dimension, key)
       WHERE was = 'sent'
       GROUP BY 1, 2, 3
       RETURNING 1
     )
     SELECT "previousStatus", "previousOutcome" FROM message WHERE (SELECT count(*) FROM uncounted) >= 0`,
    [
      change.id,
      change.outcome,
      change.now.toISOString(),
      change.detail,
      change.fromStatuses,
      change.status,
      change.letterStatus,
      change.lastError,
      change.runAt?.toISOString() ?? null,
    ],
  );
  return rows[0] ?? null;
}

/** A complaint: the letter arrived (it stays sent and counted); only what came back is noted. */
export async function recordComplaintOutcome(id: string, detail: string, now: Date): Promise<MailOutcome | null> {
  const { rows } = await pool().query<{ previousOutcome: MailOutcome | null }>(
    `WITH before AS (SELECT id, outcome FROM "DeliveryMessage" WHERE id = $1::uuid FOR UPDATE)
     UPDATE "DeliveryMessage" d SET outcome = 'complained', "outcomeAt" = ${utc("$2")}, "outcomeDetail" = $3,
            "updatedAt" = ${utc("$2")}
     FROM before WHERE d.id = before.id
     RETURNING before.outcome AS "previousOutcome"`,
    [id, now.toISOString(), detail],
  );
  return rows.length === 0 ? null : (rows[0]!.previousOutcome ?? null);
}

/**
 * A supporter email that bounced after the relay took it: failed for good
 * (hard), or queued again with a fresh job at `runAt` (soft). Only an email
 * marked sent moves. Nothing is kept about the supporter's address.
 */
export async function recordOutboxBounce(id: string, reason: string, runAt: Date | null): Promise<void> {
  await pool().query(
    `WITH moved AS (
       UPDATE "OutboxMessage" SET status = CASE WHEN $3::text IS NULL THEN 'failed' ELSE 'queued' END::"OutboxStatus",
              "lastError" = $2
       WHERE id = $1::uuid AND status = 'sent'
       RETURNING id
     )
     SELECT graphile_worker.add_job('send-supporter-email', json_build_object('outboxMessageId', id),
              run_at := $3::text::timestamptz, job_key := 'outbox:' || id::text, max_attempts := 25)
     FROM moved WHERE $3::text IS NOT NULL`,
    [id, reason, runAt?.toISOString() ?? null],
  );
}

/**
 * Adds what came back to an address's health, in one statement; pauses it
 * once it has `pauseAfter` hard bounces or any complaint. `pausedNow`: this
 * report paused it (staff are to be told).
 */
export async function addToAddressHealth(change: {
  address: string;
  hard: number;
  soft: number;
  complaints: number;
  detail: string;
  now: Date;
  pauseAfter: number;
  /** The plain words kept with a pause, given the counts after this report. */
  reason: (counts: { hardBounces: number; complaints: number }) => string;
}): Promise<{ pausedNow: boolean; hardBounces: number; complaints: number }> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ hardBounces: number; complaints: number; paused: boolean }>(
      `INSERT INTO "MailAddressHealth" (address, "hardBounces", "softBounces", complaints, "lastOutcomeAt", "lastDetail", "updatedAt")
       VALUES (lower($1), $2, $3, $4, ${utc("$5")}, $6, ${utc("$5")})
       ON CONFLICT (address) DO UPDATE
       SET "hardBounces" = "MailAddressHealth"."hardBounces" + EXCLUDED."hardBounces",
           "softBounces" = "MailAddressHealth"."softBounces" + EXCLUDED."softBounces",
           complaints = "MailAddressHealth".complaints + EXCLUDED.complaints,
           "lastOutcomeAt" = EXCLUDED."lastOutcomeAt", "lastDetail" = EXCLUDED."lastDetail",
           "updatedAt" = EXCLUDED."updatedAt"
       RETURNING "hardBounces", complaints, "pausedAt" IS NOT NULL AS paused`,
      [change.address, change.hard, change.soft, change.complaints, change.now.toISOString(), change.detail],
    );
    const health = rows[0]!;
    const due = health.hardBounces >= change.pauseAfter || health.complaints > 0;
    let pausedNow = false;
    if (due && !health.paused) {
      await client.query(
        `UPDATE "MailAddressHealth" SET "pausedAt" = ${utc("$2")}, "pauseReason" = $3, "acknowledgedAt" = NULL
         WHERE address = lower($1)`,
        [change.address, change.now.toISOString(), change.reason(health).slice(0, 500)],
      );
      pausedNow = true;
    }
    await client.query("COMMIT");
    return { pausedNow, hardBounces: health.hardBounces, complaints: health.complaints };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A paused address, with the addressees whose emails list it (names as entered). */
export type PausedAddress = {
  address: string;
  pausedAt: Date;
  pauseReason: string | null;
  hardBounces: number;
  complaints: number;
  lastDetail: string | null;
  acknowledgedAt: Date | null;
  addressees: string[];
};

/** Every paused address, newest pause first. */
export async function pausedAddresses(): Promise<PausedAddress[]> {
  const { rows } = await pool().query<PausedAddress>(
    `SELECT h.address, h."pausedAt", h."pauseReason", h."hardBounces", h.complaints, h."lastDetail", h."acknowledgedAt",
            coalesce((SELECT array_agg(a.name ORDER BY a.name) FROM "Addressee" a
                      WHERE EXISTS (SELECT 1 FROM unnest(a.emails) e WHERE lower(trim(e)) = h.address)), '{}') AS addressees
     FROM "MailAddressHealth" h
     WHERE h."pausedAt" IS NOT NULL
     ORDER BY h."pausedAt" DESC, h.address
     LIMIT 200`,
  );
  return rows;
}

/** Staff have read the notice; the address stays paused. */
export async function acknowledgePause(address: string, now: Date): Promise<boolean> {
  const { rowCount } = await pool().query(
    `UPDATE "MailAddressHealth" SET "acknowledgedAt" = ${utc("$2")}, "updatedAt" = ${utc("$2")}
     WHERE address = lower($1) AND "pausedAt" IS NOT NULL`,
    [address, now.toISOString()],
  );
  return (rowCount ?? 0) > 0;
}

/** Sending resumes: the pause and the counts that led to it are cleared (a fresh start for the address). */
export async function resumeAddress(address: string, now: Date): Promise<boolean> {
  const { rowCount } = await pool().query(
    `UPDATE "MailAddressHealth"
     SET "pausedAt" = NULL, "pauseReason" = NULL, "acknowledgedAt" = ${utc("$2")},
         "hardBounces" = 0, "softBounces" = 0, complaints = 0, "updatedAt" = ${utc("$2")}
     WHERE address = lower($1) AND "pausedAt" IS NOT NULL`,
    [address, now.toISOString()],
  );
  return (rowCount ?? 0) > 0;
}
