-- Cards that did not reach the police group are kept owed and retried until they land;
-- the ward remembers since when, so its admin is told once per incident.
-- AlterTable
ALTER TABLE "Ward" ADD COLUMN "undeliveredSince" DATETIME;

-- CreateTable
CREATE TABLE "CardDelivery" (
    "tipId" TEXT NOT NULL PRIMARY KEY,
    "chatId" TEXT NOT NULL,
    "card" BOOLEAN NOT NULL,
    "photos" BOOLEAN NOT NULL,
    "pin" BOOLEAN NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retryAt" DATETIME NOT NULL,
    "lastError" TEXT,
    CONSTRAINT "CardDelivery_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CardDelivery_retryAt_idx" ON "CardDelivery"("retryAt");
