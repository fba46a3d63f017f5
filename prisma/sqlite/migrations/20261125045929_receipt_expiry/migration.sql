-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tip" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "receiptHash" TEXT,
    "category" TEXT NOT NULL,
    "quarterId" TEXT,
    "placeText" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "timing" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "triageScore" INTEGER NOT NULL,
    "triageReasons" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "closeReason" TEXT,
    "duplicateGroup" TEXT,
    "claimedByMemberId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    CONSTRAINT "Tip_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Tip_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Tip_claimedByMemberId_fkey" FOREIGN KEY ("claimedByMemberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Tip" ("category", "claimedByMemberId", "closeReason", "closedAt", "createdAt", "description", "duplicateGroup", "id", "latitude", "longitude", "placeText", "priority", "quarterId", "receiptHash", "reference", "status", "timing", "triageReasons", "triageScore", "updatedAt", "wardId") SELECT "category", "claimedByMemberId", "closeReason", "closedAt", "createdAt", "description", "duplicateGroup", "id", "latitude", "longitude", "placeText", "priority", "quarterId", "receiptHash", "reference", "status", "timing", "triageReasons", "triageScore", "updatedAt", "wardId" FROM "Tip";
DROP TABLE "Tip";
ALTER TABLE "new_Tip" RENAME TO "Tip";
CREATE UNIQUE INDEX "Tip_receiptHash_key" ON "Tip"("receiptHash");
CREATE INDEX "Tip_wardId_status_createdAt_idx" ON "Tip"("wardId", "status", "createdAt");
CREATE UNIQUE INDEX "Tip_wardId_reference_key" ON "Tip"("wardId", "reference");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
