-- Anonymity: no time or order on rows keyed by (or reachable from) a chat pseudonym.
-- Tables are rebuilt rather than altered, so no dropped timestamp stays behind in old tuples.
-- ChatPreference keeps the locale with a day instead of a timestamp; in-flight flows and
-- offered choices are ephemeral and sealed in the old format with sender details: dropped
-- (a resident mid-flow starts again); opt-in targets lose their timestamp and are copied
-- in the order of their keyed lookup key, which is random.
ALTER TABLE "ChatPreference" RENAME TO "old_ChatPreference";
ALTER INDEX "ChatPreference_pkey" RENAME TO "old_ChatPreference_pkey";
CREATE TABLE "ChatPreference" (
    "keyHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "lastUsedOn" TEXT NOT NULL,

    CONSTRAINT "ChatPreference_pkey" PRIMARY KEY ("keyHash")
);
INSERT INTO "ChatPreference" ("keyHash", "locale", "lastUsedOn") SELECT "keyHash", "locale", to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM "old_ChatPreference" ORDER BY "keyHash";
DROP TABLE "old_ChatPreference";

DROP TABLE "ConversationState";
CREATE TABLE "ConversationState" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "activity" TEXT NOT NULL,

    CONSTRAINT "ConversationState_pkey" PRIMARY KEY ("key")
);

ALTER TABLE "NotificationTarget" RENAME TO "old_NotificationTarget";
ALTER INDEX "NotificationTarget_pkey" RENAME TO "old_NotificationTarget_pkey";
CREATE TABLE "NotificationTarget" (
    "lookupKey" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,

    CONSTRAINT "NotificationTarget_pkey" PRIMARY KEY ("lookupKey")
);
INSERT INTO "NotificationTarget" ("lookupKey", "ciphertext", "keyId") SELECT "lookupKey", "ciphertext", "keyId" FROM "old_NotificationTarget" ORDER BY "lookupKey";
DROP TABLE "old_NotificationTarget";

DROP TABLE "OfferedChoice";
CREATE TABLE "OfferedChoice" (
    "chatKey" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "offeredOn" TEXT NOT NULL,

    CONSTRAINT "OfferedChoice_pkey" PRIMARY KEY ("chatKey")
);
CREATE INDEX "OfferedChoice_offeredOn_idx" ON "OfferedChoice"("offeredOn");
