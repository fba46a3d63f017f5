-- CreateTable
CREATE TABLE "SpamFingerprint" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
