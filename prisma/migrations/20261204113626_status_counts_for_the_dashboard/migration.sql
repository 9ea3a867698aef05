-- AlterTable
ALTER TABLE "PendingTally" ADD COLUMN     "delta" INTEGER,
ADD COLUMN     "dimension" VARCHAR(32),
ADD COLUMN     "key" VARCHAR(64);


-- The staff dashboard's delivery messages and supporter emails by status,
-- counted without reading every row (bench/dashboard.ts). Statement-level
-- triggers write each statement's net change per campaign and status into
-- PendingTally (dimension, key, delta) in the transaction that makes it,
-- whoever makes it: delivery workers, admins, purges, "delete my data". The
-- tally roll-up (lib/tallies/tally-sql.ts) folds the deltas into Tally with
-- the rest, and live reads add what is still pending, so each figure equals
-- a count over the rows at the moment of reading.
--
-- Prisma runs a migration as separate statements, split at every semicolon
-- (even one inside quotes), so the bodies below are E'' strings that write
-- each of theirs as \073. Quotes inside a body are doubled.
CREATE FUNCTION "count_delivery_statuses"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "PendingTally" ("campaignId", dimension, key, delta)
    SELECT "campaignId", ''delivery_by_status'', status::text, count(*) FROM new_rows GROUP BY 1, 3\073
  ELSIF TG_OP = ''UPDATE'' THEN
    INSERT INTO "PendingTally" ("campaignId", dimension, key, delta)
    SELECT "campaignId", ''delivery_by_status'', status, sum(n) FROM (
      SELECT "campaignId", status::text, 1 AS n FROM new_rows
      UNION ALL SELECT "campaignId", status::text, -1 FROM old_rows
    ) AS changes GROUP BY 1, 3 HAVING sum(n) <> 0\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "PendingTally" ("campaignId", dimension, key, delta)
    SELECT "campaignId", ''delivery_by_status'', status::text, -count(*) FROM old_rows GROUP BY 1, 3\073
  ELSE
    DELETE FROM "PendingTally" WHERE dimension = ''delivery_by_status''\073
    DELETE FROM "Tally" WHERE dimension = ''delivery_by_status''\073
  END IF\073
  RETURN NULL\073
END';

-- An email to a supporter belongs to the campaign of its signature.
CREATE FUNCTION "count_supporter_email_statuses"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "PendingTally" ("campaignId", dimension, key, delta)
    SELECT s."campaignId", ''supporter_emails_by_status'', o.status::text, count(*)
    FROM new_rows o JOIN "Signature" s ON s.id = o."signatureId" GROUP BY 1, 3\073
  ELSIF TG_OP = ''UPDATE'' THEN
    INSERT INTO "PendingTally" ("campaignId", dimension, key, delta)
    SELECT s."campaignId", ''supporter_emails_by_status'', o.status, sum(o.n) FROM (
      SELECT "signatureId", status::text, 1 AS n FROM new_rows
      UNION ALL SELECT "signatureId", status::text, -1 FROM old_rows
    ) AS o JOIN "Signature" s ON s.id = o."signatureId" GROUP BY 1, 3 HAVING sum(o.n) <> 0\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "PendingTally" ("campaignId", dimension, key, delta)
    SELECT s."campaignId", ''supporter_emails_by_status'', o.status::text, -count(*)
    FROM old_rows o JOIN "Signature" s ON s.id = o."signatureId" GROUP BY 1, 3\073
  ELSE
    DELETE FROM "PendingTally" WHERE dimension = ''supporter_emails_by_status''\073
    DELETE FROM "Tally" WHERE dimension = ''supporter_emails_by_status''\073
  END IF\073
  RETURN NULL\073
END';

-- The triggers and the counts of the rows already there, in one statement
-- (one transaction) with writers held off, so no change is missed or
-- counted twice.
DO E'
BEGIN
  LOCK TABLE "DeliveryMessage", "OutboxMessage" IN SHARE ROW EXCLUSIVE MODE\073
  CREATE TRIGGER "DeliveryMessage_count_insert" AFTER INSERT ON "DeliveryMessage"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_delivery_statuses"()\073
  CREATE TRIGGER "DeliveryMessage_count_update" AFTER UPDATE ON "DeliveryMessage"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_delivery_statuses"()\073
  CREATE TRIGGER "DeliveryMessage_count_delete" AFTER DELETE ON "DeliveryMessage"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_delivery_statuses"()\073
  CREATE TRIGGER "DeliveryMessage_count_truncate" AFTER TRUNCATE ON "DeliveryMessage"
    FOR EACH STATEMENT EXECUTE FUNCTION "count_delivery_statuses"()\073
  CREATE TRIGGER "OutboxMessage_count_insert" AFTER INSERT ON "OutboxMessage"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_supporter_email_statuses"()\073
  CREATE TRIGGER "OutboxMessage_count_update" AFTER UPDATE ON "OutboxMessage"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_supporter_email_statuses"()\073
  CREATE TRIGGER "OutboxMessage_count_delete" AFTER DELETE ON "OutboxMessage"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_supporter_email_statuses"()\073
  CREATE TRIGGER "OutboxMessage_count_truncate" AFTER TRUNCATE ON "OutboxMessage"
    FOR EACH STATEMENT EXECUTE FUNCTION "count_supporter_email_statuses"()\073
  INSERT INTO "PendingTally" ("campaignId", dimension, key, delta)
  SELECT "campaignId", ''delivery_by_status'', status::text, count(*) FROM "DeliveryMessage" GROUP BY 1, 3\073
  INSERT INTO "PendingTally" ("campaignId", dimension, key, delta)
  SELECT s."campaignId", ''supporter_emails_by_status'', o.status::text, count(*)
  FROM "OutboxMessage" o JOIN "Signature" s ON s.id = o."signatureId" GROUP BY 1, 3\073
END';
