// The drug-free roadmap: officers record what the police decided about each
// quarter; /roadmap shows target against actual per year, with a chart.
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import { QUARTER_STATUSES, roadmapChartSvg } from "../../domain/roadmap.js";
import { displayDate, localDateOf, parseIsoDate, parseUserDate } from "../../domain/deadlines.js";
import { localParts } from "../../domain/schedule.js";
import { renderPng } from "../../services/charts.js";
import { ServiceError } from "../../services/index.js";
import { quarterStatusButton } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { staffMember } from "../staff-identity.js";

const NOTE_MARK = "📝 ";
const NOTE_MAX = 200;

/** `/quarterstatus 5 [12/11/2026] [note]`: the quarter, the decision's date (today by default, never in the future), a note. */
export function quarterStatusArgs(text: string, today: string): { n: number; date: string; note: string | null } | null {
  const m = /^(\d{1,3})(?:\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}))?(?:\s+([\s\S]+))?$/.exec(text.trim());
  const n = z.coerce.number().int().min(1).max(500).safeParse(m?.[1]);
  if (!m || !n.success) return null;
  let date = today;
  if (m[2]) {
    const parsed = parseUserDate(m[2], "0000-01-01");
    if (!parsed || parsed > today || parsed < "2000-01-01") return null;
    date = parsed;
  }
  const note = m[3]?.trim().replace(/\s+/g, " ") ?? "";
  if (note.length > NOTE_MAX) return null;
  return { n: n.data, date, note: note || null };
}

export function roadmapFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();

  feature.command("quarterstatus", async (ctx) => {
    const member = await staffMember(ctx, services.members);
    if (!member) {
      await ctx.reply(ctx.t("card-only-officers"));
      return;
    }
    const ward = await services.wards.get(member.wardId);
    const args = quarterStatusArgs(ctx.match, localDateOf(services.clock(), ward?.timezone ?? "Asia/Ho_Chi_Minh"));
    if (!args) {
      await ctx.reply(ctx.t("qs-usage"));
      return;
    }
    // The date rides in the buttons; the note is read back from this message (after "📝 "): both survive a restart.
    const kb = new InlineKeyboard();
    for (const s of QUARTER_STATUSES) kb.text(ctx.t(`qs-${s}`), quarterStatusButton.encode({ quarter: args.n, status: s, date: args.date })).row();
    const note = args.note ? `\n${NOTE_MARK}${escapeHtml(args.note)}` : "";
    await ctx.reply(ctx.t("qs-choose", { n: args.n, date: displayDate(args.date) }) + note, { parse_mode: "HTML", reply_markup: kb });
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
    const note = promptText.split("\n").find((l) => l.startsWith(NOTE_MARK))?.slice(NOTE_MARK.length).trim().slice(0, NOTE_MAX) || null;
    const { status } = pressed;
    try {
      // The same bounds as the command's: the button's date can be forged.
      if (!parseIsoDate(date) || date > today || date < "2000-01-01") throw new ServiceError("invalid_input");
      const quarter = await services.roadmap.record(member, pressed.quarter - 1, status, date, note);
      await ctx.answerCallbackQuery();
      const noteLine = note ? `\n${NOTE_MARK}${escapeHtml(note)}` : "";
      await ctx.editMessageText(ctx.t("qs-recorded", { quarter: escapeHtml(quarter), status: ctx.t(`qs-${status}`), date: displayDate(date) }) + noteLine, { parse_mode: "HTML" });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      // A callback answer holds 200 characters: the usage text does not fit.
      await ctx.answerCallbackQuery({ text: ctx.t("qs-invalid"), show_alert: true });
    }
  });

  feature.command("target", async (ctx) => {
    const admin = await staffMember(ctx, services.members, "admin");
    if (!admin) {
      await ctx.reply(ctx.t("not-admin"));
      return;
    }
    const m = /^(20\d\d)\s+(\d{1,3})$/.exec(ctx.match.trim());
    if (!m) {
      await ctx.reply(ctx.t("target-usage"));
      return;
    }
    await services.roadmap.setTarget(admin, Number(m[1]), Number(m[2]));
    await ctx.reply(ctx.t("target-set", { year: m[1]!, count: m[2]! }));
  });

  feature.command("roadmap", async (ctx) => {
    const member = await staffMember(ctx, services.members);
    if (!member) {
      await ctx.reply(ctx.t("card-only-officers"));
      return;
    }
    const ward = await services.wards.get(member.wardId);
    const { total, years } = await services.roadmap.progress(member.wardId);
    const thisYear = localParts(services.clock(), ward?.timezone ?? "Asia/Ho_Chi_Minh").year;
    const lines = years.map((y) => `${y.year}: ${y.actual}/${total} (${ctx.t("roadmap-target")} ${y.target}) ${y.actual >= y.target ? "✅" : y.year < thisYear ? "❌" : "⏳"}`);
    const current = years.find((y) => y.year === thisYear);
    const behind = current && current.actual < current.target ? ctx.t("roadmap-behind", { quarters: escapeHtml(current.behind.join(", ")) }) : "";
    await ctx.reply(ctx.t("roadmap-text", { ward: escapeHtml(ward?.name ?? ""), lines: lines.join("\n"), behind }), { parse_mode: "HTML" });
    const png = renderPng(roadmapChartSvg(years, total, { title: ctx.t("roadmap-chart-title", { ward: ward?.name ?? "" }), target: ctx.t("roadmap-target"), actual: ctx.t("roadmap-actual") }));
    await ctx.replyWithPhoto(new InputFile(png, "lo-trinh.png"), { caption: ctx.t("roadmap-chart-title", { ward: ward?.name ?? "" }) });
  });

  return feature;
}
