// `npm run bench`: every benchmark, one after another (each needs the machine
// to itself). PostgreSQL figures come too when BENCH_DATABASE_URL names a
// role that may create databases; each benchmark makes its own and drops it.
// Each bench appends its judged targets to BENCH_TARGETS_FILE (bench/targets.ts);
// at the end, one table: every target, met or missed, or not measured and why.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseJudged, summaryTable, type Target } from "./targets.js";

const pg = process.env.BENCH_DATABASE_URL;
const targetsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "todan-bench-")), "targets.jsonl");
fs.writeFileSync(targetsFile, "");
const common = { ...process.env, BENCH_TARGETS_FILE: targetsFile };
const sqliteEnv = Object.fromEntries(Object.entries(common).filter(([name]) => name !== "BENCH_DATABASE_URL"));

// Some run SQLite then PostgreSQL themselves; the others run one database per invocation.
const runs: { script: string; env: NodeJS.ProcessEnv; bothDatabases?: true }[] = [
  { script: "bench/triage.ts", env: sqliteEnv },
  { script: "bench/stand-in-polling.ts", env: sqliteEnv },
  { script: "bench/tip-flow.ts", env: common, bothDatabases: true },
  { script: "bench/check-in-prompts.ts", env: sqliteEnv },
  { script: "bench/report.ts", env: common, bothDatabases: true },
  { script: "bench/broadcast.ts", env: sqliteEnv },
  ...(pg ? [{ script: "bench/broadcast.ts", env: common }] : []),
  { script: "bench/flows-in-flight.ts", env: sqliteEnv },
  ...(pg ? [{ script: "bench/flows-in-flight.ts", env: common }] : []),
];
if (!pg) process.stdout.write("BENCH_DATABASE_URL is not set: SQLite only (e.g. BENCH_DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres npm run bench)\n");
const failedRuns = new Set<string>();
for (const run of runs) {
  const databases = run.bothDatabases && run.env.BENCH_DATABASE_URL ? ["SQLite", "PostgreSQL"] : [run.env.BENCH_DATABASE_URL ? "PostgreSQL" : "SQLite"];
  process.stdout.write(`\n=== ${run.script} (${databases.join(", then ")})\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", run.script], { env: run.env, stdio: "inherit" });
  if (result.status !== 0) for (const database of databases) failedRuns.add(`${run.script} ${database}`);
}

const why = (t: Target) =>
  t.database === "PostgreSQL" && !pg ? "BENCH_DATABASE_URL not set" : failedRuns.has(`${t.bench} ${t.database}`) ? `${t.bench} failed (see above)` : `${t.bench} reported nothing for it`;
process.stdout.write(`\n=== targets (issue 19)\n${summaryTable(parseJudged(fs.readFileSync(targetsFile, "utf8")), why)}`);
fs.rmSync(path.dirname(targetsFile), { recursive: true, force: true });
process.exit(failedRuns.size > 0 ? 1 : 0);
