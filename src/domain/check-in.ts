// The weekly check-in a quarter head answers: one list of questions, used by
// every channel, with its validation and the weekly aggregation.
//
// Two kinds of figures, never mixed:
// - stocks: how many people the quarter has under management now (users,
//   addicts, post-rehab). A head confirms them ("còn đúng không?") and changes
//   them only when they change; a report takes their value at a date.
// - flows: what happened this week (newly suspected, back from rehab…). A
//   report sums them over its period.
// Counts only, never names.
import { z } from "zod";

// ---- Stocks ---------------------------------------------------------------

/** People under the ward's management, per quarter: the plans count users and addicts separately. */
export const STOCK_KINDS = ["addicts", "users", "postRehab"] as const;
export type StockKind = (typeof STOCK_KINDS)[number];
export type StockCounts = Record<StockKind, number>;

/** A stock's latest known value and the local date (YYYY-MM-DD) a head last confirmed it. */
export interface StockFigure {
  count: number;
  confirmedOn: string;
}
/** null: no head has given this figure yet. */
export type QuarterStocks = Record<StockKind, StockFigure | null>;

export const UNKNOWN_STOCKS: QuarterStocks = { addicts: null, users: null, postRehab: null };

/** What one answered week says about stocks: a value per kind, or null when the week did not give one. */
export interface StockObservation {
  /** Local date the week's check-in opened: the week belongs to this date. */
  weekOf: string;
  /** Local date the head answered: when the value was confirmed. */
  confirmedOn: string;
  stocks: Record<StockKind, number | null>;
}

/** Each stock's value as of `date`: the latest week opened on or before it that gave one. Never a sum over weeks. */
export function stocksAsOf(observations: Iterable<StockObservation>, date: string): QuarterStocks {
  const best: Record<StockKind, { weekOf: string; figure: StockFigure } | null> = { addicts: null, users: null, postRehab: null };
  for (const o of observations) {
    if (o.weekOf > date) continue;
    for (const kind of STOCK_KINDS) {
      const count = o.stocks[kind];
      if (count === null) continue;
      const current = best[kind];
      if (!current || o.weekOf > current.weekOf) best[kind] = { weekOf: o.weekOf, figure: { count, confirmedOn: o.confirmedOn } };
    }
  }
  return { addicts: best.addicts?.figure ?? null, users: best.users?.figure ?? null, postRehab: best.postRehab?.figure ?? null };
}

/** What "Không có gì mới" (or "còn đúng") stores: the stocks as they stand, unchanged. */
export function unchangedStocks(current: QuarterStocks): Record<StockKind, number | null> {
  return { addicts: current.addicts?.count ?? null, users: current.users?.count ?? null, postRehab: current.postRehab?.count ?? null };
}

export function stocksKnown(current: QuarterStocks): current is Record<StockKind, StockFigure> {
  return STOCK_KINDS.every((k) => current[k] !== null);
}

// ---- Flows and signs --------------------------------------------------------

/** What happened in the week, summed over a report's period. */
export const FLOW_KEYS = [
  "newSuspectedUsers",
  "backFromRehab",
  "backFromPrison",
  "relapsed",
  "movedAway",
  "incidents",
  "dealingPoints",
  "useVenues",
  "plantSites",
  "awarenessSessions",
  "awarenessParticipants",
] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];
export type FlowCounts = Record<FlowKey, number>;

export const zeroFlows = (): FlowCounts => Object.fromEntries(FLOW_KEYS.map((k) => [k, 0])) as FlowCounts;

export const SIGN_KEYS = ["newSigns", "plantGrowing", "suspiciousBusinesses", "urgent"] as const;
export type SignKey = (typeof SIGN_KEYS)[number];

/**
 * The questions in the order a head meets them. A gate asks one yes/no and,
 * on yes, its counts (no: all zero); a sign asks yes/no, then its counts and
 * "where" on yes; a count may have a follow-up asked only when it is above zero.
 */
export type CheckInStep =
  | { kind: "gate"; key: "peopleChanged"; counts: readonly FlowKey[] }
  | { kind: "sign"; key: SignKey; counts: readonly FlowKey[]; detail: boolean }
  | { kind: "count"; key: FlowKey; followUp?: FlowKey }
  | { kind: "text"; key: "note" };

export const CHECK_IN_STEPS: readonly CheckInStep[] = [
  { kind: "gate", key: "peopleChanged", counts: ["newSuspectedUsers", "backFromRehab", "backFromPrison", "relapsed", "movedAway"] },
  { kind: "count", key: "incidents" },
  { kind: "sign", key: "newSigns", counts: ["dealingPoints", "useVenues"], detail: true },
  { kind: "sign", key: "plantGrowing", counts: ["plantSites"], detail: true },
  { kind: "sign", key: "suspiciousBusinesses", counts: [], detail: true },
  { kind: "count", key: "awarenessSessions", followUp: "awarenessParticipants" },
  { kind: "sign", key: "urgent", counts: [], detail: true },
  { kind: "text", key: "note" },
];

export const COUNT_MAX = 10_000;
export const DETAIL_MAX = 500;
export const NOTE_MAX = 1000;

const yesNo = z.object({ yes: z.boolean(), detail: z.string().trim().max(DETAIL_MAX).nullable() });
const count = z.number().int().min(0).max(COUNT_MAX);

export const flowCountsSchema = z.object(Object.fromEntries(FLOW_KEYS.map((k) => [k, count])) as Record<FlowKey, typeof count>);
export const stockCountsSchema = z.object({ addicts: count, users: count, postRehab: count });

/** A week's answers as stored (JSON): flows, signs and a note. Stocks live in their own columns. */
export const checkInAnswersSchema = z.object({
  flows: flowCountsSchema,
  newSigns: yesNo,
  plantGrowing: yesNo,
  suspiciousBusinesses: yesNo,
  urgent: yesNo,
  note: z.string().trim().max(NOTE_MAX).nullable(),
});
export type CheckInAnswers = z.infer<typeof checkInAnswersSchema>;

/** A full check-in as the head submits it: this week's answers and the stocks as they now stand. */
export interface CheckInSubmission {
  answers: CheckInAnswers;
  stocks: StockCounts;
}

const NO = { yes: false, detail: null } as const;

/** "Không có gì mới": no change to stocks, every flow zero, every sign "no". */
export const NOTHING_TO_REPORT: CheckInAnswers = {
  flows: zeroFlows(),
  newSigns: NO,
  plantGrowing: NO,
  suspiciousBusinesses: NO,
  urgent: NO,
  note: null,
};

// Before stocks and flows were told apart (until December 2026) a week stored
// "rehabStable" (a stock, asked every week) beside the flows. Old rows are read
// through this adapter; the migration moved rehabStable into the stock columns.
const legacyAnswersSchema = z.object({
  newSigns: yesNo,
  newSuspectedUsers: count,
  rehabStable: count,
  rehabRelapsed: count,
  rehabMovedAway: count,
  suspiciousBusinesses: yesNo,
  plantGrowing: yesNo,
  awarenessActivities: count,
  urgent: yesNo,
  note: z.string().trim().max(NOTE_MAX).nullable(),
});

/** Stored answers of any version, or null when they are not answers (a pending week's "{}"). */
export function readStoredAnswers(json: string): CheckInAnswers | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const current = checkInAnswersSchema.safeParse(value);
  if (current.success) return current.data;
  const legacy = legacyAnswersSchema.safeParse(value);
  if (!legacy.success) return null;
  const a = legacy.data;
  return {
    flows: { ...zeroFlows(), newSuspectedUsers: a.newSuspectedUsers, relapsed: a.rehabRelapsed, movedAway: a.rehabMovedAway, awarenessSessions: a.awarenessActivities },
    newSigns: a.newSigns,
    plantGrowing: a.plantGrowing,
    suspiciousBusinesses: a.suspiciousBusinesses,
    urgent: a.urgent,
    note: a.note,
  };
}

/** Reads a typed count leniently ("3", " 03 ", "3 người") and refuses the rest. */
export function parseCount(text: string): number | null {
  const m = /^\s*(\d{1,5})\b/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return n <= COUNT_MAX ? n : null;
}

/** Signs the police should look at: people newly suspected or relapsed, incidents, places found, any "yes". */
export function hasSigns(a: CheckInAnswers): boolean {
  const f = a.flows;
  return (
    SIGN_KEYS.some((k) => a[k].yes) ||
    f.newSuspectedUsers > 0 ||
    f.relapsed > 0 ||
    f.incidents > 0 ||
    f.dealingPoints > 0 ||
    f.useVenues > 0 ||
    f.plantSites > 0
  );
}

export function addFlows(into: FlowCounts, add: FlowCounts): void {
  for (const k of FLOW_KEYS) into[k] += add[k];
}

// ---- The week's summary -----------------------------------------------------

export type QuarterStatus = "missing" | "nothing" | "signs" | "urgent" | "skipped";

export interface QuarterWeek {
  quarterId: string;
  name: string;
  /** null when the quarter has no head to ask */
  answers: CheckInAnswers | null;
  answered: boolean;
  hasHead: boolean;
}

export interface WeeklyTotals extends FlowCounts {
  quartersWithSigns: number;
}

/** The ward's stocks as the latest confirmed figures of its quarters say. */
export interface WardStocks {
  totals: StockCounts;
  /** How many quarters have given each figure. */
  known: Record<StockKind, number>;
  quarters: number;
}

export interface WeeklySummary {
  week: string;
  expected: number;
  answered: number;
  /** 0..1 */
  responseRate: number;
  missing: string[];
  withSigns: string[];
  urgent: string[];
  /** This week's flows, summed over the quarters that answered. */
  totals: WeeklyTotals;
  /** This week minus last week, per total; null when last week had no answers. */
  change: WeeklyTotals | null;
  /** Stocks as they stand: a count of people, not of this week's events. */
  stocks: WardStocks;
  quarters: { name: string; status: QuarterStatus }[];
}

function totalsOf(rows: readonly QuarterWeek[]): WeeklyTotals {
  const t: WeeklyTotals = { ...zeroFlows(), quartersWithSigns: 0 };
  for (const r of rows) {
    if (!r.answered || !r.answers) continue;
    addFlows(t, r.answers.flows);
    if (hasSigns(r.answers)) t.quartersWithSigns += 1;
  }
  return t;
}

export function wardStocks(perQuarter: readonly QuarterStocks[]): WardStocks {
  const totals: StockCounts = { addicts: 0, users: 0, postRehab: 0 };
  const known: Record<StockKind, number> = { addicts: 0, users: 0, postRehab: 0 };
  for (const q of perQuarter) {
    for (const k of STOCK_KINDS) {
      const figure = q[k];
      if (!figure) continue;
      totals[k] += figure.count;
      known[k] += 1;
    }
  }
  return { totals, known, quarters: perQuarter.length };
}

export function statusOf(r: QuarterWeek): QuarterStatus {
  if (!r.hasHead) return "skipped";
  if (!r.answered || !r.answers) return "missing";
  if (r.answers.urgent.yes) return "urgent";
  return hasSigns(r.answers) ? "signs" : "nothing";
}

export function summarizeWeek(week: string, rows: readonly QuarterWeek[], previous: readonly QuarterWeek[] | null, stocks: WardStocks): WeeklySummary {
  const asked = rows.filter((r) => r.hasHead);
  const answered = asked.filter((r) => r.answered);
  const totals = totalsOf(rows);
  const previousAnswered = previous?.some((r) => r.answered) ?? false;
  const before = previous && previousAnswered ? totalsOf(previous) : null;
  const change = before
    ? (Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v - before[k as keyof WeeklyTotals]])) as unknown as WeeklyTotals)
    : null;
  return {
    week,
    expected: asked.length,
    answered: answered.length,
    responseRate: asked.length === 0 ? 0 : answered.length / asked.length,
    missing: asked.filter((r) => !r.answered).map((r) => r.name),
    withSigns: rows.filter((r) => ["signs", "urgent"].includes(statusOf(r))).map((r) => r.name),
    urgent: rows.filter((r) => statusOf(r) === "urgent").map((r) => r.name),
    totals,
    change,
    stocks,
    quarters: rows.map((r) => ({ name: r.name, status: statusOf(r) })),
  };
}
