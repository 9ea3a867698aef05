-- AlterTable
ALTER TABLE "StaffUser" DROP COLUMN "failedSignIns",
DROP COLUMN "lockedUntil";

