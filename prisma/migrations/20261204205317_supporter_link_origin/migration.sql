-- AlterTable
ALTER TABLE "SupporterContact" ADD COLUMN     "linkOriginEncrypted" BYTEA;

