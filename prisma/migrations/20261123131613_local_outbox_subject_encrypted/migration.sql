-- AlterTable
ALTER TABLE "LocalMail" DROP COLUMN "subject";

