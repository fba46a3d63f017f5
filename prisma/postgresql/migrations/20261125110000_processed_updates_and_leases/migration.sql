-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "updateId" TEXT NOT NULL,
    "handledAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProcessedUpdate_pkey" PRIMARY KEY ("updateId")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "ProcessedUpdate_handledAt_idx" ON "ProcessedUpdate"("handledAt");
