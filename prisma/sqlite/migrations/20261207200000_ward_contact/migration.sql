-- The ward police's hotline and address, shown to residents (/lienhephuong). Additive.
-- CreateTable
CREATE TABLE "WardContact" (
    "wardId" TEXT NOT NULL PRIMARY KEY,
    "hotline" TEXT,
    "address" TEXT,
    CONSTRAINT "WardContact_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
