-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Deadline" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT,
    "dueOn" TEXT NOT NULL,
    "dueRule" TEXT NOT NULL DEFAULT 'before',
    "createdByMemberId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Deadline_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Deadline" ("createdAt", "createdByMemberId", "dueOn", "id", "kind", "period", "title", "wardId") SELECT "createdAt", "createdByMemberId", "dueOn", "id", "kind", "period", "title", "wardId" FROM "Deadline";
DROP TABLE "Deadline";
ALTER TABLE "new_Deadline" RENAME TO "Deadline";
CREATE INDEX "Deadline_wardId_dueOn_idx" ON "Deadline"("wardId", "dueOn");
CREATE UNIQUE INDEX "Deadline_wardId_period_key" ON "Deadline"("wardId", "period");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Ad-hoc deadlines so far read "Hạn nộp: <date>" and counted that day as on
-- time: keep them so. The plan's two recurring ones are "trước ngày 15/6, 15/12".
UPDATE "Deadline" SET "dueRule" = 'on_or_before' WHERE "kind" = 'adhoc';

-- The ward police collect the reports: they do not owe one to themselves.
DELETE FROM "DeadlineSubmission" WHERE "submittedAt" IS NULL AND "agencyId" IN (SELECT "id" FROM "Agency" WHERE "kind" = 'police');
