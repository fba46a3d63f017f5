// Re-seals every sealed column under the keyring's current key and format:
// after a new key is put first in TIP_KEYS (old ones kept behind it), and once
// after upgrading from a version that stored values in clear or without their
// row bound (v1). Safe to run again or to interrupt: each row is rewritten on
// its own, and rows already current are skipped. Also counts what is left in
// an older format, which the bot refuses to read (see app start).
import type { Database } from "../db.js";
import { isLegacySealed, type Keyring, SEALED, SEALED_ROW_KEY, type SealedColumn } from "./keyring.js";

const PAGE = 500;

export interface RotationResult {
  keyId: string;
  /** Rows rewritten, per table. */
  resealed: Record<string, number>;
  /** Values still in clear or in the old format after the run (0 unless rows were written meanwhile). */
  legacyLeft: number;
}

type Row = Record<string, string | null>;

/** The few calls this file makes on any model; Prisma's delegates have them all. */
interface Delegate {
  findMany(args: object): Promise<Row[]>;
  updateMany(args: object): Promise<{ count: number }>;
  count(args: object): Promise<number>;
}

function delegateOf(db: Database, table: string): Delegate {
  return (db as unknown as Record<string, Delegate>)[table.charAt(0).toLowerCase() + table.slice(1)]!;
}

/** Sealed columns grouped by table. */
export function sealedTables(): Map<string, SealedColumn[]> {
  const tables = new Map<string, SealedColumn[]>();
  for (const column of Object.values(SEALED)) tables.set(column.table, [...(tables.get(column.table) ?? []), column]);
  return tables;
}

export async function rotateDataKeys(db: Database, keyring: Keyring, onProgress?: (table: string, resealed: number) => void): Promise<RotationResult> {
  const reader = keyring.withLegacy();
  const resealed: Record<string, number> = {};
  for (const [table, columns] of sealedTables()) {
    const rowKey = SEALED_ROW_KEY[table]!;
    const model = delegateOf(db, table);
    const select = Object.fromEntries([rowKey, ...columns.map((c) => c.column)].map((name) => [name, true]));
    let count = 0;
    let after: string | null = null;
    for (;;) {
      const rows: Row[] = await model.findMany({ select, orderBy: { [rowKey]: "asc" }, take: PAGE, ...(after ? { where: { [rowKey]: { gt: after } } } : {}) });
      for (const row of rows) {
        const ref = row[rowKey]!;
        const data: Record<string, string> = {};
        const unchanged: Record<string, string> = {};
        for (const column of columns) {
          const stored = row[column.column];
          if (stored === null || stored === undefined) continue;
          if (keyring.isStale(stored)) {
            data[column.column] = keyring.seal(column, ref, reader.open(column, ref, stored));
            unchanged[column.column] = stored;
          }
        }
        if (Object.keys(data).length === 0) continue;
        // Only if nobody rewrote the row meanwhile (a flow that moved on is already current).
        const { count: written } = await model.updateMany({ where: { [rowKey]: ref, ...unchanged }, data });
        count += written;
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]![rowKey]!;
      onProgress?.(table, count);
    }
    resealed[table] = count;
    onProgress?.(table, count);
  }
  return { keyId: keyring.currentId, resealed, legacyLeft: await countLegacySealed(db) };
}

/** How many stored values are in clear or in the old sealed format, over every sealed column. */
export async function countLegacySealed(db: Database): Promise<number> {
  let total = 0;
  for (const [table, columns] of sealedTables()) {
    const model = delegateOf(db, table);
    // Current values start "v2."; the few that do and are still malformed are refused on read. NULLs are not counted.
    for (const column of columns) total += await model.count({ where: { [column.column]: { not: { startsWith: "v2." } } } });
  }
  return total;
}

export { isLegacySealed };
