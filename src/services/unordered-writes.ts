// Rows keyed by (or reachable from) a chat must not betray when they were
// written, not even by their order: SQLite's rowid, PostgreSQL's tuple order
// (ctid) and inserting transaction (xmin) all grow with time, so a row written
// just after a tip would sit just after it. Writing a row "among others" deletes
// it and up to `cover` other rows of the table and inserts them all again, in
// random order, in one transaction: they share one xmin and a shuffled order,
// and which of them is new cannot be told.
import { randomInt } from "node:crypto";
import type { Database } from "../db.js";
import { isUniqueViolation } from "./write-races.js";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export interface UnorderedTable<Row> {
  /** Up to `count` rows other than `exceptKeys`, chosen at random. */
  sample(tx: Transaction, count: number, exceptKeys: string[]): Promise<Row[]>;
  keyOf(row: Row): string;
  deleteKeys(tx: Transaction, keys: string[]): Promise<unknown>;
  insert(tx: Transaction, rows: Row[]): Promise<unknown>;
}

export function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Writes `rows` (inserted, or replacing rows of the same key) hidden among up to `cover` others. */
export async function writeAmongOthers<Row>(db: Database, table: UnorderedTable<Row>, rows: Row[], cover: number): Promise<void> {
  if (rows.length === 0) return;
  const keys = rows.map((row) => table.keyOf(row));
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$transaction(async (tx) => {
        const others = await table.sample(tx, cover, keys);
        const all = shuffled([...rows, ...others]);
        await table.deleteKeys(tx, all.map((row) => table.keyOf(row)));
        // One multi-row insert: rows land in the order given, which is the shuffled one.
        await table.insert(tx, all);
      });
      return;
    } catch (err) {
      // Two writers took the same rows at once: the loser starts over.
      const code = (err as { code?: unknown } | null)?.code;
      if (attempt >= 5 || !(isUniqueViolation(err) || code === "P2034" || code === "P1008")) throw err;
      await new Promise((resolve) => setTimeout(resolve, 10 + randomInt(40 * attempt)));
    }
  }
}
