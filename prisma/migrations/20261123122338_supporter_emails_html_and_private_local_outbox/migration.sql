-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'cancelled';

-- DropIndex
DROP INDEX "OutboxMessage_signatureId_idx";

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "htmlEncrypted" BYTEA;

-- The local outbox (laptop trials only) kept recipients in clear, and its rows
-- cannot be re-encrypted in SQL, so they go.
DELETE FROM "LocalMail";

-- AlterTable
ALTER TABLE "LocalMail" DROP COLUMN "toAddress",
ADD COLUMN     "signatureId" UUID,
ADD COLUMN     "toAddressEncrypted" BYTEA NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_signatureId_kind_key" ON "OutboxMessage"("signatureId", "kind");

-- CreateIndex
CREATE INDEX "LocalMail_signatureId_idx" ON "LocalMail"("signatureId");

