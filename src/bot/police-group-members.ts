// Taking someone out of a ward's police group when they leave the staff: a ban
// then an unban, so they are out now and an admin may invite them back later.
// When Telegram refuses, the reason comes back in words the admin can act on.
import { type Api, GrammyError } from "grammy";

export type GroupRemovalRefusal = "no-right" | "owner" | "group-admin" | "bot-gone" | "other";

export type GroupRemoval =
  | { removed: true }
  /** They were not in the group: nothing to do. */
  | { removed: false; notThere: true }
  | { removed: false; notThere?: false; refusal: GroupRemovalRefusal; error: string };

/** Telegram's refusal of a ban, as something an admin can fix. */
function refusalOf(err: unknown): { refusal: GroupRemovalRefusal; error: string } {
  const error = err instanceof GrammyError ? err.description : err instanceof Error ? err.message : String(err);
  if (err instanceof GrammyError && err.error_code === 403) return { refusal: "bot-gone", error };
  if (/not enough rights/i.test(error)) return { refusal: "no-right", error };
  if (/can't remove chat owner/i.test(error)) return { refusal: "owner", error };
  if (/user is an administrator/i.test(error)) return { refusal: "group-admin", error };
  return { refusal: "other", error };
}

export async function removeFromPoliceGroup(api: Api, chatId: string, telegramUserId: string): Promise<GroupRemoval> {
  const userId = Number(telegramUserId);
  const status = await api.getChatMember(chatId, userId).then(
    (m) => m.status,
    () => null,
  );
  if (status === "left" || status === "kicked") return { removed: false, notThere: true };
  try {
    await api.banChatMember(chatId, userId);
  } catch (err) {
    return { removed: false, ...refusalOf(err) };
  }
  // Lifted at once, so an admin can add them back one day; only if still banned, so nobody else is touched.
  await api.unbanChatMember(chatId, userId, { only_if_banned: true }).catch((err: unknown) => {
    // Basic groups keep no ban list: the ban already only removed them.
    if (!(err instanceof GrammyError && /supergroup and channel chats only/.test(err.description))) throw err;
  });
  return { removed: true };
}
