// How staff are named: after their first invite a staff member is shown their
// Telegram name both ways round and picks one (or types one with /ten); /ten
// changes it later. That one name is what cards, lists, /audit and reports show.
import { Composer, InlineKeyboard } from "grammy";
import { tidyStaffName } from "../../domain/names.js";
import { staffNameButton } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { refusalKey, staffIdentity, telegramNameOrders } from "../staff-identity.js";

/** Sent once, after the first invite someone accepts: the name they go by, and the other way round. */
export async function offerStaffName(ctx: BotContext, current: string): Promise<void> {
  const orders = telegramNameOrders(ctx);
  const kb = new InlineKeyboard();
  const shown = new Set<string>();
  for (const order of ["given", "family"] as const) {
    const name = orders ? tidyStaffName(orders[order]) : null;
    if (!name || shown.has(name)) continue;
    shown.add(name);
    kb.text(name, staffNameButton.encode({ order })).row();
  }
  await ctx.reply(ctx.t("staff-name-offer", { name: escapeHtml(current) }), { parse_mode: "HTML", reply_markup: kb });
}

export function staffNamesFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  const rename = async (ctx: BotContext, name: string): Promise<boolean> => {
    const who = staffIdentity(ctx);
    if (!who || !(await services.staffNames.rename(who.telegramUserId, name))) return false;
    return true;
  };

  privateChats.command("ten", async (ctx) => {
    const name = tidyStaffName(ctx.match);
    const who = staffIdentity(ctx);
    // Someone who is no staff is told so whatever they typed.
    if (!who || (await services.staffNames.known(who.telegramUserId)) === null) {
      await ctx.reply(ctx.t(refusalKey(ctx)));
      return;
    }
    if (!name) {
      await ctx.reply(ctx.t("staff-name-usage"));
      return;
    }
    if (!(await rename(ctx, name))) {
      await ctx.reply(ctx.t(refusalKey(ctx)));
      return;
    }
    await ctx.reply(ctx.t("staff-name-set", { name: escapeHtml(name) }), { parse_mode: "HTML" });
  });

  privateChats.callbackQuery(staffNameButton.pattern, async (ctx, next) => {
    const press = staffNameButton.parse(ctx.callbackQuery.data);
    if (!press) return next();
    // The name is read from Telegram at the press: the button carries only which way round.
    const orders = telegramNameOrders(ctx);
    const name = orders ? tidyStaffName(orders[press.order]) : null;
    if (!name || !(await rename(ctx, name))) {
      await ctx.answerCallbackQuery({ text: ctx.t(refusalKey(ctx)), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("staff-name-set", { name: escapeHtml(name) }), { parse_mode: "HTML" }).catch(() => undefined);
  });
  return feature;
}
