import { describe, expect, it } from "vitest";
import { NOTHING_TO_REPORT, type QuarterStocks, zeroFlows } from "../../src/domain/check-in.js";
import { ResponseTally } from "../../src/domain/check-in-figures.js";
import { percent, ReportBuilder, tipResultOf } from "../../src/domain/report.js";
import {
  currentPeriod,
  monthPeriod,
  periodBounds,
  periodContaining,
  previousPeriod,
  quarterPeriod,
  reportingMonthOf,
  reportingMonthsOf,
  reportPeriod,
} from "../../src/domain/report-period.js";
import { tallyTips } from "../../src/domain/tip-tally.js";
import { outcomeInputSchema } from "../../src/domain/tip-outcome.js";

const TZ = "Asia/Ho_Chi_Minh";

describe("report periods (Decree 09/2019: figures close on the 14th)", () => {
  it("reads every form officers type and refuses the rest", () => {
    expect(reportPeriod("2026-H1")).toEqual({ key: "2026-H1", kind: "half_year", year: 2026, index: null, from: "2025-12-15", to: "2026-06-14" });
    expect(reportPeriod("2026")).toEqual({ key: "2026", kind: "year", year: 2026, index: null, from: "2025-12-15", to: "2026-12-14" });
    expect(reportPeriod("2026-Q1")).toEqual({ key: "2026-Q1", kind: "quarter", year: 2026, index: 1, from: "2025-12-15", to: "2026-03-14" });
    expect(reportPeriod("2026-q4")).toMatchObject({ key: "2026-Q4", from: "2026-09-15", to: "2026-12-14" });
    expect(reportPeriod("Q2/2026")).toMatchObject({ key: "2026-Q2", from: "2026-03-15", to: "2026-06-14" });
    expect(reportPeriod("2026-03")).toEqual({ key: "2026-03", kind: "month", year: 2026, index: 3, from: "2026-02-15", to: "2026-03-14" });
    expect(reportPeriod("2026-01")).toMatchObject({ from: "2025-12-15", to: "2026-01-14" });
    expect(reportPeriod("3/2026")?.key).toBe("2026-03");
    expect(reportPeriod("t12/2026")).toMatchObject({ key: "2026-12", from: "2026-11-15", to: "2026-12-14" });
    expect(reportPeriod(" 2026-h1 ")?.key).toBe("2026-H1");
    for (const bad of ["26", "2026-13", "2026-Q5", "2026-H2", "13/2026", "2026-00", "1999", "2026-03-01", ""]) expect(reportPeriod(bad), bad).toBeNull();
  });

  it("puts the 14th in this month's figures and the 15th in the next month's, across the year's end", () => {
    expect(periodContaining("month", "2026-03-14").key).toBe("2026-03");
    expect(periodContaining("month", "2026-03-15").key).toBe("2026-04");
    expect(periodContaining("month", "2026-12-15").key).toBe("2027-01");
    expect(periodContaining("quarter", "2026-03-14").key).toBe("2026-Q1");
    expect(periodContaining("quarter", "2026-03-15").key).toBe("2026-Q2");
    expect(periodContaining("quarter", "2026-12-14").key).toBe("2026-Q4");
    expect(periodContaining("quarter", "2026-12-15").key).toBe("2027-Q1");
    expect(periodContaining("half_year", "2026-06-14").key).toBe("2026-H1");
    expect(periodContaining("half_year", "2026-09-01").key).toBe("2026-H1");
    expect(periodContaining("half_year", "2026-12-15").key).toBe("2027-H1");
    expect(periodContaining("year", "2026-12-14").key).toBe("2026");
    expect(periodContaining("year", "2026-12-15").key).toBe("2027");
    expect(reportingMonthOf("2025-12-15")).toBe("2026-01");
  });

  it("steps back a period of the same kind", () => {
    expect(previousPeriod(monthPeriod(2026, 1)).key).toBe("2025-12");
    expect(previousPeriod(quarterPeriod(2026, 1)).key).toBe("2025-Q4");
    expect(previousPeriod(reportPeriod("2026-H1")!).key).toBe("2025-H1");
    expect(previousPeriod(reportPeriod("2026")!).key).toBe("2025");
  });

  it("is made of whole reporting months", () => {
    expect(reportingMonthsOf(reportPeriod("2026-H1")!)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(reportingMonthsOf(reportPeriod("2026-Q4")!)).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(reportingMonthsOf(reportPeriod("2026-03")!)).toEqual(["2026-03"]);
    expect(reportingMonthsOf(reportPeriod("2026")!)).toHaveLength(12);
  });

  it("defaults to the period the next recurring deadline closes", () => {
    expect(currentPeriod("2026-03-01").key).toBe("2026-H1");
    expect(currentPeriod("2026-06-15").key).toBe("2026-H1");
    expect(currentPeriod("2026-06-16").key).toBe("2026");
    expect(currentPeriod("2026-12-16").key).toBe("2027-H1");
  });

  it("turns local dates into instants and ISO weeks in the ward's zone", () => {
    const b = periodBounds(reportPeriod("2026-H1")!, TZ);
    expect(b.start.toISOString()).toBe("2025-12-14T17:00:00.000Z");
    expect(b.end.toISOString()).toBe("2026-06-14T17:00:00.000Z");
    expect(b.firstWeek).toBe("2025-W51");
    expect(b.lastWeek).toBe("2026-W24");
    // A month: 23:59 local on the 14th is in, midnight on the 15th is out.
    const march = periodBounds(reportPeriod("2026-03")!, TZ);
    const inMarch = (iso: string) => Date.parse(iso) >= march.start.getTime() && Date.parse(iso) < march.end.getTime();
    expect(inMarch("2026-02-14T17:00:00Z")).toBe(true); // 00:00 on 15/2 in Vietnam
    expect(inMarch("2026-02-14T16:59:59Z")).toBe(false);
    expect(inMarch("2026-03-14T16:59:59Z")).toBe(true); // 23:59:59 on 14/3
    expect(inMarch("2026-03-14T17:00:00Z")).toBe(false);
    // Another zone moves the same dates.
    const tokyo = periodBounds(reportPeriod("2026-Q1")!, "Asia/Tokyo");
    expect(tokyo.start.toISOString()).toBe("2025-12-14T15:00:00.000Z");
    expect(tokyo.end.toISOString()).toBe("2026-03-14T15:00:00.000Z");
  });
});

describe("report aggregation", () => {
  const quarters = [
    { id: "q1", name: "Khu phố 1" },
    { id: "q2", name: "Khu phố 2" },
  ];

  it("maps a tip's status to where it stands", () => {
    expect(tipResultOf({ status: "new", closeReason: null })).toBe("open");
    expect(tipResultOf({ status: "verifying", closeReason: null })).toBe("open");
    expect(tipResultOf({ status: "acted", closeReason: null })).toBe("acted");
    expect(tipResultOf({ status: "closed", closeReason: "spam" })).toBe("spam");
    expect(tipResultOf({ status: "closed", closeReason: "unfounded" })).toBe("unfounded");
  });

  it("counts tips by category, priority, quarter and result, outcomes, the check-in block, deadlines and the roadmap", () => {
    const b = new ReportBuilder(quarters, "Không rõ");
    b.addTip({ category: "dealing", quarterId: "q1", status: "new", closeReason: null, priority: "urgent" });
    b.addTip({ category: "dealing", quarterId: "q1", status: "closed", closeReason: "confirmed", priority: "high" });
    b.addTip({ category: "dealing", quarterId: null, status: "closed", closeReason: "spam", priority: "low" });
    b.addTip({ category: "school", quarterId: "q2", status: "acted", closeReason: null, priority: "urgent" });
    b.addTip({ category: "nonsense", quarterId: "gone", status: "new", closeReason: null, priority: "??" });
    // Tips retention deleted count as tips did.
    b.addTally({ category: "use_venue", quarterId: "q2", priority: "normal", result: "unfounded", count: 3 });

    b.addOutcome({ tipId: "t1", quarterId: "q1", kind: "case_opened", count: 2 });
    b.addOutcome({ tipId: "t1", quarterId: "q1", kind: "case_opened", count: null });
    b.addOutcome({ tipId: "t2", quarterId: "q2", kind: "administrative", count: 4 });
    b.addOutcome({ tipId: null, quarterId: "q2", kind: "plants_destroyed", count: 120 });
    b.addOutcome({ tipId: "t3", quarterId: null, kind: "handed_over", count: null });
    b.addOutcome({ tipId: "t3", quarterId: null, kind: "not-a-kind", count: 9 });

    const figure = (count: number) => ({ count, confirmedOn: "2026-06-12" });
    b.setCheckIns({
      quarters: [
        { quarterId: "q1", expected: 3, answered: 2, withSigns: 1, urgent: 1, stocks: { addicts: figure(2), users: figure(5), postRehab: figure(3) }, flows: { ...zeroFlows(), newSuspectedUsers: 2, awarenessSessions: 1 } },
        { quarterId: "q2", expected: 1, answered: 0, withSigns: 0, urgent: 0, stocks: { addicts: null, users: null, postRehab: figure(1) }, flows: zeroFlows() },
      ],
    });

    const f = b.finish(
      [
        { deadline: "6 tháng", dueOn: "2026-06-15", dueRule: "before", agency: "Trạm Y tế", position: 1, submittedOn: "2026-06-14", withFile: true },
        { deadline: "6 tháng", dueOn: "2026-06-15", dueRule: "before", agency: "Khu phố 1", position: 5, submittedOn: "2026-06-15", withFile: false },
        { deadline: "6 tháng", dueOn: "2026-06-15", dueRule: "before", agency: "Khu phố 2", position: 6, submittedOn: null, withFile: false },
      ],
      { year: 2026, target: 1, quarters: [{ name: "Khu phố 1", status: "drug_free", decidedOn: "2026-03-01", decisionNumber: "15/QĐ-UBND", issuer: "UBND phường", note: null }, { name: "Khu phố 2", status: "hotspot", decidedOn: null, decisionNumber: null, issuer: null, note: null }] },
      "2026-06-20",
    );

    expect(f.tips.total).toBe(8);
    expect(f.tips.byResult).toEqual({ open: 2, acted: 1, confirmed: 1, unfounded: 3, spam: 1, duplicate: 0, total: 8 });
    expect(f.tips.byPriority.urgent.total).toBe(2);
    expect(f.tips.byPriority.normal).toMatchObject({ total: 4, unfounded: 3, open: 1 });
    expect(f.tips.byCategory.dealing).toMatchObject({ total: 3, open: 1, confirmed: 1, spam: 1 });
    expect(f.tips.byCategory.use_venue.unfounded).toBe(3);
    expect(f.tips.rows.map((r) => `${r.category}|${r.quarter}|${r.counts.total}`)).toEqual(["dealing|Khu phố 1|2", "dealing|Không rõ|1", "use_venue|Khu phố 2|3", "school|Khu phố 2|1", "other|Không rõ|1"]);
    expect(f.perQuarter.map((q) => [q.quarter, q.tips.total])).toEqual([
      ["Khu phố 1", 2],
      ["Khu phố 2", 4],
    ]);
    expect(f.unknownQuarter.tips.total).toBe(2);

    expect(f.outcomes.totals.case_opened).toEqual({ times: 2, count: 2, unknown: 1 });
    expect(f.outcomes.totals.administrative).toEqual({ times: 1, count: 4, unknown: 0 });
    expect(f.outcomes.totals.plants_destroyed).toEqual({ times: 1, count: 120, unknown: 0 });
    expect(f.outcomes.totals.handed_over.times).toBe(1);
    expect(f.outcomes.tips).toBe(3);
    expect(f.perQuarter[1]!.outcomes.plants_destroyed.count).toBe(120);
    expect(f.unknownQuarter.outcomes.handed_over.times).toBe(1);

    expect(f.checkIns).toMatchObject({ expected: 4, answered: 2, withSigns: 1, urgent: 1 });
    expect(percent(f.checkIns.rate)).toBe(50);
    // Stocks add across quarters (each as of the period's end), with how many quarters gave each; flows are summed.
    expect(f.checkIns.stocks).toEqual({ totals: { addicts: 2, users: 5, postRehab: 4 }, known: { addicts: 1, users: 1, postRehab: 2 }, quarters: 2 });
    expect(f.checkIns.flows).toEqual({ ...zeroFlows(), newSuspectedUsers: 2, awarenessSessions: 1 });
    expect(f.perQuarter.map((q) => percent(q.rate))).toEqual([67, 0]);

    expect(f.deadlines.counts).toEqual({ on_time: 1, late: 1, pending: 0, overdue: 1 });
    // "Trước ngày 15/6": handed in on the 15th is a day late; not in by the 20th, six days overdue.
    expect(f.deadlines.rows.find((r) => r.agency === "Khu phố 1")).toMatchObject({ state: "late", days: 1 });
    expect(f.deadlines.rows.find((r) => r.agency === "Khu phố 2")).toMatchObject({ state: "overdue", days: 6 });
    expect(f.roadmap.actual).toBe(1);
  });

  it("gives the same figures whatever the order rows arrive in", () => {
    const tips = Array.from({ length: 200 }, (_, i) => ({
      category: ["dealing", "school", "other"][i % 3]!,
      quarterId: i % 5 === 0 ? null : `q${(i % 2) + 1}`,
      status: ["new", "acted", "closed"][i % 3]!,
      closeReason: i % 3 === 2 ? "unfounded" : null,
      priority: ["urgent", "high", "normal", "low"][i % 4]!,
    }));
    const run = (rows: typeof tips) => {
      const b = new ReportBuilder(quarters, "?");
      for (const t of rows) b.addTip(t);
      return b.finish([], { year: 2026, target: 0, quarters: [] }, "2026-06-01");
    };
    expect(run([...tips].reverse())).toEqual(run(tips));
  });
});


describe("the check-in block", () => {
  it("takes stocks at the period's end once and sums flows: 3 people carried over 26 weeks are 3, not 78", () => {
    const responses = new ResponseTally(["q1", "q2"]);
    // 26 answered weeks of "Không có gì mới" (the stock was confirmed each week): responses only, no counts read.
    for (let i = 0; i < 26; i++) responses.add({ quarterId: "q1", status: "answered", urgent: false, answers: NOTHING_TO_REPORT });
    responses.add({ quarterId: "q2", status: "pending", urgent: false, answers: null });
    responses.add({ quarterId: "q2", status: "answered", urgent: true, answers: { ...NOTHING_TO_REPORT, flows: { ...zeroFlows(), incidents: 1 } } });
    responses.add({ quarterId: "elsewhere", status: "answered", urgent: false, answers: NOTHING_TO_REPORT });
    const figure = (count: number) => ({ count, confirmedOn: "2026-06-13" });
    const q1: QuarterStocks = { addicts: figure(2), users: figure(1), postRehab: figure(3) };
    const b = new ReportBuilder([{ id: "q1", name: "Khu phố 1" }, { id: "q2", name: "Khu phố 2" }], "?");
    b.setCheckIns({
      quarters: [
        { quarterId: "q1", ...responses.of("q1"), stocks: q1, flows: { ...zeroFlows(), newSuspectedUsers: 4, awarenessSessions: 2, awarenessParticipants: 90 } },
        { quarterId: "q2", ...responses.of("q2"), stocks: { addicts: null, users: null, postRehab: null }, flows: { ...zeroFlows(), newSuspectedUsers: 1, backFromPrison: 1 } },
      ],
    });
    const f = b.finish([], { year: 2026, target: 0, quarters: [] }, "2026-06-14");
    expect(f.checkIns).toMatchObject({ expected: 28, answered: 27, withSigns: 1, urgent: 1 });
    expect(f.checkIns.stocks).toEqual({ totals: { addicts: 2, users: 1, postRehab: 3 }, known: { addicts: 1, users: 1, postRehab: 1 }, quarters: 2 });
    expect(f.checkIns.flows).toEqual({ ...zeroFlows(), newSuspectedUsers: 5, backFromPrison: 1, awarenessSessions: 2, awarenessParticipants: 90 });
    expect(f.perQuarter.map((q) => [q.quarter, q.stocks.postRehab?.count ?? null, q.flows.newSuspectedUsers])).toEqual([
      ["Khu phố 1", 3, 4],
      ["Khu phố 2", null, 1],
    ]);
  });
});

describe("tips kept as counts after retention", () => {
  it("folds deleted tips into one row per month, quarter, category, priority and result", () => {
    const base = { wardId: "w", timezone: TZ, category: "dealing", priority: "high", status: "closed", closeReason: "confirmed" };
    const rows = tallyTips([
      { ...base, createdAt: new Date("2026-03-14T16:59:00Z"), quarterId: "q1" }, // 14/3 23:59 local: March
      { ...base, createdAt: new Date("2026-03-10T01:00:00Z"), quarterId: "q1" },
      { ...base, createdAt: new Date("2026-03-14T17:00:00Z"), quarterId: "q1" }, // 15/3 00:00 local: April
      { ...base, createdAt: new Date("2026-03-10T01:00:00Z"), quarterId: null, closeReason: "spam" },
    ]);
    expect(rows).toEqual([
      { wardId: "w", month: "2026-03", quarterId: "q1", category: "dealing", priority: "high", result: "confirmed", count: 2 },
      { wardId: "w", month: "2026-04", quarterId: "q1", category: "dealing", priority: "high", result: "confirmed", count: 1 },
      { wardId: "w", month: "2026-03", quarterId: "", category: "dealing", priority: "high", result: "spam", count: 1 },
    ]);
  });
});

describe("outcome input", () => {
  it("asks a count where the kind has one, allows it unknown only where that is normal, and none for a hand-over", () => {
    const ok = (kind: string, count: number | null) => outcomeInputSchema.safeParse({ kind, count }).success;
    expect(ok("case_opened", 3)).toBe(true);
    expect(ok("case_opened", null)).toBe(true);
    expect(ok("administrative", null)).toBe(false);
    expect(ok("administrative", 2)).toBe(true);
    expect(ok("handed_over", null)).toBe(true);
    expect(ok("handed_over", 1)).toBe(false);
    expect(ok("plants_destroyed", 0)).toBe(false);
    expect(ok("venue_dismantled", 1.5)).toBe(false);
    expect(ok("arrest_everyone", 1)).toBe(false);
  });
});
