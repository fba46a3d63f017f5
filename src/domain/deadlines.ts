// Agencies' report deadlines: the plan's two recurring ones (half-year before
// 15 June, year before 15 December), ad-hoc ones, the reminder ladder and the
// compliance board. Dates are local calendar dates "YYYY-MM-DD" in the ward's zone.
import { localParts, zonedDate } from "./schedule.js";
import { foldVietnamese } from "./text.js";

export const DEADLINE_KINDS = ["half_year", "year", "adhoc"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * How a deadline's date reads. The plan's reports are due "trước ngày 15/6"
 * ("before"): one handed in on the 15th is a day late. An officer's ad-hoc
 * request is "before" too unless they wrote "chậm nhất ngày …" ("on_or_before").
 */
export const DUE_RULES = ["before", "on_or_before"] as const;
export type DueRule = (typeof DUE_RULES)[number];

export function dueRuleOf(value: string): DueRule {
  return value === "on_or_before" ? "on_or_before" : "before";
}

export const AGENCY_KINDS = ["police", "health", "culture", "economy", "front", "quarter", "other"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The offices the plan names; every quarter is an agency too (added from the ward's quarters). */
export const DEFAULT_AGENCIES: readonly { kind: AgencyKind; name: string }[] = [
  { kind: "police", name: "Công an phường" },
  { kind: "health", name: "Trạm Y tế phường" },
  { kind: "culture", name: "Phòng Văn hóa – Xã hội" },
  { kind: "economy", name: "Phòng Kinh tế, Hạ tầng và Đô thị" },
  { kind: "front", name: "Ủy ban MTTQ Việt Nam phường" },
];

export const DEADLINE_TITLE_MAX = 120;

// ---- Local calendar dates -------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date, or null ("2026-02-30" is not one). */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function toUtcDays(date: string): number {
  const p = parseIsoDate(date);
  if (!p) throw new Error(`not a date: ${date}`);
  return Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
}

export function addDays(date: string, days: number): string {
  const d = new Date((toUtcDays(date) + days) * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toUtcDays(to) - toUtcDays(from);
}

export function localDateOf(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return isoDate(p.year, p.month, p.day);
}

/** "15/6/2027", "15-06-2027", "2027-06-15", or "15/6" (this year, or next if already past). */
export function parseUserDate(text: string, today: string): string | null {
  const trimmed = text.trim();
  if (parseIsoDate(trimmed)) return trimmed;
  const m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(trimmed);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const thisYear = Number(today.slice(0, 4));
  if (m[3] !== undefined) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const date = isoDate(year, month, day);
    return parseIsoDate(date) ? date : null;
  }
  const date = isoDate(thisYear, month, day);
  if (!parseIsoDate(date)) return null;
  return date >= today ? date : isoDate(thisYear + 1, month, day);
}

/** "15/06/2026": how officers and agencies write dates. */
export function displayDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * A due date as officers type it: "20/12", "trước 20/12", "trước ngày 20/12/2026"
 * (before) or "chậm nhất 20/12", "chậm nhất ngày 20/12", "hết ngày 20/12" (that
 * day included); in English "before 20/12", "by 20/12", "on or before 20/12".
 * A bare date reads as the plan does: before.
 */
export function parseDueText(text: string, today: string): { dueOn: string; rule: DueRule } | null {
  const m = /^(.*?)\s*(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{4}-\d{2}-\d{2})\s*$/.exec(text.trim());
  if (!m) return null;
  const words = foldVietnamese(m[1]!);
  const rule: DueRule | null = BEFORE_WORDS.includes(words) ? "before" : ON_OR_BEFORE_WORDS.includes(words) ? "on_or_before" : null;
  const dueOn = parseUserDate(m[2]!, today);
  return rule && dueOn ? { dueOn, rule } : null;
}

const BEFORE_WORDS = ["", "truoc", "truoc ngay", "han", "han nop", "before"];
const ON_OR_BEFORE_WORDS = ["cham nhat", "cham nhat ngay", "cham nhat la ngay", "cham nhat vao ngay", "het ngay", "den het ngay", "trong ngay", "by", "on or before"];

/** The last day a report counts as on time: the day before for "before 15/6", the day itself for "on or before". */
export function lastOnTimeDay(dueOn: string, rule: DueRule): string {
  return rule === "before" ? addDays(dueOn, -1) : dueOn;
}

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** "15/6/2026" / "15 June 2026" (message dl-date). */
export function dueDateText(t: Translate, date: string): string {
  const p = parseIsoDate(date);
  if (!p) throw new Error(`not a date: ${date}`);
  // The year as text: Fluent would group 2026 as "2,026".
  return t("dl-date", { day: p.day, month: p.month, year: String(p.year) });
}

/** "trước ngày 15/6/2026" / "before 15 June 2026" (message dl-due). */
export function duePhrase(t: Translate, dueOn: string, rule: DueRule): string {
  return t("dl-due", { rule, date: dueDateText(t, dueOn) });
}

// ---- Recurring deadlines --------------------------------------------------

export interface RecurringDeadline {
  kind: "half_year" | "year";
  /** Report period it closes: "2026-H1" or "2026". */
  period: string;
  dueOn: string;
  rule: DueRule;
}

/** "Định kỳ 6 tháng (trước ngày 15/6), 01 năm (trước ngày 15/12)". */
export function recurringDeadlines(year: number): RecurringDeadline[] {
  return [
    { kind: "half_year", period: `${year}-H1`, dueOn: isoDate(year, 6, 15), rule: "before" },
    { kind: "year", period: String(year), dueOn: isoDate(year, 12, 15), rule: "before" },
  ];
}

/** The recurring deadlines that should exist today: this year's, and next year's from 15 December on. */
export function recurringDeadlinesFor(today: string): RecurringDeadline[] {
  const year = Number(today.slice(0, 4));
  const current = recurringDeadlines(year);
  return today >= isoDate(year, 12, 15) ? [...current, ...recurringDeadlines(year + 1)] : current;
}

// ---- The reminder ladder --------------------------------------------------

export interface ReminderLadder {
  /** Days before the last day to hand in on time, 0 meaning that day (14 June for "before 15 June"). */
  daysBefore: number[];
  /** While overdue, remind every this many days… */
  overdueEveryDays: number;
  /** …at most this many times. */
  overdueCount: number;
  /** Local hour of every reminder. */
  hour: number;
}

export const DEFAULT_LADDER: ReminderLadder = { daysBefore: [14, 7, 3, 1, 0], overdueEveryDays: 2, overdueCount: 10, hour: 8 };

export interface ReminderStep {
  /** Days relative to the last day to hand in on time: -14 … 0 (that day) … +2, +4 (overdue). */
  offsetDays: number;
  at: Date;
}

/** Every reminder of the ladder for one deadline that falls after `notBefore`. Weekends and holidays do not move them. */
export function reminderSchedule(dueOn: string, rule: DueRule, timeZone: string, ladder: ReminderLadder, notBefore: Date): ReminderStep[] {
  const lastDay = lastOnTimeDay(dueOn, rule);
  const offsets = [...new Set(ladder.daysBefore.map((d) => -d))].sort((a, b) => a - b);
  for (let i = 1; i <= ladder.overdueCount; i++) offsets.push(i * ladder.overdueEveryDays);
  return offsets
    .map((offsetDays) => {
      const p = parseIsoDate(addDays(lastDay, offsetDays))!;
      return { offsetDays, at: zonedDate(timeZone, p.year, p.month, p.day, ladder.hour) };
    })
    .filter((s) => s.at.getTime() > notBefore.getTime());
}

/** The morning after the last day to hand in on time (15 June for "before 15 June"): the police group gets the board on its own. */
export function boardTime(dueOn: string, rule: DueRule, timeZone: string, hour: number): Date {
  const p = parseIsoDate(addDays(lastOnTimeDay(dueOn, rule), 1))!;
  return zonedDate(timeZone, p.year, p.month, p.day, hour);
}

// ---- Compliance -----------------------------------------------------------

export type ComplianceState = "on_time" | "late" | "pending" | "overdue";

export interface Compliance {
  state: ComplianceState;
  /**
   * on_time: 0; late: days after the last on-time day it came in; pending:
   * days left after today (0: today is the last day); overdue: days past the last day.
   */
  days: number;
}

/** On time means by the last on-time day: for "before 15/6", a report handed in on the 15th is a day late. */
export function complianceOf(dueOn: string, rule: DueRule, submittedOn: string | null, today: string): Compliance {
  const lastDay = lastOnTimeDay(dueOn, rule);
  if (submittedOn !== null) {
    const late = daysBetween(lastDay, submittedOn);
    return late > 0 ? { state: "late", days: late } : { state: "on_time", days: 0 };
  }
  const left = daysBetween(today, lastDay);
  return left >= 0 ? { state: "pending", days: left } : { state: "overdue", days: -left };
}

export interface BoardEntry extends Compliance {
  agency: string;
  position: number;
  submittedOn: string | null;
  withFile: boolean;
}

const STATE_ORDER: Record<ComplianceState, number> = { overdue: 0, pending: 1, late: 2, on_time: 3 };

/** Who is late first (most days first), then who has not submitted yet, then who did. */
export function sortBoard(entries: readonly BoardEntry[]): BoardEntry[] {
  return [...entries].sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || (a.state === "overdue" ? b.days - a.days : 0) || a.position - b.position);
}

export function boardCounts(entries: readonly Compliance[]): Record<ComplianceState, number> {
  const counts: Record<ComplianceState, number> = { on_time: 0, late: 0, pending: 0, overdue: 0 };
  for (const e of entries) counts[e.state]++;
  return counts;
}

/** "1,3,5-7" → [1,3,5,6,7]; null when anything is not a number in 1..max. */
export function parseNumberList(text: string, max: number): number[] | null {
  const out = new Set<number>();
  for (const part of text.split(/[,\s;]+/).filter(Boolean)) {
    const m = /^(\d{1,3})(?:-(\d{1,3}))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to > max || from > to) return null;
    for (let n = from; n <= to; n++) out.add(n);
  }
  return out.size > 0 ? [...out].sort((a, b) => a - b) : null;
}
