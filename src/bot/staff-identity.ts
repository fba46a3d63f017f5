// The ONE place that reads who sent an update, and only for ward staff
// (admins, officers) acting as staff. Resident flows never call this.
import type { Context } from "grammy";
import type { StaffIdentity } from "../services/members.js";

export function staffIdentity(ctx: Context): StaffIdentity | null {
  const user = ctx.from;
  if (!user || user.is_bot) return null;
  const displayName = [user.first_name, user.last_name].filter(Boolean).join(" ").slice(0, 80) || "—";
  return { telegramUserId: String(user.id), displayName };
}
