-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "updateId" TEXT NOT NULL PRIMARY KEY,
    "handledAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ProcessedUpdate_handledAt_idx" ON "ProcessedUpdate"("handledAt");
