// The weekly check-ins' part of a report, as one typed block: per quarter, the
// stocks as of the period's end (people under the ward's management) and the
// flows summed over the period (newly suspected, back from rehab or prison,
// relapsed, moved away, incidents, awareness sessions and participants, plants
// and venues found). A figure the check-in does not ask is null, never 0, so a
// report says "not collected" rather than "none".
import { type CheckInAnswers, hasSigns } from "./check-in.js";

/** People under the ward's management: the plans count addicts and other users separately, and people after rehab. */
export const STOCK_KEYS = ["addicts", "users", "postRehab"] as const;
export type StockKey = (typeof STOCK_KEYS)[number];

export const FLOW_KEYS = [
  "newSuspectedUsers",
  "backFromRehab",
  "backFromPrison",
  "relapsed",
  "movedAway",
  "incidents",
  "awarenessSessions",
  "awarenessParticipants",
  "dealingPoints",
  "useVenues",
  "plantSites",
] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];

/** A count, or null when the check-in does not collect it. */
export type Figure = number | null;
export type Stocks = Record<StockKey, Figure>;
export type Flows = Record<FlowKey, Figure>;

export interface QuarterCheckIns {
  quarterId: string;
  /** Weekly check-ins asked of the quarter in the period, and answered. */
  expected: number;
  answered: number;
  withSigns: number;
  urgent: number;
  /** As of the period's end. */
  stocks: Stocks;
  /** Summed over the period. */
  flows: Flows;
}

export interface CheckInBlock {
  quarters: QuarterCheckIns[];
}

export const unknownStocks = (): Stocks => ({ addicts: null, users: null, postRehab: null });
export const unknownFlows = (): Flows => Object.fromEntries(FLOW_KEYS.map((k) => [k, null])) as Flows;

/** Null + null = null (not collected anywhere); otherwise nulls count as 0. */
export function addFigures(a: Figure, b: Figure): Figure {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

/** One week's row as the check-in stores it today. */
export interface StoredCheckIn {
  quarterId: string;
  week: string;
  status: string;
  nothingToReport: boolean;
  urgent: boolean;
  /** Parsed answers when answered, else null. */
  answers: CheckInAnswers | null;
}

/**
 * The check-in aggregation of today's questions, behind the block: flows summed
 * over the weeks; the one stock the check-in asks (people after rehab who are
 * stable) taken from the quarter's latest answer that gave figures, never summed
 * ("Không có gì mới" means no change, so it does not reset the stock).
 * TODO(ward-data): replaced by the check-in's own stocksAt / flowsBetween once
 * the weekly check-in reports stocks and flows (see services/report-check-ins.ts).
 */
export class StoredCheckInAggregator {
  private readonly quarters = new Map<string, QuarterCheckIns & { stockWeek: string | null }>();

  constructor(quarterIds: readonly string[]) {
    for (const id of quarterIds) {
      this.quarters.set(id, {
        quarterId: id,
        expected: 0,
        answered: 0,
        withSigns: 0,
        urgent: 0,
        stocks: { addicts: null, users: null, postRehab: 0 },
        flows: { ...unknownFlows(), newSuspectedUsers: 0, relapsed: 0, movedAway: 0, awarenessSessions: 0 },
        stockWeek: null,
      });
    }
  }

  add(row: StoredCheckIn): void {
    const q = this.quarters.get(row.quarterId);
    if (!q) return;
    q.expected++;
    if (row.status !== "answered" || !row.answers) return;
    const a = row.answers;
    q.answered++;
    if (hasSigns(a)) q.withSigns++;
    if (row.urgent || a.urgent.yes) q.urgent++;
    q.flows.newSuspectedUsers! += a.newSuspectedUsers;
    q.flows.relapsed! += a.rehabRelapsed;
    q.flows.movedAway! += a.rehabMovedAway;
    q.flows.awarenessSessions! += a.awarenessActivities;
    if (!row.nothingToReport && (q.stockWeek === null || row.week > q.stockWeek)) {
      q.stockWeek = row.week;
      q.stocks.postRehab = a.rehabStable;
    }
  }

  finish(): CheckInBlock {
    return { quarters: [...this.quarters.values()].map(({ stockWeek: _, ...q }) => ({ ...q, stocks: { ...q.stocks }, flows: { ...q.flows } })) };
  }
}
