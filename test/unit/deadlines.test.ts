import { I18n } from "@grammyjs/i18n";
import { describe, expect, it } from "vitest";
import { boardText, reminderText } from "../../src/bot/features/deadlines.js";
import { localesDirectory } from "../../src/bot/i18n.js";
import {
  addDays,
  boardCounts,
  boardTime,
  complianceOf,
  DEFAULT_LADDER,
  daysBetween,
  duePhrase,
  lastOnTimeDay,
  localDateOf,
  parseDueText,
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
  it("are due before 15 June and before 15 December, with next year's from 15 December on", () => {
    expect(recurringDeadlinesFor("2026-03-01").map((d) => `${d.period}@${d.rule} ${d.dueOn}`)).toEqual(["2026-H1@before 2026-06-15", "2026@before 2026-12-15"]);
    expect(recurringDeadlinesFor("2026-12-14").map((d) => d.period)).toEqual(["2026-H1", "2026"]);
    // On 15 December the year's report is already late: next year's deadlines exist.
    expect(recurringDeadlinesFor("2026-12-15").map((d) => d.period)).toEqual(["2026-H1", "2026", "2027-H1", "2027"]);
  });
});

describe("'before' and 'on or before'", () => {
  it("make the 14th the last day for 'before 15/6' and the 15th for 'chậm nhất 15/6'", () => {
    expect(lastOnTimeDay("2026-06-15", "before")).toBe("2026-06-14");
    expect(lastOnTimeDay("2026-06-15", "on_or_before")).toBe("2026-06-15");
    expect(lastOnTimeDay("2027-03-01", "before")).toBe("2027-02-28");
  });

  it("read the officer's wording: a bare date or 'trước' is before, 'chậm nhất' / 'hết ngày' / 'by' include the day", () => {
    const today = "2026-11-25";
    expect(parseDueText("20/12", today)).toEqual({ dueOn: "2026-12-20", rule: "before" });
    expect(parseDueText("trước ngày 20/12/2026", today)).toEqual({ dueOn: "2026-12-20", rule: "before" });
    expect(parseDueText("Trước 20/12", today)).toEqual({ dueOn: "2026-12-20", rule: "before" });
    expect(parseDueText("truoc 20/12", today)).toEqual({ dueOn: "2026-12-20", rule: "before" });
    expect(parseDueText("before 20/12", today)).toEqual({ dueOn: "2026-12-20", rule: "before" });
    expect(parseDueText("chậm nhất 20/12", today)).toEqual({ dueOn: "2026-12-20", rule: "on_or_before" });
    expect(parseDueText("Chậm nhất ngày 20/12/2026", today)).toEqual({ dueOn: "2026-12-20", rule: "on_or_before" });
    expect(parseDueText("cham nhat la ngay 20/12", today)).toEqual({ dueOn: "2026-12-20", rule: "on_or_before" });
    expect(parseDueText("đến hết ngày 20/12", today)).toEqual({ dueOn: "2026-12-20", rule: "on_or_before" });
    expect(parseDueText("by 20/12/2026", today)).toEqual({ dueOn: "2026-12-20", rule: "on_or_before" });
    expect(parseDueText("on or before 2026-12-20", today)).toEqual({ dueOn: "2026-12-20", rule: "on_or_before" });
    expect(parseDueText("sau 20/12", today)).toBeNull();
    expect(parseDueText("trước 31/2", today)).toBeNull();
    expect(parseDueText("chậm nhất", today)).toBeNull();
  });
});

describe("reminder ladder", () => {
  it("for 'before 15 June' reminds 14, 7, 3, 1 days before the last day (14 June), on it, then every 2 days — calendar days, even on a Sunday", () => {
    // 15 June 2025 was a Sunday; the last day to hand in was Saturday 14 June.
    const steps = reminderSchedule("2025-06-15", "before", TZ, DEFAULT_LADDER, new Date("2025-01-01T00:00:00Z"));
    expect(steps.map((s) => s.offsetDays)).toEqual([-14, -7, -3, -1, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(steps.slice(0, 6).map((s) => local(s.at))).toEqual(["2025-05-31 08:00", "2025-06-07 08:00", "2025-06-11 08:00", "2025-06-13 08:00", "2025-06-14 08:00", "2025-06-16 08:00"]);
  });

  it("for 'on or before' keeps the due day itself as the last step before overdue", () => {
    const steps = reminderSchedule("2025-06-15", "on_or_before", TZ, DEFAULT_LADDER, new Date("2025-01-01T00:00:00Z"));
    expect(steps.slice(3, 6).map((s) => local(s.at))).toEqual(["2025-06-14 08:00", "2025-06-15 08:00", "2025-06-17 08:00"]);
  });

  it("drops steps already past, and follows the configured ladder", () => {
    const steps = reminderSchedule("2026-12-15", "before", TZ, DEFAULT_LADDER, new Date("2026-12-10T00:00:00Z"));
    expect(steps[0]!.offsetDays).toBe(-3);
    expect(local(steps[0]!.at)).toBe("2026-12-11 08:00");
    const custom = reminderSchedule("2026-12-15", "on_or_before", TZ, { daysBefore: [5, 0], overdueEveryDays: 3, overdueCount: 2, hour: 14 }, new Date(0));
    expect(custom.map((s) => `${s.offsetDays}@${local(s.at)}`)).toEqual(["-5@2026-12-10 14:00", "0@2026-12-15 14:00", "3@2026-12-18 14:00", "6@2026-12-21 14:00"]);
  });

  it("posts the board the morning after the last day: on 15 June itself for 'before 15 June'", () => {
    expect(local(boardTime("2026-06-15", "before", TZ, 8))).toBe("2026-06-15 08:00");
    expect(local(boardTime("2026-06-15", "on_or_before", TZ, 8))).toBe("2026-06-16 08:00");
  });
});

describe("compliance", () => {
  it("counts a report handed in on 15/6 as a day late for 'before 15/6', and on time for 'chậm nhất 15/6'", () => {
    expect(complianceOf("2026-06-15", "before", "2026-06-14", "2026-07-01")).toEqual({ state: "on_time", days: 0 });
    expect(complianceOf("2026-06-15", "before", "2026-06-15", "2026-07-01")).toEqual({ state: "late", days: 1 });
    expect(complianceOf("2026-06-15", "on_or_before", "2026-06-15", "2026-07-01")).toEqual({ state: "on_time", days: 0 });
    expect(complianceOf("2026-06-15", "on_or_before", "2026-06-18", "2026-07-01")).toEqual({ state: "late", days: 3 });
  });

  it("counts days left to the last day and days overdue after it", () => {
    expect(complianceOf("2026-06-15", "before", null, "2026-06-10")).toEqual({ state: "pending", days: 4 });
    expect(complianceOf("2026-06-15", "before", null, "2026-06-14")).toEqual({ state: "pending", days: 0 });
    expect(complianceOf("2026-06-15", "before", null, "2026-06-15")).toEqual({ state: "overdue", days: 1 });
    expect(complianceOf("2026-06-15", "on_or_before", null, "2026-06-15")).toEqual({ state: "pending", days: 0 });
    expect(complianceOf("2026-06-15", "on_or_before", null, "2026-06-20")).toEqual({ state: "overdue", days: 5 });
  });

  it("puts the most overdue first and counts each state", () => {
    const entry = (agency: string, position: number, submittedOn: string | null) => ({ agency, position, submittedOn, withFile: false, ...complianceOf("2026-06-15", "before", submittedOn, "2026-06-25") });
    const board = sortBoard([entry("A", 0, "2026-06-10"), entry("B", 1, null), entry("C", 2, "2026-06-20"), entry("D", 3, null)]);
    expect(board.map((e) => `${e.agency}:${e.state}`)).toEqual(["B:overdue", "D:overdue", "C:late", "A:on_time"]);
    expect(boardCounts(board)).toEqual({ on_time: 1, late: 1, pending: 0, overdue: 2 });
  });
});

describe("how a deadline reads", () => {
  const i18n = new I18n({ defaultLocale: "vi", directory: localesDirectory, fluentBundleOptions: { useIsolating: false } });
  const vi = (key: string, vars?: Record<string, string | number>) => i18n.t("vi", key, vars);
  const en = (key: string, vars?: Record<string, string | number>) => i18n.t("en", key, vars);

  it("says 'trước ngày 15/6/2026' and 'before 15 June 2026', never 'Hạn nộp: 15/06/2026'", () => {
    expect(duePhrase(vi, "2026-06-15", "before")).toBe("trước ngày 15/6/2026");
    expect(duePhrase(en, "2026-06-15", "before")).toBe("before 15 June 2026");
    expect(duePhrase(vi, "2026-12-20", "on_or_before")).toBe("chậm nhất ngày 20/12/2026");
    expect(duePhrase(en, "2026-12-20", "on_or_before")).toBe("on or before 20 December 2026");
  });

  it("counts the days in every reminder to the last day, and names that day as the last", () => {
    const info = { submissionId: "s", agencyName: "Trạm Y tế phường", title: "Báo cáo 6 tháng", dueOn: "2026-06-15", dueRule: "before" as const, wardName: "P", offsetDays: -3 };
    expect(reminderText(vi, { ...info, today: "2026-06-11" })).toContain("Hạn nộp: <b>trước ngày 15/6/2026</b> — còn 3 ngày nữa.");
    expect(reminderText(vi, { ...info, offsetDays: 0, today: "2026-06-14" })).toContain("Hôm nay là ngày cuối để nộp đúng hạn");
    expect(reminderText(vi, { ...info, offsetDays: 2, today: "2026-06-16" })).toContain("Quá hạn 2 ngày");
    expect(reminderText(vi, { ...info, offsetDays: null, today: "2026-06-14" })).toMatch(/trước ngày 15\/6\/2026<\/b> \(hôm nay là ngày cuối\)\.\nBáo cáo gửi UBND phường qua Công an phường/);
    expect(reminderText(en, { ...info, today: "2026-06-13" })).toContain("Due: <b>before 15 June 2026</b> — 1 day left after today.");
    for (const t of [vi, en]) for (const today of ["2026-06-01", "2026-06-14", "2026-06-15", "2026-06-20"]) expect(reminderText(t, { ...info, today })).not.toMatch(/15\/06\/2026|Hạn nộp: 15/);
  });

  it("shows the board's deadline with its wording and the days left to the last day", () => {
    const board = {
      id: "d",
      title: "Báo cáo kết quả 6 tháng đầu năm 2026",
      kind: "half_year" as const,
      dueOn: "2026-06-15",
      dueRule: "before" as const,
      entries: [{ agency: "Trạm Y tế phường", position: 1, submittedOn: null, withFile: false, ...complianceOf("2026-06-15", "before", null, "2026-06-14") }],
    };
    const text = boardText(vi, "Phường Quy Nhơn Đông", board);
    expect(text).toContain("— hạn nộp trước ngày 15/6/2026");
    expect(text).toContain("Trạm Y tế phường — chưa nộp, hôm nay là ngày cuối");
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
