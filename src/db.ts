// Creates the Prisma client over the driver adapter that DATABASE_URL names.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.js";

export type Database = PrismaClient;

/** SQLite: write-ahead logging, so readers never wait on the writer and commits cost one fsync less. */
export async function tuneDatabase(db: Database, databaseUrl: string): Promise<void> {
  if (!databaseUrl.startsWith("file:")) return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
}

export function createDatabase(databaseUrl: string): Database {
  if (databaseUrl.startsWith("file:")) {
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl }) });
  }
  throw new Error(
    "Only SQLite (file:…) is wired up in this version; PostgreSQL support is tracked in the production/scale issue.",
  );
}
