// The half-year / year report: its summary in the chat and the workbook, on
// /report [2026 | 2026-H1] and when a period ends (through the messenger).
import type { Api } from "grammy";
import { Composer, InputFile } from "grammy";
import { z } from "zod";
import { displayDate } from "../../../domain/deadlines.js";
import { percent } from "../../../domain/report.js";
import { buildReportWorkbook, periodLabel } from "../../../services/report-workbook.js";
import type { Report } from "../../../services/reports.js";
import type { BotContext } from "../../context.js";
import type { BaseDeps, BotDeps } from "../../deps.js";
import { escapeHtml } from "../../html.js";
import type { Translate } from "../../i18n.js";
import { requireStaff } from "../../staff-identity.js";

const periodSchema = z.string().regex(/^20\d\d(-[hH]1)?$/);

export function reportSummaryText(t: Translate, report: Report): string {
  const f = report.figures;
  return t("rp-summary", {
    ward: escapeHtml(report.wardName),
    period: periodLabel(t, report),
    from: displayDate(report.period.from),
    to: displayDate(report.period.to),
    asOf: displayDate(report.asOf),
    tips: f.tips.total,
    urgent: f.tips.byPriority.urgent,
    inProgress: f.tips.byOutcome.in_progress,
    acted: f.tips.byOutcome.acted,
    confirmed: f.tips.byOutcome.confirmed,
    answered: f.checkIns.answered,
    expected: f.checkIns.expected,
    rate: percent(f.checkIns.rate),
    signs: f.checkIns.withSigns,
    newUsers: f.checkIns.flows.newSuspectedUsers,
    addicts: f.checkIns.stocks.totals.addicts,
    users: f.checkIns.stocks.totals.users,
    postRehab: f.checkIns.stocks.totals.postRehab,
    onTime: f.deadlines.counts.on_time,
    late: f.deadlines.counts.late,
    overdue: f.deadlines.counts.overdue,
    pending: f.deadlines.counts.pending,
    drugFree: f.roadmap.actual,
    quarters: f.roadmap.quarters.length,
    target: f.roadmap.target,
    year: String(f.roadmap.year),
  });
}

/** Builds the report and its workbook, and sends both to a chat. */
export async function sendReport(api: Api, chatId: string | number, t: Translate, deps: BaseDeps, wardId: string, period: string | null, actorMemberId?: string): Promise<Report> {
  const report = await deps.services.reports.build(wardId, period, { unknownQuarter: t("quarter-unknown"), ...(actorMemberId ? { actorMemberId } : {}) });
  const workbook = await buildReportWorkbook(report, t);
  await api.sendMessage(chatId, reportSummaryText(t, report), { parse_mode: "HTML" });
  await api.sendDocument(chatId, new InputFile(workbook, `bao-cao-${report.period.key}.xlsx`), { caption: t("rp-caption", { period: periodLabel(t, report), asOf: displayDate(report.asOf) }) });
  return report;
}

export function reportFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("report", async (ctx) => {
    const member = await requireStaff(ctx, deps.services.members);
    if (!member) return;
    const arg = ctx.match.trim();
    const period = arg ? periodSchema.safeParse(arg) : null;
    if (period && !period.success) {
      await ctx.reply(ctx.t("rp-usage"));
      return;
    }
    const progress = await ctx.reply(ctx.t("rp-working"));
    await ctx.replyWithChatAction("upload_document").catch(() => undefined);
    const t: Translate = (key, vars) => ctx.t(key, vars);
    await sendReport(ctx.api, ctx.chat.id, t, deps, member.wardId, period?.data ?? null, member.id);
    await ctx.api.deleteMessage(ctx.chat.id, progress.message_id).catch(() => undefined);
  });

  return feature;
}
