// Two clients (as two instances would) writing the same new rows at the same
// moment: a bare upsert loses the race on both databases (P2002 on
// PostgreSQL, a busy error on SQLite); upsertRacing carries on.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { upsertRacing } from "../../src/services/write-races.js";
import { freshDatabaseUrl } from "../support/harness.js";

describe("upsertRacing", () => {
  let a: Database;
  let b: Database;
  let wardId: string;
  let quarterId: string;

  beforeEach(async () => {
    const url = await freshDatabaseUrl();
    a = createDatabase(url);
    b = createDatabase(url);
    const ward = await a.ward.create({ data: { slug: "race", name: "Phường Đua" } });
    wardId = ward.id;
    quarterId = (await a.quarter.create({ data: { wardId, name: "Khu phố 1", position: 1 } })).id;
  });
  afterEach(async () => {
    await a.$disconnect();
    await b.$disconnect();
  });

  const openWeek = (db: Database, week: string) =>
    db.checkIn.upsert({ where: { quarterId_week: { quarterId, week } }, create: { wardId, quarterId, week }, update: {} });

  it("a bare upsert of the same new row from two clients fails for one of them", async () => {
    const results = [];
    for (let i = 0; i < 40; i++) results.push(...(await Promise.allSettled([openWeek(a, `2026-W${i}`), openWeek(b, `2026-W${i}`)])));
    // The race this helper exists for is real on this database.
    expect(results.filter((r) => r.status === "rejected").length).toBeGreaterThan(0);
  });

  it("with upsertRacing both clients get the one row", async () => {
    for (let i = 0; i < 40; i++) {
      const [x, y] = await Promise.all([upsertRacing(() => openWeek(a, `2026-W${i}`)), upsertRacing(() => openWeek(b, `2026-W${i}`))]);
      expect(x.id).toBe(y.id);
    }
    expect(await a.checkIn.count()).toBe(40);
  });

  it("does not hide other errors", async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(Object.assign(new Error("foreign key"), { code: "P2003" }));
    };
    await expect(upsertRacing(failing)).rejects.toThrow("foreign key");
    expect(calls).toBe(1);
  });
});
