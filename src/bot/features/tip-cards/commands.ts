// Officers' commands about tips: /tips (open tips, filtered, a page at a time),
// /tip REF (a card again), and a question to a tipster (a reply to the "❓" prompt).
import { Composer } from "grammy";
import { acceptsOutcomes } from "../../../domain/tip-outcome.js";
import { z } from "zod";
import { ServiceError } from "../../../services/index.js";
import { type TipFilter, tipListButton } from "../../callback-data/index.js";
import type { BotContext } from "../../context.js";
import type { BotDeps } from "../../deps.js";
import { escapeHtml } from "../../html.js";
import type { Translate } from "../../i18n.js";
import { refusalKey, staffIdentity, staffMember } from "../../staff-identity.js";
import { cardKeyboard, tipListKeyboard } from "./keyboards.js";
import { formatTime, renderCardText } from "./render.js";

export function tipCommandsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  // `/tips [N]`: open tips (of quarter N), most urgent first, ten a page, filtered with buttons.
  const PAGE = 10;
  const listTips = async (ctx: BotContext, f: TipFilter, edit: boolean) => {
    const member = await staffMember(ctx, deps.services.members);
    if (!member) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(refusalKey(ctx)), show_alert: true });
      else await ctx.reply(ctx.t(refusalKey(ctx)));
      return;
    }
    const ward = await deps.services.wards.get(member.wardId);
    const locale = await ctx.i18n.getLocale();
    const { total, items } = await deps.services.tips.listOpen(member, {
      page: f.page,
      pageSize: PAGE,
      ...(f.priority !== "all" ? { priority: f.priority } : {}),
      ...(f.quarter > 0 ? { quarterPosition: f.quarter - 1 } : {}),
      ...(f.state !== "all" ? { taken: f.state === "taken" } : {}),
    });
    const lines = items.map((i) =>
      [`#${i.reference}`, ctx.t(`priority-${i.priority}`), ctx.t(`category-${i.category}`), escapeHtml(i.quarterName ?? ctx.t("quarter-unknown")), formatTime(i.createdAt, ward?.timezone ?? "Asia/Ho_Chi_Minh", locale), i.claimedByName ? `🙋 ${escapeHtml(i.claimedByName)}` : "🆕"].join(" · "),
    );
    const pages = Math.max(1, Math.ceil(total / PAGE));
    const filterText = [
      f.priority === "all" ? ctx.t("tips-all") : ctx.t(`priority-${f.priority}`),
      ...(f.quarter > 0 ? [`KP ${f.quarter}`] : []),
      ...(f.state !== "all" ? [ctx.t(`tips-${f.state}`)] : []),
    ].join(", ");
    const text = ctx.t("tips-list", { total, page: f.page + 1, pages, filter: filterText, lines: lines.join("\n") || ctx.t("tips-none") });
    const kb = tipListKeyboard((key, vars) => ctx.t(key, vars), f, pages);
    if (edit) {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(() => undefined);
    } else await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
  };
  feature.command("tips", (ctx) => {
    const quarter = z.coerce.number().int().min(1).max(500).safeParse(ctx.match.trim());
    return listTips(ctx, { page: 0, priority: "all", quarter: quarter.success ? quarter.data : 0, state: "all" }, false);
  });
  feature.callbackQuery(tipListButton.pattern, (ctx, next) => {
    const filter = tipListButton.parse(ctx.callbackQuery.data);
    return filter ? listTips(ctx, filter, true) : next();
  });

  // `/tip A7K3`: the card again, here, with its buttons.
  feature.command("tip", async (ctx, next) => {
    const reference = ctx.match.trim();
    if (!reference) return next();
    const member = await staffMember(ctx, deps.services.members);
    const tip = member && /^#?[2-9A-Z]{4}$/i.test(reference) ? await deps.services.tips.tipByReference(member.wardId, reference) : null;
    const view = tip ? await deps.services.tips.view(tip.id) : null;
    if (!member || !view) {
      await ctx.reply(ctx.t(member ? "card-tip-not-found" : refusalKey(ctx)));
      return;
    }
    const ward = await deps.services.wards.get(member.wardId);
    const t: Translate = (key, vars) => ctx.t(key, vars);
    // Buttons only where they work: in the ward's police group.
    const inGroup = ward?.policeChatId === String(ctx.chat.id);
    const state = acceptsOutcomes(view) ? { outcomes: await deps.services.tipOutcomes.forTip(view.id) } : {};
    const card = await ctx.reply(renderCardText(view, t, ward?.timezone ?? "Asia/Ho_Chi_Minh", await ctx.i18n.getLocale(), state), {
      parse_mode: "HTML",
      ...(inGroup ? { reply_markup: cardKeyboard(view, t, "main", {}, state) } : {}),
    });
    if (inGroup) await deps.services.tips.recordCard(view.id, String(ctx.chat.id), card.message_id);
  });

  // An officer's question: a reply to the bot's "❓ … #REF" prompt.
  feature.chatType(["group", "supergroup"]).on("message:text", async (ctx, next) => {
    const prompt = ctx.message.reply_to_message;
    const reference = prompt?.from?.id === ctx.me.id ? /^❓.*#([2-9A-Z]{4})/u.exec(prompt.text ?? "")?.[1] : undefined;
    if (!reference) return next();
    const ward = await deps.services.wards.getByPoliceChat(String(ctx.chat.id));
    const who = staffIdentity(ctx);
    const member = ward && who ? await deps.services.members.findActive(ward.id, who.telegramUserId) : null;
    if (!ward || !member) {
      await ctx.reply(ctx.t(refusalKey(ctx)));
      return;
    }
    const tip = await deps.services.tips.tipByReference(ward.id, reference);
    if (!tip) return;
    try {
      await deps.services.tips.ask(member, tip.id, ctx.message.text);
    } catch (err) {
      if (err instanceof ServiceError) {
        await ctx.reply(ctx.t(err.code === "tip_closed" ? "card-tip-closed" : "card-tip-not-found"));
        return;
      }
      throw err;
    }
    await deps.notifyTipster(tip.id, "question");
    await ctx.reply(ctx.t("card-ask-sent", { reference }), { reply_parameters: { message_id: ctx.message.message_id } });
  });


  return feature;
}
