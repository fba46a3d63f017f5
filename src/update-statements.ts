// The three statements every private update runs — claim its update id, read
// the chat's sealed flow state, write it back — go straight to the driver
// Prisma already holds (better-sqlite3, pg): Prisma's per-call JavaScript
// costs several times the statement itself (docs/benchmarks.md). Prisma keeps
// the schema, the migrations and every other query. The SQL is the same on
// both databases.
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";

export interface UpdateStatements {
  /** Records an update id; true the first time, false when any instance recorded it before. */
  claimUpdate(updateId: string, handledAt: Date): Promise<boolean>;
  readFlow(key: string): Promise<string | undefined>;
  writeFlow(key: string, value: string, activity: string): Promise<void>;
  /**
   * Erases what rows deleted before the call left in the database's log, so a finished flow's rows are gone
   * from the files too (docs/security.md). SQLite: the write-ahead log is copied into the file, whose deleted
   * rows are zeroed (secure_delete, sqlite-serialised.ts), and emptied. PostgreSQL: the tables of a flow's rows
   * write no log (UNLOGGED), so there is nothing to erase. Calls made while one runs share the next.
   */
  eraseDeleted(): Promise<void>;
}

const CLAIM = `INSERT INTO "ProcessedUpdate" ("updateId", "handledAt") VALUES (?, ?) ON CONFLICT ("updateId") DO NOTHING`;
const READ = `SELECT "value" FROM "ConversationState" WHERE "key" = ?`;
const WRITE = `INSERT INTO "ConversationState" ("key", "value", "activity") VALUES (?, ?, ?)
  ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "activity" = excluded."activity"`;

/** The connection Prisma's SQLite adapter opened, and how to run work while no transaction is open on it. */
export interface SqliteConnection {
  client: BetterSqlite3.Database;
  exclusive: <T>(work: () => T) => Promise<T>;
}

/** Prisma's better-sqlite3 adapter writes dates in this form (its default "iso8601"); range reads compare the text. */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

type Prepared = Record<"claim" | "read" | "write", BetterSqlite3.Statement>;

/** `work` run once for all the calls made before it started; calls made while it runs share the next run. */
function coalesced(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const call = (): Promise<void> => {
    if (!running) {
      running = work().finally(() => {
        running = undefined;
      });
      return running;
    }
    const settled = () => undefined;
    next ??= running.then(settled, settled).then(() => {
      next = undefined;
      return call();
    });
    return next;
  };
  return call;
}

/** Tries at most this often, 25 ms apart, while another process holds part of the log; a later call tries again. */
const CHECKPOINT_TRIES = 8;

export function sqliteUpdateStatements(connection: () => Promise<SqliteConnection>): UpdateStatements {
  // Prepared once per connection (a reconnect opens a new one).
  const prepared = new WeakMap<BetterSqlite3.Database, Prepared>();
  const run = async <T>(work: (statements: Prepared) => T): Promise<T> => {
    const { client, exclusive } = await connection();
    return exclusive(() => {
      let statements = prepared.get(client);
      if (!statements) {
        statements = { claim: client.prepare(CLAIM), read: client.prepare(READ), write: client.prepare(WRITE) };
        prepared.set(client, statements);
      }
      return work(statements);
    });
  };
  const emptyLog = async () => {
    for (let tries = 1; ; tries++) {
      const { client, exclusive } = await connection();
      // TRUNCATE: copy every frame into the file, then cut the log to nothing (a file not in WAL mode answers busy 0).
      // Without waiting on another process's lock: better-sqlite3 would wait with the event loop stopped.
      const [result] = await exclusive(() => {
        const busyTimeout = client.pragma("busy_timeout", { simple: true }) as number;
        client.pragma("busy_timeout = 0");
        try {
          return client.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
        } catch (err) {
          // Another process's checkpoint in progress: the same as a reader in the way.
          if ((err as { code?: unknown }).code === "SQLITE_BUSY") return [{ busy: 1 }];
          throw err;
        } finally {
          client.pragma(`busy_timeout = ${busyTimeout}`);
        }
      });
      if (!result?.busy || tries >= CHECKPOINT_TRIES) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return {
    claimUpdate: (updateId, handledAt) => run(({ claim }) => claim.run(updateId, sqliteDate(handledAt)).changes > 0),
    readFlow: (key) => run(({ read }) => (read.get(key) as { value: string } | undefined)?.value),
    writeFlow: (key, value, activity) => run(({ write }) => void write.run(key, value, activity)),
    eraseDeleted: coalesced(emptyLog),
  };
}

/**
 * The driver handle a Prisma adapter opened: both adapters keep it in a public
 * field their types do not declare. Checked here, so a Prisma upgrade that
 * moves it fails at the first query rather than later.
 */
export function driverHandle<T>(adapter: SqlDriverAdapter, looksRight: (handle: unknown) => boolean): T {
  const handle = (adapter as unknown as { client?: unknown }).client;
  if (!looksRight(handle)) throw new Error(`Prisma's ${adapter.adapterName} adapter no longer exposes its connection: see src/update-statements.ts`);
  return handle as T;
}

/** The factory, remembering the pool of the adapter it last connected. */
export function withPostgresPool(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory & { pool(): pg.Pool | undefined } {
  let current: pg.Pool | undefined;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const pool = driverHandle<pg.Pool>(adapter, (handle) => typeof (handle as pg.Pool | undefined)?.query === "function");
      current = pool;
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        if (current === pool) current = undefined;
        await dispose();
      };
      return adapter;
    },
    pool: () => current,
  };
}

/**
 * PostgreSQL: unnamed statements, as Prisma's own adapter sends them, so a
 * pooler in transaction mode (PgBouncer) in front of the database still works.
 */
export function postgresUpdateStatements(connection: () => Promise<pg.Pool>): UpdateStatements {
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  const [claim, read, write] = [CLAIM, READ, WRITE].map(numbered) as [string, string, string];
  return {
    // As text in UTC: pg would write a Date in the server's local time, and the column (a timestamp without
    // a zone, as Prisma made it) would keep that wall time and drop the offset.
    claimUpdate: async (updateId, handledAt) => ((await (await connection()).query(claim, [updateId, handledAt.toISOString()])).rowCount ?? 0) > 0,
    readFlow: async (key) => (await (await connection()).query<{ value: string }>(read, [key])).rows[0]?.value,
    writeFlow: async (key, value, activity) => void (await (await connection()).query(write, [key, value, activity])),
    eraseDeleted: () => Promise.resolve(),
  };
}
