// A group admin with "Remain anonymous" on posts as the group itself: Telegram
// sends such messages from GroupAnonymousBot with `sender_chat` set to the
// group, so the bot cannot tell which officer typed. Told so, instead of
// "only officers", which would leave a real officer stuck.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export function anonymousAdminsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.chatType(["group", "supergroup"]).on("message", async (ctx, next) => {
    const asTheGroup = ctx.msg.sender_chat?.id === ctx.chat.id;
    const command = ctx.msg.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;
    const toTheBot = ctx.msg.reply_to_message?.from?.id === ctx.me.id;
    if (!asTheGroup || !(command || toTheBot)) return next();
    await ctx.reply(ctx.t("anonymous-admin"), { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } });
  });
  return feature;
}
