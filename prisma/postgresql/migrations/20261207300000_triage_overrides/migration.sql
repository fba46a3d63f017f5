-- Officers' priority changes for /triage and the report's sheet. Additive.
-- CreateTable
CREATE TABLE "TriageOverride" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "tipId" TEXT,
    "month" TEXT NOT NULL,
    "botPriority" TEXT NOT NULL,
    "officerPriority" TEXT NOT NULL,
    "reason" TEXT,
    "signals" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "TriageOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TriageOverride_tipId_key" ON "TriageOverride"("tipId");

-- CreateIndex
CREATE INDEX "TriageOverride_wardId_month_idx" ON "TriageOverride"("wardId", "month");

-- AddForeignKey
ALTER TABLE "TriageOverride" ADD CONSTRAINT "TriageOverride_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TriageOverride" ADD CONSTRAINT "TriageOverride_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE SET NULL ON UPDATE CASCADE;
