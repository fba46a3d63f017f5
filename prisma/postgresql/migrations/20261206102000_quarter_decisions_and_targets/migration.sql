-- AlterTable
ALTER TABLE "QuarterStatusRecord" ADD COLUMN     "decisionNumber" TEXT,
ADD COLUMN     "issuer" TEXT;

-- AlterTable
ALTER TABLE "RoadmapTarget" ADD COLUMN     "setAt" TIMESTAMP(3),
ADD COLUMN     "setByMemberId" TEXT,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'plan';
