-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN     "dueRule" TEXT NOT NULL DEFAULT 'before';


-- Ad-hoc deadlines so far read "Hạn nộp: <date>" and counted that day as on
-- time: keep them so. The plan's two recurring ones are "trước ngày 15/6, 15/12".
UPDATE "Deadline" SET "dueRule" = 'on_or_before' WHERE "kind" = 'adhoc';

-- The ward police collect the reports: they do not owe one to themselves.
DELETE FROM "DeadlineSubmission" WHERE "submittedAt" IS NULL AND "agencyId" IN (SELECT "id" FROM "Agency" WHERE "kind" = 'police');
