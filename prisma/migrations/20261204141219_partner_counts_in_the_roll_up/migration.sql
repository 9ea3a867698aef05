-- A partner code's signature count moves from a counter on its row, which
-- every signer of a widely shared code waited on, into the tallies: signing
-- and confirming write a PendingTally row (dimension signatures_by_source,
-- key the code, delta 1) and the roll-up folds it into Tally like the rest.
-- The counts so far become Tally rows first, added to any already there.
INSERT INTO "Tally" ("campaignId", dimension, key, count, "updatedAt")
SELECT "campaignId", 'signatures_by_source', code, signatures, now()
FROM "CampaignSource" WHERE signatures > 0
ON CONFLICT ("campaignId", dimension, key) DO UPDATE SET count = "Tally".count + EXCLUDED.count;

-- AlterTable
ALTER TABLE "CampaignSource" DROP COLUMN "signatures";
