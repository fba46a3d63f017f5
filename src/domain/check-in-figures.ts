// The weekly check-ins' part of a report, as one typed block: per quarter, how
// many weeks were asked and answered, the stocks as of the period's end (people
// under the ward's management, each the latest figure a head confirmed, or
// unknown) and the flows summed over the period. The check-in service gives the
// stocks and flows (stocksAt, flowsBetween); the report never sums a stock.
import { type CheckInAnswers, type FlowCounts, hasSigns, type QuarterStocks } from "./check-in.js";

export { FLOW_KEYS, type FlowKey, STOCK_KINDS, type StockKind } from "./check-in.js";

export interface QuarterCheckIns {
  quarterId: string;
  /** Weekly check-ins asked of the quarter in the period, and answered. */
  expected: number;
  answered: number;
  withSigns: number;
  urgent: number;
  /** As of the period's end: the latest figure a head confirmed, or null when none ever did. */
  stocks: QuarterStocks;
  /** Summed over the period. */
  flows: FlowCounts;
}

export interface CheckInBlock {
  quarters: QuarterCheckIns[];
}

/** One quarter-week as stored, for the response figures (asked, answered, signs, urgent). */
export interface StoredCheckIn {
  quarterId: string;
  status: string;
  urgent: boolean;
  /** Parsed answers when answered, else null. */
  answers: CheckInAnswers | null;
}

export type CheckInResponses = Pick<QuarterCheckIns, "expected" | "answered" | "withSigns" | "urgent">;

/** Counts a period's quarter-weeks, row by row: asked, answered, with signs, urgent. Reads no count. */
export class ResponseTally {
  private readonly quarters = new Map<string, CheckInResponses>();

  constructor(quarterIds: readonly string[]) {
    for (const id of quarterIds) this.quarters.set(id, { expected: 0, answered: 0, withSigns: 0, urgent: 0 });
  }

  /** `count`: how many quarter-weeks of the quarter were stored alike (the report reads them grouped). */
  add(row: StoredCheckIn, count = 1): void {
    const q = this.quarters.get(row.quarterId);
    if (!q) return;
    q.expected += count;
    if (row.status !== "answered" || !row.answers) return;
    q.answered += count;
    if (hasSigns(row.answers)) q.withSigns += count;
    if (row.urgent || row.answers.urgent.yes) q.urgent += count;
  }

  of(quarterId: string): CheckInResponses {
    return { ...(this.quarters.get(quarterId) ?? { expected: 0, answered: 0, withSigns: 0, urgent: 0 }) };
  }
}
