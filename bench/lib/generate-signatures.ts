// Set-based generation of a campaign's history for benchmarks: signatures
// with their letters, delivery messages, emails to supporters and pending
// tally rows, written with INSERT … SELECT over generate_series in one
// session, as the signing path, the confirmation, the delivery worker and the
// purge would have left them. Random but repeatable (setseed), except ids.
import pg from "pg";

export type GenerateOptions = {
  campaignId: string;
  count: number;
  /** The signatures spread over this many days before `end`, most of them early (launch), some in the last hours. */
  days: number;
  end: Date;
  /** 0..1, for setseed: the same mix every run. */
  seed: number;
  /** Personal data goes this many days after the last delivery (PERSONAL_DATA_RETENTION_DAYS). */
  retentionDays: number;
  /** Directory embassies (outside the campaign's list) a supporter may add: country → addressee id. */
  embassies?: { country: string; id: string }[];
};

// Supporters' countries, most frequent first; the pick is skewed towards the front.
const countries = [
  "DE",
  "FR",
  "GB",
  "US",
  "ES",
  "IT",
  "NL",
  "BE",
  "CH",
  "AT",
  "SE",
  "NO",
  "DK",
  "FI",
  "PL",
  "CZ",
  "PT",
  "IE",
  "CA",
  "AU",
  "RU",
  "UA",
  "GE",
  "AM",
  "KZ",
  "LT",
  "LV",
  "EE",
  "IL",
  "TR",
  "RS",
  "BR",
  "AR",
  "MX",
  "JP",
  "IN",
  "ZA",
  "NZ",
  "GR",
  "HU",
];
const temporaryErrors = [
  "421 4.7.0 Try again later, closing connection",
  "451 4.7.1 Greylisted, please try again in 300 seconds",
  "452 4.2.2 Mailbox full",
  "Connection timed out (ETIMEDOUT)",
];
const permanentErrors = [
  "550 5.1.1 The email account that you tried to reach does not exist",
  "554 5.7.1 Message rejected as spam",
  "550 5.7.1 Sender address rejected: access denied",
  "553 5.3.0 Recipient domain does not accept mail",
];
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => `ARRAY[${values.map(quote).join(", ")}]::text[]`;

/**
 * Bulk loading as pg_restore does it: drops the primary keys, indexes and
 * foreign keys on (and to) `tables`, runs `load`, then puts every one back
 * from its saved definition. Building an index once over sorted rows is far
 * quicker than millions of random inserts into it; re-creating the unique
 * indexes and foreign keys checks every generated row against them.
 */
export async function withoutIndexes(
  url: string,
  tables: string[],
  load: () => Promise<void>,
  log: (line: string) => void = () => {},
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const regclasses = `ARRAY[${tables.map((t) => quote(`"${t}"`) + "::regclass").join(", ")}]`;
    const { rows: foreignKeys } = await client.query<{ tbl: string; name: string; def: string }>(
      `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE contype = 'f' AND (conrelid = ANY(${regclasses}) OR confrelid = ANY(${regclasses}))`,
    );
    const { rows: keys } = await client.query<{ tbl: string; name: string; def: string }>(
      `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE contype IN ('p', 'u') AND conrelid = ANY(${regclasses})`,
    );
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def FROM pg_index
       WHERE indrelid = ANY(${regclasses}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = indexrelid AND c.contype IN ('p', 'u'))`,
    );
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
    for (const key of keys) await client.query(`ALTER TABLE ${key.tbl} DROP CONSTRAINT "${key.name}"`);
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
    await load();
    const start = performance.now();
    await client.query(`SET maintenance_work_mem = '512MB'`);
    for (const key of keys) await client.query(`ALTER TABLE ${key.tbl} ADD CONSTRAINT "${key.name}" ${key.def}`);
    for (const index of indexes) await client.query(index.def);
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
    log(
      `  ${keys.length} keys, ${indexes.length} indexes and ${foreignKeys.length} foreign keys rebuilt and checked in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
  }
}

/** Runs the generation; returns row counts per table and how long each step took. */
export async function generateSignatures(
  url: string,
  o: GenerateOptions,
  log: (line: string) => void = () => {},
): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: Record<string, number> = {};
  const step = async (label: string, text: string, values: unknown[] = []) => {
    const start = performance.now();
    const result = await client.query(text, values);
    if (result.rowCount !== null && result.command === "INSERT") counts[label] = (counts[label] ?? 0) + result.rowCount;
    log(`  ${label}: ${result.rowCount ?? ""} rows in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };
  const end = o.end.toISOString().replace("T", " ").replace("Z", "");
  const campaign = quote(o.campaignId);
  try {
    await client.query(`SELECT setseed($1)`, [o.seed]);
    await client.query(`DROP TABLE IF EXISTS bench_sig, bench_choice`);
    // One row per signature: when, how sent, what happened next (age decides).
    await step(
      "plan signatures",
      `CREATE UNLOGGED TABLE bench_sig AS
       WITH base AS (
         SELECT n, random() AS r_time, random() AS r_channel, random() AS r_language, random() AS r_identity, random() AS r_country,
                random() AS r_confirm, random() AS r_email, random() AS r_consent, random() AS r_key
         FROM generate_series(1, $1::int) AS n
       ), timed AS (
         SELECT *, date_trunc('milliseconds', $2::timestamp - make_interval(days => $3::int) + power(r_time, 2) * make_interval(days => $3::int)) AS created
         FROM base
       )
       SELECT n, gen_random_uuid() AS id, created,
         CASE WHEN r_channel < 0.45 THEN 'platform_email' WHEN r_channel < 0.65 THEN 'own_email_client'
              WHEN r_channel < 0.87 THEN 'pdf_print' ELSE 'self_reported' END AS sending,
         CASE WHEN r_language < 0.5 THEN 'en' WHEN r_language < 0.7 THEN 'ru' WHEN r_language < 0.85 THEN 'fr' ELSE 'es' END AS language,
         CASE WHEN r_identity < 0.25 THEN 'anonymous' WHEN r_identity < 0.5 THEN 'initials_country'
              WHEN r_identity < 0.85 THEN 'name_country' ELSE 'full' END AS identity,
         (${textArray(countries)})[1 + floor(${countries.length} * power(r_country, 2.2))::int] AS country,
         r_consent < 0.97 AS consent_counted,
         r_confirm < 0.92 AS confirmed,
         -- An email is given for platform sending, sometimes for the others (to hear back).
         CASE WHEN r_channel < 0.45 THEN true WHEN r_channel < 0.65 THEN r_email < 0.4 ELSE r_email < 0.15 END AS has_email,
         r_key < 0.95 AS has_key,
         -- Personal data (email hash, form key, emails to the supporter) is purged after the retention period.
         created < $2::timestamp - make_interval(days => $4::int) AS purged,
         created >= $2::timestamp - interval '2 days' AS recent
       FROM timed`,
      [o.count, end, o.days, o.retentionDays],
    );
    // The addressees each supporter wrote to: each of the campaign's (all preselected) with
    // probability 0.75 and at least one; some add their own country's embassy from the directory.
    const embassies = o.embassies ?? [];
    await step(
      "plan letters",
      `CREATE UNLOGGED TABLE bench_choice AS
       SELECT s.n, s.id AS sig_id, ca."addresseeId" AS addressee_id, ca.position
       FROM bench_sig s CROSS JOIN "CampaignAddressee" ca
       WHERE ca."campaignId" = ${campaign}
         AND (random() < 0.75 OR ca.position = 1 + s.n % (SELECT count(*) FROM "CampaignAddressee" WHERE "campaignId" = ${campaign}))
       ${
         embassies.length
           ? `UNION ALL
       SELECT s.n, s.id, e.id::uuid, 1000
       FROM bench_sig s JOIN (SELECT unnest(${textArray(embassies.map((e) => e.country))}) AS country, unnest(${textArray(embassies.map((e) => e.id))}) AS id) e
         ON e.country = s.country
       WHERE random() < 0.3`
           : ""
       }`,
    );
    await step(
      "Signature",
      `INSERT INTO "Signature" (id, "campaignId", "createdAt", language, "identityLevel", country, "consentCounted", "emailHash", "submissionKey")
       SELECT id, ${campaign}, created, language, identity::"IdentityLevel", country, consent_counted,
              CASE WHEN has_email AND NOT purged THEN sha256(convert_to(${campaign} || ':' || n, 'UTF8')) END,
              CASE WHEN has_key AND NOT purged THEN md5(${campaign} || ':key:' || n) END
       FROM bench_sig ORDER BY created`,
    );
    // One message per distinct address of a confirmed platform signature
    // (two addressees sharing one address share it), its status by age.
    await step(
      "DeliveryMessage",
      `INSERT INTO "DeliveryMessage" (id, "signatureId", "campaignId", "addresseeId", "toAddress", "toName", "toDomain", "messageIdHeader",
                                      status, attempts, "lastError", "nextAttemptAt", "sendingSince", "sentAt", "createdAt", "updatedAt")
       SELECT id, sig_id, ${campaign}, addressee_id, address, name, split_part(address, '@', 2), '<' || id || '@campaigns.example>',
              status::"DeliveryStatus",
              CASE status WHEN 'sent' THEN 1 + (r2 < 0.1)::int WHEN 'failed' THEN 8 WHEN 'deferred' THEN 1 + floor(r2 * 6)::int WHEN 'sending' THEN 1 ELSE 0 END,
              CASE status WHEN 'deferred' THEN (${textArray(temporaryErrors)})[1 + floor(r2 * ${temporaryErrors.length})::int]
                          WHEN 'failed' THEN (${textArray(permanentErrors)})[1 + floor(r2 * ${permanentErrors.length})::int]
                          WHEN 'cancelled' THEN 'Cancelled: personal data purged after ' || $1::int || ' days.' END,
              created + CASE WHEN status = 'deferred' THEN interval '15 minutes' ELSE interval '0' END,
              CASE WHEN status = 'sending' THEN created END,
              CASE WHEN status = 'sent' THEN created + interval '1 minute' * (1 + r2 * 30) END,
              created, created + interval '1 minute'
       FROM (
         SELECT m.*, random() AS r2,
           CASE WHEN NOT m.recent THEN (CASE WHEN r1 < 0.96 THEN 'sent' WHEN r1 < 0.99 THEN 'failed' ELSE 'cancelled' END)
                ELSE (CASE WHEN r1 < 0.80 THEN 'sent' WHEN r1 < 0.88 THEN 'queued' WHEN r1 < 0.89 THEN 'sending' WHEN r1 < 0.97 THEN 'deferred' ELSE 'failed' END) END AS status
         FROM (
           SELECT DISTINCT ON (c.sig_id, lower(e.address)) gen_random_uuid() AS id, c.sig_id, c.addressee_id, lower(e.address) AS address,
                  a.name, s.created, s.recent, random() AS r1
           FROM bench_choice c JOIN bench_sig s ON s.n = c.n JOIN "Addressee" a ON a.id = c.addressee_id
           CROSS JOIN LATERAL unnest(a.emails) AS e(address)
           WHERE s.sending = 'platform_email' AND s.confirmed
           ORDER BY c.sig_id, lower(e.address), c.position
         ) m
       ) planned
       ORDER BY created`,
      [o.retentionDays],
    );
    // Letters: X-only addressees get a prepared post, no-email ones a PDF;
    // a platform letter carries its message's status (or waits for the
    // supporter's confirmation, cancelled once the purge came first).
    await step(
      "Letter",
      `INSERT INTO "Letter" (id, "signatureId", "campaignId", "addresseeId", channel, language, status, "createdAt", "updatedAt", "deliveryMessageId")
       SELECT gen_random_uuid(), c.sig_id, ${campaign}, c.addressee_id, ch.channel::"LetterChannel", s.language,
              (CASE WHEN ch.channel <> 'platform_email' THEN 'recorded'
                    WHEN s.confirmed THEN dm.status::text
                    WHEN s.created < $1::timestamp - interval '72 hours' THEN 'cancelled'
                    ELSE 'awaiting_confirmation' END)::"LetterStatus",
              s.created, s.created, dm.id
       FROM bench_choice c JOIN bench_sig s ON s.n = c.n JOIN "Addressee" a ON a.id = c.addressee_id
       CROSS JOIN LATERAL (SELECT CASE WHEN s.sending IN ('platform_email', 'own_email_client') AND cardinality(a.emails) = 0
                                       THEN CASE WHEN a."xHandle" IS NOT NULL THEN 'x_post' ELSE 'pdf_print' END
                                       ELSE s.sending END AS channel) ch
       LEFT JOIN "DeliveryMessage" dm ON ch.channel = 'platform_email' AND s.confirmed AND dm."signatureId" = c.sig_id AND dm."toAddress" = lower(a.emails[1])
       ORDER BY s.created`,
      [end],
    );
    // Emails to supporters still within the retention period: the address
    // confirmation, the thank-you on confirming, the summary once every
    // message has ended. Contents are opaque bytes of a realistic size.
    await step(
      "OutboxMessage",
      `INSERT INTO "OutboxMessage" (id, kind, "signatureId", language, "toEncrypted", subject, "textEncrypted", "htmlEncrypted", status, attempts, "lastError", "createdAt", "sentAt", "purgeAfter")
       SELECT gen_random_uuid(), k.kind::"OutboxKind", s.id, s.language, decode(md5(s.id::text) || md5(k.kind || s.id::text), 'hex'),
              'Letter campaigns', decode(repeat(md5(s.id::text), 12), 'hex'), decode(repeat(md5(k.kind || s.id::text), 40), 'hex'),
              st.status::"OutboxStatus", (st.status <> 'queued')::int, CASE WHEN st.status = 'failed' THEN '550 5.1.1 User unknown' END,
              s.created, CASE WHEN st.status = 'sent' THEN s.created + interval '1 minute' END, s.created + make_interval(days => $2::int)
       FROM bench_sig s
       CROSS JOIN LATERAL (VALUES ('address_confirmation'), ('thank_you'), ('delivery_summary')) AS k(kind)
       CROSS JOIN LATERAL (SELECT CASE WHEN s.created > $1::timestamp - interval '10 minutes' AND random() < 0.5 THEN 'queued'
                                       WHEN random() < 0.985 THEN 'sent' WHEN random() < 0.8 THEN 'failed' ELSE 'cancelled' END AS status) st
       WHERE s.sending = 'platform_email' AND NOT s.purged
         AND (k.kind = 'address_confirmation'
              OR (s.confirmed AND k.kind = 'thank_you')
              OR (s.confirmed AND k.kind = 'delivery_summary'
                  AND NOT EXISTS (SELECT 1 FROM "DeliveryMessage" d WHERE d."signatureId" = s.id AND d.status IN ('queued', 'sending', 'deferred'))))
       ORDER BY s.created`,
      [end, o.retentionDays],
    );
    // As the signing path does: one pending tally row per signature and per
    // letter, and as the delivery worker does, one more per letter sent.
    await step(
      "PendingTally",
      `INSERT INTO "PendingTally" ("campaignId", "signatureId", "letterId", "sentLetterId", "createdAt")
       SELECT "campaignId", "signatureId", "letterId", "sentLetterId", "createdAt" FROM (
         SELECT "campaignId", id AS "signatureId", NULL::uuid AS "letterId", NULL::uuid AS "sentLetterId", "createdAt" FROM "Signature" WHERE "campaignId" = ${campaign}
         UNION ALL
         SELECT "campaignId", NULL, id, NULL, "createdAt" FROM "Letter" WHERE "campaignId" = ${campaign}
         UNION ALL
         SELECT "campaignId", NULL, NULL, id, "updatedAt" FROM "Letter" WHERE "campaignId" = ${campaign} AND status = 'sent'
       ) p ORDER BY "createdAt"`,
    );
    await client.query(`DROP TABLE bench_sig, bench_choice`);
    return counts;
  } finally {
    await client.end();
  }
}
