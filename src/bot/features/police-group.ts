// The ward's police group: binding it (/bindgroup), moving the ward's tips to
// another group (the admin confirms; the old group is told), and following
// Telegram when it upgrades the group to a supergroup (a new chat id).
import { Composer, InlineKeyboard } from "grammy";
import { ServiceError } from "../../services/index.js";
import type { ActiveMember } from "../../services/members.js";
import { rebindButtons } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import type { BaseDeps, BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { staffIdentity } from "../staff-identity.js";

/**
 * Telegram upgraded a group to a supergroup (a new chat id). If it was a
 * ward's police group, the ward follows it, once, audited, and the group's
 * language goes with it. Returns the ward that moved, or null.
 */
export async function followUpgradedGroup(deps: Pick<BaseDeps, "services" | "logger">, fromChatId: string, toChatId: string): Promise<string | null> {
  const moved = await deps.services.wards.followGroupMigration(fromChatId, toChatId);
  if (!moved) return null;
  deps.logger.warn({ ward: moved.wardId }, "the police group was upgraded to a supergroup: the ward follows it");
  const locale = await deps.services.preferences.locale(fromChatId);
  if (locale) await deps.services.preferences.setLocale(toChatId, locale);
  return moved.wardId;
}

export function policeGroupFeature(deps: BotDeps): Composer<BotContext> {
  const { members, wards, tips } = deps.services;
  const feature = new Composer<BotContext>();
  const groups = feature.chatType(["group", "supergroup"]);

  /** Tips whose card is not in the group the ward now uses are posted there: nothing waits unseen. */
  const postMissingCards = async (wardId: string) => {
    for (const tipId of await tips.openTipsWithoutCard(wardId)) await deps.announceTip(tipId);
  };

  // Telegram's two service messages of an upgrade (either may come first, or after a send already learnt it).
  const upgraded = async (fromChatId: string, toChatId: string) => {
    const wardId = await followUpgradedGroup(deps, fromChatId, toChatId);
    deps.logger.info({ moved: wardId !== null }, "a group was upgraded to a supergroup");
    // The cards the old group held are posted in the new one, where their buttons work.
    if (wardId) await postMissingCards(wardId);
  };
  groups.on("message:migrate_to_chat_id", (ctx) => upgraded(String(ctx.chat.id), String(ctx.message.migrate_to_chat_id)));
  groups.on("message:migrate_from_chat_id", (ctx) => upgraded(String(ctx.message.migrate_from_chat_id), String(ctx.chat.id)));

  groups.command("bindgroup", async (ctx) => {
    // The group may be bound to no ward yet, so the admin is found by their own memberships.
    const who = staffIdentity(ctx);
    const admin = who ? (await members.memberships(who.telegramUserId)).find((m) => m.role === "admin") : undefined;
    if (!admin) {
      await ctx.reply(ctx.t("not-admin"));
      return;
    }
    const ward = await wards.get(admin.wardId);
    const chatId = String(ctx.chat.id);
    const boundTo = await wards.getByPoliceChat(chatId);
    if (boundTo && boundTo.id !== admin.wardId) {
      await ctx.reply(ctx.t("bindgroup-other-ward"));
      return;
    }
    if (ward?.policeChatId && ward.policeChatId !== chatId) {
      // Moving a ward's tips elsewhere is asked once more, and its old group will be told.
      await ctx.reply(ctx.t("bindgroup-confirm", { ward: escapeHtml(ward.name) }), {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard()
          .text(ctx.t("btn-rebind-confirm"), rebindButtons.confirm.encode({ wardId: ward.id, fromChatId: ward.policeChatId }))
          .text(ctx.t("btn-rebind-cancel"), rebindButtons.cancel.encode({ wardId: ward.id })),
      });
      return;
    }
    try {
      const { changed } = await members.bindPoliceGroup(admin, chatId);
      await ctx.reply(ctx.t(changed ? "bindgroup-ok" : "bindgroup-already", { ward: escapeHtml(ward?.name ?? "") }), { parse_mode: "HTML" });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.reply(ctx.t(err.code === "wrong_ward" ? "bindgroup-other-ward" : "bindgroup-changed"));
      return;
    }
    await postMissingCards(admin.wardId);
  });
  feature.chatType("private").command("bindgroup", (ctx) => ctx.reply(ctx.t("bindgroup-group-only")));

  /** The admin of the ward the button names, read from the database on the press; anyone else is refused. */
  const adminOf = async (ctx: BotContext, wardId: string): Promise<ActiveMember | null> => {
    const who = staffIdentity(ctx);
    const member = who ? await members.findActive(wardId, who.telegramUserId) : null;
    if (member?.role === "admin") return member;
    await ctx.answerCallbackQuery({ text: ctx.t("not-admin"), show_alert: true });
    return null;
  };

  groups.callbackQuery(rebindButtons.confirm.pattern, async (ctx, next) => {
    const pressed = rebindButtons.confirm.parse(ctx.callbackQuery.data);
    if (!pressed) return next();
    const admin = await adminOf(ctx, pressed.wardId);
    if (!admin) return;
    try {
      await members.rebindPoliceGroup(admin, String(ctx.chat.id), pressed.fromChatId);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.answerCallbackQuery({ text: ctx.t(err.code === "wrong_ward" ? "bindgroup-other-ward" : "bindgroup-changed"), show_alert: true });
      return;
    }
    deps.logger.info({ ward: admin.wardId }, "police group moved by the ward admin");
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
    const ward = await wards.get(admin.wardId);
    const wardName = escapeHtml(ward?.name ?? "");
    await ctx.reply(ctx.t("bindgroup-ok", { ward: wardName }), { parse_mode: "HTML" });
    // The old group learns that tips no longer come there, and who decided it.
    try {
      await deps.tell(pressed.fromChatId, "bindgroup-moved-notice", { ward: wardName, admin: escapeHtml(admin.displayName) });
    } catch (err) {
      deps.logger.warn({ err }, "could not tell the old police group that the ward moved");
      await ctx.reply(ctx.t("bindgroup-old-group-not-told"));
    }
    await postMissingCards(admin.wardId);
  });

  groups.callbackQuery(rebindButtons.cancel.pattern, async (ctx, next) => {
    const pressed = rebindButtons.cancel.parse(ctx.callbackQuery.data);
    if (!pressed) return next();
    if (!(await adminOf(ctx, pressed.wardId))) return;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("bindgroup-kept")).catch(() => undefined);
  });

  return feature;
}
