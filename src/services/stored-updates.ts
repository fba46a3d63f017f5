// What a flow's stored replay log may keep of the people in it: nothing.
// @grammyjs/conversations stores every update a flow received and every Bot API
// result it got (which echo the chat back), so a raw log names the sender: user
// id, names, username, language, a contact card's phone, forward origins. Every
// flow's state passes through here before it is sealed and written
// (conversation-store.ts), whatever the flow: tip, follow-up, check-in,
// deadline, Zalo. The chat's own id is replaced by a placeholder and put back
// from the live update when the state is read, so replay is unchanged; a flow
// that needs a staff member's id reads it from the live context, never from
// replayed state.

/** Stands for the chat's own id in stored state. */
export const CHAT_PLACEHOLDER = "\u0000chat";

/** Objects that describe a person or a chat: only these fields survive. */
const PARTY_KEYS = new Set(["from", "chat", "user", "sender_chat", "old_chat_member", "new_chat_member"]);
const PARTY_FIELDS_KEPT = new Set(["id", "type", "is_bot"]);

/** Fields that name, reach or point to a person, dropped wherever they appear. */
const DROPPED_KEYS = new Set([
  "first_name",
  "last_name",
  "username",
  "usernames",
  "active_usernames",
  "language_code",
  "is_premium",
  "added_to_attachment_menu",
  "phone_number",
  "vcard",
  "contact",
  "bio",
  "forward_origin",
  "forward_from",
  "forward_from_chat",
  "forward_from_message_id",
  "forward_sender_name",
  "forward_signature",
  "forward_date",
  "is_automatic_forward",
  "via_bot",
  "author_signature",
  "sender_boost_count",
  "sender_business_bot",
  "business_connection_id",
  "users_shared",
  "user_shared",
  "chat_shared",
  "external_reply",
  "quote",
  "story",
  "chat_instance",
  "inline_message_id",
  "shipping_query",
  "pre_checkout_query",
  "invite_link",
  "via_chat_folder_invite_link",
  "proximity_alert_triggered",
  "write_access_allowed",
  "connected_website",
  "passport_data",
]);

function isChatId(value: unknown, chatId: number | string): boolean {
  return (typeof value === "number" || typeof value === "string") && String(value) === String(chatId);
}

/**
 * A copy of `value` with no trace of any person: parties keep only their id
 * (the chat's own id becomes a placeholder), identifying fields are dropped,
 * and any other occurrence of the chat id (a callback query id that embeds it,
 * a chat_id parameter) is replaced too.
 */
export function stripIdentity<T>(value: T, chatId: number | string): T {
  return strip(value, chatId, false) as T;
}

function strip(value: unknown, chatId: number | string, party: boolean): unknown {
  if (isChatId(value, chatId)) return CHAT_PLACEHOLDER;
  if (typeof value === "string") return value.includes(String(chatId)) && String(chatId).length >= 5 ? value.split(String(chatId)).join(CHAT_PLACEHOLDER) : value;
  if (Array.isArray(value)) return value.map((item) => strip(item, chatId, false));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (party && !PARTY_FIELDS_KEPT.has(key)) continue;
    if (DROPPED_KEYS.has(key)) continue;
    out[key] = strip(inner, chatId, PARTY_KEYS.has(key));
  }
  // A callback query's id is Telegram's handle on one press: replay never answers it again.
  if ("chat_instance" in value && "id" in value) out.id = "0";
  return out;
}

/** Puts the live chat id back where stripIdentity left its placeholder. */
export function restoreIdentity<T>(value: T, chatId: number | string): T {
  return restore(value, chatId) as T;
}

function restore(value: unknown, chatId: number | string): unknown {
  if (value === CHAT_PLACEHOLDER) return chatId;
  if (typeof value === "string") return value.includes(CHAT_PLACEHOLDER) ? value.split(CHAT_PLACEHOLDER).join(String(chatId)) : value;
  if (Array.isArray(value)) return value.map((item) => restore(item, chatId));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = restore(inner, chatId);
  return out;
}
