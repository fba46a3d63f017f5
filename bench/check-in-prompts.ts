// How long it takes to prompt N quarter heads through the Bot API stand-in
// over loopback: planning, the job outbox, i18n, HTTP, and the send pacer.
// Run: npm run bench   (BENCH_HEADS=1000 by default)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { BotApiStandIn } from "../src/dev/bot-api-stand-in/index.js";

const HEADS = Number(process.env.BENCH_HEADS ?? 1000);
const RATES = (process.env.BENCH_RATES ?? "30,1000").split(",").map(Number);
const OPEN = Date.parse("2026-11-27T01:00:00Z"); // Friday 08:00 in Vietnam

async function run(rate: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "todan-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  const standIn = new BotApiStandIn();
  await standIn.start(0);
  let now = OPEN - 3_600_000;
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const app = await startApp(
    loadConfig({ NODE_ENV: "test", DATABASE_URL: url, SECRET_PEPPER: "bench-pepper-0123456789-0123456789-abcdef", LOG_LEVEL: "error", BOT_API_ROOT: standIn.url, WARD_QUARTER_COUNT: String(Math.min(HEADS, 500)), SEND_RATE_PER_SECOND: String(rate) }),
    // No background cron: a real-time tick racing the measured one would blur the count.
    { standIn, clock: () => new Date(now), logDestination: quiet, cron: false },
  );
  const { db } = app.services;
  // At most 500 quarters a ward: larger runs spread over more wards, as a city would.
  for (let w = 1; w * 500 < HEADS; w++) {
    const count = Math.min(500, HEADS - w * 500);
    await app.services.wards.ensureWard({ slug: `bench-${w}`, name: `Bench ${w}`, timezone: "Asia/Ho_Chi_Minh", quarterNames: Array.from({ length: count }, (_, i) => `Khu phố ${i + 1}`) });
  }
  const quarters = await db.quarter.findMany({ orderBy: { position: "asc" } });
  for (const [i, q] of quarters.entries()) {
    // Heads joined through an invite before (Telegram answers 403 to anyone who never wrote to the bot).
    const user = standIn.createUser({ first_name: `Head ${i + 1}` }, { started: true });
    await db.quarterHead.create({ data: { wardId: q.wardId, quarterId: q.id, telegramUserId: String(user.id), displayName: `Head ${i + 1}`, role: "head" } });
  }
  await app.tick(); // plans the week
  now = OPEN + 60_000;
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  await app.tick();
  const seconds = (performance.now() - started) / 1000;
  const prompts = standIn.callsTo("sendMessage").filter((c) => String(c.params.text).includes("Báo cáo tuần")).length;
  const rssMiB = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  await app.stop();
  await standIn.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return { rate, prompts, seconds, perSecond: prompts / seconds, rssMiB };
}

const results = [];
for (const rate of RATES) results.push(await run(rate));
process.stdout.write(`check-in prompts to ${HEADS} heads through the stand-in (node ${process.version}, ${os.cpus().length} cores)\n`);
for (const r of results) {
  process.stdout.write(`  pacer ${String(r.rate).padStart(4)}/s: ${r.prompts} prompts in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(1)}/s, RSS +${r.rssMiB.toFixed(0)} MiB\n`);
}
// Done: do not wait on handles a library may leave open (the run once hung here after printing).
process.exit(0);
