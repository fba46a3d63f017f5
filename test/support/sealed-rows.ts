// Reads the database as the adversary who holds it and every key: every table
// the database has (whatever the schema says), every row, every column, and
// every sealed value opened with TIP_KEYS, NOTIFY_KEY and the pepper. The
// anonymity scans search what comes out; the linkage test pairs it.
import { openNotificationTarget } from "../../src/services/notifications.js";
import { Keyring, SEALED, SEALED_ROW_KEY } from "../../src/services/keyring.js";
import { Secrets } from "../../src/services/secrets.js";
import type { Database } from "../../src/db.js";
import { TEST_NOTIFY_KEY, TEST_PEPPER, TEST_TIP_KEYS } from "./harness.js";

export type Row = Record<string, unknown>;

export interface OpenedValue {
  table: string;
  column: string;
  /** The row's primary key (or its index when it has none). */
  row: string;
  plaintext: string;
}

export interface DatabaseDump {
  kind: "sqlite" | "postgresql";
  /** Every row of every table, as stored. */
  tables: Map<string, Row[]>;
  /** Every sealed value, opened. */
  opened: OpenedValue[];
  /** Sealed-looking values in columns the keyring does not know: a new sealed column nobody taught the scans. */
  unknownSealed: string[];
}

const SEALED_LOOKING = /^v\d+\.[A-Za-z0-9_-]{1,16}\.[A-Za-z0-9_-]{16,}$/;

export const ATTACKER_KEYS = {
  keyring: Keyring.parse(TEST_TIP_KEYS),
  openNotificationTarget: (lookupKey: string, stored: string) => openNotificationTarget(Buffer.from(TEST_NOTIFY_KEY, "base64"), lookupKey, stored),
  secrets: new Secrets(TEST_PEPPER),
};

export async function tableNames(db: Database, kind: "sqlite" | "postgresql"): Promise<string[]> {
  const rows =
    kind === "sqlite"
      ? await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      : await db.$queryRawUnsafe<{ name: string }[]>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
  return rows.map((r) => r.name).sort();
}

/** Every row, with the hidden columns that betray write order: SQLite's rowid, PostgreSQL's ctid and xmin. */
export async function readTable(db: Database, kind: "sqlite" | "postgresql", table: string): Promise<Row[]> {
  const quoted = `"${table.replaceAll('"', '""')}"`;
  if (kind === "postgresql") return db.$queryRawUnsafe<Row[]>(`SELECT ctid::text AS "__ctid", xmin::text AS "__xmin", * FROM ${quoted}`);
  try {
    return await db.$queryRawUnsafe<Row[]>(`SELECT rowid AS "__rowid", * FROM ${quoted}`);
  } catch {
    // A WITHOUT ROWID table.
    return db.$queryRawUnsafe<Row[]>(`SELECT * FROM ${quoted}`);
  }
}

export async function dumpDatabase(db: Database, databaseUrl: string): Promise<DatabaseDump> {
  const kind = databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
  const tables = new Map<string, Row[]>();
  const opened: OpenedValue[] = [];
  const unknownSealed: string[] = [];
  const sealedColumns = Object.values(SEALED);
  for (const table of await tableNames(db, kind)) {
    const rows = await readTable(db, kind, table);
    tables.set(table, rows);
    rows.forEach((row, index) => {
      const key = row[SEALED_ROW_KEY[table] ?? ""];
      const ref = typeof key === "string" ? key : String(index);
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== "string") continue;
        if (table === "NotificationTarget" && column === "ciphertext") {
          opened.push({ table, column, row: String(row.lookupKey), plaintext: ATTACKER_KEYS.openNotificationTarget(String(row.lookupKey), value) });
          continue;
        }
        const sealed = sealedColumns.find((c) => c.table === table && c.column === column);
        if (sealed) opened.push({ table, column, row: ref, plaintext: ATTACKER_KEYS.keyring.open(sealed, ref, value) });
        else if (SEALED_LOOKING.test(value)) unknownSealed.push(`${table}.${column} row ${ref}`);
      }
    });
  }
  return { kind, tables, opened, unknownSealed };
}
