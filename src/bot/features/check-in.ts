// Quarter heads: registration by invite, the weekly check-in (one tap for
// "nothing new", or a short question flow), /away and /back; staff: /invitehead
// and /holiday. Heads are known people: their identity is used on purpose.
import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { type Api, Composer, GrammyError, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import {
  CHECK_IN_STEPS,
  type CheckInAnswers,
  DETAIL_MAX,
  FLOW_KEYS,
  type FlowCounts,
  NOTE_MAX,
  NOTHING_TO_REPORT,
  parseCount,
  type QuarterStocks,
  SIGN_KEYS,
  type SignKey,
  STOCK_KINDS,
  type StockCounts,
  stocksKnown,
  type WeeklySummary,
  zeroFlows,
} from "../../domain/check-in.js";
import { displayDate, parseIsoDate } from "../../domain/deadlines.js";
import { checkInWindow, DEFAULT_SCHEDULE, shiftWeek, weekKeyOf, weekLabel } from "../../domain/schedule.js";
import { CELL_STATUSES, weeklyGridSvg } from "../../domain/summary-chart.js";
import { renderPng } from "../../services/charts.js";
import { type CheckInMessenger, ServiceError } from "../../services/index.js";
import { QuarterHeadService } from "../../services/quarter-heads.js";
import {
  cancelButton,
  CHECK_IN_PROMPT_DATA,
  checkInFlowButtons,
  checkInPromptButtons,
  headInviteButtons,
  parseCheckInPromptPress,
  removeHeadButton,
} from "../callback-data/index.js";
import { askChoice, Flow, FlowCancelled, hintForUnexpected, labelOf } from "../ask.js";
import type { BotContext, FlowContext, TipConversation } from "../context.js";
import type { BaseDeps, BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import type { WardWords } from "../../domain/ward-units.js";
import { chatTranslator, type Translate, useWardWords } from "../i18n.js";
import { inviteErrorKey, staffIdentity, staffMember } from "../staff-identity.js";
import { offerStaffName } from "./staff-names.js";
import { formatTime } from "./tip-cards.js";
import { removeFromList } from "../removal-buttons.js";
import { ignoreUnchanged } from "../edits.js";

export const CHECK_IN_CONVERSATION = "checkin";

/** Keeps bulk sends under Telegram's ~30 messages per second. */
export class SendPacer {
  private next = 0;
  constructor(private readonly perSecond: number) {}
  async wait(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }
}

export function createCheckInMessenger(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps, pacer: SendPacer): CheckInMessenger {
  const translator = (chatId: string, words: WardWords) => chatTranslator(i18n, deps, chatId, words);
  return {
    async prompt(chatId, info) {
      const { t, locale } = await translator(chatId, info.words);
      const closes = formatTime(info.closesAt, info.timezone, locale);
      const text =
        info.reminder === 0
          ? t("ci-prompt", { week: weekLabel(info.week), quarter: escapeHtml(info.quarterName), closes })
          : t("ci-reminder", { n: info.reminder, week: weekLabel(info.week), quarter: escapeHtml(info.quarterName), closes });
      await pacer.wait();
      try {
        await api.sendMessage(chatId, text, { parse_mode: "HTML", reply_markup: promptKeyboard(t, info.checkInId) });
        return "sent";
      } catch (err) {
        if (err instanceof GrammyError && err.error_code === 403) return "blocked";
        throw err;
      }
    },
    async escalate(chatId, info) {
      const { t } = await translator(chatId, info.words);
      await pacer.wait();
      await api.sendMessage(chatId, t("ci-escalation", { week: weekLabel(info.week), count: info.missing.length, quarters: info.missing.map((q) => `• ${escapeHtml(q)}`).join("\n") }), { parse_mode: "HTML" });
    },
    async urgent(chatId, info) {
      const { t } = await translator(chatId, info.words);
      await pacer.wait();
      await api.sendMessage(chatId, t("ci-urgent-card", { week: weekLabel(info.week), quarter: escapeHtml(info.quarterName), head: escapeHtml(info.headName), detail: escapeHtml(info.detail ?? "—") }), { parse_mode: "HTML" });
    },
    async summary(chatId, summary, grid, _timezone, words) {
      const { t } = await translator(chatId, words);
      await pacer.wait();
      await api.sendMessage(chatId, summaryText(t, summary), { parse_mode: "HTML" });
      const caption = t("ci-chart-title", { week: weekLabel(summary.week), answered: summary.answered, expected: summary.expected });
      const png = await renderPng(
        weeklyGridSvg(grid, {
          title: t("ci-grid-title", { weeks: grid.weeks.length }),
          subtitle: caption,
          week: (n) => t("ci-grid-week", { n }),
          legend: Object.fromEntries(CELL_STATUSES.map((s) => [s, t(`ci-legend-${s}`)])) as Record<(typeof CELL_STATUSES)[number], string>,
          byDeputy: t("ci-legend-byDeputy"),
        }),
      );
      await pacer.wait();
      await api.sendPhoto(chatId, new InputFile(png, `bao-cao-tuan-${summary.week}.png`), { caption });
    },
  };
}

export function summaryText(t: Translate, s: WeeklySummary): string {
  const change = s.change ? ` (${s.change.newSuspectedUsers >= 0 ? "+" : ""}${s.change.newSuspectedUsers})` : "";
  const f = s.totals;
  return t("ci-summary", {
    week: weekLabel(s.week),
    answered: s.answered,
    expected: s.expected,
    rate: Math.round(s.responseRate * 100),
    signs: s.withSigns.length > 0 ? escapeHtml(s.withSigns.join(", ")) : t("ci-none"),
    newUsers: f.newSuspectedUsers,
    newUsersChange: change,
    backFromRehab: f.backFromRehab,
    backFromPrison: f.backFromPrison,
    relapsed: f.relapsed,
    moved: f.movedAway,
    incidents: f.incidents,
    dealingPoints: f.dealingPoints,
    useVenues: f.useVenues,
    plantSites: f.plantSites,
    awareness: f.awarenessSessions,
    participants: f.awarenessParticipants,
    addicts: s.stocks.totals.addicts,
    users: s.stocks.totals.users,
    postRehab: s.stocks.totals.postRehab,
    known: Math.min(...STOCK_KINDS.map((k) => s.stocks.known[k])),
    quarters: s.stocks.quarters,
    missing: s.missing.length > 0 ? escapeHtml(s.missing.join(", ")) : t("ci-none"),
  });
}

/** "Không có gì mới" kept the stocks: say what they are, or that none were given yet (naming the button, `edit`, that gives them). */
export function stocksLine(t: Translate, stocks: QuarterStocks, edit: string): string {
  if (!stocksKnown(stocks)) return t("ci-stocks-none-yet", { edit });
  return t("ci-stocks-kept", { addicts: stocks.addicts.count, users: stocks.users.count, postRehab: stocks.postRehab.count });
}

function promptKeyboard(t: Translate, checkInId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("btn-ci-start"), checkInPromptButtons.start.encode({ checkInId }))
    .row()
    .text(t("btn-ci-nothing"), checkInPromptButtons.nothing.encode({ checkInId }));
}

const scheduleArgs = z
  .tuple([
    z.coerce.number().int().min(1).max(7),
    z.coerce.number().int().min(0).max(23),
    z.coerce.number().int().min(1).max(7 * 24),
    z.string().regex(/^\d{1,3}(,\d{1,3})*$/),
  ])
  .transform(([weekday, hour, windowHours, reminders]) => ({ weekday, hour, windowHours, reminderHours: reminders.split(",").map(Number) }))
  .refine((s) => s.reminderHours.every((h) => h > 0 && h < s.windowHours), "reminders must fall inside the window");

/** The check-in flow itself: registered with the other flows, before any handler (see create-bot.ts). */
export function checkInConversation(deps: BotDeps) {
  return createConversation<BotContext, FlowContext>((conversation, ctx, checkInId: string) => checkInFlow(conversation, ctx, checkInId, deps), {
    id: CHECK_IN_CONVERSATION,
    maxMillisecondsToWait: 6 * 3_600_000,
  });
}

export function checkInFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  // The admin's list of heads and deputies (all, or one quarter's), each with a button to step them down.
  const LISTED_MAX = 90; // Telegram allows 100 buttons a message
  privateChats.command("heads", async (ctx) => {
    const admin = await staffMember(ctx, services.members, "admin");
    if (!admin) {
      await ctx.reply(ctx.t("not-admin"));
      return;
    }
    const arg = ctx.match.trim();
    const quarter = arg === "" ? null : z.coerce.number().int().min(1).max(500).safeParse(arg);
    if (quarter && !quarter.success) {
      await ctx.reply(ctx.t("heads-usage"));
      return;
    }
    const heads = await services.heads.active(admin, quarter ? quarter.data - 1 : undefined);
    if (heads.length === 0) {
      await ctx.reply(ctx.t("heads-none"));
      return;
    }
    const shown = heads.slice(0, LISTED_MAX);
    const kb = new InlineKeyboard();
    for (const h of shown) kb.text(`❌ ${h.quarterName}: ${h.displayName}`.slice(0, 60), removeHeadButton.encode({ headId: h.id })).row();
    const list = shown.map((h) => `• ${escapeHtml(h.quarterName)}: ${escapeHtml(h.displayName)} — ${ctx.t(`role-${h.role}`)}`).join("\n");
    const more = heads.length - shown.length;
    await ctx.reply(ctx.t("heads-list", { list: more > 0 ? `${list}\n${ctx.t("heads-more", { more })}` : list }), { parse_mode: "HTML", reply_markup: kb });
  });

  privateChats.callbackQuery(removeHeadButton.pattern, (ctx, next) => {
    const pressed = removeHeadButton.parse(ctx.callbackQuery.data);
    if (!pressed) return next();
    return removeFromList(
      ctx,
      services.members,
      (admin) => services.heads.remove(admin, pressed.headId),
      (removed) => ctx.t("head-removed", { name: escapeHtml(removed.displayName), quarter: escapeHtml(removed.quarterName) }),
    );
  });

  // Staff open this week's check-in now, for one quarter (`/mobaocao 5`) or every quarter with a head, in private or in the police group.
  feature.command(["mobaocao", "opencheckin"], async (ctx) => {
    const staff = await staffMember(ctx, services.members);
    if (!staff) {
      await ctx.reply(ctx.t("only-officers-command"));
      return;
    }
    const arg = ctx.match.trim();
    const number = z.coerce.number().int().min(1).max(500).safeParse(arg);
    if (arg !== "" && !number.success) {
      await ctx.reply(ctx.t("checkin-open-usage"));
      return;
    }
    try {
      const opened = await services.checkIns.openNowBy(staff, number.success ? number.data - 1 : null);
      const quarters = escapeHtml(opened.quarters.join(", "));
      await ctx.reply(
        number.success ? ctx.t("checkin-opened-one", { week: weekLabel(opened.week), quarter: quarters }) : ctx.t("checkin-opened-all", { week: weekLabel(opened.week), count: opened.quarters.length, quarters }),
        { parse_mode: "HTML" },
      );
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      if (err.code === "no_head") await ctx.reply(number.success ? ctx.t("checkin-open-no-head", { quarter: escapeHtml(err.message), n: number.data }) : ctx.t("checkin-open-no-heads"), { parse_mode: "HTML" });
      else if (err.code === "holiday_week") await ctx.reply(ctx.t("checkin-open-holiday"));
      else await ctx.reply(ctx.t("checkin-open-no-quarter", { n: number.success ? number.data : 0 }));
    }
  });

  // Staff invite a head or deputy for a quarter by its number.
  privateChats.command("invitehead", async (ctx) => {
    const staff = await staffMember(ctx, services.members);
    if (!staff) {
      await ctx.reply(ctx.t("only-officers-command"));
      return;
    }
    const [numberText, roleText] = ctx.match.trim().split(/\s+/);
    const parsed = z.coerce.number().int().min(1).max(500).safeParse(numberText);
    if (!parsed.success) {
      await ctx.reply(ctx.t("head-invite-usage"));
      return;
    }
    const role = roleText && /^(pho|phó|deputy)$/i.test(roleText) ? "deputy" : "head";
    try {
      const invite = await services.heads.createInvite(staff, parsed.data - 1, role);
      const ward = await services.wards.get(staff.wardId);
      const locale = await ctx.i18n.getLocale();
      await ctx.reply(
        ctx.t("head-invite-created", {
          role: ctx.t(`role-${role}`),
          quarter: invite.quarterName,
          expires: formatTime(invite.expiresAt, ward?.timezone ?? "Asia/Ho_Chi_Minh", locale),
          link: `https://t.me/${ctx.me.username}?start=${invite.payload}`,
        }) + (deps.settings.zaloEnabled ? `\n\n${ctx.t("invite-zalo-line", { code: invite.payload })}` : ""),
        { link_preview_options: { is_disabled: true } },
      );
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.reply(ctx.t("head-invite-usage"));
    }
  });

  privateChats.command("start", async (ctx, next) => {
    const payload = ctx.match.trim();
    if (!QuarterHeadService.isInvitePayload(payload)) return next();
    try {
      const preview = await services.heads.preview(payload);
      useWardWords(ctx, preview.words);
      await ctx.reply(ctx.t("head-invite-confirm", { role: ctx.t(`role-${preview.role}`), quarter: escapeHtml(preview.quarterName), ward: escapeHtml(preview.wardName) }), {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(ctx.t("btn-confirm"), headInviteButtons.accept.encode({ payload })).text(ctx.t("btn-not-me"), headInviteButtons.decline.encode()),
      });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.reply(ctx.t(inviteErrorKey(err.code)));
    }
  });

  privateChats.callbackQuery(headInviteButtons.accept.pattern, async (ctx, next) => {
    const invite = headInviteButtons.accept.parse(ctx.callbackQuery.data);
    if (!invite) return next();
    const telegram = staffIdentity(ctx);
    await ctx.answerCallbackQuery();
    if (!telegram) return;
    try {
      // Someone already on staff keeps the name they chose; someone new is asked which way round their name goes.
      const known = await services.staffNames.known(telegram.telegramUserId);
      const who = known ? { ...telegram, displayName: known } : telegram;
      const accepted = await services.heads.accept(invite.payload, who);
      useWardWords(ctx, accepted.words);
      if (!known) await offerStaffName(ctx, who.displayName);
      // Joining while the week is open: asked at once (the prompt comes below this message), not next week.
      const openWeek = await services.checkIns.askNewHead(accepted.quarterId);
      const role = ctx.t(`role-${accepted.role}`);
      const quarter = escapeHtml(accepted.quarterName);
      if (openWeek !== null) {
        await ctx.editMessageText(ctx.t("head-registered-open", { role, quarter, week: weekLabel(openWeek) }), { parse_mode: "HTML" });
        return;
      }
      const head = (await services.heads.byTelegramUser(who.telegramUserId))[0];
      const ward = head ? await services.wards.get(head.wardId) : null;
      const when = ward ? formatTime(checkInWindowForNow(deps, ward).opensAt, ward.timezone, await ctx.i18n.getLocale()) : "";
      await ctx.editMessageText(ctx.t("head-registered", { role, quarter, when }), { parse_mode: "HTML" });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.editMessageText(ctx.t(inviteErrorKey(err.code))).catch(ignoreUnchanged);
    }
  });
  privateChats.callbackQuery(headInviteButtons.decline.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("head-invite-declined"));
  });

  privateChats.callbackQuery(CHECK_IN_PROMPT_DATA, async (ctx) => {
    const press = parseCheckInPromptPress(ctx.callbackQuery.data);
    const who = staffIdentity(ctx);
    if (!press || !who) {
      await ctx.answerCallbackQuery();
      return;
    }
    try {
      const { checkIn, window } = await services.checkIns.forHead(who.telegramUserId, press.args.checkInId);
      await ctx.answerCallbackQuery();
      if (press.kind === "start") {
        await ctx.conversation.enter(CHECK_IN_CONVERSATION, checkIn.id);
        return;
      }
      const saved = await services.checkIns.answer(who.telegramUserId, checkIn.id, "nothing");
      const locale = await ctx.i18n.getLocale();
      const t: Translate = (key, vars) => ctx.t(key, vars);
      const edit = new InlineKeyboard().text(ctx.t("btn-ci-edit"), checkInPromptButtons.start.encode({ checkInId: checkIn.id }));
      await ctx.editMessageText(
        `${ctx.t("ci-nothing-saved", { quarter: escapeHtml(checkIn.quarter.name), week: weekLabel(checkIn.week), closes: formatTime(window.closesAt, checkIn.ward.timezone, locale) })}\n${stocksLine(t, saved.stocks, labelOf(edit, checkInPromptButtons.start))}`,
        { parse_mode: "HTML", reply_markup: edit },
      );
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      useWardWords(ctx, await services.heads.wordsOf(who.telegramUserId));
      await ctx.answerCallbackQuery({ text: ctx.t(err.code === "window_closed" ? "ci-window-closed" : "ci-not-head"), show_alert: true });
    }
  });

  privateChats.command(["away", "back"], async (ctx) => {
    const who = staffIdentity(ctx);
    const away = ctx.message.text.startsWith("/away");
    const count = who ? await services.heads.setAway(who.telegramUserId, away) : 0;
    if (who) useWardWords(ctx, await services.heads.wordsOf(who.telegramUserId));
    await ctx.reply(ctx.t(count === 0 ? "away-not-head" : away ? "away-on" : "away-off"));
  });

  // `/checkinschedule 5 8 72 24,48`: weekday (1 = Monday), hour, hours open, reminder hours.
  privateChats.command("checkinschedule", async (ctx) => {
    const admin = await staffMember(ctx, services.members, "admin");
    if (!admin) {
      await ctx.reply(ctx.t("not-admin"));
      return;
    }
    const parsed = scheduleArgs.safeParse(ctx.match.trim().split(/\s+/).filter(Boolean));
    if (parsed.success) await services.checkIns.setSchedule(admin.wardId, parsed.data);
    else if (ctx.match.trim()) {
      await ctx.reply(ctx.t("schedule-usage"));
      return;
    }
    const s = await services.checkIns.scheduleFor(admin.wardId);
    await ctx.reply(ctx.t("schedule-current", { weekday: ctx.t(`weekday-${s.weekday}`), hour: s.hour, window: s.windowHours, reminders: s.reminderHours.join(", ") || "—" }));
  });

  privateChats.command("holiday", async (ctx) => {
    const admin = await staffMember(ctx, services.members, "admin");
    if (!admin) {
      await ctx.reply(ctx.t("not-admin"));
      return;
    }
    const m = /^(\d{4}-\d{2}-\d{2})\s+(\d{4}-\d{2}-\d{2})\s+(.{1,80})$/.exec(ctx.match.trim());
    if (!m || !parseIsoDate(m[1]!) || !parseIsoDate(m[2]!) || m[1]! > m[2]!) {
      await ctx.reply(ctx.t("holiday-usage"));
      return;
    }
    await services.checkIns.addHoliday(admin.wardId, m[1]!, m[2]!, m[3]!);
    await ctx.reply(ctx.t("holiday-added", { name: m[3]!, from: m[1]!, to: m[2]! }));
  });

  return feature;
}

/** The next opening after now: a head registered mid-week starts with the next one. */
function checkInWindowForNow(deps: BotDeps, ward: { timezone: string; checkInWeekday: number; checkInHour: number; checkInWindowHours: number }) {
  const schedule = { ...DEFAULT_SCHEDULE, weekday: ward.checkInWeekday, hour: ward.checkInHour, windowHours: ward.checkInWindowHours };
  const now = deps.services.clock();
  const thisWeek = checkInWindow(weekKeyOf(now, ward.timezone), schedule, ward.timezone);
  return thisWeek.opensAt.getTime() > now.getTime() ? thisWeek : checkInWindow(shiftWeek(thisWeek.week, 1), schedule, ward.timezone);
}

async function checkInFlow(conversation: TipConversation, ctx: FlowContext, checkInId: string, deps: BotDeps): Promise<void> {
  const who = staffIdentity(ctx);
  if (!who) return;
  const info = await conversation.external(async () => {
    try {
      const { checkIn, window } = await deps.services.checkIns.forHead(who.telegramUserId, checkInId);
      const stocks = await deps.services.checkIns.stocksForCheckIn(checkIn.id);
      return { ok: true as const, quarter: checkIn.quarter.name, week: checkIn.week, closesAt: window.closesAt.toISOString(), timezone: checkIn.ward.timezone, stocks };
    } catch (err) {
      if (err instanceof ServiceError) return { ok: false as const, code: err.code };
      throw err;
    }
  });
  if (!info.ok) {
    await ctx.reply(ctx.t(info.code === "window_closed" ? "ci-window-closed" : "ci-not-head"));
    return;
  }
  const flow = new Flow(conversation, ctx, { left: "flow-left-checkin", doing: "flow-doing-checkin" });
  try {
    for (;;) {
      const stocks = await askStocks(flow, info.quarter, info.stocks);
      const answers = await askWeek(flow);
      const choice = await askChoice(
        flow,
        ctx.t("ci-review", { week: weekLabel(info.week), quarter: escapeHtml(info.quarter), lines: reviewLines(ctx, stocks, answers) }),
        new InlineKeyboard()
          .text(ctx.t("btn-submit"), checkInFlowButtons.submit.encode())
          .text(ctx.t("btn-ci-restart"), checkInFlowButtons.restart.encode())
          .row()
          .text(ctx.t("btn-cancel"), cancelButton.encode()),
        (data) => (checkInFlowButtons.submit.parse(data) ? "submit" : checkInFlowButtons.restart.parse(data) ? "restart" : null),
        (value) => ctx.t(value === "submit" ? "btn-submit" : "btn-ci-restart"),
      );
      if (choice === "restart") continue;
      const result = await conversation.external(async () => {
        try {
          const { urgent } = await deps.services.checkIns.answer(who.telegramUserId, checkInId, { answers, stocks });
          return { ok: true as const, urgent };
        } catch (err) {
          if (err instanceof ServiceError) return { ok: false as const, code: err.code };
          throw err;
        }
      });
      if (!result.ok) {
        await ctx.reply(ctx.t(result.code === "window_closed" ? "ci-window-closed" : "ci-not-head"));
        return;
      }
      // The urgent card is in the outbox; send it now rather than at the next tick.
      if (result.urgent) await conversation.external(() => deps.services.jobs.runDue());
      const closes = formatTime(new Date(info.closesAt), info.timezone, await ctx.i18n.getLocale());
      await ctx.reply(ctx.t("ci-submitted", { week: weekLabel(info.week), quarter: escapeHtml(info.quarter), closes }) + (result.urgent ? `\n${ctx.t("ci-submitted-urgent")}` : ""));
      return;
    }
  } catch (err) {
    if (err instanceof FlowCancelled) {
      await flow.cancelled("ci-cancelled");
      return;
    }
    throw err;
  }
}

/** The stocks as they stand, to confirm with one tap ("còn đúng không?"), or asked one by one when unknown or changed. */
async function askStocks(flow: Flow, quarter: string, current: QuarterStocks): Promise<StockCounts> {
  const { ctx } = flow;
  if (stocksKnown(current)) {
    const oldest = STOCK_KINDS.map((k) => current[k].confirmedOn).sort()[0]!;
    const keep = await askChoice(
      flow,
      ctx.t("ci-stocks-confirm", { quarter: escapeHtml(quarter), addicts: current.addicts.count, users: current.users.count, postRehab: current.postRehab.count, date: displayDate(oldest) }),
      new InlineKeyboard()
        .text(ctx.t("btn-ci-stocks-keep"), checkInFlowButtons.stocksKeep.encode())
        .row()
        .text(ctx.t("btn-ci-stocks-edit"), checkInFlowButtons.stocksEdit.encode())
        .row()
        .text(ctx.t("btn-cancel"), cancelButton.encode()),
      (data) => (checkInFlowButtons.stocksKeep.parse(data) ? "keep" : checkInFlowButtons.stocksEdit.parse(data) ? "edit" : null),
      (value) => ctx.t(value === "keep" ? "btn-ci-stocks-keep" : "btn-ci-stocks-edit"),
    );
    if (keep === "keep") return { addicts: current.addicts.count, users: current.users.count, postRehab: current.postRehab.count };
    await ctx.reply(ctx.t("ci-stocks-edit"), { parse_mode: "HTML" });
  } else {
    await ctx.reply(ctx.t("ci-stocks-unknown", { quarter: escapeHtml(quarter) }), { parse_mode: "HTML" });
  }
  const stocks: StockCounts = { addicts: 0, users: 0, postRehab: 0 };
  for (const kind of STOCK_KINDS) stocks[kind] = await askCount(flow, ctx.t(`ci-stock-q-${kind}`), current[kind]?.count);
  return stocks;
}

/** This week's flows and signs, in CHECK_IN_STEPS order. */
async function askWeek(flow: Flow): Promise<CheckInAnswers> {
  const { ctx } = flow;
  const flows: FlowCounts = zeroFlows();
  const signs: Record<SignKey, { yes: boolean; detail: string | null }> = { newSigns: NO, plantGrowing: NO, suspiciousBusinesses: NO, urgent: NO };
  let note: string | null = null;
  for (const step of CHECK_IN_STEPS) {
    if (step.kind === "gate") {
      const yes = await askYesNo(flow, ctx.t(`ci-q-${step.key}`));
      for (const key of step.counts) flows[key] = yes ? await askCount(flow, ctx.t(`ci-q-${key}`)) : 0;
    } else if (step.kind === "sign") {
      const yes = await askYesNo(flow, ctx.t(`ci-q-${step.key}`));
      for (const key of step.counts) flows[key] = yes ? await askCount(flow, ctx.t(`ci-q-${key}`)) : 0;
      signs[step.key] = { yes, detail: yes && step.detail ? await askText(flow, "ci-ask-detail", DETAIL_MAX) : null };
    } else if (step.kind === "count") {
      flows[step.key] = await askCount(flow, ctx.t(`ci-q-${step.key}`));
      if (step.followUp) flows[step.followUp] = flows[step.key] > 0 ? await askCount(flow, ctx.t(`ci-q-${step.followUp}`)) : 0;
    } else {
      note = await askText(flow, "ci-q-note", NOTE_MAX);
    }
  }
  return { ...NOTHING_TO_REPORT, flows, ...signs, note };
}

const NO = { yes: false, detail: null };

/** The review: stocks, every sign, the flows that are not zero, the note. */
function reviewLines(ctx: FlowContext, stocks: StockCounts, answers: CheckInAnswers): string {
  const lines = [ctx.t("ci-review-stocks", stocks)];
  for (const key of SIGN_KEYS) {
    const sign = answers[key];
    const value = sign.yes ? `${ctx.t("btn-yes")}${sign.detail ? `: ${sign.detail}` : ""}` : ctx.t("btn-no");
    lines.push(`• ${ctx.t(`ci-sign-${key}`)}: <b>${escapeHtml(value)}</b>`);
  }
  const counted = FLOW_KEYS.filter((k) => answers.flows[k] > 0);
  if (counted.length === 0) lines.push(`• ${ctx.t("ci-review-no-flows")}`);
  for (const key of counted) lines.push(`• ${ctx.t(`flow-${key}`)}: <b>${answers.flows[key]}</b>`);
  if (answers.note) lines.push(`• ${ctx.t("ci-review-note")}: <b>${escapeHtml(answers.note)}</b>`);
  return lines.join("\n");
}

async function askYesNo(flow: Flow, text: string): Promise<boolean> {
  const { ctx } = flow;
  const answer = await askChoice(
    flow,
    text,
    new InlineKeyboard().text(ctx.t("btn-yes"), checkInFlowButtons.yes.encode()).text(ctx.t("btn-no"), checkInFlowButtons.no.encode()).row().text(ctx.t("btn-cancel"), cancelButton.encode()),
    (data) => (checkInFlowButtons.yes.parse(data) ? "yes" : checkInFlowButtons.no.parse(data) ? "no" : null),
    (v) => ctx.t(v === "yes" ? "btn-yes" : "btn-no"),
  );
  return answer === "yes";
}

/** Buttons for the usual small numbers (and "keep" the current one when there is one), or any typed number. */
async function askCount(flow: Flow, text: string, keep?: number): Promise<number> {
  const { ctx } = flow;
  const kb = new InlineKeyboard();
  for (const n of [0, 1, 2, 3, 4, 5]) kb.text(String(n), checkInFlowButtons.count.encode({ n }));
  if (keep !== undefined) kb.row().text(ctx.t("btn-ci-keep", { n: keep }), checkInFlowButtons.count.encode({ n: keep }));
  kb.row().text(ctx.t("btn-cancel"), cancelButton.encode());
  const question = await flow.send(`${text}\n<i>${ctx.t("ci-count-hint")}</i>`, kb);
  for (;;) {
    const next = await flow.wait();
    const data = next.callbackQuery?.data;
    // The button's number is parsed like a typed one (see checkInFlowButtons.count).
    const pressed = data !== undefined && flow.pressedOn(next, question.message_id) ? (checkInFlowButtons.count.parse(data)?.n ?? null) : null;
    if (pressed !== null) {
      await next.answerCallbackQuery();
      await flow.settleCopy(next, question.message_id);
      await flow.settle(String(pressed));
      return pressed;
    }
    const typed = next.message?.text;
    if (typed !== undefined && !typed.startsWith("/")) {
      const n = parseCount(typed);
      if (n !== null) {
        await flow.settle(String(n));
        return n;
      }
      await next.reply(next.t("ci-count-invalid"));
      continue;
    }
    await hintForUnexpected(next, "ci-count-hint");
  }
}

/** A short text, or the step's "skip" (which its prompt names as the button reads). */
async function askText(flow: Flow, promptKey: string, max: number): Promise<string | null> {
  const { ctx } = flow;
  const kb = new InlineKeyboard().text(ctx.t("btn-skip"), checkInFlowButtons.skip.encode());
  const skip = labelOf(kb, checkInFlowButtons.skip);
  await flow.send(ctx.t(promptKey, { skip }), kb);
  for (;;) {
    const next = await flow.wait();
    if (next.callbackQuery && checkInFlowButtons.skip.parse(next.callbackQuery.data ?? "")) {
      await next.answerCallbackQuery();
      await flow.settle(skip);
      return null;
    }
    const text = next.message?.text?.trim();
    if (text === undefined || text.startsWith("/")) {
      await hintForUnexpected(next, "hint-need-text");
      continue;
    }
    if (text.length === 0 || text.length > max) {
      await next.reply(next.t("error-text-too-long", { length: text.length, max }));
      continue;
    }
    await flow.settle();
    return text;
  }
}
