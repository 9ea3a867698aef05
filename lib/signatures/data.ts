// The signatures feature's only door to the database. Writes trust their
// input (already checked and encrypted by the use cases); reads return plain
// rows. Functions that take a transaction client run in the caller's
// transaction: recording a signature and confirming an address each stay
// one transaction.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { createHash } from "node:crypto";
import type pg from "pg";
import { contentVersionSql } from "@/lib/campaigns/data";
import { db, pool } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import type { IdentityLevel, LetterChannel, LetterStatus, OutboxKind } from "@/lib/core/vocabulary";

type Tx = Prisma.TransactionClient;

/** Runs the work in one transaction. */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work);
}

/** A unique index refused the write (the same form, or the same address, at the same moment). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// --- Recording ---------------------------------------------------------------------

/** The signature a campaign's form with this submission key recorded, if any. */
export async function signatureIdBySubmissionKey(campaignSlug: string, submissionKey: string): Promise<string | null> {
  const found = await db().signature.findFirst({
    where: { campaign: { slug: campaignSlug }, submissionKey },
    select: { id: true },
  });
  return found?.id ?? null;
}

/**
 * An allowance kept in the rate_limit table, in rate-limiter-flexible's
 * format (key `prefix:hash`, points used, expiry in epoch milliseconds), so
 * the staff sign-in's and the delivery pacing's limiters share the table.
 * `previousKey`: the same client's key under the previous APP_SECRET during
 * a rotation, whose points count too.
 */
export type Allowance = { key: string; previousKey: string | null; points: number; durationMs: number };

/** What spending one point of an allowance gave: allowed, or not until msBeforeNext. */
export type AllowanceSpent = { allowed: boolean; msBeforeNext: number };

/**
 * Everything a signature writes, already checked and encrypted (ids made
 * first: each ciphertext is bound to its row). Timestamps are the caller's
 * clock, as UTC.
 */
export type SignatureWrite = {
  signature: {
    id: string;
    campaignId: string;
    language: string;
    identityLevel: IdentityLevel;
    country: string;
    consentCounted: boolean;
    /** Counted at once (no platform letters): pending tallies and the partner count now. */
    countedAt: Date | null;
    submissionKey: string | null;
    createdAt: Date;
  };
  purgeAfter: Date;
  contact: {
    emailEncrypted: Uint8Array | null;
    nameEncrypted: Uint8Array | null;
    cityEncrypted: Uint8Array | null;
    /** The origin the supporter signed on, sealed (lib/privacy/email-links.ts). */
    linkOriginEncrypted: Uint8Array | null;
    consentContact: boolean;
    replyToSupporter: boolean;
    /** Keep the (known) partner code until the signature counts. */
    keepSourceCode: boolean;
  } | null;
  /** A partner code as given; counted (or kept) only if admins defined it for the campaign. */
  sourceCode: string | null;
  letters: {
    id: string;
    addresseeId: string;
    channel: LetterChannel;
    status: LetterStatus;
    reportedSentAt: Date | null;
  }[];
  platformLetters: { letterId: string; subjectEncrypted: Uint8Array; bodyEncrypted: Uint8Array }[];
  /** With countedAt: the letters that go into the totals, and those already sent (said sent by the supporter). */
  tallies: { letterIds: string[]; sentLetterIds: string[] };
  /**
   * The campaign content's version the letters were composed from
   * (lib/campaigns/data.ts#contentVersionSql): if it is no longer the
   * campaign's, nothing is done at all, not even the gate. Null: not checked.
   */
  content?: { slug: string; version: string } | null;
  /**
   * The confirmation email, and the allowance of the address it goes to: sent
   * (outbox row and its job) while the address has confirmation emails left
   * this hour, else held (HeldConfirmation and one job when the hour ends).
   */
  confirmation: {
    allowance: Allowance;
    heldKey: string;
    /** The caller's clock, for when the held hour ends. */
    now: Date;
    outbox: {
      id: string;
      kind: OutboxKind;
      language: string;
      toEncrypted: Uint8Array;
      subject: string;
      textEncrypted: Uint8Array;
      htmlEncrypted: Uint8Array;
    };
  } | null;
};

/** What must pass before anything is written: a proof of work not spent before, and the client's allowance. */
export type SigningGate = {
  /** The solved challenge's id, spent here; null without a proof of work. */
  challengeId: string | null;
  challengeLifetimeSeconds: number;
  /** Null when clients cannot be told apart (then no per-client limit). */
  client: Allowance | null;
};

export type SignatureWritten = {
  /** False: the write's content version (SignatureWrite.content) has moved; nothing was done. */
  contentFresh: boolean;
  /** False: the proof of work was spent before; nothing else was done. */
  proofFresh: boolean;
  /** False: the client's allowance is used up (msBeforeNext says until when); nothing was written. */
  allowed: boolean;
  msBeforeNext: number;
  /** The new signature, or null (nothing to write, refused, or this form's submission key was recorded before). */
  signatureId: string | null;
  /** The signature recorded before under this submission key, as this statement could see it. */
  resubmittedId: string | null;
};

/**
 * Spends the proof of work, then a point of the client's allowance, then
 * (when both pass and there is something to write) writes the signature
 * with everything it carries: contact, letters, platform letters, pending
 * tallies, the partner count, and the confirmation email with its job or,
 * past the address's allowance, the held confirmation and its job. One SQL
 * statement, so one round trip and one implicit transaction: acknowledged
 * means committed, and a fault at any point leaves none of it.
 *
 * Each part reads its parent's id from the part that inserted it, never
 * from the table (all parts see one snapshot); the unique submission key
 * turns a resubmitted form into no row at all (ON CONFLICT DO NOTHING, every
 * child reading from the signature's part). Rate-limit rows are locked in one
 * order (client, then address) until the statement commits.
 */
export async function writeSignature(gate: SigningGate, write: SignatureWrite | null): Promise<SignatureWritten> {
  const p = new Parameters();
  const nowMs = p.add(Date.now(), "bigint");
  const challenge = p.add(gate.challengeId, "text");
  const lifetime = p.add(gate.challengeLifetimeSeconds, "integer");
  const client = allowanceParameters(p, gate.client);
  const writing = p.add(write !== null, "boolean");
  const w = write;
  const sig = w?.signature;
  const campaignId = p.add(sig?.campaignId ?? null, "uuid");
  const signatureId = p.add(sig?.id ?? null, "uuid");
  const language = p.add(sig?.language ?? null, "text");
  const createdAt = p.add(utc(sig?.createdAt), "timestamp(3)");
  const submissionKey = p.add(sig?.submissionKey ?? null, "text");
  const counted = p.add(Boolean(sig?.countedAt), "boolean");
  const purgeAfter = p.add(utc(w?.purgeAfter), "timestamp(3)");
  const source = p.add(w?.sourceCode ?? null, "text");
  const contact = w?.contact;
  const confirmation = w?.confirmation;
  const address = allowanceParameters(p, confirmation?.allowance ?? null);
  const outbox = confirmation?.outbox;
  const version = p.add(w?.content?.version ?? null, "text");
  const sql = `
    WITH
    -- The content the letters were composed from is still the campaign's, in this statement's snapshot.
    content AS (
      SELECT ${version} IS NULL OR (${contentVersionSql(p.add(w?.content?.slug ?? null, "text"))}) IS NOT DISTINCT FROM ${version} AS fresh
    ),
    -- Spent challenges are kept twice their lifetime; each signature clears a few old ones, skipping rows others clear.
    forgotten AS (
      DELETE FROM "ProofOfWorkUse" WHERE id IN (
        SELECT id FROM "ProofOfWorkUse" WHERE "usedAt" < now() - make_interval(secs => ${lifetime} * 2)
        ORDER BY "usedAt" LIMIT 20 FOR UPDATE SKIP LOCKED)
    ),
    proof AS (
      INSERT INTO "ProofOfWorkUse" (id, "usedAt") SELECT ${challenge}, now()
      WHERE ${challenge} IS NOT NULL AND (SELECT fresh FROM content)
      ON CONFLICT (id) DO NOTHING RETURNING id
    ),
    proof_fresh AS (SELECT ${challenge} IS NULL OR EXISTS (SELECT 1 FROM proof) AS fresh),
    ${spendSql("client", client, nowMs, "(SELECT fresh FROM proof_fresh) AND (SELECT fresh FROM content)")},
    existing AS (
      SELECT id FROM "Signature" WHERE "submissionKey" = ${submissionKey} AND "campaignId" = ${campaignId}
    ),
    sig AS (
      INSERT INTO "Signature" (id, "campaignId", "createdAt", language, "identityLevel", country, "consentCounted",
                               "countedAt", "submissionKey")
      SELECT ${signatureId}, ${campaignId}, ${createdAt}, ${language}, ${p.add(sig?.identityLevel ?? null, "text")}::"IdentityLevel",
             ${p.add(sig?.country ?? null, "text")}, ${p.add(sig?.consentCounted ?? null, "boolean")},
             CASE WHEN ${counted} THEN ${createdAt} END, ${submissionKey}
      FROM client_verdict
      WHERE ${writing} AND (SELECT fresh FROM content) AND (SELECT fresh FROM proof_fresh) AND client_verdict.allowed
        AND NOT EXISTS (SELECT 1 FROM existing)
      ON CONFLICT ("submissionKey") DO NOTHING
      RETURNING id
    ),
    known_source AS (SELECT code FROM "CampaignSource" WHERE "campaignId" = ${campaignId} AND code = ${source}),
    contact AS (
      INSERT INTO "SupporterContact" ("signatureId", "emailEncrypted", "nameEncrypted", "cityEncrypted",
                                      "linkOriginEncrypted", "consentContact", "replyToSupporter", "sourceCode", "purgeAfter")
      SELECT sig.id, ${p.add(contact?.emailEncrypted ?? null, "bytea")}, ${p.add(contact?.nameEncrypted ?? null, "bytea")},
             ${p.add(contact?.cityEncrypted ?? null, "bytea")}, ${p.add(contact?.linkOriginEncrypted ?? null, "bytea")},
             ${p.add(contact?.consentContact ?? false, "boolean")},
             ${p.add(contact?.replyToSupporter ?? false, "boolean")},
             CASE WHEN ${p.add(contact?.keepSourceCode ?? false, "boolean")} THEN (SELECT code FROM known_source) END,
             ${purgeAfter}
      FROM sig WHERE ${p.add(Boolean(contact), "boolean")}
    ),
    letters AS (
      INSERT INTO "Letter" (id, "signatureId", "campaignId", "addresseeId", channel, language, status,
                            "reportedSentAt", "createdAt", "updatedAt")
      SELECT l.id, sig.id, ${campaignId}, l.addressee, l.channel::"LetterChannel", ${language},
             l.status::"LetterStatus", l.sent, ${createdAt}, ${createdAt}
      FROM sig, unnest(${p.add(w?.letters.map((l) => l.id) ?? [], "uuid[]")},
                       ${p.add(w?.letters.map((l) => l.addresseeId) ?? [], "uuid[]")},
                       ${p.add(w?.letters.map((l) => l.channel) ?? [], "text[]")},
                       ${p.add(w?.letters.map((l) => l.status) ?? [], "text[]")},
                       ${p.add(w?.letters.map((l) => utc(l.reportedSentAt)) ?? [], "timestamp(3)[]")})
           AS l(id, addressee, channel, status, sent)
    ),
    platform_letters AS (
      INSERT INTO "PlatformLetter" ("letterId", "subjectEncrypted", "bodyEncrypted", "purgeAfter")
      SELECT l.id, l.subject, l.body, ${purgeAfter}
      FROM sig, unnest(${p.add(w?.platformLetters.map((l) => l.letterId) ?? [], "uuid[]")},
                       ${p.add(w?.platformLetters.map((l) => Buffer.from(l.subjectEncrypted)) ?? [], "bytea[]")},
                       ${p.add(w?.platformLetters.map((l) => Buffer.from(l.bodyEncrypted)) ?? [], "bytea[]")})
           AS l(id, subject, body)
    ),
    tallies AS (
      INSERT INTO "PendingTally" ("campaignId", "signatureId", "letterId", "sentLetterId")
      SELECT ${campaignId}, sig.id, NULL::uuid, NULL::uuid FROM sig WHERE ${counted}
      UNION ALL
      SELECT ${campaignId}, NULL, t.id, NULL FROM sig, unnest(${p.add(w?.tallies.letterIds ?? [], "uuid[]")}) AS t(id)
      WHERE ${counted}
      UNION ALL
      SELECT ${campaignId}, NULL, NULL, t.id FROM sig, unnest(${p.add(w?.tallies.sentLetterIds ?? [], "uuid[]")}) AS t(id)
      WHERE ${counted}
    ),
    -- A partner code's count is a pending row too: no signer waits on the code's row.
    source_counted AS (
      INSERT INTO "PendingTally" ("campaignId", dimension, key, delta)
      SELECT ${campaignId}, 'signatures_by_source', known_source.code, 1 FROM sig, known_source WHERE ${counted}
    ),
    ${spendSql("address", address, nowMs, "EXISTS (SELECT 1 FROM sig)")},
    outbox AS (
      INSERT INTO "OutboxMessage" (id, kind, "signatureId", language, "toEncrypted", subject, "textEncrypted",
                                   "htmlEncrypted", "purgeAfter")
      SELECT ${p.add(outbox?.id ?? null, "uuid")}, ${p.add(outbox?.kind ?? null, "text")}::"OutboxKind", sig.id,
             ${p.add(outbox?.language ?? null, "text")}, ${p.add(outbox?.toEncrypted ?? null, "bytea")},
             ${p.add(outbox?.subject ?? null, "text")}, ${p.add(outbox?.textEncrypted ?? null, "bytea")},
             ${p.add(outbox?.htmlEncrypted ?? null, "bytea")}, ${purgeAfter}
      FROM sig, address_verdict WHERE address_verdict.spent AND address_verdict.allowed
      ON CONFLICT ("signatureId", kind) DO NOTHING
      RETURNING id
    ),
    outbox_job AS (
      SELECT graphile_worker.add_job('send-supporter-email', json_build_object('outboxMessageId', outbox.id),
               run_at := now(), job_key := 'outbox:' || outbox.id, max_attempts := 25, job_key_mode := 'replace')
      FROM outbox
    ),
    held AS (
      INSERT INTO "HeldConfirmation" ("signatureId", "addressKey")
      SELECT sig.id, ${p.add(confirmation?.heldKey ?? null, "text")}
      FROM sig, address_verdict WHERE address_verdict.spent AND NOT address_verdict.allowed
      RETURNING "addressKey"
    ),
    -- One job per address and hour, at the hour's end; later submissions keep its time.
    held_job AS (
      SELECT graphile_worker.add_job('send-held-confirmations', json_build_object('addressKey', held."addressKey"),
               run_at := to_timestamp((${p.add(confirmation?.now.getTime() ?? null, "bigint")}
                                       + greatest(1000, address_verdict.until - ${nowMs})) / 1000.0),
               job_key := 'held:' || held."addressKey", max_attempts := 25, job_key_mode := 'preserve_run_at')
      FROM held, address_verdict
    )
    SELECT (SELECT fresh FROM content) AS "contentFresh", (SELECT fresh FROM proof_fresh) AS "proofFresh",
           client_verdict.allowed, greatest(0, client_verdict.until - ${nowMs}) AS "msBeforeNext",
           (SELECT id FROM sig) AS "signatureId",
           (SELECT id FROM existing) AS "resubmittedId",
           (SELECT count(*) FROM outbox_job) + (SELECT count(*) FROM held_job) AS jobs
    FROM client_verdict`;
  const { rows } = await queryPrepared<SignatureWritten & { msBeforeNext: string }>(sql, p.values);
  const row = rows[0]!;
  return { ...row, msBeforeNext: Number(row.msBeforeNext ?? 0) };
}

/** Spends one point of an allowance on its own (the reminder's confirmation email, tests); one statement. */
export async function spendAllowance(allowance: Allowance): Promise<AllowanceSpent> {
  const p = new Parameters();
  const nowMs = p.add(Date.now(), "bigint");
  const spent = allowanceParameters(p, allowance);
  const { rows } = await pool().query<{ allowed: boolean; msBeforeNext: string }>(
    `WITH ${spendSql("one", spent, nowMs, "true")}
     SELECT allowed, greatest(0, until - ${nowMs}) AS "msBeforeNext" FROM one_verdict`,
    p.values,
  );
  return { allowed: rows[0]!.allowed, msBeforeNext: Number(rows[0]!.msBeforeNext) };
}

/** Only the gate: the proof of work and the client's allowance, for a request that then writes nothing. */
export async function passSigningGate(gate: SigningGate): Promise<SignatureWritten> {
  return writeSignature(gate, null);
}

/** Rate-limit rows whose window ended before `before` (epoch ms): what rate-limiter-flexible clears every 5 minutes. */
export async function deleteExpiredAllowances(before: number): Promise<void> {
  await pool().query(`DELETE FROM rate_limit WHERE expire < $1::bigint`, [before]);
}

type AllowanceParameters = { key: string; previousKey: string; points: string; durationMs: string };

function allowanceParameters(p: Parameters, allowance: Allowance | null): AllowanceParameters {
  return {
    key: p.add(allowance?.key ?? null, "text"),
    previousKey: p.add(allowance?.previousKey ?? null, "text"),
    points: p.add(allowance?.points ?? 0, "integer"),
    durationMs: p.add(allowance?.durationMs ?? 0, "bigint"),
  };
}

/**
 * Parts `${name}_before`, `${name}` and `${name}_verdict` of a WITH: one
 * point spent when `when` holds and the key is given, as rate-limiter-flexible's
 * Postgres store and consumeAcrossRotation do (a fresh window when the old one
 * has ended; refused past the points, the previous key's points included, and
 * nothing spent once the previous key alone has used them up). The verdict's
 * one row: `spent` (a key was given and `when` held), `allowed` (true
 * without a key) and `until` (epoch ms when the window ends).
 */
function spendSql(name: string, a: AllowanceParameters, nowMs: string, when: string): string {
  return `
    ${name}_before AS (SELECT points, expire FROM rate_limit WHERE key = ${a.previousKey} AND expire > ${nowMs}),
    ${name} AS (
      INSERT INTO rate_limit AS r (key, points, expire)
      SELECT ${a.key}, 1, ${nowMs} + ${a.durationMs}
      WHERE ${a.key} IS NOT NULL AND ${when} AND coalesce((SELECT points FROM ${name}_before), 0) < ${a.points}
      ON CONFLICT (key) DO UPDATE SET
        points = CASE WHEN r.expire <= ${nowMs} THEN 1 ELSE r.points + 1 END,
        expire = CASE WHEN r.expire <= ${nowMs} THEN EXCLUDED.expire ELSE r.expire END
      RETURNING points, expire
    ),
    ${name}_verdict AS (
      SELECT ${a.key} IS NOT NULL AND ${when} AS spent,
             ${a.key} IS NULL
               OR coalesce((SELECT points FROM ${name}), ${a.points} + 1)
                  + coalesce((SELECT points FROM ${name}_before), 0) <= ${a.points} AS allowed,
             greatest((SELECT expire FROM ${name}), (SELECT expire FROM ${name}_before)) AS until
    )`;
}

const statementNames = new Map<string, string>();
/** Set once a named statement met another connection's (a backend shared by several connections). */
let namesCollide = false;

/**
 * Runs a statement whose text stays the same (its values are all parameters)
 * as a named prepared statement: PostgreSQL then parses and plans the
 * signing statement once per connection instead of per signature, and its
 * text is not sent again. Unnamed where one backend serves several
 * connections, whose names would collide: the embedded database
 * (lib/core/env.ts), or a pooler between us and PostgreSQL, found by the
 * collision itself (a failed Parse or Bind has run nothing, so the
 * statement is simply sent again unnamed).
 */
async function queryPrepared<Row extends pg.QueryResultRow>(text: string, values: unknown[]) {
  if (env().EMBEDDED_DATABASE || namesCollide) return pool().query<Row>(text, values);
  let name = statementNames.get(text);
  if (!name) {
    name = `sign_${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
    statementNames.set(text, name);
  }
  try {
    return await pool().query<Row>({ name, text, values });
  } catch (error) {
    // 42P05: the name exists on this backend already; 26000: it does not (another backend took the Bind).
    const code = (error as { code?: string }).code;
    if (code !== "42P05" && code !== "26000") throw error;
    namesCollide = true;
    return pool().query<Row>(text, values);
  }
}

/** Numbered parameters with their types, in the order they are added (the statement's text stays the same). */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** A UTC timestamp for a `timestamp(3)` column, as Prisma writes them (the server's time zone plays no part). */
function utc(date: Date | null | undefined): string | null {
  return date ? date.toISOString().replace("T", " ").replace("Z", "") : null;
}

/** Rows the next roll-up adds to the totals (lib/tallies). */
export async function insertPendingTallies(tx: Tx, rows: Prisma.PendingTallyCreateManyInput[]): Promise<void> {
  await tx.pendingTally.createMany({ data: rows });
}

// --- Partner sources ----------------------------------------------------------------

/**
 * One more counted signature for a partner code, as a pending tally row (the
 * roll-up adds it to Tally): only the number is kept, nothing that points to
 * the signature. A code deleted meanwhile is simply not counted.
 */
export async function countSourceSignature(tx: Tx, campaignId: string, code: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "PendingTally" ("campaignId", dimension, key, delta)
    SELECT "campaignId", 'signatures_by_source', code, 1 FROM "CampaignSource"
    WHERE "campaignId" = ${campaignId}::uuid AND code = ${code}`;
}

/** Forgets the code a signature waited with, once it has counted (or not). */
export async function forgetSourceCode(tx: Tx, signatureId: string): Promise<void> {
  await tx.supporterContact.updateMany({
    where: { signatureId, sourceCode: { not: null } },
    data: { sourceCode: null },
  });
}

// --- Held confirmations --------------------------------------------------------------

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
      contact: { select: { emailEncrypted: true, consentContact: true, linkOriginEncrypted: true } },
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
