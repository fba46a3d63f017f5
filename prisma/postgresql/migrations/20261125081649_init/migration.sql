-- CreateTable
CREATE TABLE "Ward" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "policeChatId" TEXT,
    "adminCodeHash" TEXT,
    "checkInWeekday" INTEGER NOT NULL DEFAULT 5,
    "checkInHour" INTEGER NOT NULL DEFAULT 8,
    "checkInWindowHours" INTEGER NOT NULL DEFAULT 72,
    "checkInReminders" TEXT NOT NULL DEFAULT '24,48',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Ward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quarter" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Quarter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "telegramUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "quarterId" TEXT,
    "agencyId" TEXT,
    "createdByMemberId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tip" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "receiptHash" TEXT,
    "category" TEXT NOT NULL,
    "quarterId" TEXT,
    "placeText" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "timing" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "triageScore" INTEGER NOT NULL,
    "triageReasons" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "closeReason" TEXT,
    "duplicateGroup" TEXT,
    "claimedByMemberId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Tip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TipPhoto" (
    "id" TEXT NOT NULL,
    "tipId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "TipPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TipAddendum" (
    "id" TEXT NOT NULL,
    "tipId" TEXT NOT NULL,
    "text" TEXT,
    "photoFileIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TipAddendum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TipQuestion" (
    "id" TEXT NOT NULL,
    "tipId" TEXT NOT NULL,
    "askedByMemberId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "TipQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationTarget" (
    "lookupKey" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationTarget_pkey" PRIMARY KEY ("lookupKey")
);

-- CreateTable
CREATE TABLE "SpamFingerprint" (
    "hash" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpamFingerprint_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "TipCard" (
    "id" TEXT NOT NULL,
    "tipId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TipCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "actorMemberId" TEXT,
    "action" TEXT NOT NULL,
    "tipId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatPreference" (
    "keyHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatPreference_pkey" PRIMARY KEY ("keyHash")
);

-- CreateTable
CREATE TABLE "ConversationState" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationState_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "QuarterHead" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "quarterId" TEXT NOT NULL,
    "telegramUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "away" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "blockedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuarterHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "quarterId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "nothingToReport" BOOLEAN NOT NULL DEFAULT false,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "answeredByName" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledJob" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "claimedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScheduledJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuarterStatusRecord" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "quarterId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decidedOn" TEXT NOT NULL,
    "note" TEXT,
    "recordedByMemberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuarterStatusRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoadmapTarget" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RoadmapTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "quarterId" TEXT,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyContact" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "telegramUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "blockedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deadline" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT,
    "dueOn" TEXT NOT NULL,
    "createdByMemberId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Deadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineSubmission" (
    "id" TEXT NOT NULL,
    "wardId" TEXT NOT NULL,
    "deadlineId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "remindersPlanned" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),
    "submittedOn" TEXT,
    "submittedByName" TEXT,
    "fileId" TEXT,
    "fileName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlineSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Ward_slug_key" ON "Ward"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Ward_policeChatId_key" ON "Ward"("policeChatId");

-- CreateIndex
CREATE INDEX "Quarter_wardId_position_idx" ON "Quarter"("wardId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Quarter_wardId_name_key" ON "Quarter"("wardId", "name");

-- CreateIndex
CREATE INDEX "Member_telegramUserId_idx" ON "Member"("telegramUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_wardId_telegramUserId_key" ON "Member"("wardId", "telegramUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_wardId_idx" ON "Invite"("wardId");

-- CreateIndex
CREATE UNIQUE INDEX "Tip_receiptHash_key" ON "Tip"("receiptHash");

-- CreateIndex
CREATE INDEX "Tip_wardId_status_createdAt_idx" ON "Tip"("wardId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Tip_wardId_reference_key" ON "Tip"("wardId", "reference");

-- CreateIndex
CREATE INDEX "TipPhoto_tipId_idx" ON "TipPhoto"("tipId");

-- CreateIndex
CREATE INDEX "TipAddendum_tipId_idx" ON "TipAddendum"("tipId");

-- CreateIndex
CREATE INDEX "TipQuestion_tipId_idx" ON "TipQuestion"("tipId");

-- CreateIndex
CREATE INDEX "TipCard_tipId_idx" ON "TipCard"("tipId");

-- CreateIndex
CREATE UNIQUE INDEX "TipCard_chatId_messageId_key" ON "TipCard"("chatId", "messageId");

-- CreateIndex
CREATE INDEX "AuditEntry_wardId_createdAt_idx" ON "AuditEntry"("wardId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_tipId_idx" ON "AuditEntry"("tipId");

-- CreateIndex
CREATE INDEX "ConversationState_updatedAt_idx" ON "ConversationState"("updatedAt");

-- CreateIndex
CREATE INDEX "QuarterHead_wardId_idx" ON "QuarterHead"("wardId");

-- CreateIndex
CREATE INDEX "QuarterHead_telegramUserId_idx" ON "QuarterHead"("telegramUserId");

-- CreateIndex
CREATE UNIQUE INDEX "QuarterHead_quarterId_telegramUserId_key" ON "QuarterHead"("quarterId", "telegramUserId");

-- CreateIndex
CREATE INDEX "CheckIn_wardId_week_idx" ON "CheckIn"("wardId", "week");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_quarterId_week_key" ON "CheckIn"("quarterId", "week");

-- CreateIndex
CREATE INDEX "Holiday_wardId_idx" ON "Holiday"("wardId");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledJob_key_key" ON "ScheduledJob"("key");

-- CreateIndex
CREATE INDEX "ScheduledJob_status_dueAt_idx" ON "ScheduledJob"("status", "dueAt");

-- CreateIndex
CREATE INDEX "QuarterStatusRecord_wardId_decidedOn_idx" ON "QuarterStatusRecord"("wardId", "decidedOn");

-- CreateIndex
CREATE UNIQUE INDEX "RoadmapTarget_wardId_year_key" ON "RoadmapTarget"("wardId", "year");

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

-- AddForeignKey
ALTER TABLE "Quarter" ADD CONSTRAINT "Quarter_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_claimedByMemberId_fkey" FOREIGN KEY ("claimedByMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipPhoto" ADD CONSTRAINT "TipPhoto_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipAddendum" ADD CONSTRAINT "TipAddendum_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipQuestion" ADD CONSTRAINT "TipQuestion_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipCard" ADD CONSTRAINT "TipCard_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorMemberId_fkey" FOREIGN KEY ("actorMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarterHead" ADD CONSTRAINT "QuarterHead_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarterHead" ADD CONSTRAINT "QuarterHead_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledJob" ADD CONSTRAINT "ScheduledJob_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarterStatusRecord" ADD CONSTRAINT "QuarterStatusRecord_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyContact" ADD CONSTRAINT "AgencyContact_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deadline" ADD CONSTRAINT "Deadline_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineSubmission" ADD CONSTRAINT "DeadlineSubmission_deadlineId_fkey" FOREIGN KEY ("deadlineId") REFERENCES "Deadline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineSubmission" ADD CONSTRAINT "DeadlineSubmission_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
