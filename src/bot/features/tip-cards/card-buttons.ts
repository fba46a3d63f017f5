// An officer presses a button on a tip card: the officer is read from the
// database on every press, then the card is redrawn with the result.
import { Composer } from "grammy";
import { type ActiveMember, ServiceError } from "../../../services/index.js";
import { CARD_DATA, type CardPress, parseCardPress } from "../../callback-data/index.js";
import type { BotContext } from "../../context.js";
import type { BotDeps } from "../../deps.js";
import type { Translate } from "../../i18n.js";
import { staffIdentity } from "../../staff-identity.js";
import { acceptsOutcomes, OUTCOME_COUNTS } from "../../../domain/tip-outcome.js";
import { type CardMenu, cardKeyboard, type MenuChoices, type OutcomeMenuState, outcomeText } from "./keyboards.js";
import { renderCardText } from "./render.js";

export function cardButtonsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(CARD_DATA, async (ctx) => {
    const press = parseCardPress(ctx.callbackQuery.data);
    const chatId = ctx.chat?.id;
    if (!press || chatId === undefined) {
      await ctx.answerCallbackQuery();
      return;
    }
    // Roles come from the database on every press, not from group membership.
    const ward = await deps.services.wards.getByPoliceChat(String(chatId));
    const who = staffIdentity(ctx);
    const member = ward && who ? await deps.services.members.findActive(ward.id, who.telegramUserId) : null;
    if (!ward || !member) {
      await ctx.answerCallbackQuery({ text: ctx.t("card-only-officers"), show_alert: true });
      return;
    }
    const t: Translate = (key, vars) => ctx.t(key, vars);
    try {
      const askPrompt = async (reference: string) => {
        // The officer answers by replying to this message (works with group privacy on).
        await ctx.reply(t("card-ask-prompt", { reference }), { parse_mode: "HTML", reply_markup: { force_reply: true, selective: true, input_field_placeholder: "…" } });
      };
      const toast = await applyCardAction(deps, member, press, t, async (menu, extra = {}) => {
        const view = await deps.services.tips.view(press.args.tipId);
        if (!view) return;
        const locale = await ctx.i18n.getLocale();
        const state: OutcomeMenuState = { ...(acceptsOutcomes(view) ? { outcomes: await deps.services.tipOutcomes.forTip(view.id) } : {}), ...(extra.counting ? { counting: extra.counting } : {}) };
        await ctx
          .editMessageText(renderCardText(view, t, ward.timezone, locale, state), {
            parse_mode: "HTML",
            reply_markup: cardKeyboard(view, t, menu, extra, state),
          })
          .catch((err: unknown) => {
            // Pressing the same menu twice leaves the card unchanged: not an error.
            if (!String(err).includes("message is not modified")) throw err;
          });
      }, askPrompt);
      await ctx.answerCallbackQuery(toast ? { text: toast } : {});
    } catch (err) {
      if (err instanceof ServiceError) {
        const key = CARD_REFUSALS[err.code] ?? "card-tip-not-found";
        await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
        return;
      }
      throw err;
    }
  });

  return feature;
}

/** What an officer is told when a press is refused. */
const CARD_REFUSALS: Partial<Record<ServiceError["code"], string>> = {
  wrong_ward: "card-wrong-ward",
  already_claimed: "card-already-claimed",
  tip_closed: "card-tip-closed",
  not_admin: "card-admin-only",
  not_staff: "card-assign-not-staff",
  tip_changed: "card-tip-changed",
  tip_not_confirmed: "card-outcome-not-confirmed",
  invalid_input: "card-outcome-invalid",
  priority_not_changed: "card-reason-not-changed",
};

async function applyCardAction(
  deps: BotDeps,
  member: ActiveMember,
  press: CardPress,
  t: Translate,
  redraw: (menu: CardMenu, extra?: MenuChoices & { counting?: OutcomeMenuState["counting"] }) => Promise<void>,
  askPrompt: (reference: string) => Promise<void>,
): Promise<string | null> {
  const tips = deps.services.tips;
  // Forged callback data must not show or touch another ward's tip.
  const { tipId } = press.args;
  const current = await tips.view(tipId);
  if (!current) throw new ServiceError("tip_not_found");
  if (current.wardId !== member.wardId) throw new ServiceError("wrong_ward");
  switch (press.kind) {
    case "claim":
      await tips.claim(member, tipId);
      await redraw("main");
      return t("card-done-claimed", { reference: current.reference });
    case "priorityMenu":
      await redraw("priority");
      return t("card-choose-priority");
    case "closeMenu":
      await redraw("close");
      return null;
    case "duplicateMenu": {
      const candidates = await tips.duplicateCandidates(member, tipId);
      await redraw("duplicate", { duplicates: candidates });
      return candidates.length > 0 ? t("card-choose-duplicate") : t("card-no-duplicates");
    }
    case "back":
      await redraw("main");
      return null;
    case "ask":
      await askPrompt(current.reference);
      return t("card-ask-hint");
    case "priority": {
      // Ranked otherwise than the bot: the card asks why, with one optional tap.
      const { differs } = await tips.setPriority(member, tipId, press.args.priority);
      await redraw(differs ? "reason" : "main");
      return t(differs ? "card-done-priority-why" : "card-done-priority", { priority: t(`priority-${press.args.priority}`) });
    }
    case "priorityReason":
      await tips.setPriorityReason(member, tipId, press.args.reason);
      await redraw("main");
      return t("card-reason-recorded", { reason: t(`override-reason-${press.args.reason}`) });
    case "status":
      await tips.setStatus(member, tipId, press.args.status);
      await redraw("main");
      return t(`card-status-${press.args.status}`, { officer: member.displayName });
    case "close":
      await tips.close(member, tipId, press.args.reason);
      // Verified true: straight on to what came of it.
      await redraw(press.args.reason === "confirmed" ? "outcomes" : "main");
      await deps.notifyTipster(tipId, "closed");
      return t(press.args.reason === "confirmed" ? "card-done-closed-confirmed" : "card-done-closed", { reference: current.reference });
    // What came of a tip verified as true: the service refuses any other tip (and another ward's).
    case "outcomeMenu":
      if (!acceptsOutcomes(current)) throw new ServiceError("tip_not_confirmed");
      await redraw("outcomes");
      return null;
    case "outcomeDone":
      await redraw("main");
      return null;
    case "outcomeKind": {
      if (!acceptsOutcomes(current)) throw new ServiceError("tip_not_confirmed");
      const { kind } = press.args;
      if (OUTCOME_COUNTS[kind] !== null) {
        await redraw("count", { counting: { kind, count: 0 } });
        return null;
      }
      const recorded = await deps.services.tipOutcomes.record(member, tipId, { kind, count: null });
      await redraw("outcomes");
      return t("card-outcome-recorded", { outcome: outcomeText(t, recorded) });
    }
    case "outcomeStep":
      if (!acceptsOutcomes(current)) throw new ServiceError("tip_not_confirmed");
      await redraw("count", { counting: { kind: press.args.kind, count: press.args.count } });
      return null;
    case "outcomeRecord": {
      const recorded = await deps.services.tipOutcomes.record(member, tipId, { kind: press.args.kind, count: press.args.count ?? null });
      await redraw("outcomes");
      return t("card-outcome-recorded", { outcome: outcomeText(t, recorded) });
    }
    case "outcomeRemove": {
      const removed = await deps.services.tipOutcomes.remove(member, tipId, press.args.outcomeId);
      await redraw("outcomes");
      return removed ? t("card-outcome-removed", { outcome: outcomeText(t, removed) }) : null;
    }
    case "duplicate": {
      await tips.markDuplicate(member, tipId, press.args.originalId);
      await redraw("main");
      await deps.notifyTipster(tipId, "closed");
      const original = await tips.view(press.args.originalId);
      return t("card-done-duplicate", { reference: original?.reference ?? "" });
    }
    // Handing a tip to another officer: the ward admin only (read from the database with the press).
    case "assignMenu": {
      if (member.role !== "admin") throw new ServiceError("not_admin");
      const officers = (await deps.services.members.staff(member)).filter((m) => m.id !== current.claimedById);
      await redraw("assign", { officers });
      return t("card-choose-officer", { reference: current.reference });
    }
    case "assign": {
      if (member.role !== "admin") throw new ServiceError("not_admin");
      const { toName } = await tips.reassign(member, tipId, press.args.memberId);
      await redraw("main");
      return t("card-done-assigned", { reference: current.reference, officer: toName });
    }
  }
}
