// Calendar rules for the weekly check-in, in the ward's time zone. Vietnam has
// no daylight saving, but nothing here assumes a fixed offset.

export interface CheckInSchedule {
  /** ISO weekday the check-in opens: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local hour it opens. */
  hour: number;
  /** How long it stays open. */
  windowHours: number;
  /** Reminders to heads who have not answered, in hours after opening. */
  reminderHours: number[];
}

export const DEFAULT_SCHEDULE: CheckInSchedule = { weekday: 5, hour: 8, windowHours: 72, reminderHours: [24, 48] };

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

// Building a formatter costs far more than using one (a report converts thousands of dates): one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function localParts(date: Date, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    weekday: weekdays.indexOf(get("weekday")) + 1,
  };
}

function offsetMs(date: Date, timeZone: string): number {
  const p = localParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return asUtc - Math.floor(date.getTime() / 60_000) * 60_000;
}

/** The instant a local wall-clock time in `timeZone` names. */
export function zonedDate(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - offsetMs(new Date(wall), timeZone);
  // Once more in case the first guess crossed an offset change.
  guess = wall - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** ISO 8601 week of a calendar date: weeks start on Monday, week 1 holds the first Thursday. */
export function isoWeekOfDate(year: number, month: number, day: number): { isoYear: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(isoYear, 0, 4));
  const week1Monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  const week = 1 + Math.round((thursday.getTime() - 3 * 86_400_000 - week1Monday) / (7 * 86_400_000));
  return { isoYear, week };
}

export function formatWeekKey(isoYear: number, week: number): string {
  return `${isoYear}-W${String(week).padStart(2, "0")}`;
}

export function parseWeekKey(key: string): { isoYear: number; week: number } {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) throw new Error(`not an ISO week: ${key}`);
  return { isoYear: Number(m[1]), week: Number(m[2]) };
}

/** The ISO week an instant falls in, in the ward's time zone. */
export function weekKeyOf(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  const { isoYear, week } = isoWeekOfDate(p.year, p.month, p.day);
  return formatWeekKey(isoYear, week);
}

/** A week as people name it: "23 (01/6–07/6)", its number then Monday to Sunday (read after "tuần"). */
export function weekLabel(weekKey: string): string {
  const { week } = parseWeekKey(weekKey);
  const monday = mondayOf(weekKey);
  const sunday = new Date(Date.UTC(monday.year, monday.month - 1, monday.day + 6));
  const day = (d: number, m: number) => `${String(d).padStart(2, "0")}/${m}`;
  return `${week} (${day(monday.day, monday.month)}–${day(sunday.getUTCDate(), sunday.getUTCMonth() + 1)})`;
}

/** Local calendar date (y, m, d) of the Monday of an ISO week. */
export function mondayOf(weekKey: string): { year: number; month: number; day: number } {
  const { isoYear, week } = parseWeekKey(weekKey);
  const jan4 = new Date(Date.UTC(isoYear, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (week - 1) * 7 * 86_400_000);
  return { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() };
}

export function shiftWeek(weekKey: string, weeks: number): string {
  const { year, month, day } = mondayOf(weekKey);
  const shifted = new Date(Date.UTC(year, month - 1, day) + weeks * 7 * 86_400_000);
  const { isoYear, week } = isoWeekOfDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  return formatWeekKey(isoYear, week);
}

export interface CheckInWindow {
  week: string;
  opensAt: Date;
  closesAt: Date;
  reminders: Date[];
  /** Local date the check-in opens, YYYY-MM-DD (for holidays). */
  opensOn: string;
}

export function checkInWindow(weekKey: string, schedule: CheckInSchedule, timeZone: string): CheckInWindow {
  const monday = mondayOf(weekKey);
  const openDay = new Date(Date.UTC(monday.year, monday.month - 1, monday.day) + (schedule.weekday - 1) * 86_400_000);
  const y = openDay.getUTCFullYear();
  const m = openDay.getUTCMonth() + 1;
  const d = openDay.getUTCDate();
  const opensAt = zonedDate(timeZone, y, m, d, schedule.hour);
  const closesAt = new Date(opensAt.getTime() + schedule.windowHours * 3_600_000);
  const reminders = schedule.reminderHours
    .filter((h) => h > 0 && h < schedule.windowHours)
    .sort((a, b) => a - b)
    .map((h) => new Date(opensAt.getTime() + h * 3_600_000));
  const opensOn = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return { week: weekKey, opensAt, closesAt, reminders, opensOn };
}

/** The window that is open at `now`, or the next one to open. */
export function currentOrNextWindow(now: Date, schedule: CheckInSchedule, timeZone: string): CheckInWindow {
  const thisWeek = weekKeyOf(now, timeZone);
  for (const offset of [-1, 0, 1]) {
    const window = checkInWindow(shiftWeek(thisWeek, offset), schedule, timeZone);
    if (now.getTime() < window.closesAt.getTime()) return window;
  }
  return checkInWindow(shiftWeek(thisWeek, 2), schedule, timeZone);
}

export interface HolidayRange {
  startsOn: string;
  endsOn: string;
  name: string;
}

/** A week is skipped when the check-in would open on a holiday. */
export function holidayFor(window: CheckInWindow, holidays: readonly HolidayRange[]): HolidayRange | null {
  return holidays.find((h) => h.startsOn <= window.opensOn && window.opensOn <= h.endsOn) ?? null;
}

export function parseReminderHours(value: string): number[] {
  return value
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** The latest week whose check-in opened on or before a local date (YYYY-MM-DD): the week a date's figures stand in. */
export function lastWeekOpenedBy(date: string, schedule: CheckInSchedule, timeZone: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const week = weekKeyOf(zonedDate(timeZone, y, m, d, 12), timeZone);
  return checkInWindow(week, schedule, timeZone).opensOn <= date ? week : shiftWeek(week, -1);
}
