// Reporting periods: month, quarter, half-year and year. Vietnam's periodic
// reports (Decree 09/2019/NĐ-CP, art. 12) close their figures on the 14th: a
// month runs from the 15th of the month before to the 14th, a quarter from the
// 15th of the month before it to the 14th of its last month, the half-year and
// the year from 15 December of the year before to 14 June or 14 December.
// Dates are local calendar dates "YYYY-MM-DD" in the ward's zone.
import { addDays, isoDate } from "./deadlines.js";
import { weekKeyOf, zonedDate } from "./schedule.js";

export const PERIOD_KINDS = ["month", "quarter", "half_year", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface ReportPeriod {
  /** "2026-03" (month), "2026-Q1" (quarter), "2026-H1" (half-year) or "2026" (year). */
  key: string;
  kind: PeriodKind;
  year: number;
  /** The month (1–12) or quarter (1–4); null for a half-year or a year. */
  index: number | null;
  /** Inclusive local dates. */
  from: string;
  to: string;
}

/** The period whose figures close on `to` (the 14th of its last month), `months` long. */
function closingOn(kind: PeriodKind, year: number, lastMonth: number, months: number, key: string, index: number | null): ReportPeriod {
  const to = isoDate(year, lastMonth, 14);
  const startMonth = lastMonth - months; // the month before the period's first, may be ≤ 0
  const from = isoDate(startMonth <= 0 ? year - 1 : year, ((startMonth + 11) % 12) + 1, 15);
  return { key, kind, year, index, from, to };
}

export function monthPeriod(year: number, month: number): ReportPeriod {
  return closingOn("month", year, month, 1, `${year}-${String(month).padStart(2, "0")}`, month);
}

export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  return closingOn("quarter", year, quarter * 3, 3, `${year}-Q${quarter}`, quarter);
}

export function halfYearPeriod(year: number): ReportPeriod {
  return closingOn("half_year", year, 6, 6, `${year}-H1`, null);
}

export function yearPeriod(year: number): ReportPeriod {
  return closingOn("year", year, 12, 12, String(year), null);
}

const YEAR = "(20\\d\\d)";
const FORMS: readonly [RegExp, (m: RegExpExecArray) => ReportPeriod | null][] = [
  [new RegExp(`^${YEAR}$`), (m) => yearPeriod(Number(m[1]))],
  [new RegExp(`^${YEAR}-?H1$`), (m) => halfYearPeriod(Number(m[1]))],
  [new RegExp(`^${YEAR}-?Q([1-4])$`), (m) => quarterPeriod(Number(m[1]), Number(m[2]))],
  [new RegExp(`^Q([1-4])[/-]${YEAR}$`), (m) => quarterPeriod(Number(m[2]), Number(m[1]))],
  [new RegExp(`^${YEAR}-(0?[1-9]|1[0-2])$`), (m) => monthPeriod(Number(m[1]), Number(m[2]))],
  [new RegExp(`^T?(0?[1-9]|1[0-2])[/-]${YEAR}$`), (m) => monthPeriod(Number(m[2]), Number(m[1]))],
];

/**
 * A period as officers type it: "2026", "2026-H1", "2026-Q1" or "Q1/2026",
 * "2026-03", "3/2026" or "T3/2026" (case and spaces aside); null otherwise.
 */
export function reportPeriod(typed: string): ReportPeriod | null {
  const text = typed.trim().toUpperCase().replace(/\s+/g, "");
  for (const [re, make] of FORMS) {
    const m = re.exec(text);
    if (m) return make(m);
  }
  return null;
}

/** The period of a kind whose figures include `today` (a local date); for a half-year from July on, the one just finished. */
export function periodContaining(kind: PeriodKind, today: string): ReportPeriod {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  // The reporting month that holds today: after the 14th, the next one.
  let year = y;
  let month = m;
  if (d >= 15) {
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  switch (kind) {
    case "month":
      return monthPeriod(year, month);
    case "quarter":
      return quarterPeriod(year, Math.ceil(month / 3));
    case "half_year":
      // Only the first half has a report of its own: from July on, the one just finished.
      return halfYearPeriod(year);
    case "year":
      return yearPeriod(year);
  }
}

/** The period of the same kind just before. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  switch (period.kind) {
    case "month":
      return period.index === 1 ? monthPeriod(period.year - 1, 12) : monthPeriod(period.year, period.index! - 1);
    case "quarter":
      return period.index === 1 ? quarterPeriod(period.year - 1, 4) : quarterPeriod(period.year, period.index! - 1);
    case "half_year":
      return halfYearPeriod(period.year - 1);
    case "year":
      return yearPeriod(period.year - 1);
  }
}

/** The period the next recurring deadline closes: until 15 June the half-year, until 15 December the year. */
export function currentPeriod(today: string): ReportPeriod {
  const year = Number(today.slice(0, 4));
  if (today <= isoDate(year, 6, 15)) return halfYearPeriod(year);
  if (today <= isoDate(year, 12, 15)) return yearPeriod(year);
  return halfYearPeriod(year + 1);
}

/** The instants and ISO weeks a period covers in a time zone (`to` inclusive). */
export function periodBounds(period: Pick<ReportPeriod, "from" | "to">, timeZone: string): { start: Date; end: Date; firstWeek: string; lastWeek: string } {
  const [fy, fm, fd] = period.from.split("-").map(Number) as [number, number, number];
  const next = addDays(period.to, 1);
  const [ty, tm, td] = next.split("-").map(Number) as [number, number, number];
  const start = zonedDate(timeZone, fy, fm, fd);
  const end = zonedDate(timeZone, ty, tm, td);
  return { start, end, firstWeek: weekKeyOf(start, timeZone), lastWeek: weekKeyOf(new Date(end.getTime() - 1), timeZone) };
}

/** The reporting month ("2026-03") a local date's figures belong to: after the 14th, the next month's. */
export function reportingMonthOf(date: string): string {
  return periodContaining("month", date).key;
}

const ROMAN = ["I", "II", "III", "IV"] as const;

/** "I" … "IV": quarters are written in Roman numerals in Vietnamese documents. */
export function romanQuarter(quarter: number): string {
  return ROMAN[quarter - 1] ?? String(quarter);
}

/** The reporting months a period is made of, in order: 2026-H1 (15/12/2025–14/6/2026) is "2026-01" … "2026-06". */
export function reportingMonthsOf(period: Pick<ReportPeriod, "from" | "to">): string[] {
  const months: string[] = [];
  for (let m = periodContaining("month", period.from); m.to <= period.to; m = nextMonth(m)) months.push(m.key);
  return months;
}

function nextMonth(month: ReportPeriod): ReportPeriod {
  return month.index === 12 ? monthPeriod(month.year + 1, 1) : monthPeriod(month.year, month.index! + 1);
}
