import { Composer } from "grammy";
import { isZaloChat } from "../../channels/zalo/translate.js";
import { TIP_FLOW_DATA } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { sendWelcome } from "./start.js";

/** Last in the chain: a hint in private chats, silence in groups. */
export function unhandledFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  // Buttons of a tip flow that has expired or was dropped after a restart of a changed flow.
  // A tip flow runs only in private: pressed in a group (forged), a toast to the presser, never a
  // message to the group, which would spend the group's 20 messages a minute and hold its next presses.
  feature.callbackQuery(TIP_FLOW_DATA, async (ctx) => {
    if (ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("tip-expired"), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("tip-expired"));
  });
  feature.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  // Zalo has no /start button: a first "xin chào" (or anything the bot does not expect) gets the welcome and its choices.
  feature.chatType("private").on("message", (ctx) => (isZaloChat(ctx.chat.id) ? sendWelcome(ctx, deps) : ctx.reply(ctx.t("unknown-command"))));
  return feature;
}
