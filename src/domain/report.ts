// The ward's periodic report: one pure aggregation, fed row by row (so 100,000
// tips need no more memory than 100), whose figures the chat summary, the
// workbook, the sentences and the .docx draft all print. Its inputs are
// separate blocks: tips, what came of the confirmed ones (outcomes), the weekly
// check-ins (stocks at the period's end, flows summed), agencies' submissions
// and the roadmap. Nothing here can hold who sent a tip.
import { addFlows, type FlowCounts, type QuarterStocks, UNKNOWN_STOCKS, type WardStocks, wardStocks, zeroFlows } from "./check-in.js";
import type { CheckInBlock } from "./check-in-figures.js";
import { type BoardEntry, boardCounts, complianceOf, type ComplianceState, type DueRule } from "./deadlines.js";
import type { QuarterStatus } from "./roadmap.js";
import { PRIORITIES, type Priority, TIP_CATEGORIES, type TipCategory } from "./tip.js";
import { addOutcome, type OutcomeTotals, zeroOutcomeTotals } from "./tip-outcome.js";

export { currentPeriod, periodBounds, type ReportPeriod, reportPeriod } from "./report-period.js";

// ---- Inputs -----------------------------------------------------------------

/** What the report may know of a tip: no text, no place, no person. */
export interface ReportTip {
  category: string;
  quarterId: string | null;
  status: string;
  closeReason: string | null;
  priority: string;
}

/** What came of a confirmed tip, counted in the period it was recorded in. */
export interface ReportOutcome {
  /** Null once the tip itself was deleted by retention: the outcome still counts. */
  tipId: string | null;
  quarterId: string | null;
  kind: string;
  count: number | null;
}

export interface ReportSubmission {
  deadline: string;
  dueOn: string;
  /** Due before its date (the plan's recurring reports) or on or before it. */
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

// ---- Figures ------------------------------------------------------------------

/** Where a tip stands: open (being verified), handed over, or closed for a reason. */
export const TIP_RESULTS = ["open", "acted", "confirmed", "unfounded", "spam", "duplicate"] as const;
export type TipResult = (typeof TIP_RESULTS)[number];
export type ResultCounts = Record<TipResult | "total", number>;

export function tipResultOf(tip: Pick<ReportTip, "status" | "closeReason">): TipResult {
  if (tip.status === "acted") return "acted";
  if (tip.status !== "closed") return "open";
  return (["confirmed", "unfounded", "spam", "duplicate"] as const).find((r) => r === tip.closeReason) ?? "confirmed";
}

export interface TipRow {
  category: TipCategory;
  quarter: string;
  counts: ResultCounts;
}

export interface QuarterFigures {
  quarter: string;
  tips: ResultCounts;
  outcomes: OutcomeTotals;
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

export interface ReportFigures {
  tips: {
    total: number;
    byResult: ResultCounts;
    byCategory: Record<TipCategory, ResultCounts>;
    byPriority: Record<Priority, ResultCounts>;
    /** One row per category × quarter that had tips, in category then quarter order. */
    rows: TipRow[];
  };
  outcomes: {
    totals: OutcomeTotals;
    /** Tips that had at least one outcome recorded in the period (tips deleted since are not counted here). */
    tips: number;
  };
  checkIns: {
    expected: number;
    answered: number;
    rate: number;
    withSigns: number;
    urgent: number;
    /** The ward's stocks at the period's end: each quarter's latest figure, added across quarters (never across weeks), and how many quarters gave it. */
    stocks: WardStocks;
    /** The period's flows, summed over weeks and quarters. */
    flows: FlowCounts;
  };
  /** Per quarter, in the ward's order; tips and outcomes of no known quarter are in `unknownQuarter`. */
  perQuarter: QuarterFigures[];
  unknownQuarter: { quarter: string; tips: ResultCounts; outcomes: OutcomeTotals };
  deadlines: {
    counts: Record<ComplianceState, number>;
    rows: (BoardEntry & { deadline: string; dueOn: string; dueRule: DueRule })[];
  };
  roadmap: ReportRoadmap & { actual: number };
}

export const zeroResults = (): ResultCounts => ({ open: 0, acted: 0, confirmed: 0, unfounded: 0, spam: 0, duplicate: 0, total: 0 });
const UNKNOWN_QUARTER = "";

function addResults(into: ResultCounts, from: ResultCounts): void {
  for (const k of [...TIP_RESULTS, "total"] as const) into[k] += from[k];
}

export function addOutcomeTotals(into: OutcomeTotals, from: OutcomeTotals): void {
  for (const [kind, t] of Object.entries(from) as [keyof OutcomeTotals, OutcomeTotals[keyof OutcomeTotals]][]) {
    into[kind].times += t.times;
    into[kind].count += t.count;
    into[kind].unknown += t.unknown;
  }
}

export class ReportBuilder {
  private readonly quarterNames = new Map<string, string>();
  private readonly quarterOrder: string[];
  private readonly tipCells = new Map<string, ResultCounts>();
  private readonly tipsPerQuarter = new Map<string, ResultCounts>();
  private readonly byCategory = Object.fromEntries(TIP_CATEGORIES.map((c) => [c, zeroResults()])) as Record<TipCategory, ResultCounts>;
  private readonly byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, zeroResults()])) as Record<Priority, ResultCounts>;
  private readonly outcomesPerQuarter = new Map<string, OutcomeTotals>();
  private readonly tipsWithOutcome = new Set<string>();
  private checkIns: CheckInBlock = { quarters: [] };

  /** `unknownQuarter`: the label of tips whose quarter the resident did not know. */
  constructor(
    quarters: readonly { id: string; name: string }[],
    private readonly unknownQuarter: string,
  ) {
    for (const q of [...quarters, { id: UNKNOWN_QUARTER, name: unknownQuarter }]) {
      this.quarterNames.set(q.id, q.name);
      this.tipsPerQuarter.set(q.id, zeroResults());
      this.outcomesPerQuarter.set(q.id, zeroOutcomeTotals());
    }
    this.quarterOrder = quarters.map((q) => q.id);
  }

  private quarterKey(quarterId: string | null): string {
    return quarterId && this.quarterNames.has(quarterId) ? quarterId : UNKNOWN_QUARTER;
  }

  /** `count`: how many tips share these fields (the report reads them grouped). */
  addTip(tip: ReportTip, count = 1): void {
    this.addTips(tip, tipResultOf(tip), count);
  }

  /** Tips retention deleted, kept as counts (TipTally): counted as the tips were. */
  addTally(tally: { category: string; quarterId: string | null; priority: string; result: string; count: number }): void {
    const result = (TIP_RESULTS as readonly string[]).includes(tally.result) ? (tally.result as TipResult) : "confirmed";
    this.addTips(tally, result, tally.count);
  }

  private addTips(tip: Pick<ReportTip, "category" | "quarterId" | "priority">, result: TipResult, n: number): void {
    const category = (TIP_CATEGORIES as readonly string[]).includes(tip.category) ? (tip.category as TipCategory) : "other";
    const priority = (PRIORITIES as readonly string[]).includes(tip.priority) ? (tip.priority as Priority) : "normal";
    const quarter = this.quarterKey(tip.quarterId);
    const key = `${category}\u0000${quarter}`;
    let cell = this.tipCells.get(key);
    if (!cell) this.tipCells.set(key, (cell = zeroResults()));
    for (const counts of [cell, this.tipsPerQuarter.get(quarter)!, this.byCategory[category], this.byPriority[priority]]) {
      counts[result] += n;
      counts.total += n;
    }
  }

  addOutcome(outcome: ReportOutcome): void {
    addOutcome(this.outcomesPerQuarter.get(this.quarterKey(outcome.quarterId))!, outcome);
    if (outcome.tipId) this.tipsWithOutcome.add(outcome.tipId);
  }

  /** The check-ins' block (stocks at the period's end, flows summed), as one piece. */
  setCheckIns(block: CheckInBlock): void {
    this.checkIns = block;
  }

  finish(submissions: readonly ReportSubmission[], roadmap: ReportRoadmap, today: string): ReportFigures {
    const rows: TipRow[] = [];
    for (const category of TIP_CATEGORIES) {
      for (const quarter of [...this.quarterOrder, UNKNOWN_QUARTER]) {
        const cell = this.tipCells.get(`${category}\u0000${quarter}`);
        if (cell) rows.push({ category, quarter: this.quarterNames.get(quarter)!, counts: { ...cell } });
      }
    }
    const checkInsOf = new Map(this.checkIns.quarters.map((q) => [q.quarterId, q]));
    const perQuarter: QuarterFigures[] = this.quarterOrder.map((id) => {
      const c = checkInsOf.get(id);
      return {
        quarter: this.quarterNames.get(id)!,
        tips: { ...this.tipsPerQuarter.get(id)! },
        outcomes: structuredClone(this.outcomesPerQuarter.get(id)!),
        expected: c?.expected ?? 0,
        answered: c?.answered ?? 0,
        rate: c && c.expected > 0 ? c.answered / c.expected : 0,
        withSigns: c?.withSigns ?? 0,
        urgent: c?.urgent ?? 0,
        stocks: c ? { ...c.stocks } : { ...UNKNOWN_STOCKS },
        flows: c ? { ...c.flows } : zeroFlows(),
      };
    });
    const unknownQuarter = { quarter: this.unknownQuarter, tips: { ...this.tipsPerQuarter.get(UNKNOWN_QUARTER)! }, outcomes: structuredClone(this.outcomesPerQuarter.get(UNKNOWN_QUARTER)!) };

    const byResult = zeroResults();
    const outcomes = zeroOutcomeTotals();
    for (const q of [...perQuarter, unknownQuarter]) {
      addResults(byResult, q.tips);
      addOutcomeTotals(outcomes, q.outcomes);
    }
    const sum = (f: (q: QuarterFigures) => number) => perQuarter.reduce((a, q) => a + f(q), 0);
    const expected = sum((q) => q.expected);
    const answered = sum((q) => q.answered);

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
    const flows = zeroFlows();
    for (const q of perQuarter) addFlows(flows, q.flows);
    return {
      tips: {
        total: byResult.total,
        byResult,
        byCategory: structuredClone(this.byCategory),
        byPriority: structuredClone(this.byPriority),
        rows,
      },
      outcomes: { totals: outcomes, tips: this.tipsWithOutcome.size },
      checkIns: {
        expected,
        answered,
        rate: expected > 0 ? answered / expected : 0,
        withSigns: sum((q) => q.withSigns),
        urgent: sum((q) => q.urgent),
        stocks: wardStocks(perQuarter.map((q) => q.stocks)),
        flows,
      },
      perQuarter,
      unknownQuarter,
      deadlines: { counts: boardCounts(deadlineRows), rows: deadlineRows },
      roadmap: { ...roadmap, actual: roadmap.quarters.filter((q) => q.status === "drug_free").length },
    };
  }
}

/** Percent with no decimals, as officers write it: 0.8947 → 89. */
export function percent(rate: number): number {
  return Math.round(rate * 100);
}

