// SQLite through Prisma's better-sqlite3 adapter runs every query on one
// connection. The adapter makes transactions wait for each other, but not
// plain queries: while one request's interactive transaction is open (BEGIN
// issued, its callback awaiting), another request's write runs inside it and
// is rolled back with it after reporting success, and its reads see the
// transaction's uncommitted rows. This wrapper makes every query wait while a
// transaction is open, as separate connections would on PostgreSQL.
// (test/services/transaction-isolation.test.ts)
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";
import { driverHandle, type SqliteConnection } from "./update-statements.js";

/** First come, first served; `run` holds it for one call, `acquire` until the returned release is called. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function serialisedTransaction(inner: Transaction, release: () => void): Transaction {
  let open = true;
  const end = async (how: () => Promise<void>) => {
    try {
      await how();
    } finally {
      if (open) {
        open = false;
        release();
      }
    }
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: (query: SqlQuery) => inner.queryRaw(query),
    executeRaw: (query: SqlQuery) => inner.executeRaw(query),
    commit: () => end(() => inner.commit()),
    rollback: () => end(() => inner.rollback()),
    ...(inner.createSavepoint ? { createSavepoint: (name: string) => inner.createSavepoint!(name) } : {}),
    ...(inner.rollbackToSavepoint ? { rollbackToSavepoint: (name: string) => inner.rollbackToSavepoint!(name) } : {}),
    ...(inner.releaseSavepoint ? { releaseSavepoint: (name: string) => inner.releaseSavepoint!(name) } : {}),
  };
}

function serialisedAdapter(inner: SqlDriverAdapter, lock: Lock): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => lock.run(() => inner.queryRaw(query)),
    executeRaw: (query) => lock.run(() => inner.executeRaw(query)),
    executeScript: (script) => lock.run(() => inner.executeScript(script)),
    async startTransaction(isolationLevel) {
      const release = await lock.acquire();
      try {
        return serialisedTransaction(await inner.startTransaction(isolationLevel), release);
      } catch (err) {
        release();
        throw err;
      }
    },
    ...(inner.getConnectionInfo ? { getConnectionInfo: () => inner.getConnectionInfo!() } : {}),
    dispose: () => inner.dispose(),
  };
}

/**
 * The adapter factory with every connection's queries kept out of open
 * transactions; `connection` gives the driver's own handle for the few
 * statements run beside Prisma (update-statements.ts), under the same lock.
 */
export function serialisedSqlite(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory & { connection(): SqliteConnection | undefined } {
  let current: SqliteConnection | undefined;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const inner = await factory.connect();
      const lock = new Lock();
      const client = driverHandle<BetterSqlite3.Database>(inner, (handle) => typeof (handle as BetterSqlite3.Database | undefined)?.prepare === "function");
      // Per connection, before its first statement: a deleted row's bytes are overwritten with zeros, not left in the
      // file's free space where whoever copies the file could read them (docs/security.md, "gone when the flow ends").
      client.pragma("secure_delete = ON");
      const connection: SqliteConnection = { client, exclusive: (work) => lock.run(() => Promise.resolve(work())) };
      current = connection;
      const adapter = serialisedAdapter(inner, lock);
      return {
        ...adapter,
        dispose: async () => {
          if (current === connection) current = undefined;
          await adapter.dispose();
        },
      };
    },
    connection: () => current,
  };
}
