-- The first-admin code expires (ADMIN_CODE_TTL_HOURS). Codes issued before this
-- version were printed at every start and have no expiry: they are voided; the
-- server's operator issues a fresh one with `npm run admin-code`.
-- AlterTable
ALTER TABLE "Ward" ADD COLUMN "adminCodeExpiresAt" TIMESTAMP(3);
UPDATE "Ward" SET "adminCodeHash" = NULL;
