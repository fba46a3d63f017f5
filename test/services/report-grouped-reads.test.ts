// The report reads its tips and check-ins grouped in the database (GROUP BY, not
// row by row) so a ward's half-year stays fast. Grouping must never change a
// figure: over a varied, stored data set — odd categories, tips of no quarter,
// urgent marks only in the column, answers that no longer parse, legacy answers,
// weeks just outside the period — the report's figures equal a count made row by
// row from every stored row with the domain's own rules.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { addFlows, NOTHING_TO_REPORT, readStoredAnswers, zeroFlows, type CheckInAnswers } from "../../src/domain/check-in.js";
import { ResponseTally } from "../../src/domain/check-in-figures.js";
import { ReportBuilder, periodBounds, reportPeriod } from "../../src/domain/report.js";
import { checkInWindow, shiftWeek } from "../../src/domain/schedule.js";
import { scheduleOf } from "../../src/services/check-ins.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";

const TZ = "Asia/Ho_Chi_Minh";
const PERIOD = "2026-H1";

// A small deterministic generator: the same data set on every run and database.
function generator(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    // The high bits: an LCG's low bits repeat with short periods.
    return (s >>> 8) % n;
  };
}

describe("report figures read grouped", () => {
  let db: Database;
  let services: Services;
  let wardId: string;
  let quarterIds: string[];

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    const clock = new FakeClock(Date.parse("2026-06-20T03:00:00Z"));
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now });
    wardId = (await services.wards.ensureWard({ slug: "grouped", name: "Phường Gộp", timezone: TZ, quarterNames: Array.from({ length: 7 }, (_, i) => `Tổ ${i + 1}`) })).wardId;
    quarterIds = (await services.wards.listQuarters(wardId)).map((q) => q.id);
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  it("counts every tip and check-in exactly as a row-by-row count of the stored rows", async () => {
    const pick = generator(2026);
    const period = reportPeriod(PERIOD)!;
    const bounds = periodBounds(period, TZ);
    const span = bounds.end.getTime() - bounds.start.getTime();
    const categories = ["dealing", "use_venue", "school", "other", "retired_category"];
    const statuses = ["new", "claimed", "acted", "closed"];
    const reasons = ["confirmed", "unfounded", "spam", "duplicate"];
    const priorities = ["urgent", "high", "normal", "low", "??"];
    await db.tip.createMany({
      data: Array.from({ length: 400 }, (_, i) => {
        const status = statuses[pick(statuses.length)]!;
        // A tenth fall a day outside the period on either side.
        const outside = pick(10) === 0;
        const createdAt = outside ? new Date((pick(2) === 0 ? bounds.start.getTime() - 86_400_000 : bounds.end.getTime()) + pick(3_600_000)) : new Date(bounds.start.getTime() + pick(span));
        return {
          wardId,
          reference: `G${String(i).padStart(5, "0")}`,
          category: categories[pick(categories.length)]!,
          quarterId: pick(5) === 0 ? null : quarterIds[pick(quarterIds.length)]!,
          timing: "today",
          description: "grouped",
          priority: priorities[pick(priorities.length)]!,
          triageScore: 0,
          triageReasons: "[]",
          status,
          closeReason: status === "closed" ? reasons[pick(reasons.length)]! : null,
          createdAt,
        };
      }),
    });

    const full = (signs: boolean, urgent: boolean, n: number): CheckInAnswers => ({
      ...NOTHING_TO_REPORT,
      flows: { ...zeroFlows(), newSuspectedUsers: n, awarenessSessions: n % 3, relapsed: signs ? 1 : 0 },
      newSigns: signs ? { yes: true, detail: `hẻm ${n}` } : { yes: false, detail: null },
      urgent: urgent ? { yes: true, detail: "cần hỗ trợ ngay" } : { yes: false, detail: null },
      note: n % 2 === 0 ? `ghi chú ${n}` : null,
    });
    const legacy = (n: number) => JSON.stringify({ newSigns: { yes: false, detail: null }, newSuspectedUsers: n, rehabStable: 2, rehabRelapsed: 1, rehabMovedAway: 0, suspiciousBusinesses: { yes: n > 2, detail: null }, plantGrowing: { yes: false, detail: null }, awarenessActivities: 1, urgent: { yes: false, detail: null }, note: null });
    // Two weeks before and after the period's weeks too.
    const rows = [];
    for (let week = shiftWeek(bounds.firstWeek, -2); week <= shiftWeek(bounds.lastWeek, 2); week = shiftWeek(week, 1)) {
      for (const quarterId of quarterIds) {
        const kind = pick(8);
        const n = pick(5);
        const answered = kind !== 0;
        const answers =
          kind === 0 ? "{}" : kind <= 3 ? JSON.stringify(NOTHING_TO_REPORT) : kind === 4 ? JSON.stringify(full(pick(2) === 0, pick(4) === 0, n)) : kind === 5 ? legacy(n) : kind === 6 ? "{not json" : JSON.stringify(full(true, false, n));
        rows.push({
          wardId,
          quarterId,
          week,
          status: answered ? "answered" : "pending",
          nothingToReport: kind >= 1 && kind <= 3,
          answers,
          // The column alone marks some weeks urgent (as an urgent answer later edited would).
          urgent: answered && pick(6) === 0,
        });
      }
    }
    await db.checkIn.createMany({ data: rows });

    const report = await services.reports.build(wardId, PERIOD, { unknownQuarter: "Không rõ" });

    // Row by row, every stored row, with the domain's own rules.
    const quarters = await db.quarter.findMany({ where: { wardId }, orderBy: { position: "asc" }, select: { id: true, name: true } });
    const expected = new ReportBuilder(quarters, "Không rõ");
    for (const tip of await db.tip.findMany({ where: { wardId, createdAt: { gte: bounds.start, lt: bounds.end } } })) expected.addTip(tip);
    const responses = new ResponseTally(quarterIds);
    const flows = new Map(quarterIds.map((id) => [id, zeroFlows()]));
    const schedule = scheduleOf(await db.ward.findUniqueOrThrow({ where: { id: wardId } }));
    const asOf = period.to < "2026-06-20" ? period.to : "2026-06-20";
    for (const c of await db.checkIn.findMany({ where: { wardId } })) {
      const answers = c.status === "answered" ? readStoredAnswers(c.answers) : null;
      if (c.week >= bounds.firstWeek && c.week <= bounds.lastWeek) responses.add({ quarterId: c.quarterId, status: c.status, urgent: c.urgent, answers });
      const opensOn = checkInWindow(c.week, schedule, TZ).opensOn;
      if (answers && !c.nothingToReport && opensOn >= period.from && opensOn <= asOf) addFlows(flows.get(c.quarterId)!, answers.flows);
    }
    const figures = expected.finish([], { year: 2026, target: 0, quarters: [] }, "2026-06-20");

    expect(report.figures.tips).toEqual(figures.tips);
    expect(report.figures.unknownQuarter.tips).toEqual(figures.unknownQuarter.tips);
    expect(report.figures.perQuarter.map((q) => q.tips)).toEqual(figures.perQuarter.map((q) => q.tips));
    expect(report.figures.perQuarter.map((q) => ({ expected: q.expected, answered: q.answered, withSigns: q.withSigns, urgent: q.urgent, flows: q.flows }))).toEqual(
      quarterIds.map((id) => {
        const r = responses.of(id);
        return { expected: r.expected, answered: r.answered, withSigns: r.withSigns, urgent: r.urgent, flows: flows.get(id) };
      }),
    );
    // The data set is varied enough to mean something: every kind of row is counted.
    const totals = report.figures.checkIns;
    expect(totals.expected).toBeGreaterThan(totals.answered);
    expect(totals.withSigns).toBeGreaterThan(0);
    expect(totals.urgent).toBeGreaterThan(0);
    expect(totals.flows.newSuspectedUsers).toBeGreaterThan(0);
    expect(report.figures.unknownQuarter.tips.total).toBeGreaterThan(0);
    expect(report.figures.tips.byCategory.other.total).toBeGreaterThan(0);
  });
});
