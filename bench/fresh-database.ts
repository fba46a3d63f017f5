// A fresh, migrated database for one benchmark run, and how to get rid of it:
// a SQLite file in a temporary folder, or, given the URL of a PostgreSQL role
// that may create databases, a new database on that server (dropped after).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface BenchDatabase {
  url: string;
  /** "SQLite" or "PostgreSQL 15.x". */
  label: string;
  drop(): Promise<void>;
}

export async function adminQuery(adminUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(purpose: string, postgresAdminUrl: string | null | undefined): Promise<BenchDatabase> {
  let database: BenchDatabase;
  if (postgresAdminUrl) {
    const admin = postgresAdminUrl;
    const name = `todan_bench_${purpose}_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
    await adminQuery(admin, `CREATE DATABASE "${name}"`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const { rows } = await adminQuery(admin, "SHOW server_version");
    const version = String((rows[0] as { server_version?: string } | undefined)?.server_version ?? "").split(" ")[0];
    database = { url: url.toString(), label: `PostgreSQL ${version}`.trim(), drop: async () => void (await adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `todan-bench-${purpose}-`));
    database = { url: `file:${path.join(dir, "bench.db")}`, label: "SQLite", drop: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })) };
  }
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url }, stdio: "pipe" });
  } catch (err) {
    await database.drop();
    throw err;
  }
  return database;
}
