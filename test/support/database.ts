// Which database this run tests, as test/global-setup.ts decided it from
// TEST_DATABASE_URL (unset or empty: SQLite; a postgresql:// URL: PostgreSQL).
// Every test that applies to one database only skips by this, never by reading
// the environment itself; CI checks each skip against test/expected-skips.json.
import { inject } from "vitest";

export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(): DatabaseKind {
  return inject("databaseKind");
}
