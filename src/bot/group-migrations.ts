// Telegram upgrades a basic group to a supergroup with a new id; a call to the
// old id is answered 400 "group chat was upgraded to a supergroup chat" with
// the new id in parameters.migrate_to_chat_id. This transformer hands that
// answer to `onMigrated` (the ward follows its group) and passes the refusal
// on unchanged: each sender decides how to try again (a card is posted again at
// once, jobs on their next run). Service messages are followed in police-group.ts.
import type { Transformer } from "grammy";

export function followGroupMigrations(onMigrated: (fromChatId: string, toChatId: string) => Promise<void>): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    const to = result.ok ? undefined : result.parameters?.migrate_to_chat_id;
    const from = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    if (to !== undefined && (typeof from === "number" || typeof from === "string")) await onMigrated(String(from), String(to));
    return result;
  };
}
