// Retention at the service, at its edges: which closed tips go (strictly older
// than the cutoff), in batches, with everything hanging off them, one audit
// count per ward; which receipts stop working; and the walk over closed tips
// the retention run uses to forget notification targets.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";

const DAY = 86_400_000;

describe("retention", () => {
  let db: Database;
  let services: Services;
  let clock: FakeClock;
  let wardA: string;
  let wardB: string;

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock();
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now });
    wardA = (await services.wards.ensureWard({ slug: "a", name: "A", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP 1"] })).wardId;
    wardB = (await services.wards.ensureWard({ slug: "b", name: "B", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP 1"] })).wardId;
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  let written = 0;
  /** Tips written straight to the table (retention never opens their sealed columns): closed `closedDaysAgo` days ago, or open. */
  async function tips(wardId: string, count: number, closedDaysAgo: number | null, receipt = true) {
    const now = clock.now().getTime();
    const rows = Array.from({ length: count }, () => ({
      id: `tip-${String(++written).padStart(5, "0")}`,
      wardId,
      reference: `R${written}`,
      receiptHash: receipt ? `hash-${written}` : null,
      category: "dealing",
      timing: "today",
      description: "v2.t1.sealed",
      priority: "normal",
      triageScore: 0,
      triageReasons: "[]",
      createdAt: new Date(now - 400 * DAY),
      ...(closedDaysAgo === null ? {} : { status: "closed", closeReason: "unfounded", closedAt: new Date(now - closedDaysAgo * DAY) }),
    }));
    await db.tip.createMany({ data: rows });
    return rows.map((r) => r.id);
  }

  it("deletes closed tips strictly older than the cutoff, with their photos, additions, questions and cards; never open ones", async () => {
    const [old] = await tips(wardA, 1, 180.001);
    const [edge] = await tips(wardA, 1, 180);
    const [young] = await tips(wardA, 1, 179);
    const [open] = await tips(wardA, 1, null);
    for (const id of [old!, edge!]) {
      await db.tipPhoto.createMany({ data: [0, 1].map((position) => ({ id: `${id}-p${position}`, tipId: id, fileId: "v2.t1.x", position })) });
      await db.tipAddendum.create({ data: { id: `${id}-a`, tipId: id, text: null, photoFileIds: "v2.t1.x", createdAt: clock.now() } });
      await db.tipQuestion.create({ data: { id: `${id}-q`, tipId: id, askedByMemberId: "m", question: "v2.t1.x", askedAt: clock.now() } });
      await db.tipCard.create({ data: { tipId: id, chatId: "-100", messageId: ++written } });
    }
    expect(await services.tips.purgeClosed(180)).toEqual({ tips: 1, photos: 2, addenda: 1, questions: 1 });
    expect((await db.tip.findMany({ select: { id: true } })).map((t) => t.id).sort()).toEqual([edge!, young!, open!].sort());
    for (const table of [db.tipPhoto, db.tipAddendum, db.tipQuestion, db.tipCard] as unknown as { count(q: object): Promise<number> }[]) {
      expect(await table.count({ where: { tipId: old! } })).toBe(0);
      expect(await table.count({ where: { tipId: edge! } })).toBeGreaterThan(0);
    }
    expect(await services.tips.purgeClosed(180)).toEqual({ tips: 0, photos: 0, addenda: 0, questions: 0 });
    clock.advance(1);
    expect((await services.tips.purgeClosed(180)).tips).toBe(1);
  });

  it("goes through any number in batches, and writes one audit count per ward per batch", async () => {
    await tips(wardA, 501, 200);
    await tips(wardB, 3, 200);
    await tips(wardA, 2, 10);
    const purged = await services.tips.purgeClosed(180);
    expect(purged.tips).toBe(504);
    expect(await db.tip.count()).toBe(2);
    const audit = await db.auditEntry.findMany({ where: { action: "tips.purged" } });
    const perWard = (wardId: string) => audit.filter((e) => e.wardId === wardId).reduce((n, e) => n + (JSON.parse(e.detail) as { tips: number }).tips, 0);
    expect(perWard(wardA)).toBe(501);
    expect(perWard(wardB)).toBe(3);
    expect(audit.every((e) => e.tipId === null && e.actorMemberId === null && (JSON.parse(e.detail) as { olderThanDays: number }).olderThanDays === 180)).toBe(true);
    // Two batches: 500, then the last four (one or both wards in each).
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit.length).toBeLessThanOrEqual(4);
  });

  it("stops receipts of tips closed strictly more than the given days ago, and only those", async () => {
    const [old] = await tips(wardA, 1, 90.001);
    const [edge] = await tips(wardA, 1, 90);
    const [open] = await tips(wardA, 1, null);
    await tips(wardA, 1, 100, false);
    expect(await services.tips.expireReceipts(90)).toBe(1);
    const hashes = Object.fromEntries((await db.tip.findMany()).map((t) => [t.id, t.receiptHash]));
    expect(hashes[old!]).toBeNull();
    expect(hashes[edge!]).not.toBeNull();
    expect(hashes[open!]).not.toBeNull();
    expect(await services.tips.expireReceipts(90)).toBe(0);
  });

  it("walks every closed tip once, in batches, and no open one", async () => {
    const closed = [...(await tips(wardA, 5, 1)), ...(await tips(wardB, 2, 400))];
    await tips(wardA, 3, null);
    const batches: string[][] = [];
    for await (const batch of services.tips.closedTipIds(clock.now(), 3)) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batches.flat().sort()).toEqual(closed.sort());
    const all: string[] = [];
    for await (const batch of services.tips.closedTipIds(clock.now())) all.push(...batch);
    expect(all.sort()).toEqual(closed.sort());
  });

  it("walks only tips closed before the given moment, in order of id however they were written", async () => {
    // Written newest id first: a walk that trusted the table's order would skip or repeat some.
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(...(await tips(wardA, 1, 10)));
    await db.tip.deleteMany({ where: { id: { in: ids } } });
    for (const id of [...ids].reverse()) {
      await db.tip.create({ data: { id, wardId: wardA, reference: id, category: "dealing", timing: "today", description: "v2.t1.sealed", priority: "normal", triageScore: 0, triageReasons: "[]", status: "closed", closeReason: "unfounded", closedAt: new Date(clock.now().getTime() - 10 * DAY) } });
    }
    await tips(wardA, 2, 1);
    const walked: string[] = [];
    for await (const batch of services.tips.closedTipIds(new Date(clock.now().getTime() - 5 * DAY), 3)) walked.push(...batch);
    expect(walked).toEqual([...ids].sort());
  });

  it("keeps purged tips as tally rows by the ward's reporting month, quarter, category, priority and result, adding to rows already there", async () => {
    const [quarter] = await services.wards.listQuarters(wardA);
    const now = clock.now().getTime();
    // 14 Jan 20:00 UTC is already the 15th in Vietnam: February's figures.
    const createdAt = new Date("2026-01-14T20:00:00Z");
    const row = (id: string, over: object) => ({ id, wardId: wardA, reference: id, category: "school", timing: "today", description: "v2.t1.sealed", priority: "high", triageScore: 0, triageReasons: "[]", createdAt, status: "closed", closedAt: new Date(now - 200 * DAY), ...over });
    await db.tip.createMany({ data: [row("t1", { quarterId: quarter!.id, closeReason: "confirmed" }), row("t2", { closeReason: "unfounded" })] });
    await services.tips.purgeClosed(180);
    await db.tip.createMany({ data: [row("t3", { quarterId: quarter!.id, closeReason: "confirmed" })] });
    await services.tips.purgeClosed(180);
    const tallies = await db.tipTally.findMany({ orderBy: { count: "desc" } });
    expect(tallies.map(({ wardId, month, quarterId, category, priority, result, count }) => ({ wardId, month, quarterId, category, priority, result, count }))).toEqual([
      { wardId: wardA, month: "2026-02", quarterId: quarter!.id, category: "school", priority: "high", result: "confirmed", count: 2 },
      { wardId: wardA, month: "2026-02", quarterId: "", category: "school", priority: "high", result: "unfounded", count: 1 },
    ]);
  });
});
