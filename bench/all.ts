// `npm run bench`: every benchmark, one after another (each needs the machine
// to itself). PostgreSQL figures come too when BENCH_DATABASE_URL names a
// role that may create databases; each benchmark makes its own and drops it.
import { spawnSync } from "node:child_process";

const pg = process.env.BENCH_DATABASE_URL;
const sqliteEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "BENCH_DATABASE_URL"));

// Some run SQLite then PostgreSQL themselves; the others run one database per invocation.
const runs: { script: string; env: NodeJS.ProcessEnv }[] = [
  { script: "bench/triage.ts", env: sqliteEnv },
  { script: "bench/stand-in-polling.ts", env: sqliteEnv },
  { script: "bench/tip-flow.ts", env: process.env },
  { script: "bench/check-in-prompts.ts", env: sqliteEnv },
  { script: "bench/report.ts", env: process.env },
  { script: "bench/broadcast.ts", env: sqliteEnv },
  ...(pg ? [{ script: "bench/broadcast.ts", env: process.env }] : []),
  { script: "bench/flows-in-flight.ts", env: sqliteEnv },
  ...(pg ? [{ script: "bench/flows-in-flight.ts", env: process.env }] : []),
];
if (!pg) process.stdout.write("BENCH_DATABASE_URL is not set: SQLite only (e.g. BENCH_DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres npm run bench)\n");
let failed = 0;
for (const run of runs) {
  process.stdout.write(`\n=== ${run.script}${run.env.BENCH_DATABASE_URL ? " (PostgreSQL)" : ""}\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", run.script], { env: run.env, stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
