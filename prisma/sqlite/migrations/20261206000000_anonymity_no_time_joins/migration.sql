-- Anonymity: no time or order on rows keyed by (or reachable from) a chat pseudonym.
-- ChatPreference keeps the locale with a day instead of a timestamp; in-flight flows and
-- offered choices are ephemeral and sealed in the old format with sender details: dropped
-- (a resident mid-flow starts again); opt-in targets lose their timestamp and are copied
-- in the order of their keyed lookup key, which is random.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChatPreference" (
    "keyHash" TEXT NOT NULL PRIMARY KEY,
    "locale" TEXT NOT NULL,
    "lastUsedOn" TEXT NOT NULL
);
INSERT INTO "new_ChatPreference" ("keyHash", "locale", "lastUsedOn") SELECT "keyHash", "locale", strftime('%Y-%m-%d', 'now') FROM "ChatPreference" ORDER BY "keyHash";
DROP TABLE "ChatPreference";
ALTER TABLE "new_ChatPreference" RENAME TO "ChatPreference";
DROP TABLE "ConversationState";
CREATE TABLE "ConversationState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "activity" TEXT NOT NULL
);
CREATE TABLE "new_NotificationTarget" (
    "lookupKey" TEXT NOT NULL PRIMARY KEY,
    "ciphertext" TEXT NOT NULL,
    "keyId" TEXT NOT NULL
);
INSERT INTO "new_NotificationTarget" ("ciphertext", "keyId", "lookupKey") SELECT "ciphertext", "keyId", "lookupKey" FROM "NotificationTarget" ORDER BY "lookupKey";
DROP TABLE "NotificationTarget";
ALTER TABLE "new_NotificationTarget" RENAME TO "NotificationTarget";
DROP TABLE "OfferedChoice";
CREATE TABLE "OfferedChoice" (
    "chatKey" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "offeredOn" TEXT NOT NULL
);
CREATE INDEX "OfferedChoice_offeredOn_idx" ON "OfferedChoice"("offeredOn");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
