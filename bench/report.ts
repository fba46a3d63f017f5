// How long the half-year report takes, and how much memory, over 100,000 tips
// and 1,000,000 check-in answers (100,000+ weekly check-ins of 10 answers).
// The database is seeded in this process; the report is then built in a fresh
// child process so its peak RSS is the report's alone.
// SQLite in a fresh temporary file; then, with BENCH_DATABASE_URL=postgresql://…, the same
// data set on PostgreSQL in a fresh database on that server, created for the run and dropped after it.
// The report's process gets the Node/V8 flags production ships (the Dockerfile's CMD), since the bot
// builds the report in its own process; BENCH_REPORT_NODE_FLAGS replaces them ("" for none).
// Run: npm run bench   (BENCH_TIPS=100000 BENCH_QUARTERS=4000 by default)
import { spawnSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { createDatabase, tuneDatabase } from "../src/db.js";
import { NOTHING_TO_REPORT } from "../src/domain/check-in.js";
import { periodBounds, reportPeriod } from "../src/domain/report.js";
import { shiftWeek } from "../src/domain/schedule.js";
import { createServices, Keyring } from "../src/services/index.js";
import { buildReportDocx } from "../src/services/report-docx.js";
import { buildReportWorkbook } from "../src/services/report-workbook.js";
import { freshDatabase } from "./fresh-database.js";
import { commandLine, shippedBotCommand } from "./shipped-command.js";
import { judge, type Judged, reportTargets, targetFor } from "./targets.js";

const TIPS = Number(process.env.BENCH_TIPS ?? 100_000);
// A half-year has 26 weeks: 4,000 quarters give 104,000 check-ins, 1,040,000 answers.
const QUARTERS = Number(process.env.BENCH_QUARTERS ?? 4_000);
const PERIOD = "2026-H1";
const TZ = "Asia/Ho_Chi_Minh";
const CATEGORIES = ["dealing", "use_venue", "plant_growing", "school", "person_using", "other"];
const STATUSES = ["new", "claimed", "verifying", "acted", "closed"];
const CLOSE = ["confirmed", "unfounded", "spam", "duplicate"];
const PRIORITIES = ["urgent", "high", "normal", "low"];
const options = { pepper: "bench-pepper-0123456789-0123456789-abcdef", notifyKey: Buffer.alloc(32, 1), keyring: Keyring.parse(`b1:${Buffer.alloc(32, 2).toString("base64")}`), clock: () => new Date("2026-06-20T03:00:00Z") };

async function seed(url: string): Promise<void> {
  const db = createDatabase(url);
  await tuneDatabase(db, url);
  const services = createServices({ db, ...options });
  const { wardId } = await services.wards.ensureWard({ slug: "bench", name: "Phường Bench", timezone: TZ, quarterNames: Array.from({ length: QUARTERS }, (_, i) => `Khu phố ${i + 1}`) });
  const quarters = await db.quarter.findMany({ where: { wardId }, orderBy: { position: "asc" }, select: { id: true } });
  const bounds = periodBounds(reportPeriod(PERIOD)!, TZ);
  const span = bounds.end.getTime() - bounds.start.getTime();
  for (let from = 0; from < TIPS; from += 5_000) {
    await db.tip.createMany({
      data: Array.from({ length: Math.min(5_000, TIPS - from) }, (_, k) => {
        const i = from + k;
        const status = STATUSES[i % STATUSES.length]!;
        return {
          wardId,
          reference: i.toString(36).toUpperCase().padStart(6, "0"),
          category: CATEGORIES[i % CATEGORIES.length]!,
          quarterId: i % 10 === 0 ? null : quarters[i % quarters.length]!.id,
          timing: "today",
          description: "bench",
          priority: PRIORITIES[i % PRIORITIES.length]!,
          triageScore: 0,
          triageReasons: "[]",
          status,
          closeReason: status === "closed" ? CLOSE[i % CLOSE.length]! : null,
          createdAt: new Date(bounds.start.getTime() + ((i * 7919) % span)),
        };
      }),
    });
  }
  const weeks: string[] = [];
  for (let w = bounds.firstWeek; w <= bounds.lastWeek && weeks.length < 26; w = shiftWeek(w, 1)) weeks.push(w);
  const answered = JSON.stringify({ ...NOTHING_TO_REPORT, flows: { ...NOTHING_TO_REPORT.flows, newSuspectedUsers: 1 }, newSigns: { yes: true, detail: "hẻm" } });
  const nothing = JSON.stringify(NOTHING_TO_REPORT);
  const rows = quarters.flatMap((q, qi) => weeks.map((week, wi) => ({ q, qi, week, wi })));
  for (let from = 0; from < rows.length; from += 5_000) {
    await db.checkIn.createMany({
      data: rows.slice(from, from + 5_000).map(({ q, qi, week, wi }) => {
        const kind = (qi + wi) % 10; // 10% missing, 20% with signs, the rest "nothing new"
        // Every answer confirms the quarter's stocks, as "Không có gì mới" does.
        const stocks = kind === 0 ? {} : { stockAddicts: 1, stockUsers: qi % 3, stockPostRehab: 2, answeredAt: bounds.start };
        return { wardId, quarterId: q.id, week, status: kind === 0 ? "pending" : "answered", nothingToReport: kind >= 3, answers: kind === 0 ? "{}" : kind < 3 ? answered : nothing, ...stocks };
      }),
    });
  }
  await db.$disconnect();
  process.stdout.write(`seeded ${TIPS} tips and ${rows.length} check-ins (${rows.length * 10} answers) over ${QUARTERS} quarters, ${weeks.length} weeks\n`);
}

async function measure(url: string): Promise<void> {
  const db = createDatabase(url);
  await tuneDatabase(db, url);
  const services = createServices({ db, ...options });
  const ward = await db.ward.findUniqueOrThrow({ where: { slug: "bench" } });
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const report = await services.reports.build(ward.id, PERIOD, { unknownQuarter: "Không rõ" });
  const built = performance.now();
  const peakAfterAggregation = process.resourceUsage().maxRSS * 1024;
  const workbook = await buildReportWorkbook(report, (key) => key);
  const done = performance.now();
  await buildReportDocx(report, (key) => key);
  const drafted = performance.now();
  const peak = process.resourceUsage().maxRSS * 1024;
  await db.$disconnect();
  process.stdout.write(
    JSON.stringify({
      tips: report.figures.tips.total,
      checkIns: report.figures.checkIns.expected,
      aggregateSeconds: (built - started) / 1000,
      workbookSeconds: (done - built) / 1000,
      docxSeconds: (drafted - done) / 1000,
      workbookMiB: workbook.length / 2 ** 20,
      baselineMiB: baseline / 2 ** 20,
      peakMiB: peak / 2 ** 20,
      aggregationPeakMiB: peakAfterAggregation / 2 ** 20,
    }) + "\n",
  );
}

if (process.argv[2] === "--measure") {
  await measure(process.argv[3]!);
} else if (process.argv[2] === "--seed") {
  // Seed a database once, to measure the report against it many times while working on it.
  await seed(process.argv[3]!);
} else {
  for (const admin of [null, ...(process.env.BENCH_DATABASE_URL ? [process.env.BENCH_DATABASE_URL] : [])]) {
    const target = await freshDatabase("report", admin);
    try {
      const seedStart = performance.now();
      await seed(target.url);
      process.stdout.write(`  seeding took ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);
      const self = fileURLToPath(import.meta.url);
      const { flags, overridden } = shippedBotCommand(process.env.BENCH_REPORT_NODE_FLAGS);
      const argv = [...flags, "--import", "tsx", self, "--measure", target.url];
      process.stdout.write(`  measured: ${commandLine(["node", ...argv.slice(0, -1), "<database>"])} (${overridden ? "flags from BENCH_REPORT_NODE_FLAGS" : "the flags of the Dockerfile's CMD"})\n`);
      const child = spawnSync(process.execPath, argv, { encoding: "utf8" });
      if (child.status !== 0) throw new Error(`measure failed: ${child.stderr}`);
      const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Record<string, number>;
      process.stdout.write(
        `half-year report on ${target.label} (node ${process.version}, ${os.cpus().length} cores): ${r.tips} tips, ${r.checkIns} check-ins\n` +
          `  aggregation ${r.aggregateSeconds!.toFixed(2)} s, workbook ${r.workbookSeconds!.toFixed(2)} s (${r.workbookMiB!.toFixed(1)} MiB), .docx ${r.docxSeconds!.toFixed(2)} s, ` +
          `peak RSS ${r.peakMiB!.toFixed(0)} MiB (${r.aggregationPeakMiB!.toFixed(0)} MiB before the workbook; ${r.baselineMiB!.toFixed(0)} MiB after start-up)\n`,
      );
      const database = admin ? "PostgreSQL" : "SQLite";
      const judged: Judged[] = [];
      const note = TIPS !== 100_000 || QUARTERS !== 4_000 ? `${TIPS} tips over ${QUARTERS} quarters; the target is stated at 100,000 tips (4,000 quarters)` : undefined;
      if (database === "SQLite") judged.push(judge(targetFor("report.seconds", database), r.aggregateSeconds! + r.workbookSeconds!, note));
      judged.push(judge(targetFor("report.peak", database), r.peakMiB!, note));
      reportTargets(judged);
    } finally {
      await target.drop();
    }
  }
}
