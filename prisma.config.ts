// Prisma CLI configuration. The provider folder (prisma/sqlite or
// prisma/postgresql) is chosen from DATABASE_URL's scheme, and the CLI is
// pointed at our Wasm schema engine shim so it never downloads a native binary
// (see docs/prisma-offline.md).
import path from "node:path";
import { defineConfig } from "prisma/config";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/todan.db";
const provider = /^postgres(ql)?:/.test(databaseUrl) ? "postgresql" : "sqlite";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/schema-engine-shim.mjs");

export default defineConfig({
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
  datasource: { url: databaseUrl },
});
