-- The staff dashboard counts delivery problems (status and reason) from this
-- index alone, without visiting each problem row (bench/dashboard.ts).
-- DropIndex
DROP INDEX "DeliveryMessage_campaignId_status_idx";

-- CreateIndex
CREATE INDEX "DeliveryMessage_campaignId_status_lastError_idx" ON "DeliveryMessage"("campaignId", "status", "lastError");

