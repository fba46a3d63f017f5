-- AlterTable
ALTER TABLE "Tip" ADD COLUMN "submissionHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Tip_submissionHash_key" ON "Tip"("submissionHash");
