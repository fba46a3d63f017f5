-- One private chat's update in hand across instances (services/chat-turns.ts), and where the scheduler's holder is reached. Additive.
-- CreateTable
CREATE TABLE "ChatTurn" (
    "key" TEXT NOT NULL,
    "holder" TEXT NOT NULL,

    CONSTRAINT "ChatTurn_pkey" PRIMARY KEY ("key")
);

-- Where the lease's holder is reached (the chat limits' keeper). Additive.
-- AlterTable
ALTER TABLE "Lease" ADD COLUMN     "address" TEXT;
