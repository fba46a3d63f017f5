-- What a ward calls its quarters and their heads (/donvi). Additive.
-- AlterTable
ALTER TABLE "Ward" ADD COLUMN     "wardUnit" TEXT NOT NULL DEFAULT 'khu-pho',
ADD COLUMN     "headTitle" TEXT NOT NULL DEFAULT 'khu-pho-truong';
