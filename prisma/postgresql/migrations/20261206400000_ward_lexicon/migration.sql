-- A ward's own words for triage (/tukhoa). Additive.
-- CreateTable
CREATE TABLE "WardTerm" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdByMemberId" TEXT,

    CONSTRAINT "WardTerm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WardTerm_wardId_phrase_key" ON "WardTerm"("wardId", "phrase");

-- AddForeignKey
ALTER TABLE "WardTerm" ADD CONSTRAINT "WardTerm_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;
