-- "Letters confirmed sent" counted again from the letters themselves, so a
-- database from before the sent figures (20261204031234_finished_product)
-- shows its history, and reports made by signatures that did not count yet
-- leave the figure: a letter counts as sent when its signature counts and it
-- went out (our server sent it) or its supporter said they sent it (and it
-- was not cancelled). No schema change: running it on a database where the
-- figures were already right changes nothing.
DELETE FROM "Tally" WHERE dimension IN ('letters_sent', 'letters_sent_by_channel', 'letters_sent_by_addressee');
DELETE FROM "PendingTally" WHERE "sentLetterId" IS NOT NULL;
INSERT INTO "PendingTally" ("campaignId", "sentLetterId", "createdAt")
SELECT l."campaignId", l.id, CURRENT_TIMESTAMP
FROM "Letter" l
JOIN "Signature" s ON s.id = l."signatureId"
WHERE s."countedAt" IS NOT NULL
  AND (l.status = 'sent' OR (l."reportedSentAt" IS NOT NULL AND l.status <> 'cancelled'));
