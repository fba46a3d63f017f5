// The report as an Excel workbook, in the officers' language, ready to print:
// every sheet on A4 fitted to the page's width, its header rows repeated on
// every page, page numbers in the footer, Times New Roman as official documents
// use. Written with exceljs' streaming writer, row by row, so a ward with
// thousands of rows does not hold the whole workbook in memory. Every number
// comes from the same ReportFigures the chat summary and the .docx print.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { FLOW_KEYS, STOCK_KINDS } from "../domain/check-in-figures.js";
import { displayDate, duePhrase } from "../domain/deadlines.js";
import { percent, TIP_RESULTS } from "../domain/report.js";
import { OUTCOME_KINDS, type OutcomeTotals } from "../domain/tip-outcome.js";
import { figureSections, periodLabel, reportSentences, type Translate, unitWords, wardStock } from "./report-text.js";
import type { Report, RollUp } from "./reports.js";
import { triageSections } from "./triage-feedback-text.js";

export type { Translate } from "./report-text.js";
export { periodLabel } from "./report-text.js";

export const SHEETS = ["summary", "sentences", "tips", "outcomes", "checkins", "flows", "deadlines", "roadmap", "triage"] as const;

/** Official documents are set in Times New Roman (Decree 30/2020/NĐ-CP, appendix I). */
export const FONT_NAME = "Times New Roman";
const FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 12 };
const BOLD: Partial<ExcelJS.Font> = { ...FONT, bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Shown where the weekly check-in does not collect a figure (explained under the table). */
const NOT_COLLECTED = "—";

/** A4, fitted to one page wide, margins as official documents have them (in inches: 2 cm top and bottom, 2.5 cm left, 1.5 cm right). */
function pageSetup(orientation: "portrait" | "landscape", titleRows: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.98, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
    printTitlesRow: titleRows,
  };
}

interface SheetSpec {
  name: string;
  orientation: "portrait" | "landscape";
  /** Column widths, in characters. */
  widths: number[];
  /** Title lines above the table (merged across the columns). */
  titles: string[];
  header: string[];
  /** Wrap long text in these columns (1-based). */
  wrap?: number[];
}

/**
 * A generous line count of a wrapped text in a column `width` characters wide
 * (column widths count characters of the default 11 pt font): exceljs cannot
 * measure text, and merged rows are never auto-fitted, so a row is given its
 * height; too tall leaves white space, too short would hide words.
 */
function linesFor(text: string, width: number, font: { size?: number; bold?: boolean } = {}): number {
  const perLine = Math.max(1, ((width - 1) * 11) / (font.size ?? 12) / (font.bold ? 1.12 : 1));
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}
const LINE_HEIGHT = 16;

interface TableCellLook {
  bold: boolean;
  section: boolean;
  number: boolean;
  wrap: boolean;
  indent: boolean;
}

// One style object per look, shared by every cell that has it: exceljs keeps the style id of an object it has
// seen, so a ward's thousands of rows render each style once instead of once per cell. Never mutated.
const tableCellStyles = new Map<string, Partial<ExcelJS.Style>>();

function tableCellStyle(look: TableCellLook): Partial<ExcelJS.Style> {
  const key = `${+look.bold}${+look.section}${+look.number}${+look.wrap}${+look.indent}`;
  let style = tableCellStyles.get(key);
  if (!style) {
    style = Object.freeze({
      font: look.bold ? BOLD : FONT,
      border: BOX,
      alignment: look.number ? { horizontal: "right", vertical: "top" } : { vertical: "top", wrapText: look.wrap, ...(look.indent ? { indent: 2 } : {}) },
      ...(look.section ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } } } : {}),
    } satisfies Partial<ExcelJS.Style>);
    tableCellStyles.set(key, style);
  }
  return style;
}

class SheetWriter {
  private readonly sheet: ExcelJS.Worksheet;
  private rowNumber = 0;

  constructor(
    wb: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly spec: SheetSpec,
  ) {
    const headerRow = spec.titles.length + (spec.titles.length > 0 ? 2 : 1);
    this.sheet = wb.addWorksheet(spec.name, {
      pageSetup: pageSetup(spec.orientation, `${headerRow}:${headerRow}`),
      headerFooter: { oddFooter: `&C&"${FONT_NAME}"&10&P/&N` },
      views: [{ state: "frozen", ySplit: headerRow }],
    });
    this.sheet.columns = spec.widths.map((width, i) => ({ width, style: { font: FONT, alignment: { vertical: "top", wrapText: spec.wrap?.includes(i + 1) ?? false } } }));
    const span = spec.widths.length;
    spec.titles.forEach((title, i) => {
      const row = this.add([title], { font: i === 0 ? { ...BOLD, size: 13 } : i === 1 ? BOLD : FONT });
      row.getCell(1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      const width = spec.widths.reduce((a, b) => a + b, 0);
      row.height = linesFor(title, width, i === 0 ? { size: 13, bold: true } : { bold: i === 1 }) * (i === 0 ? 18 : LINE_HEIGHT) + 2;
      if (span > 1) this.sheet.mergeCells(row.number, 1, row.number, span);
      row.commit();
    });
    if (spec.titles.length > 0) this.add([]).commit();
    const header = this.add(spec.header, { font: BOLD });
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.border = BOX;
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    });
    header.height = Math.max(...spec.header.map((h, i) => linesFor(h, spec.widths[i] ?? 10, { bold: true }))) * LINE_HEIGHT + 4;
    header.commit();
  }

  private add(values: ExcelJS.CellValue[], style?: { font?: Partial<ExcelJS.Font> }): ExcelJS.Row {
    const row = this.sheet.getRow(++this.rowNumber);
    row.values = values;
    if (style?.font) row.eachCell({ includeEmpty: false }, (cell) => (cell.font = style.font!));
    return row;
  }

  /** A table row: boxed cells; numbers right-aligned; wrapped columns grow the row. */
  row(values: (string | number | null)[], options: { bold?: boolean; indent?: boolean; section?: boolean } = {}): void {
    const row = this.add(values.map((v) => (v === null ? NOT_COLLECTED : v)));
    let lines = 1;
    for (let i = 1; i <= this.spec.widths.length; i++) {
      const value = values[i - 1];
      const wrap = this.spec.wrap?.includes(i) ?? false;
      const number = typeof value === "number" || value === null;
      row.getCell(i).style = tableCellStyle({ bold: options.bold || options.section === true, section: options.section === true, number, wrap: !number && wrap, indent: !number && options.indent === true && i === 1 });
      if (wrap && typeof value === "string") lines = Math.max(lines, linesFor(value, this.spec.widths[i - 1]! - (options.indent ? 4 : 0), { bold: options.bold || options.section }));
    }
    if (lines > 1) row.height = lines * LINE_HEIGHT + 2;
    row.commit();
  }

  /** A plain line under the table (a note, a legend). */
  note(text: string): void {
    const row = this.add([text], { font: { ...FONT, italic: true, size: 11 } });
    row.commit();
  }

  blank(): void {
    this.add([]).commit();
  }

  commit(): void {
    this.sheet.commit();
  }
}

function titles(t: Translate, report: Report): string[] {
  const period = periodLabel(t, report.period);
  return [
    t("rp-title", { period }),
    report.wardName,
    t("rp-range", { from: displayDate(report.period.from), to: displayDate(report.period.to), asOf: displayDate(report.asOf) }),
  ];
}

/** The outcome columns of a table: cases and people, people handled, points, plant sites and plants, premises, hand-overs. */
function outcomeColumns(t: Translate): string[] {
  return [t("rp-fig-out-cases"), t("rp-fig-out-case-people"), t("rp-fig-out-administrative"), t("rp-fig-out-dealing-points"), t("rp-fig-out-venues"), t("rp-fig-out-plant-sites"), t("rp-fig-out-plants"), t("rp-fig-out-premises"), t("rp-fig-out-handed-over")];
}
function outcomeValues(o: OutcomeTotals): number[] {
  return [o.case_opened.times, o.case_opened.count, o.administrative.count, o.dealing_point_dismantled.count, o.venue_dismantled.count, o.plants_destroyed.times, o.plants_destroyed.count, o.premises_inspected.count, o.handed_over.times];
}
const anyOutcome = (o: OutcomeTotals) => OUTCOME_KINDS.some((k) => o[k].times > 0);

async function writeWorkbook(build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void, created: Date): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = "Tổ Dân Bot";
  wb.created = created;
  build(wb);
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}

export async function buildReportWorkbook(report: Report, t: Translate): Promise<Buffer> {
  const f = report.figures;
  const words = unitWords(t, report);
  const head = titles(t, report);
  return writeWorkbook((wb) => {
    // 1. Summary: the figure table by section.
    const summary = new SheetWriter(wb, { name: t("rp-sheet-summary"), orientation: "portrait", widths: [70, 14], titles: head, header: [t("rp-col-item"), t("rp-col-value")], wrap: [1] });
    let missing = false;
    for (const section of figureSections(report, t)) {
      summary.row([section.title, ""], { section: true });
      for (const line of section.lines) {
        summary.row([line.label, line.value], line.detail ? { indent: true } : {});
        missing ||= line.value === null;
      }
    }
    if (missing) {
      summary.blank();
      summary.note(t("rp-not-collected", { unit: words.unit, units: words.units }));
    }
    summary.commit();

    // 2. Sentences to paste into the written report: a number column and the text
    // (two columns, because LibreOffice does not shrink a sheet of one column to the page).
    const sentences = new SheetWriter(wb, { name: t("rp-sheet-sentences"), orientation: "portrait", widths: [6, 80], titles: head, header: [t("rp-col-number"), t("rp-col-sentences")], wrap: [2] });
    reportSentences(report, t).forEach((section, i) => {
      sentences.row([`${i + 1}.`, section.title], { section: true });
      for (const text of section.sentences) sentences.row(["", text]);
    });
    sentences.commit();

    // 3. Tips by category × quarter × where they stand.
    const tips = new SheetWriter(wb, {
      name: t("rp-sheet-tips"),
      orientation: "landscape",
      widths: [42, 18, ...TIP_RESULTS.map(() => 12), 10],
      titles: head,
      header: [t("rp-col-category"), words.Units, ...TIP_RESULTS.map((r) => t(`rp-fig-result-${r}`)), t("rp-col-total")],
      wrap: [1, 2],
    });
    for (const r of f.tips.rows) tips.row([t(`category-${r.category}`), r.quarter, ...TIP_RESULTS.map((k) => r.counts[k]), r.counts.total]);
    tips.row([t("rp-col-total"), "", ...TIP_RESULTS.map((k) => f.tips.byResult[k]), f.tips.total], { bold: true });
    tips.commit();

    // 4. Outcomes of confirmed tips per quarter (only quarters that had some).
    const outcomes = new SheetWriter(wb, { name: t("rp-sheet-outcomes"), orientation: "landscape", widths: [20, ...outcomeColumns(t).map(() => 13)], titles: head, header: [words.Units, ...outcomeColumns(t)], wrap: [1] });
    for (const q of [...f.perQuarter, f.unknownQuarter]) if (anyOutcome(q.outcomes)) outcomes.row([q.quarter, ...outcomeValues(q.outcomes)]);
    outcomes.row([t("rp-col-total"), ...outcomeValues(f.outcomes.totals)], { bold: true });
    outcomes.commit();

    // 5. Weekly check-ins per quarter: answers, and the stocks as of the period's end ("—": never given).
    const asOf = displayDate(report.asOf);
    const checkIns = new SheetWriter(wb, {
      name: t("rp-sheet-checkins"),
      orientation: "landscape",
      widths: [20, 9, 9, 9, 9, 9, ...STOCK_KINDS.map(() => 16)],
      titles: head,
      header: [
        words.Units,
        t("rp-col-weeks"),
        t("rp-col-answered"),
        t("rp-col-rate"),
        t("rp-col-signs"),
        t("rp-col-urgent"),
        ...STOCK_KINDS.map((k) => t("rp-col-stock", { label: t(`stock-${k}`), asOf })),
      ],
      wrap: [1],
    });
    for (const q of f.perQuarter) checkIns.row([q.quarter, q.expected, q.answered, percent(q.rate), q.withSigns, q.urgent, ...STOCK_KINDS.map((k) => q.stocks[k]?.count ?? null)]);
    const ci = f.checkIns;
    checkIns.row([t("rp-col-total"), ci.expected, ci.answered, percent(ci.rate), ci.withSigns, ci.urgent, ...STOCK_KINDS.map((k) => wardStock(f, k))], { bold: true });
    if (STOCK_KINDS.some((k) => ci.stocks.known[k] < ci.stocks.quarters)) {
      checkIns.blank();
      checkIns.note(t("rp-not-collected", { unit: words.unit, units: words.units }));
    }
    checkIns.commit();

    // 6. What happened over the period, per quarter: the flows the heads reported, summed.
    const flows = new SheetWriter(wb, {
      name: t("rp-sheet-flows"),
      orientation: "landscape",
      widths: [20, ...FLOW_KEYS.map(() => 11)],
      titles: head,
      header: [words.Units, ...FLOW_KEYS.map((k) => t(`flow-${k}`))],
      wrap: [1],
    });
    for (const q of f.perQuarter) flows.row([q.quarter, ...FLOW_KEYS.map((k) => q.flows[k])]);
    flows.row([t("rp-col-total"), ...FLOW_KEYS.map((k) => ci.flows[k])], { bold: true });
    flows.commit();

    // 7. Agencies' reports due in the period.
    const deadlines = new SheetWriter(wb, {
      name: t("rp-sheet-deadlines"),
      orientation: "landscape",
      widths: [36, 22, 34, 14, 12, 9, 8],
      titles: head,
      header: [t("rp-col-deadline"), t("rp-col-due"), t("rp-col-agency"), t("rp-col-state"), t("rp-col-submitted"), t("rp-col-days"), t("rp-col-file")],
      wrap: [1, 2, 3],
    });
    for (const r of f.deadlines.rows) deadlines.row([r.deadline, duePhrase(t, r.dueOn, r.dueRule), r.agency, t(`rp-state-${r.state}`), r.submittedOn ? displayDate(r.submittedOn) : "", r.days, r.withFile ? "✓" : ""]);
    deadlines.commit();

    // 8. Roadmap: each quarter's latest recorded status and the decision that set it.
    const roadmapTitles = [...head, t("rp-roadmap-line", { year: String(f.roadmap.year), actual: f.roadmap.actual, total: f.roadmap.quarters.length, target: f.roadmap.target, units: words.units })];
    const roadmap = new SheetWriter(wb, { name: t("rp-sheet-roadmap"), orientation: "portrait", widths: [20, 22, 14, 40], titles: roadmapTitles, header: [words.Units, t("rp-col-status"), t("rp-col-decided"), t("rp-col-note")], wrap: [1, 4] });
    for (const q of f.roadmap.quarters) {
      const decision = [q.decisionNumber, q.issuer, q.note].filter((x): x is string => Boolean(x)).join(" — ");
      roadmap.row([q.name, t(`rp-qs-${q.status}`), q.decidedOn ? displayDate(q.decidedOn) : "", decision]);
    }
    roadmap.commit();

    // 9. How often officers kept the bot's priority, what they changed it to, why, and the signals those tips had.
    const triage = new SheetWriter(wb, { name: t("rp-sheet-triage"), orientation: "portrait", widths: [70, 14], titles: head, header: [t("rp-col-item"), t("rp-col-value")], wrap: [1] });
    for (const section of triageSections(t, report.triage)) {
      triage.row([section.title, ""], { section: true });
      for (const line of section.lines) triage.row([line.label, line.value], { indent: true });
    }
    triage.commit();
  }, report.generatedAt);
}

/** The roll-up for the level above the wards: one row per ward, counts only (no quarter, tip or person). */
export async function buildRollUpWorkbook(rollUp: RollUp, t: Translate): Promise<Buffer> {
  const period = periodLabel(t, rollUp.period);
  const first = rollUp.wards[0];
  const head = [
    t("rp-rollup-title", { period }),
    t("rp-rollup-range", { from: displayDate(rollUp.period.from), to: displayDate(rollUp.period.to), wards: rollUp.wards.length }),
  ];
  const words = unitWords(t);
  return writeWorkbook((wb) => {
    // One column per ward, one row per figure: the summary's own table, side by side.
    const sections = rollUp.wards.map((w) => figureSections(w, t));
    const template = first ? sections[0]! : [];
    const summary = new SheetWriter(wb, {
      name: t("rp-sheet-summary"),
      orientation: rollUp.wards.length > 3 ? "landscape" : "portrait",
      widths: [60, ...rollUp.wards.map(() => 14), 14],
      titles: head,
      header: [t("rp-col-item"), ...rollUp.wards.map((w) => w.wardName), t("rp-col-total")],
      wrap: [1],
    });
    let missing = false;
    template.forEach((section, s) => {
      summary.row([section.title, ...rollUp.wards.map(() => ""), ""], { section: true });
      section.lines.forEach((line, l) => {
        const values = sections.map((ws) => ws[s]!.lines[l]!.value);
        const known = values.filter((v): v is number => v !== null);
        // A rate does not add up across wards: the total column recomputes it.
        const total = line.rate ? rollUpRate(rollUp) : known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
        missing ||= values.includes(null);
        summary.row([line.label, ...values, total], line.detail ? { indent: true } : {});
      });
    });
    if (missing) {
      summary.blank();
      summary.note(t("rp-not-collected", { unit: words.unit, units: words.units }));
    }
    summary.commit();

    // Tips by category per ward.
    const tips = new SheetWriter(wb, {
      name: t("rp-sheet-tips"),
      orientation: "landscape",
      widths: [30, 36, ...TIP_RESULTS.map(() => 12), 10],
      titles: head,
      header: [t("rp-col-ward"), t("rp-col-category"), ...TIP_RESULTS.map((r) => t(`rp-fig-result-${r}`)), t("rp-col-total")],
      wrap: [1, 2],
    });
    for (const w of rollUp.wards) {
      for (const [category, counts] of Object.entries(w.figures.tips.byCategory)) {
        if (counts.total > 0) tips.row([w.wardName, t(`category-${category}`), ...TIP_RESULTS.map((k) => counts[k]), counts.total]);
      }
    }
    tips.commit();
  }, rollUp.generatedAt);
}

function rollUpRate(rollUp: RollUp): number {
  const expected = rollUp.wards.reduce((a, w) => a + w.figures.checkIns.expected, 0);
  const answered = rollUp.wards.reduce((a, w) => a + w.figures.checkIns.answered, 0);
  return percent(expected > 0 ? answered / expected : 0);
}
