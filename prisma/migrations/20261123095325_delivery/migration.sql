-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('queued', 'sending', 'sent', 'deferred', 'failed', 'cancelled');

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "deliveryPaused" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "deliveryMessageId" UUID;

-- CreateTable
CREATE TABLE "DeliveryMessage" (
    "id" UUID NOT NULL,
    "signatureId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "addresseeId" UUID NOT NULL,
    "toAddress" VARCHAR(254) NOT NULL,
    "toName" VARCHAR(300) NOT NULL,
    "toDomain" VARCHAR(253) NOT NULL,
    "messageIdHeader" VARCHAR(300) NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" VARCHAR(1000),
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sendingSince" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalMail" (
    "id" UUID NOT NULL,
    "toAddress" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "rawEncrypted" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryMessage_messageIdHeader_key" ON "DeliveryMessage"("messageIdHeader");

-- CreateIndex
CREATE INDEX "DeliveryMessage_status_nextAttemptAt_idx" ON "DeliveryMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "DeliveryMessage_campaignId_status_idx" ON "DeliveryMessage"("campaignId", "status");

-- CreateIndex
CREATE INDEX "DeliveryMessage_toDomain_idx" ON "DeliveryMessage"("toDomain");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryMessage_signatureId_toAddress_key" ON "DeliveryMessage"("signatureId", "toAddress");

-- CreateIndex
CREATE INDEX "LocalMail_createdAt_idx" ON "LocalMail"("createdAt");

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_deliveryMessageId_fkey" FOREIGN KEY ("deliveryMessageId") REFERENCES "DeliveryMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

