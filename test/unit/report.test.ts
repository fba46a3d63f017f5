import { describe, expect, it } from "vitest";
import { NOTHING_TO_REPORT, type QuarterStocks, zeroFlows } from "../../src/domain/check-in.js";
import { currentPeriod, outcomeOf, percent, periodBounds, ReportBuilder, reportPeriod } from "../../src/domain/report.js";

const TZ = "Asia/Ho_Chi_Minh";

describe("report periods", () => {
  it("run from 15 December of the year before, to 14 June or 14 December", () => {
    expect(reportPeriod("2026-H1")).toEqual({ key: "2026-H1", kind: "half_year", year: 2026, from: "2025-12-15", to: "2026-06-14" });
    expect(reportPeriod("2026")).toEqual({ key: "2026", kind: "year", year: 2026, from: "2025-12-15", to: "2026-12-14" });
    expect(reportPeriod("2026-h1")?.key).toBe("2026-H1");
    expect(reportPeriod("26")).toBeNull();
  });

  it("defaults to the period the next recurring deadline closes", () => {
    expect(currentPeriod("2026-03-01").key).toBe("2026-H1");
    expect(currentPeriod("2026-06-15").key).toBe("2026-H1");
    expect(currentPeriod("2026-06-16").key).toBe("2026");
    expect(currentPeriod("2026-12-16").key).toBe("2027-H1");
  });

  it("turns local dates into instants and ISO weeks", () => {
    const b = periodBounds(reportPeriod("2026-H1")!, TZ);
    expect(b.start.toISOString()).toBe("2025-12-14T17:00:00.000Z");
    expect(b.end.toISOString()).toBe("2026-06-14T17:00:00.000Z");
    expect(b.firstWeek).toBe("2025-W51");
    expect(b.lastWeek).toBe("2026-W24");
  });
});

describe("report aggregation", () => {
  const quarters = [
    { id: "q1", name: "Khu phố 1" },
    { id: "q2", name: "Khu phố 2" },
  ];

  it("maps statuses to outcomes", () => {
    expect(outcomeOf({ status: "new", closeReason: null })).toBe("in_progress");
    expect(outcomeOf({ status: "verifying", closeReason: null })).toBe("in_progress");
    expect(outcomeOf({ status: "acted", closeReason: null })).toBe("acted");
    expect(outcomeOf({ status: "closed", closeReason: "spam" })).toBe("spam");
  });

  it("counts tips by category × quarter × outcome, check-ins per quarter, deadlines and the roadmap", () => {
    const b = new ReportBuilder(quarters, "Không rõ");
    b.addTip({ category: "dealing", quarterId: "q1", status: "new", closeReason: null, priority: "urgent" });
    b.addTip({ category: "dealing", quarterId: "q1", status: "closed", closeReason: "confirmed", priority: "high" });
    b.addTip({ category: "dealing", quarterId: null, status: "closed", closeReason: "spam", priority: "low" });
    b.addTip({ category: "school", quarterId: "q2", status: "acted", closeReason: null, priority: "urgent" });
    b.addTip({ category: "nonsense", quarterId: "gone", status: "new", closeReason: null, priority: "??" });

    b.addCheckIn({ quarterId: "q1", status: "answered", urgent: false, answers: NOTHING_TO_REPORT });
    b.addCheckIn({ quarterId: "q1", status: "answered", urgent: true, answers: { ...NOTHING_TO_REPORT, flows: { ...zeroFlows(), newSuspectedUsers: 2 }, urgent: { yes: true, detail: null } } });
    b.addCheckIn({ quarterId: "q1", status: "pending", urgent: false, answers: null });
    b.addCheckIn({ quarterId: "q2", status: "pending", urgent: false, answers: null });

    const f = b.finish(
      [
        { deadline: "6 tháng", dueOn: "2026-06-15", dueRule: "before", agency: "Trạm Y tế", position: 1, submittedOn: "2026-06-14", withFile: true },
        { deadline: "6 tháng", dueOn: "2026-06-15", dueRule: "before", agency: "Khu phố 1", position: 5, submittedOn: "2026-06-15", withFile: false },
        { deadline: "6 tháng", dueOn: "2026-06-15", dueRule: "before", agency: "Khu phố 2", position: 6, submittedOn: null, withFile: false },
      ],
      { year: 2026, target: 1, quarters: [{ name: "Khu phố 1", status: "drug_free", decidedOn: "2026-03-01", decisionNumber: "15/QĐ-UBND", issuer: "UBND phường", note: null }, { name: "Khu phố 2", status: "hotspot", decidedOn: null, decisionNumber: null, issuer: null, note: null }] },
      "2026-06-20",
    );

    expect(f.tips.total).toBe(5);
    expect(f.tips.byPriority).toEqual({ urgent: 2, high: 1, normal: 1, low: 1 });
    expect(f.tips.byOutcome).toEqual({ in_progress: 2, acted: 1, confirmed: 1, unfounded: 0, spam: 1, duplicate: 0 });
    expect(f.tips.rows.map((r) => `${r.category}|${r.quarter}|${r.total}`)).toEqual(["dealing|Khu phố 1|2", "dealing|Không rõ|1", "school|Khu phố 2|1", "other|Không rõ|1"]);
    expect(f.tips.rows[0]!.outcomes).toMatchObject({ in_progress: 1, confirmed: 1 });

    expect(f.checkIns).toMatchObject({ expected: 4, answered: 2, withSigns: 1, urgent: 1 });
    expect(percent(f.checkIns.rate)).toBe(50);
    expect(f.checkIns.perQuarter.map((q) => [q.quarter, q.expected, q.answered, percent(q.rate)])).toEqual([
      ["Khu phố 1", 3, 2, 67],
      ["Khu phố 2", 1, 0, 0],
    ]);
    // Counts come from addStocks / addFlows only: a week's answers feed the response figures.
    expect(f.checkIns.flows.newSuspectedUsers).toBe(0);

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

  it("takes stocks at the period's end once and sums flows: 3 people carried over 26 weeks are 3, not 78", () => {
    const b = new ReportBuilder(quarters, "?");
    // 26 answered weeks of "Không có gì mới" (the stock was confirmed each week).
    for (let i = 0; i < 26; i++) b.addCheckIn({ quarterId: "q1", status: "answered", urgent: false, answers: NOTHING_TO_REPORT });
    const figure = (count: number) => ({ count, confirmedOn: "2026-06-13" });
    const q1: QuarterStocks = { addicts: figure(2), users: figure(1), postRehab: figure(3) };
    b.addStocks([{ quarterId: "q1", stocks: q1 }, { quarterId: "gone", stocks: q1 }]);
    b.addFlows([
      { quarterId: "q1", flows: { ...zeroFlows(), newSuspectedUsers: 4, awarenessSessions: 2, awarenessParticipants: 90 } },
      { quarterId: "q2", flows: { ...zeroFlows(), newSuspectedUsers: 1, backFromPrison: 1 } },
    ]);
    const f = b.finish([], { year: 2026, target: 0, quarters: [] }, "2026-06-14");
    expect(f.checkIns).toMatchObject({ expected: 26, answered: 26 });
    expect(f.checkIns.stocks).toEqual({ totals: { addicts: 2, users: 1, postRehab: 3 }, known: { addicts: 1, users: 1, postRehab: 1 }, quarters: 2 });
    expect(f.checkIns.flows).toEqual({ ...zeroFlows(), newSuspectedUsers: 5, backFromPrison: 1, awarenessSessions: 2, awarenessParticipants: 90 });
    expect(f.checkIns.perQuarter.map((q) => [q.quarter, q.stocks.postRehab?.count ?? null, q.flows.newSuspectedUsers])).toEqual([
      ["Khu phố 1", 3, 4],
      ["Khu phố 2", null, 1],
    ]);
  });
});
