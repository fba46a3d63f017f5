// The check-in's figures against a real (migrated) database: stocks taken as
// of a date and carried by "Không có gì mới", flows summed over a period, the
// report built from both, and old answers migrated.
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { NOTHING_TO_REPORT, zeroFlows } from "../../src/domain/check-in.js";
import { addDays, localDateOf } from "../../src/domain/deadlines.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import type { CheckInMessenger } from "../../src/services/messenger.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";

const TZ = "Asia/Ho_Chi_Minh";
// Friday 19 December 2025, 08:01 in Vietnam: the first check-in of the 2026 half-year opens at 08:00.
const FIRST_OPENING = Date.parse("2025-12-19T01:01:00Z");
const WEEK = 7 * 24 * 3_600_000;

const quietMessenger: CheckInMessenger = {
  prompt: () => Promise.resolve("sent"),
  escalate: () => Promise.resolve(),
  urgent: () => Promise.resolve(),
  summary: () => Promise.resolve(),
};

describe("check-in figures", () => {
  let db: Database;
  let services: Services;
  let clock: FakeClock;
  let wardId: string;
  let quarterIds: string[];

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock(FIRST_OPENING);
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now });
    services.checkIns.useMessenger(quietMessenger);
    wardId = (await services.wards.ensureWard({ slug: "test-ward", name: "Phường Thử", timezone: TZ, quarterNames: ["Khu phố 1", "Khu phố 2"] })).wardId;
    quarterIds = (await services.wards.listQuarters(wardId)).map((q) => q.id);
    await db.quarterHead.create({ data: { wardId, quarterId: quarterIds[0]!, telegramUserId: "7001", displayName: "Tổ trưởng Một", role: "head" } });
    await db.quarterHead.create({ data: { wardId, quarterId: quarterIds[0]!, telegramUserId: "7002", displayName: "Tổ phó Một", role: "deputy" } });
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  /** Opens this week's check-in and returns quarter 1's. */
  async function openWeek(): Promise<string> {
    const week = await services.checkIns.openNow(wardId);
    return (await db.checkIn.findFirstOrThrow({ where: { quarterId: quarterIds[0]!, week } })).id;
  }

  it("carries a stock over 26 weeks of 'Không có gì mới', reports it once at the period's end, and sums the flows", async () => {
    const answeredOn: string[] = [];
    for (let i = 0; i < 26; i++) {
      clock.advance(i === 0 ? 0 : WEEK);
      const id = await openWeek();
      answeredOn.push(localDateOf(clock.now(), TZ));
      if (i === 0) {
        await services.checkIns.answer("7001", id, { stocks: { addicts: 2, users: 1, postRehab: 3 }, answers: { ...NOTHING_TO_REPORT, flows: { ...zeroFlows(), newSuspectedUsers: 1, awarenessSessions: 1, awarenessParticipants: 30 } } });
      } else if (i === 13) {
        // The deputy answers while the head is away: two more people back from rehab, the stock changes.
        await services.checkIns.answer("7002", id, { stocks: { addicts: 2, users: 1, postRehab: 5 }, answers: { ...NOTHING_TO_REPORT, flows: { ...zeroFlows(), backFromRehab: 2 } } });
      } else {
        const saved = await services.checkIns.answer("7001", id, "nothing");
        expect(saved.stocks.postRehab?.count).toBe(i < 13 ? 3 : 5);
      }
    }
    expect(answeredOn.at(-1)).toBe("2026-06-12");

    const [q1, q2] = await services.checkIns.stocksAt(wardId, "2026-06-14");
    expect(q1!.stocks).toEqual({
      addicts: { count: 2, confirmedOn: "2026-06-12" },
      users: { count: 1, confirmedOn: "2026-06-12" },
      postRehab: { count: 5, confirmedOn: "2026-06-12" },
    });
    expect(q2!.stocks).toEqual({ addicts: null, users: null, postRehab: null });
    // As of a date before the change, the value then; before any answer, unknown.
    expect((await services.checkIns.stocksAt(wardId, answeredOn[12]!))[0]!.stocks.postRehab).toEqual({ count: 3, confirmedOn: answeredOn[12] });
    expect((await services.checkIns.stocksAt(wardId, "2025-12-18"))[0]!.stocks.postRehab).toBeNull();

    const flows = await services.checkIns.flowsBetween(wardId, "2025-12-15", "2026-06-14");
    expect(flows[0]).toMatchObject({ quarter: "Khu phố 1", flows: { ...zeroFlows(), newSuspectedUsers: 1, backFromRehab: 2, awarenessSessions: 1, awarenessParticipants: 30 } });
    expect(flows[1]).toMatchObject({ quarter: "Khu phố 2", flows: zeroFlows() });
    // A week belongs to the day its check-in opened: the first Friday alone, then none before it.
    expect((await services.checkIns.flowsBetween(wardId, "2025-12-19", "2025-12-19"))[0]!.flows.newSuspectedUsers).toBe(1);
    expect((await services.checkIns.flowsBetween(wardId, "2025-12-20", "2026-06-14"))[0]!.flows.newSuspectedUsers).toBe(0);

    clock.advance(WEEK);
    const report = await services.reports.build(wardId, "2026-H1", { unknownQuarter: "?" });
    expect(report.figures.checkIns.stocks.totals).toEqual({ addicts: 2, users: 1, postRehab: 5 });
    expect(report.figures.checkIns.flows).toMatchObject({ newSuspectedUsers: 1, backFromRehab: 2, awarenessParticipants: 30 });
    expect(report.figures.checkIns).toMatchObject({ expected: 26, answered: 26 });

    const row = await db.checkIn.findFirstOrThrow({ where: { quarterId: quarterIds[0]!, stockPostRehab: 5, nothingToReport: false } });
    expect(row.answeredByRole).toBe("deputy");

    // The weekly picture of the same weeks: quarter 1's signs in week 1, the deputy's week, quarter 2 never asked.
    const grid = await services.checkIns.grid(wardId, "2026-W24", 26);
    expect(grid.weeks).toHaveLength(26);
    expect(grid.weeks[0]).toEqual({ week: "2025-W51", opensOn: "2025-12-19" });
    const [q1Row, q2Row] = grid.rows;
    expect(q1Row!.cells.map((c) => c.status)).toEqual(["signs", ...Array(25).fill("nothing")]);
    expect(q1Row!.cells.map((c, i) => (c.byDeputy ? i : -1)).filter((i) => i >= 0)).toEqual([13]);
    expect(new Set(q2Row!.cells.map((c) => c.status))).toEqual(new Set(["noHead"]));
  }, 180_000); // 26 weeks of real openings and answers: allow for a loaded machine


  it("'Không có gì mới' before any stock was given leaves the stocks unknown, never zero", async () => {
    const id = await openWeek();
    const saved = await services.checkIns.answer("7001", id, "nothing");
    expect(saved.stocks).toEqual({ addicts: null, users: null, postRehab: null });
    const row = await db.checkIn.findUniqueOrThrow({ where: { id } });
    expect([row.stockAddicts, row.stockUsers, row.stockPostRehab]).toEqual([null, null, null]);
    expect(await services.checkIns.stocksForCheckIn(id)).toEqual({ addicts: null, users: null, postRehab: null });
  });

  it("moves an old answer's weekly 'stable' figure into the post-rehab stock and reads its flows through the adapter", async () => {
    const legacy = (rehabStable: number) =>
      JSON.stringify({
        newSigns: { yes: false, detail: null },
        newSuspectedUsers: 1,
        rehabStable,
        rehabRelapsed: 0,
        rehabMovedAway: 0,
        suspiciousBusinesses: { yes: false, detail: null },
        plantGrowing: { yes: false, detail: null },
        awarenessActivities: 2,
        urgent: { yes: false, detail: null },
        note: null,
      });
    const at = new Date(FIRST_OPENING);
    const full = await db.checkIn.create({ data: { wardId, quarterId: quarterIds[0]!, week: "2025-W51", status: "answered", answers: legacy(4), answeredAt: at } });
    const nothing = await db.checkIn.create({ data: { wardId, quarterId: quarterIds[0]!, week: "2025-W52", status: "answered", nothingToReport: true, answers: legacy(0), answeredAt: new Date(at.getTime() + WEEK) } });

    const provider = inject("databaseKind");
    const sql = fs.readFileSync(new URL(`../../prisma/${provider}/migrations/20261206100000_check_in_stocks/migration.sql`, import.meta.url), "utf8");
    const update = sql.slice(sql.indexOf("UPDATE"));
    await db.$executeRawUnsafe(update);

    expect((await db.checkIn.findUniqueOrThrow({ where: { id: full.id } })).stockPostRehab).toBe(4);
    expect((await db.checkIn.findUniqueOrThrow({ where: { id: nothing.id } })).stockPostRehab).toBeNull();
    const [q1] = await services.checkIns.stocksAt(wardId, "2026-01-31");
    expect(q1!.stocks).toEqual({ addicts: null, users: null, postRehab: { count: 4, confirmedOn: "2025-12-19" } });
    const [flows] = await services.checkIns.flowsBetween(wardId, "2025-12-15", addDays("2025-12-15", 30));
    // The old "nothing new" week's zeros are not read; the full answer's flows are.
    expect(flows!.flows).toMatchObject({ newSuspectedUsers: 1, awarenessSessions: 2 });
  });
});
