// The per-update statements run on the driver (update-statements.ts) write the
// same rows Prisma reads and sweeps: a date in another form would escape the
// 48-hour sweep of update ids, a state row in another form would be lost on
// the next read. Both databases.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database, updateStatementsOf } from "../../src/db.js";
import { ProcessedUpdates } from "../../src/services/processed-updates.js";
import { freshDatabaseUrl } from "../support/harness.js";

describe("statements on the driver, beside Prisma", () => {
  let db: Database;
  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  it("records an update's time as Prisma reads it, so the sweep forgets it on time", async () => {
    const handledAt = new Date("2026-12-06T18:30:00.123Z");
    expect(await updateStatementsOf(db).claimUpdate("501", handledAt)).toBe(true);
    expect(await updateStatementsOf(db).claimUpdate("501", new Date())).toBe(false);
    expect(await db.processedUpdate.findUniqueOrThrow({ where: { updateId: "501" } })).toEqual({ updateId: "501", handledAt });
    const updates = new ProcessedUpdates(db, () => handledAt);
    expect(await updates.forgetBefore(handledAt)).toBe(0);
    expect(await updates.forgetBefore(new Date(handledAt.getTime() + 1))).toBe(1);
    expect(await updates.claim(501)).toBe(true);
  });

  it("records the time in UTC, as Prisma does, on a server whose clock is in Vietnam's time zone", async () => {
    const zone = process.env.TZ;
    // pg writes a Date in the process's local time, and a timestamp column without a zone drops the offset.
    process.env.TZ = "Asia/Ho_Chi_Minh";
    try {
      const handledAt = new Date("2026-12-06T23:30:00.000Z");
      expect(handledAt.getHours()).toBe(6); // the zone took effect
      await updateStatementsOf(db).claimUpdate("502", handledAt);
      expect((await db.processedUpdate.findUniqueOrThrow({ where: { updateId: "502" } })).handledAt).toEqual(handledAt);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("writes a flow's state where Prisma finds it, and replaces it in place", async () => {
    const statements = updateStatementsOf(db);
    expect(await statements.readFlow("k1")).toBeUndefined();
    await statements.writeFlow("k1", "first", "a1");
    await statements.writeFlow("k1", "second", "a2");
    expect(await db.conversationState.findMany()).toEqual([{ key: "k1", value: "second", activity: "a2" }]);
    await db.conversationState.update({ where: { key: "k1" }, data: { value: "third" } });
    expect(await statements.readFlow("k1")).toBe("third");
  });

  it("opens the connection itself when nothing has queried yet, and again after a disconnect", async () => {
    expect(await updateStatementsOf(db).claimUpdate("1", new Date())).toBe(true);
    await db.$disconnect();
    expect(await updateStatementsOf(db).claimUpdate("2", new Date())).toBe(true);
    expect(await db.processedUpdate.count()).toBe(2);
  });
});
