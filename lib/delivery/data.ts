// The delivery feature's only door to the database. Writes trust their input;
// reads return plain rows. Functions that take a transaction client run in the
// caller's transaction (confirmation, the summary's check-then-queue).
import "server-only";
import type { DeliveryStatus, OutboxKind, Prisma } from "@/generated/prisma/client";
import { db, pool } from "@/lib/core/db";
import type { IdentityLevel } from "@/lib/core/vocabulary";
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

/**
 * A new delivery message, in the caller's transaction. It needs no job: the
 * row is the queue, and every worker's drain (drain-deliveries.ts) claims
 * due rows from it.
 */
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
}

/** Links letters to the message that carries them; a letter already linked keeps its message. */
export async function linkLettersToMessage(tx: Tx, messageId: string, letterIds: string[]): Promise<void> {
  await tx.letter.updateMany({
    where: { id: { in: letterIds }, deliveryMessageId: null },
    data: { deliveryMessageId: messageId },
  });
}

// The drain's statements go through pg directly: one round trip each, no
// query compiler, whatever the batch size. Times are passed as ISO strings and
// read into the columns' UTC wall time, as Prisma writes them, whatever the
// session's time zone.
const utc = (parameter: string) => `(${parameter}::timestamptz AT TIME ZONE 'UTC')`;

/** One letter a claimed message carries, with what its email needs (texts still encrypted). */
export type ClaimedLetter = {
  id: string;
  language: string;
  signatureId: string;
  subjectEncrypted: Uint8Array | null;
  bodyEncrypted: Uint8Array | null;
  /** In the letter's language when a translation has it. */
  addresseeName: string;
  addresseePaused: boolean;
  campaignPaused: boolean;
  identityLevel: IdentityLevel;
  country: string;
  contact: {
    nameEncrypted: Uint8Array | null;
    cityEncrypted: Uint8Array | null;
    emailEncrypted: Uint8Array | null;
    replyToSupporter: boolean;
  } | null;
};

/** What pacing needs of a claimed message: its addressee's office and caps, its address's health. */
export type ClaimedPacing = {
  campaignId: string;
  timeZone: string;
  officeHours: string;
  officeDays: number[];
  hourlyCap: number;
  campaignHourlyCap: number;
  campaignClosesAt: Date | null;
  /** Some letter's addressee takes a daily digest instead (another part of delivery sends those). */
  digest: boolean;
  /** MailAddressHealth paused the address (bounces). */
  addressPaused: boolean;
  /** It was given a slot by pacing before (released with pacedReason): it goes at that slot. */
  hasSlot: boolean;
};

/** A message this worker holds ("sending" since `claimedAt`), with its letters in the order the email greets them. */
export type ClaimedMessage = {
  id: string;
  signatureId: string;
  toAddress: string;
  toName: string;
  toDomain: string;
  messageIdHeader: string;
  /** Counting this one. */
  attempts: number;
  claimedAt: Date;
  pacing: ClaimedPacing;
  letters: ClaimedLetter[];
};

/** The reason stored on a message pacing gave a slot; a claimed message with it goes at once (see sortClaimed). */
export const pacedReason = "Waiting for its slot in the addressee's office hours.";

/** One row of a claim: the message's own fields, repeated for each of its letters. */
type ClaimedRow = Pick<
  ClaimedMessage,
  "id" | "signatureId" | "toAddress" | "toName" | "toDomain" | "messageIdHeader" | "attempts"
> & {
  campaignId: string;
  previousError: string | null;
  timeZone: string | null;
  officeHours: string | null;
  officeDays: number[] | null;
  hourlyCap: number | null;
  campaignHourlyCap: number | null;
  campaignClosesAtMs: number | null;
  addressPaused: boolean;
  deliveryMode: string | null;
  letterId: string | null;
  language: string | null;
  letterSignatureId: string | null;
  subjectEncrypted: Buffer | null;
  bodyEncrypted: Buffer | null;
  addresseeName: string | null;
  addresseeStatus: string | null;
  deliveryPaused: boolean | null;
  identityLevel: IdentityLevel | null;
  country: string | null;
  hasContact: boolean;
  nameEncrypted: Buffer | null;
  cityEncrypted: Buffer | null;
  emailEncrypted: Buffer | null;
  replyToSupporter: boolean | null;
};

/**
 * Claims messages and reads everything their emails need, in one statement:
 * the rows `pick` selects (locked, skipping rows another worker has locked)
 * become "sending" since `now` with one more attempt. Two addressees sharing
 * an address share a message; its letters come oldest first, then in the
 * campaign's order of addressees.
 */
async function claim(pick: string, values: unknown[], now: Date): Promise<ClaimedMessage[]> {
  const { rows } = await pool().query<ClaimedRow>(
    `WITH picked AS (${pick}),
     claimed AS (
       UPDATE "DeliveryMessage" m
       SET status = 'sending', attempts = m.attempts + 1, "sendingSince" = ${utc("$1")}, "updatedAt" = ${utc("$1")}
       FROM picked WHERE m.id = picked.id
       RETURNING m.id, m."signatureId", m."toAddress", m."toName", m."toDomain", m."messageIdHeader", m.attempts,
                 m."campaignId", m."addresseeId", m."lastError" AS "previousError"
     )
     SELECT c.id, c."signatureId", c."toAddress", c."toName", c."toDomain", c."messageIdHeader", c.attempts,
            c."campaignId", c."previousError",
            pa."timeZone", pa."officeHours", pa."officeDays", pa."hourlyCap",
            pc."hourlyCap" AS "campaignHourlyCap", (extract(epoch FROM pc."closesAt") * 1000)::float8 AS "campaignClosesAtMs",
            h."pausedAt" IS NOT NULL AS "addressPaused",
            a."deliveryMode",
            l.id AS "letterId", l.language, l."signatureId" AS "letterSignatureId",
            p."subjectEncrypted", p."bodyEncrypted",
            coalesce(t.name, a.name) AS "addresseeName", a.status AS "addresseeStatus",
            camp."deliveryPaused", s."identityLevel", s.country,
            sc."signatureId" IS NOT NULL AS "hasContact", sc."nameEncrypted", sc."cityEncrypted",
            sc."emailEncrypted", sc."replyToSupporter"
     FROM claimed c
     LEFT JOIN "Addressee" pa ON pa.id = c."addresseeId"
     LEFT JOIN "Campaign" pc ON pc.id = c."campaignId"
     LEFT JOIN "MailAddressHealth" h ON h.address = lower(c."toAddress")
     LEFT JOIN "Letter" l ON l."deliveryMessageId" = c.id
     LEFT JOIN "PlatformLetter" p ON p."letterId" = l.id
     LEFT JOIN "Addressee" a ON a.id = l."addresseeId"
     LEFT JOIN "AddresseeTranslation" t ON t."addresseeId" = l."addresseeId" AND t.language = l.language
     LEFT JOIN "CampaignAddressee" ca ON ca."campaignId" = l."campaignId" AND ca."addresseeId" = l."addresseeId"
     LEFT JOIN "Campaign" camp ON camp.id = l."campaignId"
     LEFT JOIN "Signature" s ON s.id = l."signatureId"
     LEFT JOIN "SupporterContact" sc ON sc."signatureId" = l."signatureId"
     ORDER BY c.id, l."createdAt", coalesce(ca.position, 0), l.id`,
    [now.toISOString(), ...values],
  );
  const messages = new Map<string, ClaimedMessage>();
  // One object per supporter: the messages of one signature share it (and what is opened from it).
  const contacts = new Map<string, ClaimedLetter["contact"]>();
  const contactOf = (row: ClaimedRow) => {
    let contact = contacts.get(row.letterSignatureId!);
    if (!contact) {
      contact = {
        nameEncrypted: row.nameEncrypted,
        cityEncrypted: row.cityEncrypted,
        emailEncrypted: row.emailEncrypted,
        replyToSupporter: row.replyToSupporter === true,
      };
      contacts.set(row.letterSignatureId!, contact);
    }
    return contact;
  };
  for (const row of rows) {
    let message = messages.get(row.id);
    if (!message) {
      message = {
        id: row.id,
        signatureId: row.signatureId,
        toAddress: row.toAddress,
        toName: row.toName,
        toDomain: row.toDomain,
        messageIdHeader: row.messageIdHeader,
        attempts: row.attempts,
        claimedAt: now,
        pacing: {
          campaignId: row.campaignId,
          timeZone: row.timeZone ?? "UTC",
          officeHours: row.officeHours ?? "0-24",
          officeDays: row.officeDays ?? [1, 2, 3, 4, 5, 6, 7],
          hourlyCap: row.hourlyCap ?? 30,
          campaignHourlyCap: row.campaignHourlyCap ?? 600,
          campaignClosesAt: row.campaignClosesAtMs === null ? null : new Date(row.campaignClosesAtMs),
          digest: false,
          addressPaused: row.addressPaused,
          hasSlot: row.previousError === pacedReason,
        },
        letters: [],
      };
      messages.set(row.id, message);
    }
    if (!row.letterId) continue;
    if (row.deliveryMode === "daily_digest") message.pacing.digest = true;
    message.letters.push({
      id: row.letterId,
      language: row.language!,
      signatureId: row.letterSignatureId!,
      subjectEncrypted: row.subjectEncrypted,
      bodyEncrypted: row.bodyEncrypted,
      addresseeName: row.addresseeName!,
      addresseePaused: row.addresseeStatus === "paused",
      campaignPaused: row.deliveryPaused === true,
      identityLevel: row.identityLevel!,
      country: row.country!,
      contact: row.hasContact ? contactOf(row) : null,
    });
  }
  return [...messages.values()];
}

/**
 * Claims up to `limit` due messages, oldest attempt first: queued or deferred
 * ones whose time has come, and "sending" ones under a hold older than
 * `staleBefore` (a worker that died mid-send). FOR UPDATE SKIP LOCKED: two
 * workers claiming at once get different messages. Each status is read
 * along the (status, nextAttemptAt) index on its own, so a claim costs the
 * same behind a backlog of any size; rows one branch locked but the claim
 * does not take are free again when the statement ends.
 */
export async function claimDueMessages(limit: number, now: Date, staleBefore: Date): Promise<ClaimedMessage[]> {
  const due = (where: string) =>
    `SELECT id, "nextAttemptAt" FROM "DeliveryMessage" WHERE ${where}
     ORDER BY "nextAttemptAt" LIMIT $3 FOR UPDATE SKIP LOCKED`;
  return claim(
    `WITH queued AS (${due(`status = 'queued' AND "nextAttemptAt" <= ${utc("$1")}`)}),
          deferred AS (${due(`status = 'deferred' AND "nextAttemptAt" <= ${utc("$1")}`)}),
          stale AS (${due(`status = 'sending' AND "sendingSince" < ${utc("$2")}`)})
     SELECT id FROM (SELECT * FROM queued UNION ALL SELECT * FROM deferred UNION ALL SELECT * FROM stale) d
     ORDER BY "nextAttemptAt" LIMIT $3`,
    [staleBefore.toISOString(), limit],
    now,
  );
}

/**
 * Claims one message whatever its time (a job or an admin's retry names it):
 * queued, deferred, or "sending" under a stale hold. Null when it is not
 * claimable now.
 */
export async function claimMessageById(
  messageId: string,
  now: Date,
  staleBefore: Date,
): Promise<ClaimedMessage | null> {
  const [message] = await claim(
    `SELECT id FROM "DeliveryMessage"
     WHERE id = $3::uuid
       AND (status IN ('queued', 'deferred') OR (status = 'sending' AND "sendingSince" < ${utc("$2")}))
     FOR UPDATE SKIP LOCKED`,
    [staleBefore.toISOString(), messageId],
    now,
  );
  return message ?? null;
}

// --- Pacing per addressee -------------------------------------------------------------

/** What pacing has handed out: each address's next free moment, each campaign's slots per tenth of an hour. */
export type PaceState = { nextFree: Map<string, number>; campaignUsed: Map<string, Map<number, number>> };

/**
 * Reads pacing's shared state for these addresses and campaigns, lets
 * `plan` hand out slots (it changes the state it is given), and writes the
 * state back, in one transaction that locks the rows: workers pacing the
 * same addresses take turns, and no slot is handed out twice. The state
 * lives beside the per-domain counters in rate_limit: "pace:a:<address>"
 * (expire: its next free moment, ms), "pace:c:<campaign>" (a lock) and
 * "pace:c:<campaign>:<tenth of an hour>" (points: slots handed out, expire:
 * the end of that tenth). A row whose expire has passed means nothing, so
 * the limiter's clean-up may delete it.
 */
export async function withPaceState<T>(
  addresses: string[],
  campaignIds: string[],
  now: Date,
  plan: (state: PaceState) => T,
): Promise<T> {
  const addressKey = (address: string) => `pace:a:${address}`;
  const lockKeys = [...new Set([...campaignIds.map((id) => `pace:c:${id}`), ...addresses.map(addressKey)])].sort();
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO rate_limit (key, points, expire) SELECT k, 0, 0 FROM unnest($1::text[]) AS k ORDER BY k
       ON CONFLICT (key) DO NOTHING`,
      [lockKeys],
    );
    const { rows: locked } = await client.query<{ key: string; expire: string | null }>(
      `SELECT key, expire FROM rate_limit WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
      [lockKeys],
    );
    const { rows: buckets } = await client.query<{ key: string; points: number }>(
      `SELECT key, points FROM rate_limit WHERE key LIKE ANY($1::text[]) AND expire > $2`,
      [campaignIds.map((id) => `pace:c:${id}:%`), now.getTime()],
    );
    const state: PaceState = { nextFree: new Map(), campaignUsed: new Map() };
    const expireOf = new Map(locked.map((row) => [row.key, Number(row.expire ?? 0)]));
    for (const address of addresses) state.nextFree.set(address, expireOf.get(addressKey(address)) ?? 0);
    for (const id of campaignIds) state.campaignUsed.set(id, new Map());
    for (const row of buckets) {
      const [, , id, bucket] = row.key.split(":");
      state.campaignUsed.get(id!)?.set(Number(bucket), row.points);
    }
    const result = plan(state);
    const keys: string[] = [];
    const points: number[] = [];
    const expires: number[] = [];
    const put = (key: string, point: number, expire: number) => {
      keys.push(key);
      points.push(point);
      expires.push(expire);
    };
    for (const [address, next] of state.nextFree) put(addressKey(address), 0, next);
    for (const [id, used] of state.campaignUsed)
      for (const [bucket, count] of used)
        if (bucket + campaignTenthMs > now.getTime()) put(`pace:c:${id}:${bucket}`, count, bucket + campaignTenthMs);
    await client.query(
      `INSERT INTO rate_limit (key, points, expire)
       SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[])
       ON CONFLICT (key) DO UPDATE SET points = excluded.points, expire = excluded.expire`,
      [keys, points, expires],
    );
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** pacing.ts's campaignBucketMs (data.ts imports nothing from the feature's logic). */
const campaignTenthMs = 360_000;

/** Messages still to go to each of these addresses (lower case) in the campaign: queued, deferred or sending. */
export async function openMessagesTo(campaignId: string, addresses: string[]): Promise<Map<string, number>> {
  const { rows } = await pool().query<{ address: string; n: number }>(
    `SELECT lower("toAddress") AS address, count(*)::int AS n FROM "DeliveryMessage"
     WHERE "campaignId" = $1::uuid AND status IN ('queued', 'deferred', 'sending') AND lower("toAddress") = ANY($2::text[])
     GROUP BY 1`,
    [campaignId, addresses],
  );
  return new Map(rows.map((row) => [row.address, row.n]));
}

/**
 * Per addressee (the addressee a message was made for; a shared address's
 * messages count under one of them): its office and cap, its messages still
 * to go, how many of them hold a slot and the last slot, and how many went
 * out since the start of its day at `now` in its zone. A page for staff: the
 * "sent today" count reads the day's sent rows.
 */
export async function addresseeQueueRows(now: Date) {
  const { rows } = await pool().query<{
    id: string;
    name: string;
    timeZone: string;
    officeHours: string;
    officeDays: number[];
    hourlyCap: number;
    deliveryMode: string;
    waiting: number;
    slotted: number;
    lastSlotMs: number | null;
    sentToday: number;
    pausedAddresses: number;
  }>(
    `WITH open AS (
       SELECT "addresseeId", count(*)::int AS waiting,
              count(*) FILTER (WHERE "lastError" = $2)::int AS slotted,
              (extract(epoch FROM max("nextAttemptAt") FILTER (WHERE "lastError" = $2)) * 1000)::float8 AS "lastSlotMs",
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "MailAddressHealth" h
                                             WHERE h.address = lower(m."toAddress") AND h."pausedAt" IS NOT NULL))::int AS "pausedAddresses"
       FROM "DeliveryMessage" m WHERE status IN ('queued', 'deferred', 'sending') GROUP BY 1
     ),
     today AS (
       SELECT m."addresseeId", count(*)::int AS n
       FROM "DeliveryMessage" m JOIN "Addressee" a ON a.id = m."addresseeId"
       WHERE m.status = 'sent' AND m."sentAt" >= ${utc("$1")} - interval '1 day'
         AND m."sentAt" >= (date_trunc('day', $1::timestamptz AT TIME ZONE a."timeZone") AT TIME ZONE a."timeZone") AT TIME ZONE 'UTC'
       GROUP BY 1
     )
     SELECT a.id, a.name, a."timeZone", a."officeHours", a."officeDays", a."hourlyCap", a."deliveryMode"::text AS "deliveryMode",
            coalesce(o.waiting, 0) AS waiting, coalesce(o.slotted, 0) AS slotted, o."lastSlotMs",
            coalesce(t.n, 0) AS "sentToday", coalesce(o."pausedAddresses", 0) AS "pausedAddresses"
     FROM "Addressee" a LEFT JOIN open o ON o."addresseeId" = a.id LEFT JOIN today t ON t."addresseeId" = a.id
     WHERE a.id IN (SELECT "addresseeId" FROM "CampaignAddressee") OR o.waiting > 0 OR t.n > 0
     ORDER BY coalesce(o.waiting, 0) DESC, a.name`,
    [now.toISOString(), pacedReason],
  );
  return rows;
}

/**
 * An addressee's pacing settings were saved: its messages waiting for a slot
 * lose it and get one under the new settings at their next claim; each of
 * its addresses is next free `gapMs` from now (no burst after a change).
 */
export async function releasePacedSlots(addresseeId: string, addresses: string[], now: Date, gapMs: number) {
  await pool().query(
    `UPDATE "DeliveryMessage" SET "nextAttemptAt" = ${utc("$3")}, "lastError" = NULL, "updatedAt" = ${utc("$3")}
     WHERE "addresseeId" = $1::uuid AND status = 'queued' AND "lastError" = $2`,
    [addresseeId, pacedReason, now.toISOString()],
  );
  await pool().query(`UPDATE rate_limit SET expire = $2 WHERE key = ANY($1::text[])`, [
    addresses.map((a) => `pace:a:${a.toLowerCase()}`),
    now.getTime() + gapMs,
  ]);
}

/** Where a message stands, and whose it is. */
export async function messageStatus(
  messageId: string,
): Promise<{ status: DeliveryStatus; signatureId: string } | null> {
  const { rows } = await pool().query<{ status: DeliveryStatus; signatureId: string }>(
    `SELECT status, "signatureId" FROM "DeliveryMessage" WHERE id = $1::uuid`,
    [messageId],
  );
  return rows[0] ?? null;
}

/** Added in the statement that ends messages: checks their signatures' summaries once that worker is surely done. */
const summaryCheckDelaySeconds = 60;

/**
 * The same statement adds a job that queues the supporters' delivery summaries
 * for the signatures whose last message this ended, a minute on: if the
 * worker dies before it queues them itself, they still go.
 */
const summaryCheckJob = (ended: string, runAt: string) => `
  summary_check AS (
    SELECT graphile_worker.add_job('queue-delivery-summaries',
             json_build_object('signatureIds', json_agg(DISTINCT e."signatureId")),
             run_at := ${runAt}::timestamptz + interval '${summaryCheckDelaySeconds} seconds', max_attempts := 25)
    FROM ${ended} e
    HAVING count(*) > 0
  )`;

/**
 * The messages are sent: they and every letter they carry, in one statement.
 * A letter enters the "letters sent" tally in the same statement, once: only
 * letters not marked sent before get a tally row, so a message ended twice (a
 * stale hold taken over) counts once. With `summaryCheck`, also the job above.
 * Returns the signatures of the messages.
 */
export async function markSent(messageIds: string[], now: Date, summaryCheck: boolean): Promise<string[]> {
  if (messageIds.length === 0) return [];
  const { rows } = await pool().query<{ signatureId: string }>(
    `WITH ended AS (
       UPDATE "DeliveryMessage"
       SET status = 'sent', "sentAt" = ${utc("$2")}, "sendingSince" = NULL, "lastError" = NULL, "updatedAt" = ${utc("$2")},
           -- Taken by the relay; a bounce that comes back later (lib/bounces) says otherwise.
           outcome = 'relayed', "outcomeAt" = ${utc("$2")}, "outcomeDetail" = NULL
       WHERE id = ANY($1::uuid[])
       RETURNING id, "signatureId"
     ),
     letters AS (
       UPDATE "Letter" SET status = 'sent', "updatedAt" = ${utc("$2")}
       WHERE "deliveryMessageId" = ANY($1::uuid[]) AND status <> 'sent'
       RETURNING id, "campaignId"
     ),
     tallies AS (
       INSERT INTO "PendingTally" ("campaignId", "sentLetterId") SELECT "campaignId", id FROM letters RETURNING 1
     )${summaryCheck ? `,${summaryCheckJob("ended", "$2")}` : ""}
     SELECT DISTINCT "signatureId" FROM ended${summaryCheck ? ` WHERE (SELECT count(*) FROM summary_check) >= 0` : ""}`,
    [messageIds, now.toISOString()],
  );
  return rows.map((row) => row.signatureId);
}

/**
 * Messages that end unsent, each with its reason, in one statement. `claimedAt`
 * (when given) must still be the message's hold: a message another worker
 * took over is left to it. `lettersToo`: the letters fail with it (not when
 * their text is gone, where they are left as they are). Returns the
 * signatures of the messages ended.
 */
export async function markFailed(
  failures: { id: string; reason: string; claimedAt: Date | null; lettersToo: boolean }[],
  now: Date,
  summaryCheck: boolean,
): Promise<string[]> {
  if (failures.length === 0) return [];
  const { rows } = await pool().query<{ signatureId: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[]) AS i(id, reason, claimed, letters_too)
     ),
     ended AS (
       UPDATE "DeliveryMessage" m
       SET status = 'failed', "lastError" = i.reason, "sendingSince" = NULL, "updatedAt" = ${utc("$5")},
           -- Refused in the SMTP conversation (or never taken); not when the text was gone and nothing was tried.
           outcome = CASE WHEN i.letters_too THEN 'refused'::"MailOutcome" ELSE m.outcome END,
           "outcomeAt" = CASE WHEN i.letters_too THEN ${utc("$5")} ELSE m."outcomeAt" END,
           "outcomeDetail" = CASE WHEN i.letters_too THEN left(i.reason, 500) ELSE m."outcomeDetail" END
       FROM input i
       WHERE m.id = i.id
         AND (i.claimed IS NULL OR (m.status = 'sending' AND m."sendingSince" = ${utc("i.claimed")}))
       RETURNING m.id, m."signatureId", i.letters_too
     ),
     letters AS (
       UPDATE "Letter" SET status = 'failed', "updatedAt" = ${utc("$5")}
       WHERE "deliveryMessageId" IN (SELECT id FROM ended WHERE letters_too)
     )${summaryCheck ? `,${summaryCheckJob("ended", "$5")}` : ""}
     SELECT DISTINCT "signatureId" FROM ended${summaryCheck ? ` WHERE (SELECT count(*) FROM summary_check) >= 0` : ""}`,
    [
      failures.map((f) => f.id),
      failures.map((f) => f.reason),
      failures.map((f) => f.claimedAt?.toISOString() ?? null),
      failures.map((f) => f.lettersToo),
      now.toISOString(),
    ],
  );
  return rows.map((row) => row.signatureId);
}

/**
 * Messages this worker held go back to wait until `runAt`, in one statement:
 * "queued" (pacing, sending hours, a hold given back) or "deferred" (a
 * temporary failure, a pause) with the reason. `attemptTaken`: false when no
 * SMTP attempt was made, so the claim's attempt is given back. Only rows
 * still under the hold are touched.
 */
export async function markRescheduled(
  rows: {
    id: string;
    claimedAt: Date;
    runAt: Date;
    status: "queued" | "deferred";
    reason: string | null;
    attemptTaken: boolean;
  }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await pool().query(
    `UPDATE "DeliveryMessage" m
     SET status = i.status::"DeliveryStatus", "nextAttemptAt" = ${utc("i.run_at")}, "sendingSince" = NULL,
         "lastError" = coalesce(i.reason, m."lastError"), attempts = m.attempts - CASE WHEN i.taken THEN 0 ELSE 1 END,
         "updatedAt" = ${utc("$7")}
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[])
          AS i(id, claimed, run_at, status, reason, taken)
     WHERE m.id = i.id AND m.status = 'sending' AND m."sendingSince" = ${utc("i.claimed")}`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.claimedAt.toISOString()),
      rows.map((r) => r.runAt.toISOString()),
      rows.map((r) => r.status),
      rows.map((r) => r.reason),
      rows.map((r) => r.attemptTaken),
      now.toISOString(),
    ],
  );
}

/**
 * The message and every letter it carries end: sent, or failed with the
 * reason (whoever holds it). A sent letter enters the "letters sent" tally
 * once (see markSent).
 */
export async function endMessage(messageId: string, outcome: { sent: true } | { sent: false; reason: string }) {
  if (outcome.sent) await markSent([messageId], new Date(), false);
  else
    await markFailed([{ id: messageId, reason: outcome.reason, claimedAt: null, lettersToo: true }], new Date(), false);
}

/**
 * Of these signatures, those whose every message has ended and whose
 * confirmed supporter has no delivery summary yet: the only ones for which
 * queueDeliverySummaryIfDone has anything to do (it checks again).
 */
export async function signaturesAwaitingSummary(signatureIds: string[]): Promise<string[]> {
  if (signatureIds.length === 0) return [];
  const { rows } = await pool().query<{ id: string }>(
    `SELECT s.id FROM unnest($1::uuid[]) AS s(id)
     WHERE NOT EXISTS (SELECT 1 FROM "DeliveryMessage" m
                       WHERE m."signatureId" = s.id AND m.status IN ('queued', 'sending', 'deferred'))
       AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" o WHERE o."signatureId" = s.id AND o.kind = 'delivery_summary')
       AND EXISTS (SELECT 1 FROM "SupporterContact" c
                   WHERE c."signatureId" = s.id AND c."emailConfirmedAt" IS NOT NULL AND c."emailEncrypted" IS NOT NULL)`,
    [[...new Set(signatureIds)]],
  );
  return rows.map((row) => row.id);
}

/** Supporter emails still queued since before `createdBefore`, oldest first. */
export async function waitingOutboxIds(createdBefore: Date, limit: number): Promise<string[]> {
  // Not one whose job a worker took since then: it is sending now, and a
  // second job beside it would send the email twice.
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT o."id"::text AS "id" FROM "OutboxMessage" o
    WHERE o."status" = 'queued' AND o."createdAt" < ${createdBefore}
      AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j
                      WHERE j.key = 'outbox:' || o."id"::text AND j.locked_at >= ${createdBefore})
    ORDER BY o."createdAt" ASC
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/** Fresh jobs for these supporter emails, keeping the run time of any job still there. */
export async function readdOutboxJobs(outboxIds: string[]): Promise<void> {
  await db().$transaction(async (tx) => {
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
      contact: { select: { emailEncrypted: true, emailConfirmedAt: true, linkOriginEncrypted: true } },
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
