-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('each_letter', 'daily_digest');

-- CreateEnum
CREATE TYPE "DigestFormat" AS ENUM ('pdf_attachment', 'inline_text');

-- CreateEnum
CREATE TYPE "AddresseeFallback" AS ENUM ('web_form', 'post', 'embassy');

-- CreateEnum
CREATE TYPE "MailOutcome" AS ENUM ('relayed', 'bounced_hard', 'bounced_soft', 'refused', 'complained');

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "hourlyCap" INTEGER NOT NULL DEFAULT 600;

-- AlterTable
ALTER TABLE "Addressee" ADD COLUMN     "deliveryMode" "DeliveryMode" NOT NULL DEFAULT 'each_letter',
ADD COLUMN     "digestFormat" "DigestFormat" NOT NULL DEFAULT 'pdf_attachment',
ADD COLUMN     "fallback" "AddresseeFallback",
ADD COLUMN     "hourlyCap" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "officeDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
ADD COLUMN     "officeHours" VARCHAR(11) NOT NULL DEFAULT '9-18',
ADD COLUMN     "timeZone" VARCHAR(64) NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "LetterTemplate" ADD COLUMN     "closingVariants" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "openingVariants" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "subjectVariants" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "digestId" UUID;

-- AlterTable
ALTER TABLE "DeliveryMessage" ADD COLUMN     "outcome" "MailOutcome",
ADD COLUMN     "outcomeAt" TIMESTAMP(3),
ADD COLUMN     "outcomeDetail" VARCHAR(500);

-- CreateTable
CREATE TABLE "MailAddressHealth" (
    "address" VARCHAR(254) NOT NULL,
    "hardBounces" INTEGER NOT NULL DEFAULT 0,
    "softBounces" INTEGER NOT NULL DEFAULT 0,
    "complaints" INTEGER NOT NULL DEFAULT 0,
    "lastOutcomeAt" TIMESTAMP(3),
    "lastDetail" VARCHAR(500),
    "pausedAt" TIMESTAMP(3),
    "pauseReason" VARCHAR(500),
    "acknowledgedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailAddressHealth_pkey" PRIMARY KEY ("address")
);

-- CreateTable
CREATE TABLE "AddresseeDigest" (
    "id" UUID NOT NULL,
    "addresseeId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "toAddress" VARCHAR(254) NOT NULL,
    "messageIdHeader" VARCHAR(300) NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'queued',
    "letterCount" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" VARCHAR(1000),
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sendingSince" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AddresseeDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AddresseeDigest_messageIdHeader_key" ON "AddresseeDigest"("messageIdHeader");

-- CreateIndex
CREATE INDEX "AddresseeDigest_status_nextAttemptAt_idx" ON "AddresseeDigest"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "AddresseeDigest_addresseeId_campaignId_day_toAddress_key" ON "AddresseeDigest"("addresseeId", "campaignId", "day", "toAddress");

-- CreateIndex
CREATE INDEX "Letter_addresseeId_createdAt_idx" ON "Letter"("addresseeId", "createdAt");

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "AddresseeDigest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AddresseeDigest" ADD CONSTRAINT "AddresseeDigest_addresseeId_fkey" FOREIGN KEY ("addresseeId") REFERENCES "Addressee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

