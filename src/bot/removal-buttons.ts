// The ❌ an admin presses under a list of people (officers, quarter heads,
// agency contacts): the admin is read from the database again on the press,
// the list's buttons go once one is used, and a stale press changes nothing.
import type { BotContext } from "./context.js";
import { ServiceError } from "../services/errors.js";
import type { ActiveMember, MemberService } from "../services/members.js";
import { refusalKey, staffMember } from "./staff-identity.js";

export async function removeFromList<Removed>(
  ctx: BotContext,
  members: MemberService,
  remove: (admin: ActiveMember) => Promise<Removed>,
  /** HTML: escape what people typed (their names). */
  confirmation: (removed: Removed) => string,
  /** What else follows a removal (after the confirmation is shown). */
  after?: (removed: Removed, admin: ActiveMember) => Promise<void>,
): Promise<void> {
  const admin = await staffMember(ctx, members, "admin");
  if (!admin) {
    await ctx.answerCallbackQuery({ text: ctx.t(refusalKey(ctx, "admin")), show_alert: true });
    return;
  }
  try {
    const removed = await remove(admin);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
    await ctx.reply(confirmation(removed), { parse_mode: "HTML" });
    await after?.(removed, admin);
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    await ctx.answerCallbackQuery({ text: ctx.t("person-already-removed") });
  }
}
