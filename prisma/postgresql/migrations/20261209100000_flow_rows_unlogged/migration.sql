-- The rows a running flow keeps under a chat's keyed hash (its sealed state, the chat's turn across instances, the
-- choices offered on Zalo) are deleted when the flow ends, and must not live on in the write-ahead log, which
-- backups, archives and replicas copy (docs/security.md, "gone when the flow ends"). UNLOGGED tables write no log.
-- The cost: after a crash of the database server (not of the bot) these tables start empty, so a flow in progress
-- then starts again; a standby does not have them. No schema change for Prisma (it does not model UNLOGGED).
ALTER TABLE "ConversationState" SET UNLOGGED;
ALTER TABLE "ChatTurn" SET UNLOGGED;
ALTER TABLE "OfferedChoice" SET UNLOGGED;
