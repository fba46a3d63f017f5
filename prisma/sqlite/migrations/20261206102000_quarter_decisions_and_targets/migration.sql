-- AlterTable
ALTER TABLE "QuarterStatusRecord" ADD COLUMN "decisionNumber" TEXT;
ALTER TABLE "QuarterStatusRecord" ADD COLUMN "issuer" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RoadmapTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'plan',
    "setByMemberId" TEXT,
    "setAt" DATETIME
);
INSERT INTO "new_RoadmapTarget" ("count", "id", "wardId", "year") SELECT "count", "id", "wardId", "year" FROM "RoadmapTarget";
DROP TABLE "RoadmapTarget";
ALTER TABLE "new_RoadmapTarget" RENAME TO "RoadmapTarget";
CREATE UNIQUE INDEX "RoadmapTarget_wardId_year_key" ON "RoadmapTarget"("wardId", "year");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
