// The report as an Excel workbook (exceljs), in the officers' language. Every
// number comes from the same ReportFigures the chat summary prints.
import ExcelJS from "exceljs";
import { displayDate, duePhrase } from "../domain/deadlines.js";
import { FLOW_KEYS, STOCK_KINDS } from "../domain/check-in.js";
import { OUTCOMES, percent } from "../domain/report.js";
import { PRIORITIES } from "../domain/tip.js";
import type { Report } from "./reports.js";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export const SHEETS = ["summary", "tips", "checkins", "deadlines", "roadmap"] as const;

function header(sheet: ExcelJS.Worksheet, labels: string[]): void {
  const row = sheet.addRow(labels);
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.border = { bottom: { style: "thin" } };
  });
  sheet.views = [{ state: "frozen", ySplit: row.number }];
}

function totalRow(sheet: ExcelJS.Worksheet, values: (string | number)[]): void {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.eachCell((cell) => (cell.border = { top: { style: "thin" } }));
}

export function periodLabel(t: Translate, report: Report): string {
  return t(report.period.kind === "half_year" ? "rp-period-half" : "rp-period-year", { year: String(report.period.year) });
}

export async function buildReportWorkbook(report: Report, t: Translate): Promise<Buffer> {
  const f = report.figures;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tổ Dân Bot";
  wb.created = report.generatedAt;

  // 1. Summary
  const summary = wb.addWorksheet(t("rp-sheet-summary"));
  summary.columns = [{ width: 58 }, { width: 16 }];
  summary.addRow([t("rp-title", { period: periodLabel(t, report) })]).font = { bold: true, size: 14 };
  summary.addRow([report.wardName]).font = { bold: true };
  summary.addRow([t("rp-range", { from: displayDate(report.period.from), to: displayDate(report.period.to), asOf: displayDate(report.asOf) })]);
  summary.addRow([]);
  header(summary, [t("rp-col-item"), t("rp-col-value")]);
  const line = (label: string, value: number) => summary.addRow([label, value]);
  line(t("rp-tips-total"), f.tips.total);
  for (const p of PRIORITIES) line(`  ${t("rp-priority", { label: t(`priority-${p}`) })}`, f.tips.byPriority[p]);
  for (const o of OUTCOMES) line(`  ${t(`rp-outcome-${o}`)}`, f.tips.byOutcome[o]);
  line(t("rp-ci-expected"), f.checkIns.expected);
  line(t("rp-ci-answered"), f.checkIns.answered);
  line(t("rp-ci-rate"), percent(f.checkIns.rate));
  line(t("rp-ci-signs"), f.checkIns.withSigns);
  line(t("rp-ci-urgent"), f.checkIns.urgent);
  // Stocks at the period's end (each quarter's latest figure), then the period's flows.
  for (const k of STOCK_KINDS) line(t("rp-stock-at-end", { label: t(`stock-${k}`), known: f.checkIns.stocks.known[k], quarters: f.checkIns.stocks.quarters }), f.checkIns.stocks.totals[k]);
  for (const k of FLOW_KEYS) line(t("rp-flow-in-period", { label: t(`flow-${k}`) }), f.checkIns.flows[k]);
  for (const s of ["on_time", "late", "overdue", "pending"] as const) line(t(`rp-dl-${s}`), f.deadlines.counts[s]);
  line(t("rp-roadmap-actual", { year: String(f.roadmap.year) }), f.roadmap.actual);
  line(t("rp-roadmap-target", { year: String(f.roadmap.year) }), f.roadmap.target);
  line(t("rp-roadmap-total"), f.roadmap.quarters.length);

  // 2. Tips by category × quarter × outcome
  const tips = wb.addWorksheet(t("rp-sheet-tips"));
  tips.columns = [{ width: 40 }, { width: 18 }, ...OUTCOMES.map(() => ({ width: 14 })), { width: 10 }];
  header(tips, [t("rp-col-category"), t("rp-col-quarter"), ...OUTCOMES.map((o) => t(`rp-outcome-${o}`)), t("rp-col-total")]);
  for (const r of f.tips.rows) tips.addRow([t(`category-${r.category}`), r.quarter, ...OUTCOMES.map((o) => r.outcomes[o]), r.total]);
  totalRow(tips, [t("rp-col-total"), "", ...OUTCOMES.map((o) => f.tips.byOutcome[o]), f.tips.total]);

  // 3. Weekly check-ins per quarter
  const checkIns = wb.addWorksheet(t("rp-sheet-checkins"));
  checkIns.columns = [{ width: 18 }, ...Array.from({ length: 5 + STOCK_KINDS.length + FLOW_KEYS.length }, () => ({ width: 14 }))];
  header(checkIns, [
    t("rp-col-quarter"),
    t("rp-col-weeks"),
    t("rp-col-answered"),
    t("rp-col-rate"),
    t("rp-col-signs"),
    t("rp-col-urgent"),
    ...STOCK_KINDS.map((k) => t("rp-col-stock", { label: t(`stock-${k}`) })),
    ...FLOW_KEYS.map((k) => t(`flow-${k}`)),
  ]);
  for (const q of f.checkIns.perQuarter) {
    // An unknown stock stays empty: no head has given it yet.
    checkIns.addRow([q.quarter, q.expected, q.answered, percent(q.rate), q.withSigns, q.urgent, ...STOCK_KINDS.map((k) => q.stocks[k]?.count ?? ""), ...FLOW_KEYS.map((k) => q.flows[k])]);
  }
  totalRow(checkIns, [
    t("rp-col-total"),
    f.checkIns.expected,
    f.checkIns.answered,
    percent(f.checkIns.rate),
    f.checkIns.withSigns,
    f.checkIns.urgent,
    ...STOCK_KINDS.map((k) => f.checkIns.stocks.totals[k]),
    ...FLOW_KEYS.map((k) => f.checkIns.flows[k]),
  ]);

  // 4. Deadline compliance
  const deadlines = wb.addWorksheet(t("rp-sheet-deadlines"));
  deadlines.columns = [{ width: 44 }, { width: 22 }, { width: 34 }, { width: 16 }, { width: 12 }, { width: 10 }, { width: 10 }];
  header(deadlines, [t("rp-col-deadline"), t("rp-col-due"), t("rp-col-agency"), t("rp-col-state"), t("rp-col-submitted"), t("rp-col-days"), t("rp-col-file")]);
  for (const r of f.deadlines.rows) {
    deadlines.addRow([r.deadline, duePhrase(t, r.dueOn, r.dueRule), r.agency, t(`rp-state-${r.state}`), r.submittedOn ? displayDate(r.submittedOn) : "", r.days, r.withFile ? "✓" : ""]);
  }

  // 5. Roadmap
  const roadmap = wb.addWorksheet(t("rp-sheet-roadmap"));
  roadmap.columns = [{ width: 18 }, { width: 24 }, { width: 16 }, { width: 40 }];
  roadmap.addRow([t("rp-roadmap-line", { year: String(f.roadmap.year), actual: f.roadmap.actual, total: f.roadmap.quarters.length, target: f.roadmap.target })]).font = { bold: true };
  header(roadmap, [t("rp-col-quarter"), t("rp-col-status"), t("rp-col-decided"), t("rp-col-note")]);
  for (const q of f.roadmap.quarters) {
    const decision = [q.decisionNumber, q.issuer, q.note].filter((x): x is string => Boolean(x)).join(" — ");
    roadmap.addRow([q.name, t(`rp-qs-${q.status}`), q.decidedOn ? displayDate(q.decidedOn) : "", decision]);
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
