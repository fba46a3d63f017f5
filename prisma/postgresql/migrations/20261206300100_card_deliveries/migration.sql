-- Cards that did not reach the police group are kept owed and retried until they land;
-- the ward remembers since when, so its admin is told once per incident.
-- AlterTable
ALTER TABLE "Ward" ADD COLUMN "undeliveredSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CardDelivery" (
    "tipId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "card" BOOLEAN NOT NULL,
    "photos" BOOLEAN NOT NULL,
    "pin" BOOLEAN NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retryAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,

    CONSTRAINT "CardDelivery_pkey" PRIMARY KEY ("tipId")
);

-- CreateIndex
CREATE INDEX "CardDelivery_retryAt_idx" ON "CardDelivery"("retryAt");

-- AddForeignKey
ALTER TABLE "CardDelivery" ADD CONSTRAINT "CardDelivery_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;
