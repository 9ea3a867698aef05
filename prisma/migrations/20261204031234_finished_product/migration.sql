-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OutboxKind" ADD VALUE 'confirmation_reminder';
ALTER TYPE "OutboxKind" ADD VALUE 'outcome_update';

-- AlterTable
ALTER TABLE "CampaignTranslation" ADD COLUMN     "firstStep" VARCHAR(600) NOT NULL DEFAULT '',
ADD COLUMN     "organiser" VARCHAR(200);

-- AlterTable
ALTER TABLE "AddresseeTranslation" ADD COLUMN     "organisation" VARCHAR(300);

-- AlterTable
ALTER TABLE "SupporterContact" ADD COLUMN     "sourceCode" VARCHAR(40);

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "reportedSentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PendingTally" ADD COLUMN     "sentLetterId" UUID;

-- CreateTable
CREATE TABLE "CampaignSource" (
    "campaignId" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "signatures" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignSource_pkey" PRIMARY KEY ("campaignId","code")
);

-- CreateTable
CREATE TABLE "OutcomeUpdate" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "queuedCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutcomeUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeUpdate_campaignId_language_key" ON "OutcomeUpdate"("campaignId", "language");

-- AddForeignKey
ALTER TABLE "CampaignSource" ADD CONSTRAINT "CampaignSource_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeUpdate" ADD CONSTRAINT "OutcomeUpdate_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

