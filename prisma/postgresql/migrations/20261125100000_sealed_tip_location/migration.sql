-- A tip's location is sealed at rest like its text (services/keyring.ts), so it
-- becomes one string "lat,lon" instead of two numbers. Existing rows keep their
-- value in clear until `npm run rotate-key` seals them.
ALTER TABLE "Tip" ADD COLUMN "location" TEXT;
UPDATE "Tip" SET "location" = to_char("latitude", 'FM990.000000') || ',' || to_char("longitude", 'FM9990.000000') WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL;
ALTER TABLE "Tip" DROP COLUMN "latitude", DROP COLUMN "longitude";
