// /triage (/phanloai): how often officers kept the bot's priority for a
// period's tips, what they changed it to, why, and which signals those tips
// had. Officers and admins, role read from the database on every use; the
// period typed as /report takes it (the current year when none).
import { Composer } from "grammy";
import { displayDate, localDateOf } from "../../domain/deadlines.js";
import { percent } from "../../domain/report.js";
import { periodContaining } from "../../domain/report-period.js";
import { periodLabel } from "../../services/report-text.js";
import { triageSections } from "../../services/triage-feedback-text.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import type { Translate } from "../i18n.js";
import { refusalKey, staffMember } from "../staff-identity.js";
import { parseReportPeriod } from "./report.js";

export function triageFeedbackFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();

  feature.command("triage", async (ctx) => {
    const member = await staffMember(ctx, services.members);
    if (!member) {
      await ctx.reply(ctx.t(refusalKey(ctx)));
      return;
    }
    const t: Translate = (key, vars) => ctx.t(key, vars);
    const arg = ctx.match.trim();
    const ward = await services.wards.get(member.wardId);
    const period = arg ? parseReportPeriod(arg) : periodContaining("year", localDateOf(services.clock(), ward?.timezone ?? "Asia/Ho_Chi_Minh"));
    if (!period) {
      await ctx.reply(ctx.t("tr-usage"));
      return;
    }
    const f = await services.triageFeedback.summary(member.wardId, period);
    const header = t("tr-header", { period: periodLabel(t, period), from: displayDate(period.from), to: displayDate(period.to) });
    if (f.tips === 0) {
      await ctx.reply(`${header}\n${t("tr-no-tips")}`, { parse_mode: "HTML" });
      return;
    }
    const lines = [
      header,
      t("tr-tips", { tips: f.tips }),
      t("tr-kept", { kept: f.kept, tips: f.tips, rate: percent(f.agreement ?? 0) }),
      f.changed === 0 ? t("tr-none-changed") : t("tr-changed", { changed: f.changed, raised: f.raised, lowered: f.lowered }),
    ];
    // The agreement section is said in the lines above; the lists follow.
    for (const section of triageSections(t, f).slice(1)) {
      if (section.lines.length === 0) continue;
      lines.push("", `<b>${escapeHtml(section.title)}</b>`, ...section.lines.map((l) => t("tr-line", { label: escapeHtml(l.label), count: l.value })));
    }
    lines.push("", t("tr-note"));
    await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  });

  return feature;
}
