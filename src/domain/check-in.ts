// The weekly check-in a quarter head answers: one list of questions, used by
// every channel, with its validation and the weekly aggregation.
import { z } from "zod";

export type QuestionKind = "yesno" | "count" | "text";

export interface CheckInQuestion {
  key: string;
  kind: QuestionKind;
  /** yes/no questions ask "where / what" after a yes. */
  detailOnYes?: boolean;
}

export const CHECK_IN_QUESTIONS = [
  { key: "newSigns", kind: "yesno", detailOnYes: true },
  { key: "newSuspectedUsers", kind: "count" },
  { key: "rehabStable", kind: "count" },
  { key: "rehabRelapsed", kind: "count" },
  { key: "rehabMovedAway", kind: "count" },
  { key: "suspiciousBusinesses", kind: "yesno", detailOnYes: true },
  { key: "plantGrowing", kind: "yesno", detailOnYes: true },
  { key: "awarenessActivities", kind: "count" },
  { key: "urgent", kind: "yesno", detailOnYes: true },
  { key: "note", kind: "text" },
] as const satisfies readonly CheckInQuestion[];

export type CheckInQuestionKey = (typeof CHECK_IN_QUESTIONS)[number]["key"];

export const COUNT_MAX = 10_000;
export const DETAIL_MAX = 500;
export const NOTE_MAX = 1000;

const yesNo = z.object({ yes: z.boolean(), detail: z.string().trim().max(DETAIL_MAX).nullable() });
const count = z.number().int().min(0).max(COUNT_MAX);

export const checkInAnswersSchema = z.object({
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
export type CheckInAnswers = z.infer<typeof checkInAnswersSchema>;

/** "Không có gì mới": all counts zero, every sign "no". */
export const NOTHING_TO_REPORT: CheckInAnswers = {
  newSigns: { yes: false, detail: null },
  newSuspectedUsers: 0,
  rehabStable: 0,
  rehabRelapsed: 0,
  rehabMovedAway: 0,
  suspiciousBusinesses: { yes: false, detail: null },
  plantGrowing: { yes: false, detail: null },
  awarenessActivities: 0,
  urgent: { yes: false, detail: null },
  note: null,
};

/** Reads a typed count leniently ("3", " 03 ", "3 người") and refuses the rest. */
export function parseCount(text: string): number | null {
  const m = /^\s*(\d{1,5})\b/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return n <= COUNT_MAX ? n : null;
}

export function hasSigns(a: CheckInAnswers): boolean {
  return a.newSigns.yes || a.suspiciousBusinesses.yes || a.plantGrowing.yes || a.urgent.yes || a.newSuspectedUsers > 0 || a.rehabRelapsed > 0;
}

export type QuarterStatus = "missing" | "nothing" | "signs" | "urgent" | "skipped";

export interface QuarterWeek {
  quarterId: string;
  name: string;
  /** null when the quarter has no head to ask */
  answers: CheckInAnswers | null;
  answered: boolean;
  hasHead: boolean;
}

export interface WeeklyTotals {
  newSuspectedUsers: number;
  rehabStable: number;
  rehabRelapsed: number;
  rehabMovedAway: number;
  awarenessActivities: number;
  quartersWithSigns: number;
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
  totals: WeeklyTotals;
  /** This week minus last week, per total; null when last week had no answers. */
  change: WeeklyTotals | null;
  quarters: { name: string; status: QuarterStatus; weight: number }[];
}

function totalsOf(rows: readonly QuarterWeek[]): WeeklyTotals {
  const t: WeeklyTotals = { newSuspectedUsers: 0, rehabStable: 0, rehabRelapsed: 0, rehabMovedAway: 0, awarenessActivities: 0, quartersWithSigns: 0 };
  for (const r of rows) {
    if (!r.answered || !r.answers) continue;
    t.newSuspectedUsers += r.answers.newSuspectedUsers;
    t.rehabStable += r.answers.rehabStable;
    t.rehabRelapsed += r.answers.rehabRelapsed;
    t.rehabMovedAway += r.answers.rehabMovedAway;
    t.awarenessActivities += r.answers.awarenessActivities;
    if (hasSigns(r.answers)) t.quartersWithSigns += 1;
  }
  return t;
}

export function statusOf(r: QuarterWeek): QuarterStatus {
  if (!r.hasHead) return "skipped";
  if (!r.answered || !r.answers) return "missing";
  if (r.answers.urgent.yes) return "urgent";
  return hasSigns(r.answers) ? "signs" : "nothing";
}

export function summarizeWeek(week: string, rows: readonly QuarterWeek[], previous: readonly QuarterWeek[] | null): WeeklySummary {
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
    quarters: rows.map((r) => ({
      name: r.name,
      status: statusOf(r),
      weight: r.answers && r.answered ? r.answers.newSuspectedUsers + r.answers.rehabRelapsed + [r.answers.newSigns, r.answers.suspiciousBusinesses, r.answers.plantGrowing, r.answers.urgent].filter((x) => x.yes).length : 0,
    })),
  };
}
