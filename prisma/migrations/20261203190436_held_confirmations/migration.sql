-- AlterEnum
ALTER TYPE "OutboxKind" ADD VALUE 'held_confirmations';

-- CreateTable
CREATE TABLE "HeldConfirmation" (
    "signatureId" UUID NOT NULL,
    "addressKey" VARCHAR(64) NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HeldConfirmation_pkey" PRIMARY KEY ("signatureId")
);

-- CreateIndex
CREATE INDEX "HeldConfirmation_addressKey_idx" ON "HeldConfirmation"("addressKey");

