-- The ward police's hotline and address, shown to residents (/lienhephuong), and a ward's own family-help pages. Additive.
-- CreateTable
CREATE TABLE "WardContact" (
    "wardId" TEXT NOT NULL,
    "hotline" TEXT,
    "address" TEXT,

    CONSTRAINT "WardContact_pkey" PRIMARY KEY ("wardId")
);

-- A ward's own wording of a family-help topic (/trangnguoithan). Additive.
-- CreateTable
CREATE TABLE "WardFamilyPage" (
    "wardId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "WardFamilyPage_pkey" PRIMARY KEY ("wardId","topic")
);

-- AddForeignKey
ALTER TABLE "WardContact" ADD CONSTRAINT "WardContact_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WardFamilyPage" ADD CONSTRAINT "WardFamilyPage_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;
