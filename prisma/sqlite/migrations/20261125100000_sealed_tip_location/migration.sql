-- A tip's location is sealed at rest like its text (services/keyring.ts), so it
-- becomes one string "lat,lon" instead of two numbers. Existing rows keep their
-- value in clear until `npm run rotate-key` seals them.
ALTER TABLE "Tip" ADD COLUMN "location" TEXT;
UPDATE "Tip" SET "location" = printf('%.6f,%.6f', "latitude", "longitude") WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL;
ALTER TABLE "Tip" DROP COLUMN "latitude";
ALTER TABLE "Tip" DROP COLUMN "longitude";
