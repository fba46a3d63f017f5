-- CreateTable
CREATE TABLE "Ward" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "policeChatId" TEXT,
    "adminCodeHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Quarter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Quarter_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "telegramUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Member_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdByMemberId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invite_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Tip" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "receiptHash" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "quarterId" TEXT,
    "placeText" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "timing" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "triageScore" INTEGER NOT NULL,
    "triageReasons" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "closeReason" TEXT,
    "duplicateGroup" TEXT,
    "claimedByMemberId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    CONSTRAINT "Tip_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Tip_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Tip_claimedByMemberId_fkey" FOREIGN KEY ("claimedByMemberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TipPhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tipId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "TipPhoto_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TipCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tipId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TipCard_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wardId" TEXT NOT NULL,
    "actorMemberId" TEXT,
    "action" TEXT NOT NULL,
    "tipId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_wardId_fkey" FOREIGN KEY ("wardId") REFERENCES "Ward" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_actorMemberId_fkey" FOREIGN KEY ("actorMemberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChatPreference" (
    "keyHash" TEXT NOT NULL PRIMARY KEY,
    "locale" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConversationState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
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
CREATE INDEX "TipCard_tipId_idx" ON "TipCard"("tipId");

-- CreateIndex
CREATE UNIQUE INDEX "TipCard_chatId_messageId_key" ON "TipCard"("chatId", "messageId");

-- CreateIndex
CREATE INDEX "AuditEntry_wardId_createdAt_idx" ON "AuditEntry"("wardId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_tipId_idx" ON "AuditEntry"("tipId");

-- CreateIndex
CREATE INDEX "ConversationState_updatedAt_idx" ON "ConversationState"("updatedAt");
