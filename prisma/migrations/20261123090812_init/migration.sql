-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('draft', 'open', 'closed');

-- CreateEnum
CREATE TYPE "AddresseeKind" AS ENUM ('official', 'mission', 'embassy');

-- CreateEnum
CREATE TYPE "AddresseeStatus" AS ENUM ('active', 'paused');

-- CreateEnum
CREATE TYPE "LetterChannel" AS ENUM ('platform_email', 'own_email_client', 'pdf_print', 'x_post', 'self_reported');

-- CreateEnum
CREATE TYPE "IdentityLevel" AS ENUM ('anonymous', 'initials_country', 'name_country', 'full');

-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('recorded', 'awaiting_confirmation', 'queued', 'sending', 'sent', 'deferred', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'draft',
    "organiser" VARCHAR(200) NOT NULL,
    "languages" TEXT[],
    "signatureGoal" INTEGER,
    "appealDate" DATE,
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignTranslation" (
    "campaignId" UUID NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "summary" VARCHAR(600) NOT NULL,
    "context" TEXT NOT NULL,
    "whyItMatters" TEXT NOT NULL,
    "safetyNotice" TEXT NOT NULL,

    CONSTRAINT "CampaignTranslation_pkey" PRIMARY KEY ("campaignId","language")
);

-- CreateTable
CREATE TABLE "Demand" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Demand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemandTranslation" (
    "demandId" UUID NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "text" VARCHAR(1000) NOT NULL,

    CONSTRAINT "DemandTranslation_pkey" PRIMARY KEY ("demandId","language")
);

-- CreateTable
CREATE TABLE "Addressee" (
    "id" UUID NOT NULL,
    "key" VARCHAR(80) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" VARCHAR(300) NOT NULL,
    "organisation" VARCHAR(300),
    "kind" "AddresseeKind" NOT NULL,
    "country" CHAR(2),
    "emails" TEXT[],
    "xHandle" VARCHAR(15),
    "postalAddress" VARCHAR(500),
    "webFormUrl" VARCHAR(500),
    "salutation" VARCHAR(200),
    "lastVerifiedAt" DATE NOT NULL,
    "status" "AddresseeStatus" NOT NULL DEFAULT 'active',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Addressee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AddresseeTranslation" (
    "addresseeId" UUID NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" VARCHAR(300) NOT NULL,
    "salutation" VARCHAR(200),

    CONSTRAINT "AddresseeTranslation_pkey" PRIMARY KEY ("addresseeId","language")
);

-- CreateTable
CREATE TABLE "CampaignAddressee" (
    "campaignId" UUID NOT NULL,
    "addresseeId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "preselected" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "CampaignAddressee_pkey" PRIMARY KEY ("campaignId","addresseeId")
);

-- CreateTable
CREATE TABLE "LetterTemplate" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "xPost" VARCHAR(400),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LetterTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "language" VARCHAR(16) NOT NULL,
    "identityLevel" "IdentityLevel" NOT NULL,
    "country" CHAR(2) NOT NULL,
    "consentCounted" BOOLEAN NOT NULL,
    "emailHash" BYTEA,

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupporterContact" (
    "signatureId" UUID NOT NULL,
    "emailEncrypted" BYTEA,
    "nameEncrypted" BYTEA,
    "cityEncrypted" BYTEA,
    "consentContact" BOOLEAN NOT NULL DEFAULT false,
    "emailConfirmedAt" TIMESTAMP(3),
    "purgeAfter" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupporterContact_pkey" PRIMARY KEY ("signatureId")
);

-- CreateTable
CREATE TABLE "Letter" (
    "id" UUID NOT NULL,
    "signatureId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "addresseeId" UUID NOT NULL,
    "channel" "LetterChannel" NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "status" "LetterStatus" NOT NULL DEFAULT 'recorded',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformLetter" (
    "letterId" UUID NOT NULL,
    "subjectEncrypted" BYTEA NOT NULL,
    "bodyEncrypted" BYTEA NOT NULL,
    "purgeAfter" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlatformLetter_pkey" PRIMARY KEY ("letterId")
);

-- CreateTable
CREATE TABLE "PendingTally" (
    "id" BIGSERIAL NOT NULL,
    "campaignId" UUID NOT NULL,
    "signatureId" UUID,
    "letterId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingTally_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tally" (
    "campaignId" UUID NOT NULL,
    "dimension" VARCHAR(32) NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "count" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tally_pkey" PRIMARY KEY ("campaignId","dimension","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_slug_key" ON "Campaign"("slug");

-- CreateIndex
CREATE INDEX "Campaign_status_idx" ON "Campaign"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Demand_campaignId_position_key" ON "Demand"("campaignId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Addressee_key_key" ON "Addressee"("key");

-- CreateIndex
CREATE INDEX "Addressee_kind_country_idx" ON "Addressee"("kind", "country");

-- CreateIndex
CREATE UNIQUE INDEX "LetterTemplate_campaignId_language_key" ON "LetterTemplate"("campaignId", "language");

-- CreateIndex
CREATE INDEX "Signature_campaignId_createdAt_idx" ON "Signature"("campaignId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_campaignId_emailHash_key" ON "Signature"("campaignId", "emailHash");

-- CreateIndex
CREATE INDEX "SupporterContact_purgeAfter_idx" ON "SupporterContact"("purgeAfter");

-- CreateIndex
CREATE INDEX "Letter_campaignId_channel_idx" ON "Letter"("campaignId", "channel");

-- CreateIndex
CREATE INDEX "Letter_status_idx" ON "Letter"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_signatureId_addresseeId_channel_key" ON "Letter"("signatureId", "addresseeId", "channel");

-- CreateIndex
CREATE INDEX "PlatformLetter_purgeAfter_idx" ON "PlatformLetter"("purgeAfter");

-- CreateIndex
CREATE INDEX "PendingTally_campaignId_idx" ON "PendingTally"("campaignId");

-- AddForeignKey
ALTER TABLE "CampaignTranslation" ADD CONSTRAINT "CampaignTranslation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandTranslation" ADD CONSTRAINT "DemandTranslation_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AddresseeTranslation" ADD CONSTRAINT "AddresseeTranslation_addresseeId_fkey" FOREIGN KEY ("addresseeId") REFERENCES "Addressee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignAddressee" ADD CONSTRAINT "CampaignAddressee_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignAddressee" ADD CONSTRAINT "CampaignAddressee_addresseeId_fkey" FOREIGN KEY ("addresseeId") REFERENCES "Addressee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterTemplate" ADD CONSTRAINT "LetterTemplate_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupporterContact" ADD CONSTRAINT "SupporterContact_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "Signature"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_signatureId_fkey" FOREIGN KEY ("signatureId") REFERENCES "Signature"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_addresseeId_fkey" FOREIGN KEY ("addresseeId") REFERENCES "Addressee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformLetter" ADD CONSTRAINT "PlatformLetter_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tally" ADD CONSTRAINT "Tally_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

