import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/** Last in the chain: a hint in private chats, silence in groups. */
export function unhandledFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  // Buttons of a tip flow that has expired or was dropped after a restart of a changed flow.
  feature.callbackQuery(/^t:/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("tip-expired"));
  });
  feature.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  feature.chatType("private").on("message", (ctx) => ctx.reply(ctx.t("unknown-command")));
  return feature;
}
