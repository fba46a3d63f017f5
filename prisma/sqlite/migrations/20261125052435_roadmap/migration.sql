-- CreateTable
CREATE TABLE "QuarterStatusRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "quarterId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decidedOn" TEXT NOT NULL,
    "note" TEXT,
    "recordedByMemberId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuarterStatusRecord_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoadmapTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "count" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "QuarterStatusRecord_wardId_decidedOn_idx" ON "QuarterStatusRecord"("wardId", "decidedOn");

-- CreateIndex
CREATE UNIQUE INDEX "RoadmapTarget_wardId_year_key" ON "RoadmapTarget"("wardId", "year");
