// The drug-free roadmap: officers record the decision that set each quarter's
// status (date, number, issuing body: the bot does not say who decides);
// /roadmap shows target against actual per year, with a chart; /target shows
// each year's target and where it came from, and lets the admin set it.
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import { parseDecisionText, QUARTER_STATUSES, roadmapChartSvg } from "../../domain/roadmap.js";
import { displayDate, localDateOf, parseIsoDate, parseUserDate } from "../../domain/deadlines.js";
import { localParts } from "../../domain/schedule.js";
import { renderPng } from "../../services/charts.js";
import { ServiceError } from "../../services/index.js";
import { DECISION_NUMBER_MAX, ISSUER_MAX } from "../../services/roadmap.js";
import { quarterStatusButton } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { refusalKey, staffMember } from "../staff-identity.js";

// The decision's number and issuing body ride in the prompt's text, after these marks: both survive a restart.
const NUMBER_MARK = "📄 ";
const ISSUER_MARK = "🏛 ";

/** `/quarterstatus 5 [12/11/2026] [Quyết định số 15/QĐ-UBND của UBND phường]`: the quarter, the decision's date (today by default, never in the future), its number and issuing body. */
export function quarterStatusArgs(text: string, today: string): { n: number; date: string; number: string | null; issuer: string | null } | null {
  const m = /^(\d{1,3})(?:\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}))?(?:\s+([\s\S]+))?$/.exec(text.trim());
  const n = z.coerce.number().int().min(1).max(500).safeParse(m?.[1]);
  if (!m || !n.success) return null;
  let date = today;
  if (m[2]) {
    const parsed = parseUserDate(m[2], "0000-01-01");
    if (!parsed || parsed > today || parsed < "2000-01-01") return null;
    date = parsed;
  }
  const { number, issuer } = parseDecisionText(m[3] ?? "");
  if ((number?.length ?? 0) > DECISION_NUMBER_MAX || (issuer?.length ?? 0) > ISSUER_MAX) return null;
  return { n: n.data, date, number, issuer };
}

function decisionLines(number: string | null, issuer: string | null): string {
  return `${number ? `\n${NUMBER_MARK}${escapeHtml(number)}` : ""}${issuer ? `\n${ISSUER_MARK}${escapeHtml(issuer)}` : ""}`;
}

export function roadmapFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();

  feature.command("quarterstatus", async (ctx) => {
    const member = await staffMember(ctx, services.members);
    if (!member) {
      await ctx.reply(ctx.t(refusalKey(ctx)));
      return;
    }
    const ward = await services.wards.get(member.wardId);
    const args = quarterStatusArgs(ctx.match, localDateOf(services.clock(), ward?.timezone ?? "Asia/Ho_Chi_Minh"));
    if (!args) {
      await ctx.reply(ctx.t("qs-usage"));
      return;
    }
    const quarter = (await services.wards.listQuarters(member.wardId))[args.n - 1];
    if (!quarter) {
      await ctx.reply(ctx.t("qs-invalid"));
      return;
    }
    // The date rides in the buttons; the number and issuer are read back from this message.
    const kb = new InlineKeyboard();
    for (const s of QUARTER_STATUSES) kb.text(ctx.t(`qs-${s}`), quarterStatusButton.encode({ quarter: args.n, status: s, date: args.date })).row();
    const missing = args.number || args.issuer ? "" : `\n${ctx.t("qs-no-decision", { n: args.n })}`;
    await ctx.reply(ctx.t("qs-choose", { quarter: escapeHtml(quarter.name), date: displayDate(args.date) }) + decisionLines(args.number, args.issuer) + missing, { parse_mode: "HTML", reply_markup: kb });
  });

  feature.callbackQuery(quarterStatusButton.pattern, async (ctx, next) => {
    const pressed = quarterStatusButton.parse(ctx.callbackQuery.data);
    if (!pressed) return next();
    const member = await staffMember(ctx, services.members);
    if (!member) {
      await ctx.answerCallbackQuery({ text: ctx.t("card-only-officers"), show_alert: true });
      return;
    }
    const ward = await services.wards.get(member.wardId);
    const today = localDateOf(services.clock(), ward?.timezone ?? "Asia/Ho_Chi_Minh");
    const date = pressed.date ?? today;
    const prompt = ctx.callbackQuery.message;
    const promptText = prompt && "text" in prompt ? (prompt.text ?? "") : "";
    const marked = (mark: string, max: number) => promptText.split("\n").find((l) => l.startsWith(mark))?.slice(mark.length).trim().slice(0, max) || null;
    const number = marked(NUMBER_MARK, DECISION_NUMBER_MAX);
    const issuer = marked(ISSUER_MARK, ISSUER_MAX);
    const { status } = pressed;
    try {
      // The same bounds as the command's: the button's date can be forged.
      if (!parseIsoDate(date) || date > today || date < "2000-01-01") throw new ServiceError("invalid_input");
      const quarter = await services.roadmap.record(member, pressed.quarter - 1, status, { decidedOn: date, number, issuer });
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("qs-recorded", { quarter: escapeHtml(quarter), status: ctx.t(`qs-${status}`), date: displayDate(date) }) + decisionLines(number, issuer), { parse_mode: "HTML" });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      // A callback answer holds 200 characters: the usage text does not fit.
      await ctx.answerCallbackQuery({ text: ctx.t("qs-invalid"), show_alert: true });
    }
  });

  // `/target`: each year's target and where it came from; `/target 2026 10` (admin): the ward sets or confirms one.
  feature.command("target", async (ctx) => {
    const arg = ctx.match.trim();
    const member = await staffMember(ctx, services.members, arg ? "admin" : undefined);
    if (!member) {
      await ctx.reply(ctx.t(refusalKey(ctx, arg ? "admin" : undefined)));
      return;
    }
    if (arg) {
      const m = /^(20\d\d)\s+(\d{1,3})$/.exec(arg);
      try {
        if (!m) throw new ServiceError("invalid_input");
        await services.roadmap.setTarget(member, Number(m[1]), Number(m[2]));
      } catch (err) {
        if (!(err instanceof ServiceError)) throw err;
        await ctx.reply(ctx.t("target-usage"));
        return;
      }
      await ctx.reply(ctx.t("target-set", { year: m[1]!, count: m[2]! }));
    }
    const ward = await services.wards.get(member.wardId);
    const { quarters, targets } = await services.roadmap.targets(member.wardId);
    const percent = (count: number) => (quarters > 0 ? Math.round((count / quarters) * 100) : 0);
    const lines = targets.map((t) => {
      const base = { year: String(t.year), count: t.count, percent: percent(t.count), quarters };
      if (t.source === "ward" || !t.plan) return t.setOn ? ctx.t("target-line-ward", { ...base, date: displayDate(localDateOf(t.setOn, ward?.timezone ?? "Asia/Ho_Chi_Minh")) }) : ctx.t("target-line-ward-undated", base);
      if (t.plan.planCount === null) return ctx.t("target-line-plan-share", { ...base, planPercent: t.plan.percent, implied: t.plan.impliedCount ?? 0, scaledImplied: t.plan.scaledImplied ?? 0 });
      return ctx.t("target-line-plan", { ...base, planPercent: t.plan.percent, planCount: t.plan.planCount });
    });
    await ctx.reply(ctx.t("target-list", { ward: escapeHtml(ward?.name ?? ""), quarters, lines: lines.join("\n") }), { parse_mode: "HTML" });
  });

  feature.command("roadmap", async (ctx) => {
    const member = await staffMember(ctx, services.members);
    if (!member) {
      await ctx.reply(ctx.t(refusalKey(ctx)));
      return;
    }
    const ward = await services.wards.get(member.wardId);
    const { total, years } = await services.roadmap.progress(member.wardId);
    const thisYear = localParts(services.clock(), ward?.timezone ?? "Asia/Ho_Chi_Minh").year;
    const lines = years.map(
      (y) => `${y.year}: ${y.actual}/${total} (${ctx.t("roadmap-target")} ${y.target}${y.source === "plan" ? `, ${ctx.t("roadmap-unconfirmed")}` : ""}) ${y.actual >= y.target ? "✅" : y.year < thisYear ? "❌" : "⏳"}`,
    );
    const unconfirmed = years.some((y) => y.source === "plan") ? `\n${ctx.t("roadmap-unconfirmed-note")}` : "";
    const current = years.find((y) => y.year === thisYear);
    const behind = current && current.actual < current.target ? ctx.t("roadmap-behind", { quarters: escapeHtml(current.behind.join(", ")) }) : "";
    await ctx.reply(ctx.t("roadmap-text", { ward: escapeHtml(ward?.name ?? ""), lines: lines.join("\n"), behind }) + unconfirmed, { parse_mode: "HTML" });
    const png = await renderPng(roadmapChartSvg(years, total, { title: ctx.t("roadmap-chart-title", { ward: ward?.name ?? "" }), target: ctx.t("roadmap-target"), actual: ctx.t("roadmap-actual") }));
    await ctx.replyWithPhoto(new InputFile(png, "lo-trinh.png"), { caption: ctx.t("roadmap-chart-title", { ward: ward?.name ?? "" }) });
  });

  return feature;
}
