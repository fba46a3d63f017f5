// The scheduler lease and the processed-update log against a real database:
// one holder at a time, takeover only after expiry, repeats refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { JobService } from "../../src/services/jobs.js";
import { LeaseService } from "../../src/services/leases.js";
import { ProcessedUpdates } from "../../src/services/processed-updates.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl } from "../support/harness.js";

describe("LeaseService", () => {
  let db: Database;
  let clock: FakeClock;

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock();
  });
  afterEach(() => db.$disconnect());

  it("lets one instance hold the lease; another takes it over only once it expired", async () => {
    const a = new LeaseService(db, clock.now);
    const b = new LeaseService(db, clock.now);
    expect(a.holder).not.toBe(b.holder);
    expect(await a.acquire("scheduler", 30_000)).toEqual({ held: true, tookOver: false });
    expect(await b.acquire("scheduler", 30_000)).toEqual({ held: false, tookOver: false });
    clock.advance(15_000);
    expect(await a.acquire("scheduler", 30_000)).toEqual({ held: true, tookOver: false });
    clock.advance(24_000);
    expect(await b.acquire("scheduler", 30_000)).toEqual({ held: false, tookOver: false });
    clock.advance(12_000);
    expect(await b.acquire("scheduler", 30_000)).toEqual({ held: true, tookOver: true });
    expect(await a.acquire("scheduler", 30_000)).toEqual({ held: false, tookOver: false });
  });

  it("a released lease is free at once", async () => {
    const a = new LeaseService(db, clock.now);
    const b = new LeaseService(db, clock.now);
    await a.acquire("scheduler", 30_000);
    await a.release("scheduler");
    expect(await b.acquire("scheduler", 30_000)).toEqual({ held: true, tookOver: false });
  });

  it("ten instances racing for a free lease: exactly one wins", async () => {
    const instances = Array.from({ length: 10 }, () => new LeaseService(db, clock.now));
    const results = await Promise.all(instances.map((l) => l.acquire("scheduler", 30_000)));
    expect(results.filter((r) => r.held)).toHaveLength(1);
  });

  it("a job runner that is no longer leading stops before its next claim; a takeover gives back running jobs", async () => {
    const jobs = new JobService(db, clock.now);
    const ran: string[] = [];
    jobs.register("checkin.prompt", (job) => {
      ran.push(job.key);
      return Promise.resolve();
    });
    const ward = await db.ward.create({ data: { slug: "w", name: "W" } });
    for (let i = 0; i < 5; i++) await jobs.schedule({ wardId: ward.id, key: `k${i}`, kind: "checkin.prompt", dueAt: clock.now() });
    let allowed = 2;
    expect(await jobs.runDue(Number.POSITIVE_INFINITY, () => Promise.resolve(allowed-- > 0))).toBe(2);
    expect(ran).toHaveLength(2);
    await db.scheduledJob.updateMany({ where: { key: "k2" }, data: { status: "running", claimedAt: clock.now() } });
    expect(await jobs.releaseRunning()).toBe(1);
    expect(await jobs.runDue()).toBe(3);
    expect(ran.sort()).toEqual(["k0", "k1", "k2", "k3", "k4"]);
  });
});

describe("JobService.scheduleMany", () => {
  it("plans each key once, alongside jobs planned one by one", async () => {
    const db = createDatabase(await freshDatabaseUrl());
    const clock = new FakeClock();
    const jobs = new JobService(db, clock.now);
    const ward = await db.ward.create({ data: { slug: "w", name: "W" } });
    const job = (i: number) => ({ wardId: ward.id, key: `k${i}`, kind: "checkin.prompt" as const, dueAt: clock.now(), payload: { i } });
    await jobs.schedule(job(3));
    await jobs.scheduleMany(Array.from({ length: 1_200 }, (_, i) => job(i)));
    await jobs.scheduleMany(Array.from({ length: 1_300 }, (_, i) => job(i)));
    expect(await db.scheduledJob.count()).toBe(1_300);
    expect(JSON.parse((await db.scheduledJob.findUniqueOrThrow({ where: { key: "k1299" } })).payload)).toEqual({ i: 1299 });
    await db.$disconnect();
  });
});

describe("ProcessedUpdates", () => {
  it("takes an update id once, forgets old ones", async () => {
    const db = createDatabase(await freshDatabaseUrl());
    const clock = new FakeClock();
    const updates = new ProcessedUpdates(db, clock.now);
    expect(await updates.claim(41)).toBe(true);
    expect(await updates.claim(41)).toBe(false);
    expect(await updates.claim(42)).toBe(true);
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => updates.claim(43)));
    expect(concurrent.filter(Boolean)).toHaveLength(1);
    clock.advanceHours(49);
    expect(await updates.forgetBefore(new Date(clock.now().getTime() - 48 * 3_600_000))).toBe(3);
    expect(await updates.claim(41)).toBe(true);
    await db.$disconnect();
  });
});
