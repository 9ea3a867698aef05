-- CreateIndex
CREATE INDEX "Letter_deliveryMessageId_idx" ON "Letter"("deliveryMessageId");

