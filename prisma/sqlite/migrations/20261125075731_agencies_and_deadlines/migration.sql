-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "quarterId" TEXT,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Agency_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Agency_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgencyContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "telegramUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "blockedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgencyContact_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT,
    "dueOn" TEXT NOT NULL,
    "createdByMemberId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Deadline_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeadlineSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "deadlineId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "remindersPlanned" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" DATETIME,
    "submittedOn" TEXT,
    "submittedByName" TEXT,
    "fileId" TEXT,
    "fileName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeadlineSubmission_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeadlineSubmission_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Invite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "quarterId" TEXT,
    "agencyId" TEXT,
    "createdByMemberId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invite_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invite_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invite_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Invite" ("createdAt", "createdByMemberId", "expiresAt", "id", "quarterId", "role", "tokenHash", "usedAt", "wardId") SELECT "createdAt", "createdByMemberId", "expiresAt", "id", "quarterId", "role", "tokenHash", "usedAt", "wardId" FROM "Invite";
DROP TABLE "Invite";
ALTER TABLE "new_Invite" RENAME TO "Invite";
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");
CREATE INDEX "Invite_wardId_idx" ON "Invite"("wardId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Agency_quarterId_key" ON "Agency"("quarterId");

-- CreateIndex
CREATE INDEX "Agency_wardId_position_idx" ON "Agency"("wardId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_wardId_name_key" ON "Agency"("wardId", "name");

-- CreateIndex
CREATE INDEX "AgencyContact_telegramUserId_idx" ON "AgencyContact"("telegramUserId");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyContact_agencyId_telegramUserId_key" ON "AgencyContact"("agencyId", "telegramUserId");

-- CreateIndex
CREATE INDEX "Deadline_wardId_dueOn_idx" ON "Deadline"("wardId", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Deadline_wardId_period_key" ON "Deadline"("wardId", "period");

-- CreateIndex
CREATE INDEX "DeadlineSubmission_wardId_remindersPlanned_idx" ON "DeadlineSubmission"("wardId", "remindersPlanned");

-- CreateIndex
CREATE UNIQUE INDEX "DeadlineSubmission_deadlineId_agencyId_key" ON "DeadlineSubmission"("deadlineId", "agencyId");
