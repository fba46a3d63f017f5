import { Composer, InlineKeyboard } from "grammy";
import { languageButton } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { staffMember } from "../staff-identity.js";

export function languageFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  // A group's language is the officers' to choose, not any member's.
  const mayChoose = async (ctx: BotContext) => ctx.chat?.type === "private" || (await staffMember(ctx, deps.services.members)) !== undefined;

  feature.command("lang", async (ctx) => {
    if (!(await mayChoose(ctx))) {
      await ctx.reply(ctx.t("lang-only-officers"));
      return;
    }
    await ctx.reply(ctx.t("lang-choose"), {
      reply_markup: new InlineKeyboard().text("🇻🇳 Tiếng Việt", languageButton.encode({ locale: "vi" })).text("🇬🇧 English", languageButton.encode({ locale: "en" })),
    });
  });

  feature.callbackQuery(languageButton.pattern, async (ctx) => {
    const locale = languageButton.parse(ctx.callbackQuery.data)?.locale;
    const chatId = ctx.chat?.id;
    if (locale === undefined || chatId === undefined) {
      await ctx.answerCallbackQuery();
      return;
    }
    if (!(await mayChoose(ctx))) {
      await ctx.answerCallbackQuery({ text: ctx.t("lang-only-officers"), show_alert: true });
      return;
    }
    await deps.services.preferences.setLocale(chatId, locale);
    ctx.i18n.useLocale(locale);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("lang-set")).catch(() => undefined);
  });

  return feature;
}
