-- CreateEnum
CREATE TYPE "OutboxKind" AS ENUM ('address_confirmation', 'thank_you', 'delivery_summary');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('queued', 'sent', 'failed');

-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "submissionKey" VARCHAR(64);

-- AlterTable
ALTER TABLE "SupporterContact" ADD COLUMN     "replyToSupporter" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "kind" "OutboxKind" NOT NULL,
    "signatureId" UUID NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "toEncrypted" BYTEA NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "textEncrypted" BYTEA NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" VARCHAR(1000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "purgeAfter" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxMessage_status_createdAt_idx" ON "OutboxMessage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_signatureId_idx" ON "OutboxMessage"("signatureId");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_submissionKey_key" ON "Signature"("submissionKey");

