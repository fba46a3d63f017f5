// Tip flows in flight: the production process's own memory with 10,000
// residents mid-way through a tip. The bot runs in a child process started as
// the Docker image starts it (its CMD read from the Dockerfile: after a build,
// `node <the shipped flags> dist/start.js`, which applies the migrations and
// then runs the bot, with NODE_ENV=production), so its RSS is its own; the Bot
// API stand-in and the driver run here. Each resident sends /tip and taps a
// category, which leaves their flow waiting at step 2 with its state in the
// database. Then the child's VmRSS (after a settle, and after a full GC forced
// through the benches' preloaded probe) and VmHWM (its peak) are read from /proc.
// Run: npx tsx bench/flows-in-flight.ts
//   BENCH_FLOWS (10000), BENCH_CONCURRENCY (200 residents at a time), BENCH_SETTLE_SECONDS (10);
//   BENCH_NODE_FLAGS replaces the shipped Node/V8 flags (e.g. "" for none, to compare);
//   BENCH_SKIP_BUILD=1 runs dist/ as it is (no `npm run build` first);
//   SQLite in a fresh temporary file, or BENCH_DATABASE_URL=postgresql://… for a fresh
//   database on that server (created, then dropped).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, databaseKind } from "../src/db.js";
import { BotApiStandIn } from "../src/dev/bot-api-stand-in/index.js";
import { freshDatabase } from "./fresh-database.js";
import { buildDist, commandLine, heapPeakOf, PROBE_FLAGS, shippedBotCommand } from "./shipped-command.js";
import { judge, type Judged, reportTargets, targetFor } from "./targets.js";

const FLOWS = Number(process.env.BENCH_FLOWS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 10);
const STEP_TIMEOUT_MS = 120_000;
const root = path.resolve(import.meta.dirname, "..");

interface Memory {
  rssMiB: number;
  hwmMiB: number;
  anonMiB: number;
}

/** The process's resident set now, its peak (VmHWM) and the anonymous part (heap, stacks) of the resident set. */
function memoryOf(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const mib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) / 1024;
  return { rssMiB: mib("VmRSS"), hwmMiB: mib("VmHWM"), anonMiB: mib("RssAnon") };
}

/** Resets VmHWM to the current RSS (Linux: "5" to clear_refs), so the next peak is the flows' own. False if refused. */
function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Bot {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** What the probe printed after each forced collection. */
  heaps: NodeJS.MemoryUsage[];
  /** The JS heap's high-water mark the probe saw, in bytes. */
  heapPeak: () => number;
  /** The command line measured (the shipped one; the probe's flags named apart). */
  shown: string;
}

function startBot(standIn: BotApiStandIn, databaseUrl: string): Bot {
  const shipped = shippedBotCommand(process.env.BENCH_NODE_FLAGS);
  const child = spawn(process.execPath, [...shipped.flags, ...PROBE_FLAGS, ...shipped.script], {
    cwd: root,
    env: {
      ...process.env,
      // As the image runs it.
      NODE_ENV: "production",
      BOT_TOKEN: "",
      BOT_API_ROOT: standIn.url,
      DATABASE_URL: databaseUrl,
      SECRET_PEPPER: "bench-pepper-0123456789-0123456789-abcdef",
      NOTIFY_KEY: Buffer.alloc(32, 1).toString("base64"),
      TIP_KEYS: `b1:${Buffer.alloc(32, 2).toString("base64")}`,
      LOG_LEVEL: "error",
      FLOOD_LIMIT: "10000",
      TIP_LIMIT_PER_HOUR: "1000",
      TIP_LIMIT_PER_DAY: "10000",
      // The sweep (every 5 minutes) must not drop the open flows during a long run.
      FLOW_TIMEOUT_MINUTES: "1440",
      // Polling, the HTTP server (/readyz) on a free port as the image has it, no Zalo, whatever this shell has set.
      HTTP_HOST: "127.0.0.1",
      HTTP_PORT: "0",
      WEBHOOK_URL: "",
      ZALO_BOT_TOKEN: "",
      ZALO_STAND_IN: "",
      ZALO_WEBHOOK_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let partial = "";
  const heaps: NodeJS.MemoryUsage[] = [];
  let heapPeak = 0;
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", (d: Buffer) => {
    keep(d);
    const lines = (partial + d.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith("BENCH_MEMORY ")) heaps.push(JSON.parse(line.slice("BENCH_MEMORY ".length)) as NodeJS.MemoryUsage);
      heapPeak = Math.max(heapPeak, heapPeakOf(line));
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const shown =
    `${commandLine(["node", ...shipped.flags, ...shipped.script])} (${shipped.overridden ? "flags from BENCH_NODE_FLAGS, not the shipped ones" : "the Dockerfile's CMD"}; ` +
    `NODE_ENV=production; plus the bench's probe: --expose-gc --import <data: a gc() on SIGUSR2, the heap after each major GC>)`;
  return { child, output: () => output, exited, heaps, heapPeak: () => heapPeak, shown };
}

/** A full collection in the bot (SIGUSR2 to the preload), then its heap figures and, a second later, its memory. */
async function afterFullGc(bot: Bot): Promise<Memory & { heap: NodeJS.MemoryUsage }> {
  const before = bot.heaps.length;
  bot.child.kill("SIGUSR2");
  const deadline = Date.now() + 30_000;
  while (bot.heaps.length === before) {
    if (Date.now() > deadline) throw new Error(`no heap figures from the bot after SIGUSR2:\n${bot.output()}`);
    await sleep(20);
  }
  await sleep(1000);
  return { ...memoryOf(bot.child.pid!), heap: bot.heaps.at(-1)! };
}

type Action = { kind: "text"; text: string } | { kind: "tap"; label: string };

/** One update from the resident, and the bot's answer matching `expect` in their chat. */
async function step(standIn: BotApiStandIn, userId: number, action: Action, expect: RegExp, latencies: number[]): Promise<void> {
  const waiting = standIn.waitForBotMessage(userId, expect, STEP_TIMEOUT_MS);
  waiting.catch(() => undefined);
  const started = performance.now();
  if (action.kind === "text") standIn.sendText(userId, userId, action.text);
  else {
    const message = [...standIn.botMessages(userId)].reverse().find((m) => standIn.findButton(m, action.label));
    const button = message && standIn.findButton(message, action.label);
    if (!message || !button?.callback_data) throw new Error(`no button ${action.label} in chat ${userId}`);
    standIn.pressButton(userId, userId, message.message_id, button.callback_data);
  }
  await waiting;
  latencies.push(performance.now() - started);
}

const benchAdmin = process.env.BENCH_DATABASE_URL;
if (benchAdmin && databaseKind(benchAdmin) !== "postgresql") throw new Error("BENCH_DATABASE_URL must be a postgresql:// URL (SQLite is the default)");
buildDist();
const target = await freshDatabase("flows", benchAdmin);
const standIn = new BotApiStandIn();
await standIn.start(0);
// Every resident in flight waits on the stand-in's message events.
standIn.events.setMaxListeners(CONCURRENCY * 2 + 50);
const bot = startBot(standIn, target.url);
const pid = bot.child.pid!;
const mib = (n: number) => `${n.toFixed(0)} MiB`;
const heapLine = (m: Memory & { heap: NodeJS.MemoryUsage }) =>
  `RSS ${mib(m.rssMiB)} (anon ${mib(m.anonMiB)}); JS heap used ${mib(m.heap.heapUsed / 2 ** 20)} of ${mib(m.heap.heapTotal / 2 ** 20)}, external ${mib(m.heap.external / 2 ** 20)} (array buffers ${mib(m.heap.arrayBuffers / 2 ** 20)})`;
let failure: Error | null = null;
try {
  // Started: the bot is polling the stand-in.
  const bootDeadline = Date.now() + 120_000;
  while (standIn.callsTo("getUpdates").length === 0) {
    if (bot.child.exitCode !== null || Date.now() > bootDeadline) throw new Error(`the bot did not start:\n${bot.output()}`);
    await sleep(50);
  }
  await sleep(SETTLE_SECONDS * 1000);
  const idle = memoryOf(pid);
  const idleGc = await afterFullGc(bot);
  const peakReset = resetPeak(pid);

  const latencies: number[] = [];
  const checkpoints: { open: number; rssMiB: number }[] = [];
  const every = Math.max(1, Math.floor(FLOWS / 10));
  let next = 0;
  let opened = 0;
  let errors = 0;
  let firstError = "";
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, FLOWS) }, async () => {
      while (next < FLOWS) {
        const n = next++;
        const user = standIn.createUser({ first_name: `Flow ${n}` });
        try {
          await step(standIn, user.id, { kind: "text", text: "/tip" }, /Bước 1\/6/, latencies);
          await step(standIn, user.id, { kind: "tap", label: "Mua bán" }, /Bước 2\/6/, latencies);
          opened++;
        } catch (err) {
          errors++;
          firstError ||= String(err);
        }
        if ((opened + errors) % every === 0) {
          const { rssMiB } = memoryOf(pid);
          checkpoints.push({ open: opened, rssMiB });
          process.stderr.write(`  ${opened} flows open (${errors} failed), bot RSS ${rssMiB.toFixed(0)} MiB\n`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const atEnd = memoryOf(pid);
  await sleep(SETTLE_SECONDS * 1000);
  const settled = memoryOf(pid);
  const settledGc = await afterFullGc(bot);

  const db = createDatabase(target.url);
  const rows = await db.conversationState.count();
  await db.$disconnect();

  latencies.sort((a, b) => a - b);
  const perFlowKiB = (settledGc.heap.heapUsed - idleGc.heap.heapUsed) / Math.max(1, opened) / 1024;
  process.stdout.write(
    [
      `tip flows in flight, ${target.label} (node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB): ${FLOWS} residents send /tip and tap a category, ${CONCURRENCY} at a time`,
      `  opened ${opened} flows (${errors} failed${firstError ? `; first: ${firstError.split("\n")[0]}` : ""}) in ${seconds.toFixed(1)} s = ${(opened / seconds).toFixed(1)} flows/s, ${(latencies.length / seconds).toFixed(0)} updates/s; step p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
      `  measured: ${bot.shown}`,
      `  ConversationState rows: ${rows}`,
      `  bot idle, ${SETTLE_SECONDS} s after start: RSS ${mib(idle.rssMiB)} (start-up peak ${mib(idle.hwmMiB)}); after a full GC: ${heapLine(idleGc)}`,
      `  bot RSS by flows open: ${checkpoints.map((c) => `${c.open} → ${mib(c.rssMiB)}`).join(", ")}`,
      `  bot with the flows open: RSS ${mib(atEnd.rssMiB)} at the last answer, ${mib(settled.rssMiB)} after ${SETTLE_SECONDS} s; ` +
        `peak ${mib(settledGc.hwmMiB)} ${peakReset ? "(VmHWM, reset after the idle reading)" : "(VmHWM since start: could not reset it)"}`,
      `  after a full GC: ${heapLine(settledGc)}`,
      `  growth over idle: RSS ${mib(settled.rssMiB - idle.rssMiB)} settled, ${mib(settledGc.rssMiB - idleGc.rssMiB)} after a full GC (JS heap used: ${perFlowKiB.toFixed(1)} KiB per open flow)`,
      `  JS heap in use after a major GC, highest: ${mib(bot.heapPeak() / 2 ** 20)}`,
    ].join("\n") + "\n",
  );
  const database = benchAdmin ? "PostgreSQL" : "SQLite";
  const smaller = [FLOWS !== 10_000 ? `${FLOWS} flows` : "", CONCURRENCY !== 200 ? `${CONCURRENCY} at a time` : "", errors > 0 ? `${errors} flows failed` : ""].filter(Boolean).join(", ");
  const note = smaller ? `${smaller}; the target is stated at 10,000 flows, 200 at a time` : undefined;
  const judged: Judged[] = [
    judge(targetFor("flows.idle", database), idle.rssMiB, SETTLE_SECONDS !== 10 ? `read ${SETTLE_SECONDS} s after start; the target is read 10 s after` : undefined),
    judge(targetFor("flows.settled", database), settled.rssMiB, note),
    // The peak before the forced collection (which is the bench's, not the bot's).
    judge(targetFor("flows.peak", database), peakReset ? settled.hwmMiB : NaN, peakReset ? note : "VmHWM could not be reset after the idle reading"),
  ];
  reportTargets(judged);
} catch (err) {
  failure = err instanceof Error ? err : new Error(String(err));
} finally {
  if (bot.child.exitCode === null) {
    bot.child.kill("SIGTERM");
    const code = await Promise.race([bot.exited, sleep(30_000).then(() => "timeout" as const)]);
    if (code === "timeout") bot.child.kill("SIGKILL");
  }
  await standIn.stop();
  await target.drop();
}
if (failure) throw failure;
