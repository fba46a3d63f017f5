// Creates the Prisma client over the driver adapter that DATABASE_URL names.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.js";

export type Database = PrismaClient;

export function createDatabase(databaseUrl: string): Database {
  if (databaseUrl.startsWith("file:")) {
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl }) });
  }
  throw new Error(
    "Only SQLite (file:…) is wired up in this version; PostgreSQL support is tracked in the production/scale issue.",
  );
}
