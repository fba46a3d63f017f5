-- CreateTable
CREATE TABLE "OfferedChoice" (
    "chatKey" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,

    PRIMARY KEY ("chatKey", "messageId")
);

-- CreateIndex
CREATE INDEX "OfferedChoice_chatKey_sentAt_idx" ON "OfferedChoice"("chatKey", "sentAt");

-- CreateIndex
CREATE INDEX "OfferedChoice_sentAt_idx" ON "OfferedChoice"("sentAt");
