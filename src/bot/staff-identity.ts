// The ONE place that reads who sent an update, and only for ward staff
// (admins, officers) acting as staff. Resident flows never call this.
import type { Context } from "grammy";
import type { MemberService, StaffIdentity, StaffMembership } from "../services/members.js";
import type { BotContext } from "./context.js";
import { useWardWords } from "./i18n.js";

export function staffIdentity(ctx: Context): StaffIdentity | null {
  const user = ctx.from;
  if (!user || user.is_bot) return null;
  const displayName = [user.first_name, user.last_name].filter(Boolean).join(" ").slice(0, 80) || "—";
  return { telegramUserId: String(user.id), displayName };
}

/** The two ways round of the sender's Telegram name, to offer as their staff name. */
export function telegramNameOrders(ctx: Context): { given: string; family: string } | null {
  const user = ctx.from;
  if (!user || user.is_bot) return null;
  const [given, family] = [
    [user.first_name, user.last_name],
    [user.last_name, user.first_name],
  ].map((parts) => parts.filter(Boolean).join(" ").trim().replace(/\s+/g, " ").slice(0, 80));
  return { given: given!, family: family! };
}

/**
 * The ward staff record of whoever sent this update, read from the database on
 * every call. In a group it is the membership of the ward bound to that group.
 */
export async function staffMember(ctx: Context, members: MemberService, role?: "admin"): Promise<StaffMembership | undefined> {
  const who = staffIdentity(ctx);
  if (!who) return undefined;
  const chat = ctx.chat;
  const inGroup = chat && chat.type !== "private" ? String(chat.id) : undefined;
  const memberships = await members.memberships(who.telegramUserId, inGroup);
  const member = role ? memberships.find((m) => m.role === role) : memberships[0];
  // The replies from here on name the quarters and their heads as this member's ward does.
  useWardWords(ctx, member?.words);
  return member;
}

/** The refusal for someone who is not staff (or not the admin), worded for what they did: a button pressed or a command typed. */
export function refusalKey(ctx: Context, role?: "admin"): "not-admin" | "not-admin-button" | "only-officers-command" | "card-only-officers" {
  const button = ctx.callbackQuery !== undefined;
  if (role === "admin") return button ? "not-admin-button" : "not-admin";
  return button ? "card-only-officers" : "only-officers-command";
}

/** staffMember, or a refusal to whoever is not (see refusalKey). */
export async function requireStaff(ctx: BotContext, members: MemberService, role?: "admin"): Promise<StaffMembership | undefined> {
  const member = await staffMember(ctx, members, role);
  if (!member) await ctx.reply(ctx.t(refusalKey(ctx, role)));
  return member;
}

/** The message key for an invite that cannot be used. */
export function inviteErrorKey(code: string): "invite-expired" | "invite-used" | "invite-invalid" {
  return code === "invite_expired" ? "invite-expired" : code === "invite_used" ? "invite-used" : "invite-invalid";
}
