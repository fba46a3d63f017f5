import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { isLocale } from "../i18n.js";

export function languageFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("lang", async (ctx) => {
    await ctx.reply(ctx.t("lang-choose"), {
      reply_markup: new InlineKeyboard().text("🇻🇳 Tiếng Việt", "lang:vi").text("🇬🇧 English", "lang:en"),
    });
  });

  feature.callbackQuery(/^lang:(\w+)$/, async (ctx) => {
    const locale = ctx.match[1];
    const chatId = ctx.chat?.id;
    if (!isLocale(locale) || chatId === undefined) {
      await ctx.answerCallbackQuery();
      return;
    }
    await deps.services.preferences.setLocale(chatId, locale);
    ctx.i18n.useLocale(locale);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("lang-set")).catch(() => undefined);
  });

  return feature;
}
