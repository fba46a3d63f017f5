// The weekly check-in broadcast to N quarter heads (10,000 by default) through
// the Bot API stand-in enforcing Telegram's global limit of 30 messages a
// second (429 "retry after N" beyond it, the message not delivered), with the
// production process in a child process, started as the Docker image starts
// it (after a build, the Dockerfile's CMD: `node <the shipped flags>
// dist/start.js`), killed with SIGKILL once mid-run and started again on the
// same database.
//
// Prints: time from the first prompt delivered to the last, the achieved rate
// with and without the restart gap (and as a share of the limit), the 429s the
// stand-in refused, heads never prompted (lost), prompts beyond one a head
// (duplicated), and the bot process's peak RSS (VmHWM) before and after the kill:
// the first process opened the check-ins (issue 19's target: ≤ 350 MiB at 10,000 heads).
//
// Run: npx tsx bench/broadcast.ts
//   BENCH_BROADCAST_HEADS  heads, in wards of at most 500 quarters (10000)
//   BENCH_DATABASE_URL     postgresql://user:pass@host/db of a role that may create databases:
//                          a fresh database is made for the run and dropped after (else SQLite in a temp dir)
//   BENCH_KILL_AT          kill -9 once this share of the heads has been prompted (0.4; 0: no kill)
//   BENCH_KILL_DELAY_MS    after reaching it, wait this long before the kill (random 0-999 by default,
//                          so the kill lands anywhere in the send cycle, as a crash would)
//   BENCH_TELEGRAM_LIMIT   the stand-in's limit, messages per second (30)
//   BENCH_SEND_RATE        the bot's SEND_RATE_PER_SECOND (29, see below)
//   BENCH_STALL_SECONDS    give up when no prompt arrives for this long once the broadcast runs (90)
//   BENCH_NODE_FLAGS       replaces the shipped Node/V8 flags (e.g. "" for none, to compare)
//   BENCH_SKIP_BUILD=1     runs dist/ as it is (no `npm run build` first)
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, tuneDatabase } from "../src/db.js";
import { BotApiStandIn, type StoredMessage } from "../src/dev/bot-api-stand-in/index.js";
import { currentOrNextWindow } from "../src/domain/schedule.js";
import { scheduleOf } from "../src/services/check-ins.js";
import { createServices, Keyring } from "../src/services/index.js";
import { freshDatabase } from "./fresh-database.js";
import { buildDist, commandLine, heapPeakOf, PROBE_FLAGS, shippedBotCommand } from "./shipped-command.js";
import { judge, reportTargets, targetFor } from "./targets.js";

const HEADS = Number(process.env.BENCH_BROADCAST_HEADS ?? 10_000);
const KILL_AT = Number(process.env.BENCH_KILL_AT ?? 0.4);
const KILL_DELAY_MS = process.env.BENCH_KILL_DELAY_MS === undefined ? Math.floor(Math.random() * 1000) : Number(process.env.BENCH_KILL_DELAY_MS);
const LIMIT = Number(process.env.BENCH_TELEGRAM_LIMIT ?? 30);
// The bot's pacer spaces sends 1000/rate ms apart and never bursts to catch up. At exactly the limit
// (30/s) any 30 consecutive sends span exactly 1,000 ms when they leave the bot, so the slightest
// jitter on the way (a GC pause, the event loop of either process) puts 31 into one sliding second
// of the stand-in: a 429, and the bot's sequential broadcast then sits out retry_after (1 s, about
// 30 messages' worth). At 29/s, 30 sends span 1,034 ms: 34 ms of slack for jitter, and 29/s is
// still 96.7 % of the limit, above the 95 % target. BENCH_SEND_RATE=30 shows the difference.
const SEND_RATE = Number(process.env.BENCH_SEND_RATE ?? 29);
const STALL_MS = Number(process.env.BENCH_STALL_SECONDS ?? 90) * 1000;
const START_TIMEOUT_MS = 15 * 60_000;
const QUARTERS_PER_WARD = 500;
const PG_URL = process.env.BENCH_DATABASE_URL && /^postgres(ql)?:/.test(process.env.BENCH_DATABASE_URL) ? process.env.BENCH_DATABASE_URL : null;
const ROOT = path.resolve(import.meta.dirname, "..");

const PEPPER = "bench-pepper-0123456789-0123456789-abcdef";
const NOTIFY_KEY = Buffer.alloc(32, 1).toString("base64");
const TIP_KEYS = `b1:${Buffer.alloc(32, 2).toString("base64")}`;
const WARD_SLUG = "bench-broadcast-1";

if (!Number.isInteger(HEADS) || HEADS < 1) throw new Error("BENCH_BROADCAST_HEADS must be a positive integer");
if (!(KILL_AT >= 0 && KILL_AT < 1)) throw new Error("BENCH_KILL_AT must be in [0, 1)");

const log = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the database -------------------------------------------------------------

/** Wards of ≤ 500 quarters, one head each (a Telegram user of the stand-in), and a due check-in opening per ward. */
async function seed(url: string, standIn: BotApiStandIn): Promise<{ heads: Set<number>; wards: number; firstWardQuarters: number }> {
  const db = createDatabase(url);
  await tuneDatabase(db, url);
  const services = createServices({ db, pepper: PEPPER, notifyKey: Buffer.from(NOTIFY_KEY, "base64"), keyring: Keyring.parse(TIP_KEYS) });
  const heads = new Set<number>();
  const wards = Math.ceil(HEADS / QUARTERS_PER_WARD);
  const now = new Date();
  for (let w = 0; w < wards; w++) {
    const count = Math.min(QUARTERS_PER_WARD, HEADS - w * QUARTERS_PER_WARD);
    const { wardId } = await services.wards.ensureWard({
      slug: `bench-broadcast-${w + 1}`,
      name: `Phường Bench ${w + 1}`,
      timezone: "Asia/Ho_Chi_Minh",
      quarterNames: Array.from({ length: count }, (_, i) => `Khu phố ${i + 1}`),
    });
    const quarters = await db.quarter.findMany({ where: { wardId }, orderBy: { position: "asc" }, select: { id: true } });
    const rows = quarters.map((q, i) => {
      // Heads joined through an invite before (Telegram answers 403 to anyone who never wrote to the bot).
      const user = standIn.createUser({ first_name: `Tổ trưởng ${w * QUARTERS_PER_WARD + i + 1}` }, { started: true });
      heads.add(user.id);
      return { wardId, quarterId: q.id, telegramUserId: String(user.id), displayName: user.first_name, role: "head" };
    });
    await db.quarterHead.createMany({ data: rows });
    // As the kill -9 test does: this week's opening (the key the scheduler itself would plan), due now.
    const ward = await db.ward.findUniqueOrThrow({ where: { id: wardId } });
    const week = currentOrNextWindow(now, scheduleOf(ward), ward.timezone).week;
    await db.scheduledJob.create({ data: { wardId, key: `checkin.open:${wardId}:${week}`, kind: "checkin.open", dueAt: now, payload: JSON.stringify({ week }) } });
  }
  await db.$disconnect();
  return { heads, wards, firstWardQuarters: Math.min(QUARTERS_PER_WARD, HEADS) };
}

async function jobCounts(url: string): Promise<string> {
  const db = createDatabase(url);
  try {
    const rows = await db.scheduledJob.groupBy({ by: ["kind", "status"], _count: true, where: { kind: { in: ["checkin.open", "checkin.prompt"] } } });
    return rows
      .map((r) => `${r.kind} ${r.status} ${r._count}`)
      .sort()
      .join(", ");
  } finally {
    await db.$disconnect();
  }
}

// ---- the bot process ----------------------------------------------------------

interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  startedAt: number;
  readyAt: number;
  exited: Promise<void>;
  /** Highest VmHWM read, in kB. */
  peakKb: number;
  /** The JS heap's high-water mark the probe saw, in bytes. */
  heapPeak: number;
  tail(): string;
}

/** Peak resident set of a live process so far (Linux), in kB; 0 where unreadable. */
function vmHwmKb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

const shipped = shippedBotCommand(process.env.BENCH_NODE_FLAGS);
const shownCommand =
  `${commandLine(["node", ...shipped.flags, ...shipped.script])} (${shipped.overridden ? "flags from BENCH_NODE_FLAGS, not the shipped ones" : "the Dockerfile's CMD"}; ` +
  `plus the bench's probe: --expose-gc --import <data: the heap after each major GC>)`;

/** The production process as the image starts it, ready at "bot started". */
async function startBot(env: Record<string, string>): Promise<BotProcess> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...shipped.flags, ...PROBE_FLAGS, ...shipped.script], { cwd: ROOT, env: { ...process.env, ...env } });
  let output = "";
  // Keep only the end of the log: enough to show why a run failed.
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", (d: Buffer) => {
    keep(d);
    // The probe's lines are whole writes of their own.
    if (self) self.heapPeak = Math.max(self.heapPeak, heapPeakOf(d.toString()));
    else early = Math.max(early, heapPeakOf(d.toString()));
  });
  let self: BotProcess | null = null;
  let early = 0;
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  while (!output.includes("bot started")) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the bot exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the bot did not start within 120 s:\n${output}`);
    await sleep(20);
  }
  self = { child, startedAt, readyAt: performance.now(), exited, peakKb: 0, heapPeak: early, tail: () => output };
  return self;
}

// ---- the run --------------------------------------------------------------------

buildDist();
const database = await freshDatabase("broadcast", PG_URL);
const standIn = new BotApiStandIn({ sendRateLimit: { perSecond: LIMIT } });
let bot: BotProcess | null = null;
const cleanUp = async () => {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill("SIGKILL");
  await standIn.stop().catch(() => undefined);
  await database.drop().catch((err: unknown) => log(`could not drop the bench database: ${String(err)}`));
};
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

try {
  await standIn.start(0);
  const seedStarted = performance.now();
  const { heads, wards, firstWardQuarters } = await seed(database.url, standIn);
  log(
    `broadcast: ${HEADS} heads in ${wards} ward(s), ${database.label}, stand-in limit ${LIMIT}/s, bot SEND_RATE_PER_SECOND=${SEND_RATE}, ` +
      `kill -9 at ${KILL_AT > 0 ? `${Math.round(KILL_AT * 100)} % + ${KILL_DELAY_MS} ms` : "never"} (node ${process.version}, ${os.cpus().length} cores); seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );

  // Every prompt the stand-in delivered (stored in the head's chat), when, and to whom.
  const perHead = new Map<number, number>();
  const times: number[] = [];
  let otherBotMessages = 0;
  let onPrompt: (() => void) | null = null;
  standIn.events.on("message", (m: StoredMessage) => {
    if (!m.from_bot) return;
    if (!heads.has(m.chat_id) || !(m.text ?? "").startsWith("📋")) {
      otherBotMessages++;
      return;
    }
    times.push(performance.now());
    perHead.set(m.chat_id, (perHead.get(m.chat_id) ?? 0) + 1);
    onPrompt?.();
  });

  const env = {
    NODE_ENV: "production",
    BOT_TOKEN: "",
    BOT_API_ROOT: standIn.url,
    DATABASE_URL: database.url,
    SECRET_PEPPER: PEPPER,
    NOTIFY_KEY,
    TIP_KEYS,
    LOG_LEVEL: "info",
    WARD_SLUG,
    WARD_NAME: "Phường Bench 1",
    WARD_QUARTER_COUNT: String(firstWardQuarters),
    // As the kill -9 test: due jobs looked for every second, a dead instance's lease lapses after 2 s.
    JOB_TICK_SECONDS: "1",
    SCHEDULER_LEASE_SECONDS: "2",
    SEND_RATE_PER_SECOND: String(SEND_RATE),
  };

  const watchRss = setInterval(() => {
    if (bot) bot.peakKb = Math.max(bot.peakKb, vmHwmKb(bot.child.pid));
  }, 500);
  const first = await startBot(env);
  bot = first;
  log(`  measured: ${shownCommand}`);
  log(`  bot started in ${((first.readyAt - first.startedAt) / 1000).toFixed(1)} s`);

  // The kill: once KILL_AT of the heads have a prompt, after KILL_DELAY_MS.
  const killThreshold = KILL_AT > 0 ? Math.max(1, Math.ceil(HEADS * KILL_AT)) : Number.POSITIVE_INFINITY;
  // Set from the prompt listener, hence an object (not narrowed away by the compiler).
  const kill: { armed: boolean; at: number | null; deliveredBefore: number; second: BotProcess | null; done: Promise<void> } = {
    armed: false,
    at: null,
    deliveredBefore: 0,
    second: null,
    done: Promise.resolve(),
  };
  onPrompt = () => {
    if (times.length < killThreshold || kill.armed) return;
    kill.armed = true;
    kill.done = (async () => {
      await sleep(KILL_DELAY_MS);
      first.peakKb = Math.max(first.peakKb, vmHwmKb(first.child.pid));
      first.child.kill("SIGKILL");
      kill.at = performance.now();
      kill.deliveredBefore = times.length;
      await first.exited;
      const second = await startBot(env);
      bot = kill.second = second;
      log(`  kill -9 after ${kill.deliveredBefore} prompts delivered; restarted, ready in ${((second.readyAt - second.startedAt) / 1000).toFixed(1)} s`);
    })();
  };

  // Wait: every head prompted (and a moment for stragglers), or no progress for too long.
  const waitStarted = performance.now();
  let lastCount = 0;
  let lastProgress = performance.now();
  let outcome = "every head prompted";
  for (;;) {
    await sleep(200);
    if (times.length !== lastCount) {
      lastCount = times.length;
      lastProgress = performance.now();
    }
    if (perHead.size >= HEADS) {
      // The kill (armed before the last head could be reached) and the restart are done; then a moment for a late repeat.
      await kill.done;
      await sleep(3_000);
      break;
    }
    const idle = performance.now() - (times.length === 0 ? waitStarted : lastProgress);
    if (idle > (times.length === 0 ? START_TIMEOUT_MS : STALL_MS)) {
      outcome = times.length === 0 ? `no prompt within ${START_TIMEOUT_MS / 1000} s` : `stalled: no prompt for ${STALL_MS / 1000} s`;
      break;
    }
  }
  await kill.done.catch((err: unknown) => log(`  restart failed: ${String(err)}`));
  clearInterval(watchRss);
  const second = kill.second;
  for (const b of [first, second]) if (b) b.peakKb = Math.max(b.peakKb, vmHwmKb(b.child.pid));
  const live = bot as BotProcess | null;
  if (live && live.child.exitCode === null && live.child.signalCode === null) {
    live.child.kill("SIGTERM");
    await Promise.race([live.exited, sleep(10_000)]);
  }

  // ---- results --------------------------------------------------------------------
  const delivered = times.length;
  const lost = [...heads].filter((id) => !perHead.has(id)).length;
  const duplicated = [...perHead.values()].reduce((n, v) => n + v - 1, 0);
  const span = delivered > 1 ? (times.at(-1)! - times[0]!) / 1000 : 0;
  const withGap = delivered > 1 ? (delivered - 1) / span : 0;
  // Without the restart: the intervals before the kill and after the restarted bot's first prompt, the gap between them left out.
  let gapSeconds = 0;
  let withoutGap = withGap;
  let segments = "";
  if (kill.at !== null && second) {
    const restartedAt = second.startedAt;
    const before = times.filter((t) => t < restartedAt);
    const after = times.filter((t) => t >= restartedAt);
    if (before.length > 0 && after.length > 0) {
      gapSeconds = (after[0]! - before.at(-1)!) / 1000;
      const intervals = before.length - 1 + (after.length - 1);
      withoutGap = intervals / (span - gapSeconds);
      const rate = (part: number[]) => (part.length > 1 ? ((part.length - 1) / ((part.at(-1)! - part[0]!) / 1000)).toFixed(2) : "n/a");
      segments = `; before the kill ${before.length} prompts at ${rate(before)}/s, after the restart ${after.length} at ${rate(after)}/s`;
    }
  }
  // The busiest sliding second of sends let through, on the stand-in's own clock (it refuses beyond LIMIT).
  const sent = standIn
    .callsTo("sendMessage")
    .filter((c) => !c.rateLimited && !c.dropped)
    .map((c) => c.at);
  let busiest = 0;
  for (let i = 0, j = 0; i < sent.length; i++) {
    while (sent[i]! - sent[j]! >= 1000) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  const limiter = standIn.rateLimitStats();
  const mib = (kb: number) => (kb > 0 ? `${(kb / 1024).toFixed(0)} MiB` : "n/a");
  const jobs = await jobCounts(database.url).catch((err: unknown) => `unavailable (${String(err)})`);
  const pct = (rate: number) => `${((rate / LIMIT) * 100).toFixed(1)} %`;

  log(`  outcome: ${outcome}`);
  const planning = delivered > 0 ? `${((times[0]! - first.readyAt) / 1000).toFixed(1)} s` : "n/a";
  log(`  heads ${HEADS}; prompts delivered ${delivered} to ${perHead.size} heads; bot ready → first prompt (opening the check-ins) ${planning}; first → last ${span.toFixed(1)} s`);
  log(`  achieved rate, restart gap excluded: ${withoutGap.toFixed(2)}/s = ${pct(withoutGap)} of ${LIMIT}/s${segments}`);
  log(`  achieved rate, restart gap included: ${withGap.toFixed(2)}/s = ${pct(withGap)} of ${LIMIT}/s`);
  if (kill.at !== null) log(`  restart gap (last prompt of the killed bot → first of the restarted one): ${gapSeconds.toFixed(1)} s`);
  log(`  stand-in: ${limiter.accepted} sends let through, ${limiter.refused429} refused with 429; busiest second ${busiest} sends`);
  log(`  lost (heads with no prompt): ${lost}; duplicated (prompts beyond one a head): ${duplicated}; other bot messages: ${otherBotMessages}`);
  log(`  bot peak RSS (VmHWM): ${mib(first.peakKb)} before the kill${second ? `, ${mib(second.peakKb)} after the restart` : ""}`);
  log(`  JS heap in use after a major GC, highest: ${mib(first.heapPeak / 1024)}${second ? `; ${mib(second.heapPeak / 1024)} after the restart` : ""}`);
  log(`  jobs: ${jobs}`);
  if (outcome !== "every head prompted") log(`  the bot's last log lines:\n${(bot as BotProcess | null)?.tail().slice(-3_000) ?? ""}`);
  log(
    `result ${JSON.stringify({
      heads: HEADS,
      database: database.label,
      limit: LIMIT,
      sendRate: SEND_RATE,
      killAt: KILL_AT,
      killDelayMs: KILL_DELAY_MS,
      delivered,
      spanSeconds: +span.toFixed(2),
      rateWithoutGap: +withoutGap.toFixed(2),
      rateWithGap: +withGap.toFixed(2),
      gapSeconds: +gapSeconds.toFixed(2),
      refused429: limiter.refused429,
      lost,
      duplicated,
      peakRssMiB: [first.peakKb, second?.peakKb ?? 0].map((kb) => Math.round(kb / 1024)),
      heapPeakMiB: [first.heapPeak, second?.heapPeak ?? 0].map((b) => Math.round(b / 2 ** 20)),
      outcome,
    })}`,
  );
  // The first process opened every ward's check-ins (and then sent until the kill).
  const note = [HEADS !== 10_000 ? `${HEADS} heads; the target is stated at 10,000` : "", outcome !== "every head prompted" ? outcome : ""].filter(Boolean).join("; ");
  reportTargets([judge(targetFor("broadcast.openingPeak", PG_URL ? "PostgreSQL" : "SQLite"), first.peakKb > 0 ? first.peakKb / 1024 : NaN, note || undefined)]);
  if (lost > 0 || outcome !== "every head prompted") process.exitCode = 1;
} finally {
  await cleanUp();
}
