-- CreateTable
CREATE TABLE "TipOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "tipId" TEXT,
    "quarterId" TEXT,
    "kind" TEXT NOT NULL,
    "count" INTEGER,
    "recordedOn" TEXT NOT NULL,
    "recordedByMemberId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TipOutcome_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TipOutcome_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TipOutcome_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TipTally" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "quarterId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "TipTally_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TipOutcome_wardId_recordedOn_idx" ON "TipOutcome"("wardId", "recordedOn");

-- CreateIndex
CREATE INDEX "TipOutcome_tipId_idx" ON "TipOutcome"("tipId");

-- CreateIndex
CREATE UNIQUE INDEX "TipTally_wardId_month_quarterId_category_priority_result_key" ON "TipTally"("wardId", "month", "quarterId", "category", "priority", "result");

