// The half-year and year report: periods and one pure aggregation, fed row by
// row (so 100,000 tips need no more memory than 100), whose figures both the
// chat summary and the workbook print. Nothing here can hold who sent a tip.
import { addFlows, type CheckInAnswers, type FlowCounts, hasSigns, type QuarterStocks, UNKNOWN_STOCKS, type WardStocks, wardStocks, zeroFlows } from "./check-in.js";
import { type BoardEntry, boardCounts, complianceOf, type ComplianceState, type DueRule, isoDate } from "./deadlines.js";
import type { QuarterStatus } from "./roadmap.js";
import { weekKeyOf, zonedDate } from "./schedule.js";
import { CLOSE_REASONS, type CloseReason, PRIORITIES, type Priority, TIP_CATEGORIES, type TipCategory } from "./tip.js";

// ---- Periods --------------------------------------------------------------

export interface ReportPeriod {
  /** "2026-H1" (half-year) or "2026" (year). */
  key: string;
  kind: "half_year" | "year";
  year: number;
  /** Inclusive local dates. Vietnam's reporting periods (Decree 09/2019/NĐ-CP) run from 15 December of the year before. */
  from: string;
  to: string;
}

export function reportPeriod(key: string): ReportPeriod | null {
  const m = /^(20\d\d)(-H1)?$/.exec(key.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  const from = isoDate(year - 1, 12, 15);
  return m[2] ? { key: `${year}-H1`, kind: "half_year", year, from, to: isoDate(year, 6, 14) } : { key: String(year), kind: "year", year, from, to: isoDate(year, 12, 14) };
}

/** The period the next recurring deadline closes: until 15 June the half-year, until 15 December the year. */
export function currentPeriod(today: string): ReportPeriod {
  const year = Number(today.slice(0, 4));
  if (today <= isoDate(year, 6, 15)) return reportPeriod(`${year}-H1`)!;
  if (today <= isoDate(year, 12, 15)) return reportPeriod(String(year))!;
  return reportPeriod(`${year + 1}-H1`)!;
}

/** The instants and ISO weeks a period covers in a time zone (`to` inclusive). */
export function periodBounds(period: ReportPeriod, timeZone: string): { start: Date; end: Date; firstWeek: string; lastWeek: string } {
  const [fy, fm, fd] = period.from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = period.to.split("-").map(Number) as [number, number, number];
  const start = zonedDate(timeZone, fy, fm, fd);
  const end = new Date(zonedDate(timeZone, ty, tm, td).getTime() + 86_400_000);
  return { start, end, firstWeek: weekKeyOf(start, timeZone), lastWeek: weekKeyOf(new Date(end.getTime() - 1), timeZone) };
}

// ---- Aggregation ----------------------------------------------------------

/** What the report may know of a tip: no text, no place, no person. */
export interface ReportTip {
  category: string;
  quarterId: string | null;
  status: string;
  closeReason: string | null;
  priority: string;
}

export const OUTCOMES = ["in_progress", "acted", ...CLOSE_REASONS] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function outcomeOf(tip: Pick<ReportTip, "status" | "closeReason">): Outcome {
  if (tip.status === "acted") return "acted";
  if (tip.status === "closed") return (CLOSE_REASONS as readonly string[]).includes(tip.closeReason ?? "") ? (tip.closeReason as CloseReason) : "confirmed";
  return "in_progress";
}

/** One quarter-week, for the response figures (asked, answered, signs). Its counts are not read: see addStocks and addFlows. */
export interface ReportCheckIn {
  quarterId: string;
  status: string;
  urgent: boolean;
  /** Parsed answers when answered, else null. */
  answers: CheckInAnswers | null;
}

/** A quarter's stocks at the period's end (CheckInService.stocksAt). */
export interface ReportQuarterStocks {
  quarterId: string;
  stocks: QuarterStocks;
}

/** A quarter's flows summed over the period (CheckInService.flowsBetween). */
export interface ReportQuarterFlows {
  quarterId: string;
  flows: FlowCounts;
}

export interface ReportSubmission {
  deadline: string;
  dueOn: string;
  dueRule: DueRule;
  agency: string;
  position: number;
  submittedOn: string | null;
  withFile: boolean;
}

export interface ReportRoadmap {
  year: number;
  target: number;
  /** Each quarter's latest recorded decision: its date, number and issuing body as typed (note: older records' free text). */
  quarters: { name: string; status: QuarterStatus; decidedOn: string | null; decisionNumber: string | null; issuer: string | null; note: string | null }[];
}

export interface QuarterCheckInFigures {
  quarter: string;
  expected: number;
  answered: number;
  /** 0..1; 0 when nothing was expected. */
  rate: number;
  withSigns: number;
  urgent: number;
  /** People under management at the period's end (a figure may be unknown). */
  stocks: QuarterStocks;
  /** What happened over the period, summed. */
  flows: FlowCounts;
}

export interface TipRow {
  category: TipCategory;
  quarter: string;
  outcomes: Record<Outcome, number>;
  total: number;
}

export interface ReportFigures {
  tips: {
    total: number;
    byPriority: Record<Priority, number>;
    byOutcome: Record<Outcome, number>;
    byCategory: Record<TipCategory, number>;
    /** One row per category × quarter that had tips, in category then quarter order. */
    rows: TipRow[];
  };
  checkIns: {
    expected: number;
    answered: number;
    rate: number;
    withSigns: number;
    urgent: number;
    /** The ward's stocks at the period's end: each quarter's latest figure, added across quarters (never across weeks). */
    stocks: WardStocks;
    /** The period's flows, summed over weeks and quarters. */
    flows: FlowCounts;
    perQuarter: QuarterCheckInFigures[];
  };
  deadlines: {
    counts: Record<ComplianceState, number>;
    rows: (BoardEntry & { deadline: string; dueOn: string; dueRule: DueRule })[];
  };
  roadmap: ReportRoadmap & { actual: number };
}

const zeroOutcomes = (): Record<Outcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
const UNKNOWN_QUARTER = "";

export class ReportBuilder {
  private readonly quarterNames = new Map<string, string>();
  private readonly quarterOrder: string[];
  private readonly tipCells = new Map<string, Record<Outcome, number>>();
  private readonly tipTotals = { total: 0, byPriority: Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>, byOutcome: zeroOutcomes(), byCategory: Object.fromEntries(TIP_CATEGORIES.map((c) => [c, 0])) as Record<TipCategory, number> };
  private readonly perQuarter = new Map<string, { expected: number; answered: number; withSigns: number; urgent: number; stocks: QuarterStocks; flows: FlowCounts }>();

  /** `unknownQuarter`: the label of tips whose quarter the resident did not know. */
  constructor(
    quarters: readonly { id: string; name: string }[],
    private readonly unknownQuarter: string,
  ) {
    for (const q of quarters) {
      this.quarterNames.set(q.id, q.name);
      this.perQuarter.set(q.id, { expected: 0, answered: 0, withSigns: 0, urgent: 0, stocks: { ...UNKNOWN_STOCKS }, flows: zeroFlows() });
    }
    this.quarterOrder = quarters.map((q) => q.id);
  }

  addTip(tip: ReportTip): void {
    const category = (TIP_CATEGORIES as readonly string[]).includes(tip.category) ? (tip.category as TipCategory) : "other";
    const priority = (PRIORITIES as readonly string[]).includes(tip.priority) ? (tip.priority as Priority) : "normal";
    const outcome = outcomeOf(tip);
    const quarter = tip.quarterId && this.quarterNames.has(tip.quarterId) ? tip.quarterId : UNKNOWN_QUARTER;
    const key = `${category}\u0000${quarter}`;
    let cell = this.tipCells.get(key);
    if (!cell) this.tipCells.set(key, (cell = zeroOutcomes()));
    cell[outcome]++;
    this.tipTotals.total++;
    this.tipTotals.byPriority[priority]++;
    this.tipTotals.byOutcome[outcome]++;
    this.tipTotals.byCategory[category]++;
  }

  addCheckIn(checkIn: ReportCheckIn): void {
    const q = this.perQuarter.get(checkIn.quarterId);
    if (!q) return;
    q.expected++;
    if (checkIn.status !== "answered" || !checkIn.answers) return;
    q.answered++;
    if (hasSigns(checkIn.answers)) q.withSigns++;
    if (checkIn.urgent || checkIn.answers.urgent.yes) q.urgent++;
  }

  /** Each quarter's stocks at the period's end; a later call for a quarter replaces its figures. */
  addStocks(rows: readonly ReportQuarterStocks[]): void {
    for (const r of rows) {
      const q = this.perQuarter.get(r.quarterId);
      if (q) q.stocks = { ...r.stocks };
    }
  }

  /** Each quarter's flows over the period; added to what the quarter already has. */
  addFlows(rows: readonly ReportQuarterFlows[]): void {
    for (const r of rows) {
      const q = this.perQuarter.get(r.quarterId);
      if (q) addFlows(q.flows, r.flows);
    }
  }

  finish(submissions: readonly ReportSubmission[], roadmap: ReportRoadmap, today: string): ReportFigures {
    const rows: TipRow[] = [];
    for (const category of TIP_CATEGORIES) {
      for (const quarter of [...this.quarterOrder, UNKNOWN_QUARTER]) {
        const cell = this.tipCells.get(`${category}\u0000${quarter}`);
        if (!cell) continue;
        const name = quarter === UNKNOWN_QUARTER ? this.unknownQuarter : this.quarterNames.get(quarter)!;
        rows.push({ category, quarter: name, outcomes: { ...cell }, total: Object.values(cell).reduce((a, b) => a + b, 0) });
      }
    }
    const perQuarter: QuarterCheckInFigures[] = this.quarterOrder.map((id) => {
      const q = this.perQuarter.get(id)!;
      return { quarter: this.quarterNames.get(id)!, ...q, stocks: { ...q.stocks }, flows: { ...q.flows }, rate: q.expected > 0 ? q.answered / q.expected : 0 };
    });
    const sum = (f: (q: QuarterCheckInFigures) => number) => perQuarter.reduce((a, q) => a + f(q), 0);
    const expected = sum((q) => q.expected);
    const answered = sum((q) => q.answered);
    const flows = zeroFlows();
    for (const q of perQuarter) addFlows(flows, q.flows);

    const deadlineRows = submissions.map((s) => ({
      deadline: s.deadline,
      dueOn: s.dueOn,
      dueRule: s.dueRule,
      agency: s.agency,
      position: s.position,
      submittedOn: s.submittedOn,
      withFile: s.withFile,
      ...complianceOf(s.dueOn, s.dueRule, s.submittedOn, today),
    }));
    return {
      tips: { total: this.tipTotals.total, byPriority: { ...this.tipTotals.byPriority }, byOutcome: { ...this.tipTotals.byOutcome }, byCategory: { ...this.tipTotals.byCategory }, rows },
      checkIns: {
        expected,
        answered,
        rate: expected > 0 ? answered / expected : 0,
        withSigns: sum((q) => q.withSigns),
        urgent: sum((q) => q.urgent),
        stocks: wardStocks(perQuarter.map((q) => q.stocks)),
        flows,
        perQuarter,
      },
      deadlines: { counts: boardCounts(deadlineRows), rows: deadlineRows },
      roadmap: { ...roadmap, actual: roadmap.quarters.filter((q) => q.status === "drug_free").length },
    };
  }
}

/** Percent with no decimals, as officers write it: 0.8947 → 89. */
export function percent(rate: number): number {
  return Math.round(rate * 100);
}
