// Rows keyed by (or reachable from) a chat must not betray when they were
// written, not even by their order: SQLite's rowid, PostgreSQL's tuple order
// (ctid) and inserting transaction (xmin) all grow with time, so a row written
// just after a tip would sit just after it. Writing a row "among others" deletes
// it and up to `cover` other rows of the table and inserts them all again, in
// random order, in one transaction: they share one xmin and a shuffled order,
// and which of them is new cannot be told.
//
// Each write rewrites up to `cover` rows, so writers of one table must not run
// side by side: within a process, writes queue per table and those that arrive
// while one runs are written together in the next rewrite; across instances,
// PostgreSQL's table lock makes them take turns (no deadlock between two
// rewrites), and SQLite's busy answer is waited out.
import { randomInt } from "node:crypto";
import { type Database, providerOf } from "../db.js";
import { isUniqueViolation } from "./write-races.js";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

export interface UnorderedTable<Row> {
  /** The table's name as the database knows it. */
  name: string;
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

interface Waiting<Row> {
  rows: Row[];
  cover: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

class TableWriter<Row> {
  private waiting: Waiting<Row>[] = [];
  private running = false;

  constructor(
    private readonly db: Database,
    private readonly table: UnorderedTable<Row>,
  ) {}

  write(rows: Row[], cover: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, cover, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      // A later write of the same key wins, as it would have written after.
      const byKey = new Map<string, Row>();
      for (const row of batch.flatMap((w) => w.rows)) byKey.set(this.table.keyOf(row), row);
      try {
        await rewrite(this.db, this.table, [...byKey.values()], Math.max(...batch.map((w) => w.cover)));
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.running = false;
  }
}

const writers = new WeakMap<Database, Map<UnorderedTable<unknown>, TableWriter<unknown>>>();

/** Writes `rows` (inserted, or replacing rows of the same key) hidden among up to `cover` others. */
export async function writeAmongOthers<Row>(db: Database, table: UnorderedTable<Row>, rows: Row[], cover: number): Promise<void> {
  if (rows.length === 0) return;
  let tables = writers.get(db);
  if (!tables) writers.set(db, (tables = new Map<UnorderedTable<unknown>, TableWriter<unknown>>()));
  let writer = tables.get(table) as TableWriter<Row> | undefined;
  if (!writer) {
    writer = new TableWriter(db, table);
    tables.set(table, writer);
  }
  await writer.write(rows, cover);
}

const ATTEMPTS = 8;

function isRetryable(err: unknown): boolean {
  if (isUniqueViolation(err)) return true;
  const code = (err as { code?: unknown } | null)?.code;
  // Write conflict or deadlock, timeouts, a transaction that could not start in time.
  if (code === "P2034" || code === "P1008" || code === "P2028") return true;
  return /SQLITE_BUSY|database is locked|deadlock detected/.test(String(err));
}

async function rewrite<Row>(db: Database, table: UnorderedTable<Row>, rows: Row[], cover: number): Promise<void> {
  const keys = rows.map((row) => table.keyOf(row));
  const postgres = providerOf(db) === "postgresql";
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$transaction(
        async (tx) => {
          // Other instances' rewrites of this table wait here; readers do not.
          if (postgres) await tx.$executeRawUnsafe(`LOCK TABLE "${table.name}" IN SHARE ROW EXCLUSIVE MODE`);
          const others = await table.sample(tx, cover, keys);
          const all = shuffled([...rows, ...others]);
          await table.deleteKeys(tx, all.map((row) => table.keyOf(row)));
          // One multi-row insert: rows land in the order given, which is the shuffled one.
          await table.insert(tx, all);
        },
        { maxWait: 10_000, timeout: 30_000 },
      );
      return;
    } catch (err) {
      if (attempt >= ATTEMPTS || !isRetryable(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 10 + randomInt(50 * attempt)));
    }
  }
}
