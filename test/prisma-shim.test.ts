// The Prisma CLI through our schema-engine shim, on a throwaway database.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { databaseKind } from "./support/database.js";

function prisma(args: string[], databaseUrl: string): string {
  return execFileSync("npx", ["prisma", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    stdio: "pipe",
  });
}

describe("schema-engine shim", () => {
  it("reports itself as the schema engine", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "todan-shim-")), "v.db");
    expect(prisma(["-v"], `file:${file}`)).toMatch(/Schema Engine\s*:.*wasm shim/);
  });

  it("finds no drift between the migrations and the schema", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "todan-shim-")), "diff.db");
    const out = prisma(
      ["migrate", "diff", "--from-migrations", "prisma/sqlite/migrations", "--to-schema", "prisma/sqlite", "--exit-code"],
      `file:${file}`,
    );
    expect(out).toContain("No difference detected");
  });

  it.runIf(databaseKind() === "postgresql")("finds no drift between the PostgreSQL migrations and the schema", () => {
    const out = prisma(
      ["migrate", "diff", "--from-migrations", "prisma/postgresql/migrations", "--to-schema", "prisma/postgresql", "--exit-code"],
      inject("adminDatabaseUrl"),
    );
    expect(out).toContain("No difference detected");
  });

  it("deploys, then resets a database holding data, then deploys again", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "todan-shim-")), "reset.db");
    const url = `file:${file}`;
    prisma(["migrate", "deploy"], url);
    const db = new Database(file);
    db.prepare(`INSERT INTO "Ward" (id, slug, name, timezone, createdAt) VALUES ('w1', 'w', 'W', 'UTC', 0)`).run();
    db.close();
    prisma(["migrate", "reset", "--force"], url);
    const after = new Database(file, { readonly: true });
    const wards = after.prepare(`SELECT COUNT(*) AS n FROM "Ward"`).get() as { n: number };
    after.close();
    expect(wards.n).toBe(0);
  });
});
