// A transaction's rollback takes back its own writes, never another request's.
// On SQLite all queries share one connection: before 2026-12-06 a write made
// while another request's interactive transaction was open ran inside it, and
// vanished when that transaction rolled back (after the write had reported
// success: a receipt for a tip that is gone). Found by the mutation tests of
// claimAdmin's race. Both databases.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database, updateStatementsOf } from "../../src/db.js";
import type { Prisma } from "../../src/generated/prisma/client.js";
import { freshDatabaseUrl } from "../support/harness.js";

describe("one request's transaction and another's writes", () => {
  let db: Database;
  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  /** A transaction that writes (a ward, unless told what), waits until told, then fails; `entered` once its write is done. */
  function failingTransaction(write: (tx: Prisma.TransactionClient) => Promise<unknown> = (tx) => tx.ward.create({ data: { slug: "in-transaction", name: "Rolled back" } })) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const done = db
      .$transaction(async (tx) => {
        await write(tx);
        inside();
        await gate;
        throw new Error("refused");
      })
      .catch((err: unknown) => String(err));
    return { entered, release, done };
  }

  it("keeps a write made while another transaction is open, after that one rolls back", async () => {
    const other = failingTransaction();
    await other.entered;
    const outside = db.ward.create({ data: { slug: "outside", name: "Kept" } });
    // Time for the write to go through if it can (it ran inside the open transaction before the fix);
    // either way it must be there after the rollback.
    await Promise.race([outside, new Promise((resolve) => setTimeout(resolve, 300))]);
    other.release();
    await outside;
    expect(await other.done).toContain("refused");
    expect((await db.ward.findMany()).map((w) => w.slug)).toEqual(["outside"]);
  });

  // The per-update statements run on the driver beside Prisma (update-statements.ts), on the same
  // SQLite connection: they must wait for an open transaction as Prisma's own queries do.
  it("keeps an update's claim and a flow's state written on the driver while another transaction is open", async () => {
    const other = failingTransaction();
    await other.entered;
    const statements = updateStatementsOf(db);
    const writes = Promise.all([statements.claimUpdate("77", new Date()), statements.writeFlow("chat-key", "sealed", "sealed-activity")]);
    await Promise.race([writes, new Promise((resolve) => setTimeout(resolve, 300))]);
    other.release();
    expect(await writes).toEqual([true, undefined]);
    expect(await other.done).toContain("refused");
    expect(await db.processedUpdate.count()).toBe(1);
    expect(await statements.readFlow("chat-key")).toBe("sealed");
    expect(await db.ward.count()).toBe(0);
  });

  it("does not show another transaction's uncommitted flow state to the driver's read", async () => {
    const other = failingTransaction((tx) => tx.conversationState.create({ data: { key: "chat-key", value: "uncommitted", activity: "a" } }));
    await other.entered;
    const seen = updateStatementsOf(db).readFlow("chat-key");
    await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, 300))]);
    other.release();
    expect(await seen).toBeUndefined();
    expect(await other.done).toContain("refused");
  });

  it("does not show another transaction's uncommitted write", async () => {
    const other = failingTransaction();
    await other.entered;
    const seen = db.ward.findMany({ select: { slug: true } });
    await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, 300))]);
    other.release();
    expect((await seen).map((w) => w.slug)).not.toContain("in-transaction");
    await other.done;
  });
});
