// The ward's periodic report: `/report [period]` (or a period picked from
// buttons) sends the chat summary, the workbook and the .docx draft; the
// deadlines' automatic report uses the same sendReport. `/rollup [period]`
// gives a super-admin every ward's counts side by side.
//
// The file builders are loaded on first use: exceljs and docx take about 1.6 s
// to load, which every start of the bot (and every restart after a crash) paid.
import { type Api, Composer, InlineKeyboard, InputFile } from "grammy";
import { displayDate, localDateOf } from "../../domain/deadlines.js";
import { percent } from "../../domain/report.js";
import { periodContaining, previousPeriod, type ReportPeriod, reportPeriod, romanQuarter } from "../../domain/report-period.js";
import { periodLabel, unitWords, wardStock } from "../../services/report-text.js";
import type { Report } from "../../services/reports.js";
import { reportPeriodButton, rollUpPeriodButton } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import type { BaseDeps, BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import type { Translate } from "../i18n.js";
import { staffIdentity, staffMember } from "../staff-identity.js";

export function reportSummaryText(t: Translate, report: Report): string {
  const f = report.figures;
  const r = f.tips.byResult;
  const o = f.outcomes.totals;
  const words = unitWords(t, report);
  return t("rp-summary", {
    ward: escapeHtml(report.wardName),
    period: periodLabel(t, report.period),
    from: displayDate(report.period.from),
    to: displayDate(report.period.to),
    asOf: displayDate(report.asOf),
    tips: f.tips.total,
    urgent: f.tips.byPriority.urgent.total,
    confirmed: r.confirmed,
    unfounded: r.unfounded,
    spam: r.spam,
    open: r.open,
    acted: r.acted,
    cases: o.case_opened.times,
    people: o.case_opened.count,
    administrative: o.administrative.count,
    points: o.dealing_point_dismantled.count + o.venue_dismantled.count,
    answered: f.checkIns.answered,
    expected: f.checkIns.expected,
    rate: percent(f.checkIns.rate),
    signs: f.checkIns.withSigns,
    newUsers: f.checkIns.flows.newSuspectedUsers,
    // A stock no quarter has given is "—", not 0.
    addicts: wardStock(f, "addicts") ?? "—",
    users: wardStock(f, "users") ?? "—",
    postRehab: wardStock(f, "postRehab") ?? "—",
    onTime: f.deadlines.counts.on_time,
    late: f.deadlines.counts.late,
    overdue: f.deadlines.counts.overdue,
    pending: f.deadlines.counts.pending,
    drugFree: f.roadmap.actual,
    quarters: f.roadmap.quarters.length,
    target: f.roadmap.target,
    year: String(f.roadmap.year),
    units: words.units,
    Units: words.Units,
  });
}

/** Builds the report, its workbook and its .docx draft, and sends all three to a chat. */
export async function sendReport(api: Api, chatId: string | number, t: Translate, deps: BaseDeps, wardId: string, period: string | null, actorMemberId?: string): Promise<Report> {
  const report = await deps.services.reports.build(wardId, period, { unknownQuarter: t("quarter-unknown"), ...(actorMemberId ? { actorMemberId } : {}) });
  const label = periodLabel(t, report.period);
  const { buildReportWorkbook } = await import("../../services/report-workbook.js");
  const { buildReportDocx } = await import("../../services/report-docx.js");
  const [workbook, draft] = [await buildReportWorkbook(report, t), await buildReportDocx(report, t)];
  await api.sendMessage(chatId, reportSummaryText(t, report), { parse_mode: "HTML" });
  await api.sendDocument(chatId, new InputFile(workbook, `bao-cao-${report.period.key}.xlsx`), { caption: t("rp-caption", { period: label, asOf: displayDate(report.asOf) }) });
  await api.sendDocument(chatId, new InputFile(draft, `du-thao-bao-cao-${report.period.key}.docx`), { caption: t("rp-caption-docx", { period: label }) });
  return report;
}

/** The periods an officer most likely wants, as buttons: this and last month, this and last quarter, the half-year, the year. */
export function periodKeyboard(t: Translate, today: string, kind: typeof reportPeriodButton | typeof rollUpPeriodButton): InlineKeyboard {
  const month = periodContaining("month", today);
  const quarter = periodContaining("quarter", today);
  const label = (p: ReportPeriod) =>
    p.kind === "month"
      ? t("btn-rp-month", { month: String(p.index), year: String(p.year) })
      : p.kind === "quarter"
        ? t("btn-rp-quarter", { quarter: romanQuarter(p.index!), year: String(p.year) })
        : p.kind === "half_year"
          ? t("btn-rp-half", { year: String(p.year) })
          : t("btn-rp-year", { year: String(p.year) });
  const button = (kb: InlineKeyboard, p: ReportPeriod) => kb.text(label(p), kind.encode({ period: p.key }));
  const kb = new InlineKeyboard();
  button(button(kb, month), previousPeriod(month)).row();
  button(button(kb, quarter), previousPeriod(quarter)).row();
  button(button(kb, periodContaining("half_year", today)), periodContaining("year", today));
  return kb;
}

/** A period from a command's argument or a button's data; null when it names none (/report, /rollup, /triage). */
export function parseReportPeriod(text: string): ReportPeriod | null {
  return text.length <= 16 ? reportPeriod(text) : null;
}

export function reportFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const { services } = deps;
  const t = (ctx: BotContext): Translate => (key, vars) => ctx.t(key, vars);

  const produce = async (ctx: BotContext, wardId: string, memberId: string, period: ReportPeriod | null) => {
    const progress = await ctx.reply(ctx.t("rp-working"));
    await ctx.replyWithChatAction("upload_document").catch(() => undefined);
    await sendReport(ctx.api, ctx.chat!.id, t(ctx), deps, wardId, period?.key ?? null, memberId);
    await ctx.api.deleteMessage(ctx.chat!.id, progress.message_id).catch(() => undefined);
  };

  feature.command("report", async (ctx) => {
    const member = await staffMember(ctx, services.members);
    if (!member) {
      await ctx.reply(ctx.t("only-officers-command"));
      return;
    }
    const arg = ctx.match.trim();
    if (!arg) {
      const ward = await services.wards.get(member.wardId);
      const today = localDateOf(services.clock(), ward?.timezone ?? "Asia/Ho_Chi_Minh");
      await ctx.reply(ctx.t("rp-choose"), { reply_markup: periodKeyboard(t(ctx), today, reportPeriodButton) });
      return;
    }
    const period = parseReportPeriod(arg);
    if (!period) {
      await ctx.reply(ctx.t("rp-usage"));
      return;
    }
    await produce(ctx, member.wardId, member.id, period);
  });

  feature.callbackQuery(reportPeriodButton.pattern, async (ctx) => {
    // Roles come from the database on every press.
    const member = await staffMember(ctx, services.members);
    const pressed = reportPeriodButton.parse(ctx.callbackQuery.data);
    const period = pressed ? reportPeriod(pressed.period) : null;
    if (!member || !period) {
      await ctx.answerCallbackQuery({ text: ctx.t(member ? "rp-usage" : "card-only-officers").slice(0, 200), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await produce(ctx, member.wardId, member.id, period);
  });

  // The level above the wards: every ward's counts, for a super-admin, in a private chat.
  const isSuperAdmin = (ctx: BotContext) => {
    const who = staffIdentity(ctx);
    return who !== null && deps.settings.superAdminIds.includes(who.telegramUserId);
  };
  const rollUp = async (ctx: BotContext, period: ReportPeriod | null) => {
    const result = await services.reports.rollUp(period?.key ?? null, { unknownQuarter: ctx.t("quarter-unknown") });
    if (result.wards.length === 0) {
      await ctx.reply(ctx.t("rollup-none"));
      return;
    }
    await ctx.replyWithChatAction("upload_document").catch(() => undefined);
    const label = periodLabel(t(ctx), result.period);
    const { buildRollUpWorkbook } = await import("../../services/report-workbook.js");
    const workbook = await buildRollUpWorkbook(result, t(ctx));
    await ctx.replyWithDocument(new InputFile(workbook, `tong-hop-${result.period.key}.xlsx`), { caption: ctx.t("rollup-caption", { period: label, wards: result.wards.length }) });
  };
  const privateChats = feature.chatType("private");
  privateChats.command("rollup", async (ctx) => {
    if (!isSuperAdmin(ctx)) {
      await ctx.reply(ctx.t("not-super-admin"));
      return;
    }
    const arg = ctx.match.trim();
    if (!arg) {
      await ctx.reply(ctx.t("rp-choose"), { reply_markup: periodKeyboard(t(ctx), localDateOf(services.clock(), "Asia/Ho_Chi_Minh"), rollUpPeriodButton) });
      return;
    }
    const period = parseReportPeriod(arg);
    if (!period) {
      await ctx.reply(ctx.t("rollup-usage"));
      return;
    }
    await rollUp(ctx, period);
  });
  privateChats.callbackQuery(rollUpPeriodButton.pattern, async (ctx) => {
    const pressed = rollUpPeriodButton.parse(ctx.callbackQuery.data);
    const period = pressed ? reportPeriod(pressed.period) : null;
    if (!isSuperAdmin(ctx) || !period) {
      await ctx.answerCallbackQuery({ text: ctx.t("not-super-admin-button"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await rollUp(ctx, period);
  });

  return feature;
}
