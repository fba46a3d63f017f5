import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { staffIdentity } from "../staff-identity.js";

export function startFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.command("start", async (ctx) => {
    const ward = await deps.residentWard();
    await ctx.reply(ctx.t("welcome", { ward: escapeHtml(ward.name) }), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(ctx.t("btn-tip"), "menu:tip").row().text(ctx.t("btn-follow"), "menu:status"),
    });
  });

  privateChats.command("help", async (ctx) => {
    await ctx.reply(ctx.t("help-resident"), { parse_mode: "HTML" });
    // Staff see their commands too; residents are not looked up by anything stored.
    const who = staffIdentity(ctx);
    const staff = who ? await deps.services.members.memberships(who.telegramUserId) : [];
    if (staff.length > 0) await ctx.reply(ctx.t("help-staff"), { parse_mode: "HTML" });
  });

  return feature;
}
