// Applies the real migrations once, with the Prisma CLI and our schema-engine
// shim, to a template database every test copies: a SQLite file, or — when
// TEST_DATABASE_URL names a PostgreSQL server — a template database there.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    databaseKind: "sqlite" | "postgresql";
    /** SQLite: the template file. PostgreSQL: the template database's name. */
    templateDatabase: string;
    /** PostgreSQL only: a URL with rights to create databases. */
    adminDatabaseUrl: string;
  }
}

function migrate(url: string): void {
  // A copy of the project (Stryker's sandbox for mutation tests) may lose the shim's executable bit.
  fs.chmodSync(path.resolve(import.meta.dirname, "../prisma/schema-engine-shim.mjs"), 0o755);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
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

export function databaseUrlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl && /^postgres(ql)?:/.test(adminUrl)) {
    const prefix = `todan_t${process.pid}_`;
    const template = `${prefix}template`;
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
    migrate(databaseUrlFor(adminUrl, template));
    project.provide("databaseKind", "postgresql");
    project.provide("templateDatabase", template);
    project.provide("adminDatabaseUrl", adminUrl);
    return async () => {
      const { rows } = await adminQuery(adminUrl, `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`);
      for (const { datname } of rows as { datname: string }[]) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "todan-template-"));
  const file = path.join(dir, "template.db");
  migrate(`file:${file}`);
  project.provide("databaseKind", "sqlite");
  project.provide("templateDatabase", file);
  project.provide("adminDatabaseUrl", "");
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
