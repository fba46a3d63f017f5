-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "answeredByRole" TEXT,
ADD COLUMN     "stockAddicts" INTEGER,
ADD COLUMN     "stockPostRehab" INTEGER,
ADD COLUMN     "stockUsers" INTEGER;


-- Stocks are not flows: the old weekly "rehabStable" was a stock (people after
-- rehab, stable) asked every week. Each full answer's value becomes that week's
-- post-rehab stock; "Không có gì mới" stored 0 and meant "no change", so those
-- weeks give no figure and the last one carries over.
UPDATE "CheckIn"
SET "stockPostRehab" = ("answers"::jsonb ->> 'rehabStable')::integer
WHERE "status" = 'answered' AND "nothingToReport" = false AND "answers" LIKE '%"rehabStable"%' AND jsonb_typeof("answers"::jsonb -> 'rehabStable') = 'number';
