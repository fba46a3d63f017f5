// Creates the Prisma client over the driver adapter that DATABASE_URL names:
// SQLite (file:…, the embedded default) or PostgreSQL (postgresql://…, production).
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.js";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-postgresql/client.js";
import { serialisedSqlite } from "./sqlite-serialised.js";
import { postgresUpdateStatements, sqliteUpdateStatements, type UpdateStatements, withPostgresPool } from "./update-statements.js";

// One set of models, two generated clients (a client is generated per database);
// their APIs are the same, so the code is typed against the SQLite one.
export type Database = PrismaClient;

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(databaseUrl: string): DatabaseKind {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}

/** Which database a client talks to (Prisma's own record of its provider). */
export function providerOf(db: Database): DatabaseKind {
  const provider = (db as unknown as { _activeProvider?: unknown })._activeProvider;
  if (provider === "sqlite" || provider === "postgresql") return provider;
  throw new Error(`unknown database provider: ${String(provider)}`);
}

/** SQLite: write-ahead logging, so readers never wait on the writer and commits cost one fsync less. */
export async function tuneDatabase(db: Database, databaseUrl: string): Promise<void> {
  if (databaseKind(databaseUrl) !== "sqlite") return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
}

const updateStatements = new WeakMap<Database, UpdateStatements>();

/** The driver handle the adapter holds, connecting the client first if nothing has queried yet. */
const connectedHandle =
  <T>(db: Database, handle: () => T | undefined) =>
  async (): Promise<T> => {
    if (!handle()) await db.$connect();
    return handle()!;
  };

/** The per-update statements run on the driver beside this client (update-statements.ts). */
export function updateStatementsOf(db: Database): UpdateStatements {
  const statements = updateStatements.get(db);
  if (!statements) throw new Error("this database client was not made by createDatabase");
  return statements;
}

/** After deleting rows that must not be found again, in the database's files either (UpdateStatements.eraseDeleted). */
export const eraseDeleted = (db: Database): Promise<void> => updateStatementsOf(db).eraseDeleted();

export function createDatabase(databaseUrl: string, options: { poolSize?: number } = {}): Database {
  if (databaseKind(databaseUrl) === "sqlite") {
    const adapter = serialisedSqlite(new PrismaBetterSqlite3({ url: databaseUrl }));
    const db = new PrismaClient({ adapter });
    updateStatements.set(db, sqliteUpdateStatements(connectedHandle(db, () => adapter.connection())));
    return db;
  }
  const adapter = withPostgresPool(new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 }));
  const db = new PostgresPrismaClient({ adapter }) as unknown as Database;
  updateStatements.set(db, postgresUpdateStatements(connectedHandle(db, () => adapter.pool())));
  return db;
}
