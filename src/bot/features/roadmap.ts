// The drug-free roadmap: officers record what the police decided about each
// quarter; /roadmap shows target against actual per year, with a chart.
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import { QUARTER_STATUSES, roadmapChartSvg } from "../../domain/roadmap.js";
import { localParts } from "../../domain/schedule.js";
import { renderPng } from "../../services/charts.js";
import { ServiceError } from "../../services/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { staffMember } from "../staff-identity.js";

export function roadmapFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();

  feature.command("quarterstatus", async (ctx) => {
    const member = await staffMember(ctx, services.members);
    if (!member) {
      await ctx.reply(ctx.t("card-only-officers"));
      return;
    }
    const n = z.coerce.number().int().min(1).max(500).safeParse(ctx.match.trim());
    if (!n.success) {
      await ctx.reply(ctx.t("qs-usage"));
      return;
    }
    const kb = new InlineKeyboard();
    for (const s of QUARTER_STATUSES) kb.text(ctx.t(`qs-${s}`), `qs:${n.data}:${s}`).row();
    await ctx.reply(ctx.t("qs-choose", { n: n.data }), { reply_markup: kb });
  });

  feature.callbackQuery(/^qs:(\d{1,3}):(drug_free|building|hotspot|unassessed)$/, async (ctx) => {
    const member = await staffMember(ctx, services.members);
    if (!member) {
      await ctx.answerCallbackQuery({ text: ctx.t("card-only-officers"), show_alert: true });
      return;
    }
    const ward = await services.wards.get(member.wardId);
    const p = localParts(services.clock(), ward?.timezone ?? "Asia/Ho_Chi_Minh");
    const today = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
    const status = ctx.match[2] as (typeof QUARTER_STATUSES)[number];
    try {
      const quarter = await services.roadmap.record(member, Number(ctx.match[1]) - 1, status, today, null);
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("qs-recorded", { quarter: escapeHtml(quarter), status: ctx.t(`qs-${status}`), date: today }), { parse_mode: "HTML" });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.answerCallbackQuery({ text: ctx.t("qs-usage"), show_alert: true });
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
