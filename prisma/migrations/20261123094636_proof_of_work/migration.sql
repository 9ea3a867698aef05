-- CreateTable
CREATE TABLE "ProofOfWorkUse" (
    "id" VARCHAR(200) NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProofOfWorkUse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProofOfWorkUse_usedAt_idx" ON "ProofOfWorkUse"("usedAt");

