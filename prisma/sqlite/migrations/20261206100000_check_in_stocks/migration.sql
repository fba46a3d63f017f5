-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN "answeredByRole" TEXT;
ALTER TABLE "CheckIn" ADD COLUMN "stockAddicts" INTEGER;
ALTER TABLE "CheckIn" ADD COLUMN "stockPostRehab" INTEGER;
ALTER TABLE "CheckIn" ADD COLUMN "stockUsers" INTEGER;


-- Stocks are not flows: the old weekly "rehabStable" was a stock (people after
-- rehab, stable) asked every week. Each full answer's value becomes that week's
-- post-rehab stock; "Không có gì mới" stored 0 and meant "no change", so those
-- weeks give no figure and the last one carries over.
UPDATE "CheckIn"
SET "stockPostRehab" = CAST(json_extract("answers", '$.rehabStable') AS INTEGER)
WHERE "status" = 'answered' AND "nothingToReport" = 0 AND json_valid("answers") AND json_type("answers", '$.rehabStable') = 'integer';
