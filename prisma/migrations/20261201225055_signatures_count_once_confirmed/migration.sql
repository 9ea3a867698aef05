-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "countedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Signature_campaignId_countedAt_idx" ON "Signature"("campaignId", "countedAt");


-- Every signature so far entered the totals when it was made.
UPDATE "Signature" SET "countedAt" = "createdAt";
