// Agencies' report deadlines: the plan's two recurring ones (half-year before
// 15 June, year before 15 December), ad-hoc ones, the reminder ladder and the
// compliance board. Dates are local calendar dates "YYYY-MM-DD" in the ward's zone.
import { localParts, zonedDate } from "./schedule.js";

export const DEADLINE_KINDS = ["half_year", "year", "adhoc"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

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

// ---- Recurring deadlines --------------------------------------------------

export interface RecurringDeadline {
  kind: "half_year" | "year";
  /** Report period it closes: "2026-H1" or "2026". */
  period: string;
  dueOn: string;
}

export function recurringDeadlines(year: number): RecurringDeadline[] {
  return [
    { kind: "half_year", period: `${year}-H1`, dueOn: isoDate(year, 6, 15) },
    { kind: "year", period: String(year), dueOn: isoDate(year, 12, 15) },
  ];
}

/** The recurring deadlines that should exist today: this year's, and next year's once this year's last one passed. */
export function recurringDeadlinesFor(today: string): RecurringDeadline[] {
  const year = Number(today.slice(0, 4));
  const current = recurringDeadlines(year);
  return today > isoDate(year, 12, 15) ? [...current, ...recurringDeadlines(year + 1)] : current;
}

// ---- The reminder ladder --------------------------------------------------

export interface ReminderLadder {
  /** Days before the due date to remind, 0 meaning on the day. */
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
  /** Days relative to the due date: -14 … 0 … +2, +4. */
  offsetDays: number;
  at: Date;
}

/** Every reminder of the ladder for one due date that falls after `notBefore`. Weekends and holidays do not move them. */
export function reminderSchedule(dueOn: string, timeZone: string, ladder: ReminderLadder, notBefore: Date): ReminderStep[] {
  const offsets = [...new Set(ladder.daysBefore.map((d) => -d))].sort((a, b) => a - b);
  for (let i = 1; i <= ladder.overdueCount; i++) offsets.push(i * ladder.overdueEveryDays);
  return offsets
    .map((offsetDays) => {
      const p = parseIsoDate(addDays(dueOn, offsetDays))!;
      return { offsetDays, at: zonedDate(timeZone, p.year, p.month, p.day, ladder.hour) };
    })
    .filter((s) => s.at.getTime() > notBefore.getTime());
}

/** The morning after the due date: when the police group gets the board on its own. */
export function boardTime(dueOn: string, timeZone: string, hour: number): Date {
  const p = parseIsoDate(addDays(dueOn, 1))!;
  return zonedDate(timeZone, p.year, p.month, p.day, hour);
}

// ---- Compliance -----------------------------------------------------------

export type ComplianceState = "on_time" | "late" | "pending" | "overdue";

export interface Compliance {
  state: ComplianceState;
  /** on_time: 0; late: days late when submitted; pending: days left; overdue: days past due. */
  days: number;
}

/** Submitting on the due date itself counts as on time. */
export function complianceOf(dueOn: string, submittedOn: string | null, today: string): Compliance {
  if (submittedOn !== null) {
    const late = daysBetween(dueOn, submittedOn);
    return late > 0 ? { state: "late", days: late } : { state: "on_time", days: 0 };
  }
  const left = daysBetween(today, dueOn);
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
