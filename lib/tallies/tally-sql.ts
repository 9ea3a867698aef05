// SQL shared by the roll-up and by live totals. Both count the same rows the
// same way, so "rolled-up + still pending" always equals a count over the
// raw Signature and Letter rows. A letter is counted twice over, in two
// figures that must never be added: once when it is prepared ("letters"),
// and once more if it reaches its addressee ("letters_sent": sent by our
// server, or reported sent by its supporter).
//
// Delivery messages and supporter emails by status are counted by triggers
// instead (migration 20261204113626_status_counts_for_the_dashboard): every
// statement that inserts, updates or deletes such rows writes its net change
// per campaign and status into PendingTally (dimension, key, delta), in its
// own transaction, whoever runs it (workers, admins, purges). The roll-up
// folds those deltas like the rest, so these figures are exact too.

/** Every dimension kept in the Tally table. */
export const tallyDimensions = [
  "signatures",
  "signatures_by_country",
  "signatures_by_day",
  "signatures_by_hour",
  "letters",
  "letters_by_channel",
  "letters_by_addressee",
  "letters_sent",
  "letters_sent_by_channel",
  "letters_sent_by_addressee",
  // Written by triggers as ±n deltas: DeliveryMessage rows by status, and
  // OutboxMessage rows (emails to supporters) by status, per campaign.
  "delivery_by_status",
  "supporter_emails_by_status",
  // Written as +1 deltas by signing and confirming: counted signatures per
  // partner code (CampaignSource), key the code.
  "signatures_by_source",
] as const;

export type TallyDimension = (typeof tallyDimensions)[number];

/**
 * Given a CTE named `src` with PendingTally's columns "campaignId",
 * "signatureId", "letterId", "sentLetterId", dimension, key and delta (one
 * of "signatureId", "letterId", "sentLetterId" and dimension set per row),
 * yields rows ("campaignId", dimension, key, n).
 * Times are stored in UTC, so days and hours are UTC days and hours.
 */
export const deltasFromSourceSql = `
  sig AS (SELECT s.* FROM "Signature" s JOIN src ON src."signatureId" = s.id),
  let AS (SELECT l.* FROM "Letter" l JOIN src ON src."letterId" = l.id),
  sent AS (SELECT l.* FROM "Letter" l JOIN src ON src."sentLetterId" = l.id),
  deltas AS (
              SELECT "campaignId", 'signatures' AS dimension, '' AS key, count(*) AS n FROM sig GROUP BY 1
    UNION ALL SELECT "campaignId", 'signatures_by_country', country::text, count(*) FROM sig GROUP BY 1, 3
    UNION ALL SELECT "campaignId", 'signatures_by_day', to_char("createdAt", 'YYYY-MM-DD'), count(*) FROM sig GROUP BY 1, 3
    UNION ALL SELECT "campaignId", 'signatures_by_hour', to_char("createdAt", 'YYYY-MM-DD"T"HH24'), count(*) FROM sig GROUP BY 1, 3
    UNION ALL SELECT "campaignId", 'letters', '', count(*) FROM let GROUP BY 1
    UNION ALL SELECT "campaignId", 'letters_by_channel', channel::text, count(*) FROM let GROUP BY 1, 3
    UNION ALL SELECT "campaignId", 'letters_by_addressee', "addresseeId"::text, count(*) FROM let GROUP BY 1, 3
    UNION ALL SELECT "campaignId", 'letters_sent', '', count(*) FROM sent GROUP BY 1
    UNION ALL SELECT "campaignId", 'letters_sent_by_channel', channel::text, count(*) FROM sent GROUP BY 1, 3
    UNION ALL SELECT "campaignId", 'letters_sent_by_addressee', "addresseeId"::text, count(*) FROM sent GROUP BY 1, 3
    UNION ALL SELECT "campaignId", dimension, key, delta FROM src WHERE dimension IS NOT NULL
  )`;

/**
 * Moves up to $1 pending rows into Tally in one statement. Rows another
 * roll-up has locked are skipped, so concurrent roll-ups (several app
 * instances) never count a row twice; a row is deleted exactly when its
 * count is added, because both happen in one statement.
 */
export const rollUpSql = `
  WITH src AS (
    DELETE FROM "PendingTally"
    WHERE id IN (SELECT id FROM "PendingTally" ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
    RETURNING "campaignId", "signatureId", "letterId", "sentLetterId", dimension, key, delta
  ),
  ${deltasFromSourceSql},
  added AS (
    INSERT INTO "Tally" ("campaignId", dimension, key, count, "updatedAt")
    SELECT "campaignId", dimension, key, sum(n), now() FROM deltas GROUP BY 1, 2, 3
    ON CONFLICT ("campaignId", dimension, key)
    DO UPDATE SET count = "Tally".count + EXCLUDED.count, "updatedAt" = EXCLUDED."updatedAt"
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM src)::int AS moved`;

/** Rolled-up counts plus the pending rows of campaign $1: exact and current. */
export const liveTallySql = `
  WITH src AS (
    SELECT "campaignId", "signatureId", "letterId", "sentLetterId", dimension, key, delta
    FROM "PendingTally" WHERE "campaignId" = $1::uuid
  ),
  ${deltasFromSourceSql}
  SELECT dimension, key, sum(n)::bigint AS count FROM (
    SELECT dimension, key, count AS n FROM "Tally" WHERE "campaignId" = $1::uuid
    UNION ALL
    SELECT dimension, key, n FROM deltas
  ) AS counts
  GROUP BY 1, 2`;
