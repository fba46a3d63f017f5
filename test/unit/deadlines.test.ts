import { describe, expect, it } from "vitest";
import {
  addDays,
  boardCounts,
  complianceOf,
  DEFAULT_LADDER,
  daysBetween,
  localDateOf,
  parseIsoDate,
  parseNumberList,
  parseUserDate,
  recurringDeadlinesFor,
  reminderSchedule,
  sortBoard,
} from "../../src/domain/deadlines.js";

const TZ = "Asia/Ho_Chi_Minh";
const local = (d: Date) => d.toLocaleString("sv-SE", { timeZone: TZ }).slice(0, 16);

describe("calendar dates", () => {
  it("refuses impossible dates and does arithmetic across months and leap years", () => {
    expect(parseIsoDate("2026-02-29")).toBeNull();
    expect(parseIsoDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays("2026-06-15", -14)).toBe("2026-06-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-06-15", "2026-06-12")).toBe(-3);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
  });

  it("reads dates the way people type them", () => {
    const today = "2026-11-25";
    expect(parseUserDate("15/6/2027", today)).toBe("2027-06-15");
    expect(parseUserDate("15-06-27", today)).toBe("2027-06-15");
    expect(parseUserDate("2027-06-15", today)).toBe("2027-06-15");
    expect(parseUserDate("10/12", today)).toBe("2026-12-10");
    expect(parseUserDate("10/1", today)).toBe("2027-01-10"); // already past this year: next year
    expect(parseUserDate("31/2/2027", today)).toBeNull();
    expect(parseUserDate("mai", today)).toBeNull();
  });

  it("knows the local date across midnight in Vietnam", () => {
    expect(localDateOf(new Date("2026-06-14T17:30:00Z"), TZ)).toBe("2026-06-15");
    expect(localDateOf(new Date("2026-06-14T16:59:00Z"), TZ)).toBe("2026-06-14");
  });
});

describe("recurring deadlines", () => {
  it("are 15 June and 15 December, with next year's once December's has passed", () => {
    expect(recurringDeadlinesFor("2026-03-01").map((d) => `${d.period}@${d.dueOn}`)).toEqual(["2026-H1@2026-06-15", "2026@2026-12-15"]);
    expect(recurringDeadlinesFor("2026-12-15").map((d) => d.period)).toEqual(["2026-H1", "2026"]);
    expect(recurringDeadlinesFor("2026-12-16").map((d) => d.period)).toEqual(["2026-H1", "2026", "2027-H1", "2027"]);
  });
});

describe("reminder ladder", () => {
  it("reminds 14, 7, 3, 1 days before, on the day, then every 2 days — calendar days, even when 15 June is a Sunday", () => {
    // 15 June 2025 was a Sunday.
    const steps = reminderSchedule("2025-06-15", TZ, DEFAULT_LADDER, new Date("2025-01-01T00:00:00Z"));
    expect(steps.map((s) => s.offsetDays)).toEqual([-14, -7, -3, -1, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(steps.slice(0, 6).map((s) => local(s.at))).toEqual(["2025-06-01 08:00", "2025-06-08 08:00", "2025-06-12 08:00", "2025-06-14 08:00", "2025-06-15 08:00", "2025-06-17 08:00"]);
  });

  it("drops steps already past, and follows the configured ladder", () => {
    const steps = reminderSchedule("2026-12-15", TZ, DEFAULT_LADDER, new Date("2026-12-10T00:00:00Z"));
    expect(steps[0]!.offsetDays).toBe(-3);
    const custom = reminderSchedule("2026-12-15", TZ, { daysBefore: [5, 0], overdueEveryDays: 3, overdueCount: 2, hour: 14 }, new Date(0));
    expect(custom.map((s) => `${s.offsetDays}@${local(s.at)}`)).toEqual(["-5@2026-12-10 14:00", "0@2026-12-15 14:00", "3@2026-12-18 14:00", "6@2026-12-21 14:00"]);
  });
});

describe("compliance", () => {
  it("counts the due date as on time, and days late, left and overdue", () => {
    expect(complianceOf("2026-06-15", "2026-06-15", "2026-07-01")).toEqual({ state: "on_time", days: 0 });
    expect(complianceOf("2026-06-15", "2026-06-18", "2026-07-01")).toEqual({ state: "late", days: 3 });
    expect(complianceOf("2026-06-15", null, "2026-06-10")).toEqual({ state: "pending", days: 5 });
    expect(complianceOf("2026-06-15", null, "2026-06-15")).toEqual({ state: "pending", days: 0 });
    expect(complianceOf("2026-06-15", null, "2026-06-20")).toEqual({ state: "overdue", days: 5 });
  });

  it("puts the most overdue first and counts each state", () => {
    const entry = (agency: string, position: number, submittedOn: string | null) => ({ agency, position, submittedOn, withFile: false, ...complianceOf("2026-06-15", submittedOn, "2026-06-25") });
    const board = sortBoard([entry("A", 0, "2026-06-10"), entry("B", 1, null), entry("C", 2, "2026-06-20"), entry("D", 3, null)]);
    expect(board.map((e) => `${e.agency}:${e.state}`)).toEqual(["B:overdue", "D:overdue", "C:late", "A:on_time"]);
    expect(boardCounts(board)).toEqual({ on_time: 1, late: 1, pending: 0, overdue: 2 });
  });
});

describe("number lists", () => {
  it("reads 1,3,5-7 and refuses what is out of range", () => {
    expect(parseNumberList("1,3,5-7", 10)).toEqual([1, 3, 5, 6, 7]);
    expect(parseNumberList(" 2 4 ", 10)).toEqual([2, 4]);
    expect(parseNumberList("0,1", 10)).toBeNull();
    expect(parseNumberList("9-12", 10)).toBeNull();
    expect(parseNumberList("abc", 10)).toBeNull();
  });
});
