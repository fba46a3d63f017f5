-- CreateTable
CREATE TABLE "OfferedChoice" (
    "chatKey" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferedChoice_pkey" PRIMARY KEY ("chatKey","messageId")
);

-- CreateIndex
CREATE INDEX "OfferedChoice_chatKey_sentAt_idx" ON "OfferedChoice"("chatKey", "sentAt");

-- CreateIndex
CREATE INDEX "OfferedChoice_sentAt_idx" ON "OfferedChoice"("sentAt");
