import { describe, expect, it } from "vitest";
import {
  weekLabel,
  checkInWindow,
  currentOrNextWindow,
  DEFAULT_SCHEDULE,
  holidayFor,
  isoWeekOfDate,
  localParts,
  shiftWeek,
  weekKeyOf,
  zonedDate,
} from "../../src/domain/schedule.js";

const VN = "Asia/Ho_Chi_Minh";

describe("ISO weeks", () => {
  it("are named as a head reads them: the week's number and its Monday to Sunday", () => {
    expect(weekLabel("2026-W23")).toBe("23 (01/6–07/6)");
    expect(weekLabel("2026-W48")).toBe("48 (23/11–29/11)");
    expect(weekLabel("2026-W49")).toBe("49 (30/11–06/12)");
    expect(weekLabel("2026-W53")).toBe("53 (28/12–03/1)");
    expect(weekLabel("2027-W01")).toBe("1 (04/1–10/1)");
  });

  it.each([
    [2026, 11, 27, "2026-W48"],
    [2026, 1, 1, "2026-W01"], // Thursday
    [2027, 1, 1, "2026-W53"], // Friday: still the last week of 2026
    [2020, 12, 31, "2020-W53"],
    [2021, 1, 4, "2021-W01"],
    [2024, 12, 30, "2025-W01"], // Monday belongs to next ISO year
  ])("%i-%i-%i is %s", (y, m, d, key) => {
    const { isoYear, week } = isoWeekOfDate(y, m, d);
    expect(`${isoYear}-W${String(week).padStart(2, "0")}`).toBe(key);
  });

  it("shifts across year boundaries", () => {
    expect(shiftWeek("2026-W53", 1)).toBe("2027-W01");
    expect(shiftWeek("2027-W01", -1)).toBe("2026-W53");
    expect(shiftWeek("2025-W52", 1)).toBe("2026-W01");
  });

  it("takes the week in the ward's time zone, not UTC", () => {
    // Sunday 23:30 UTC is already Monday 06:30 in Vietnam.
    const instant = new Date("2026-11-29T23:30:00Z");
    expect(weekKeyOf(instant, "UTC")).toBe("2026-W48");
    expect(weekKeyOf(instant, VN)).toBe("2026-W49");
  });
});

describe("check-in window", () => {
  it("opens Friday 08:00 Vietnam time and closes Monday 08:00, with reminders after 24 h and 48 h", () => {
    const w = checkInWindow("2026-W48", DEFAULT_SCHEDULE, VN);
    expect(w.opensAt.toISOString()).toBe("2026-11-27T01:00:00.000Z");
    expect(w.closesAt.toISOString()).toBe("2026-11-30T01:00:00.000Z");
    expect(w.reminders.map((d) => d.toISOString())).toEqual(["2026-11-28T01:00:00.000Z", "2026-11-29T01:00:00.000Z"]);
    expect(w.opensOn).toBe("2026-11-27");
    expect(localParts(w.opensAt, VN)).toMatchObject({ weekday: 5, hour: 8 });
  });

  it("handles week 53 and a configured weekday", () => {
    const w = checkInWindow("2026-W53", { ...DEFAULT_SCHEDULE, weekday: 1, hour: 7 }, VN);
    expect(w.opensAt.toISOString()).toBe("2026-12-28T00:00:00.000Z");
  });

  it("finds the open window or the next one", () => {
    const during = currentOrNextWindow(new Date("2026-11-28T12:00:00Z"), DEFAULT_SCHEDULE, VN);
    expect(during.week).toBe("2026-W48");
    // Monday 2026-11-30 09:00 local: W48 closed an hour ago, W49 opens on Friday.
    const after = currentOrNextWindow(zonedDate(VN, 2026, 11, 30, 9), DEFAULT_SCHEDULE, VN);
    expect(after.week).toBe("2026-W49");
    // Monday 2026-11-30 07:00 local: W48 (opened Friday) is still open.
    expect(currentOrNextWindow(zonedDate(VN, 2026, 11, 30, 7), DEFAULT_SCHEDULE, VN).week).toBe("2026-W48");
  });

  it("skips weeks whose check-in day is a holiday", () => {
    const tet = [{ startsOn: "2027-02-05", endsOn: "2027-02-11", name: "Tết Đinh Mùi" }];
    expect(holidayFor(checkInWindow("2027-W05", DEFAULT_SCHEDULE, VN), tet)?.name).toBe("Tết Đinh Mùi");
    expect(holidayFor(checkInWindow("2027-W06", DEFAULT_SCHEDULE, VN), tet)).toBeNull();
  });

  it("zonedDate inverts localParts", () => {
    const d = zonedDate("America/New_York", 2026, 3, 8, 12); // after the DST switch
    expect(localParts(d, "America/New_York")).toMatchObject({ year: 2026, month: 3, day: 8, hour: 12 });
  });
});
