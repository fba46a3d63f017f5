// The anonymous-tip flow under load, through the Bot API stand-in over
// loopback, against two references fed the same updates the same way:
//   - "plain reply": a grammY bot answering each update with one message;
//   - "conversations ceiling": grammY + conversations v2, in-memory storage,
//     no database, the same 8 steps (reply with a button, wait).
// Then the real bot (SQLite, and PostgreSQL with BENCH_DATABASE_URL), and a
// burst of residents all starting a tip at once.
// Run: npm run bench   (BENCH_FLOWS, BENCH_CONCURRENCY, BENCH_BURST to scale)
import os from "node:os";
import { Writable } from "node:stream";
import { type Conversation, type ConversationFlavor, conversations, createConversation } from "@grammyjs/conversations";
import { run, sequentialize } from "@grammyjs/runner";
import { Bot, type Context, InlineKeyboard } from "grammy";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { BotApiStandIn } from "../src/dev/bot-api-stand-in/index.js";
import { Secrets } from "../src/services/secrets.js";
import { freshDatabase } from "./fresh-database.js";
import { judge, type Judged, reportTargets, targetFor } from "./targets.js";

const FLOWS = Number(process.env.BENCH_FLOWS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const BURST = Number(process.env.BENCH_BURST ?? 1000);
const TOKEN = "1000000001:bench-token-not-a-secret-000000";

type Action = { kind: "text"; text: string } | { kind: "tap"; label: string | null };
interface Step {
  action: Action;
  expect: RegExp;
}

/** The real tip flow's 8 updates; the references get the same kinds of update in the same order. */
function tipSteps(n: number): Step[] {
  return [
    { action: { kind: "text", text: "/tip" }, expect: /Bước 1\/6/ },
    { action: { kind: "tap", label: "Mua bán" }, expect: /Bước 2\/6/ },
    { action: { kind: "tap", label: `Khu phố ${(n % 19) + 1}` }, expect: /Bước 3\/6/ },
    { action: { kind: "text", text: `hẻm ${n} đường Trần Phú` }, expect: /Bước 4\/6/ },
    { action: { kind: "tap", label: "Hôm nay" }, expect: /Bước 5\/6/ },
    { action: { kind: "text", text: `Có người bán ma túy ở hẻm ${n}, tối nào cũng có xe máy đến` }, expect: /Bước 6\/6/ },
    { action: { kind: "tap", label: "Bỏ qua" }, expect: /Xem lại tin báo/ },
    { action: { kind: "tap", label: "📨 Gửi" }, expect: /Mã biên nhận/ },
  ];
}

function referenceSteps(): Step[] {
  // Same kinds as the tip flow (text, tap, tap, text, tap, text, tap, tap); every reply says "ok k".
  const kinds: Action["kind"][] = ["text", "tap", "tap", "text", "tap", "text", "tap", "tap"];
  return kinds.map((kind, i) => ({ action: kind === "text" ? { kind, text: i === 0 ? "/go" : `text ${i}` } : { kind, label: null }, expect: new RegExp(`^ok ${i + 1}$`) }));
}

async function drive(standIn: BotApiStandIn, chatId: number, userId: number, steps: Step[], latencies: number[], byStep?: number[][]): Promise<void> {
  for (const [index, step] of steps.entries()) {
    const waiting = standIn.waitForBotMessage(chatId, step.expect, 30_000);
    // A failure below must not leave this promise to reject unobserved.
    waiting.catch(() => undefined);
    const started = performance.now();
    if (step.action.kind === "text") standIn.sendText(userId, chatId, step.action.text);
    else {
      const label = step.action.label;
      const message = [...standIn.botMessages(chatId)].reverse().find((m) => standIn.inlineButtons(m).some((b) => label === null || b.text.includes(label)));
      const button = message && standIn.inlineButtons(message).find((b) => label === null || b.text.includes(label));
      if (!message || !button?.callback_data) throw new Error(`no button ${String(label)} in chat ${chatId}`);
      standIn.pressButton(userId, chatId, message.message_id, button.callback_data);
    }
    await waiting;
    const took = performance.now() - started;
    latencies.push(took);
    if (byStep) (byStep[index] ??= []).push(took);
  }
}

interface Result {
  name: string;
  updates: number;
  seconds: number;
  p50: number;
  p99: number;
  /** The burst's residents who got no answer. */
  errors?: number;
  /** Each step's latencies, in the flow's order (the tip flow's runs). */
  byStep?: number[][];
  /** CPU this process spent (all its threads: the event loop and libuv's pool), per update. */
  cpuMsPerUpdate?: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function load(name: string, standIn: BotApiStandIn, steps: (n: number) => Step[], byStep?: number[][]): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < FLOWS) {
        const n = next++;
        const user = standIn.createUser({ first_name: `Bench ${n}` });
        await drive(standIn, user.id, user.id, steps(n), latencies, byStep);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  const cpuMsPerUpdate = (cpu.user + cpu.system) / 1000 / latencies.length;
  return { name, updates: latencies.length, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpuMsPerUpdate, ...(byStep ? { byStep } : {}) };
}

async function plainReply(): Promise<Result> {
  const standIn = new BotApiStandIn({ token: TOKEN });
  await standIn.start(0);
  const bot = new Bot(TOKEN, { client: { apiRoot: standIn.url } });
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  const counters = new Map<number, number>();
  bot.use(async (ctx) => {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    const chat = ctx.chat!.id;
    const k = (counters.get(chat) ?? 0) + 1;
    counters.set(chat, k);
    await ctx.reply(`ok ${k}`, { reply_markup: new InlineKeyboard().text("ok", "ok") });
  });
  bot.catch((err) => process.stderr.write(`plain reply bot: ${String(err.error)}\n`));
  const runner = run(bot);
  const result = await load("plain reply (no state)", standIn, referenceSteps);
  await runner.stop();
  await standIn.stop();
  return result;
}

type FlowCtx = Context & ConversationFlavor<Context>;

async function conversationsCeiling(): Promise<Result> {
  const standIn = new BotApiStandIn({ token: TOKEN });
  await standIn.start(0);
  const bot = new Bot<FlowCtx>(TOKEN, { client: { apiRoot: standIn.url } });
  // As grammY prescribes with the runner (and as the real bot does): one update per chat at a time.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bot.use(conversations());
  async function flow(conversation: Conversation<FlowCtx, Context>, ctx: Context) {
    await ctx.reply("ok 1", { reply_markup: new InlineKeyboard().text("ok", "ok") });
    for (let k = 2; k <= 8; k++) {
      const next = await conversation.wait();
      if (next.callbackQuery) await next.answerCallbackQuery();
      await next.reply(`ok ${k}`, { reply_markup: new InlineKeyboard().text("ok", "ok") });
    }
  }
  bot.use(createConversation(flow, "flow"));
  bot.command("go", (ctx) => ctx.conversation.enter("flow"));
  bot.catch((err) => process.stderr.write(`conversations bot: ${String(err.error)}\n`));
  const runner = run(bot);
  const result = await load("conversations v2, memory, no database", standIn, referenceSteps);
  await runner.stop();
  await standIn.stop();
  return result;
}

async function realBot(databaseUrl: string, label: string): Promise<Result[]> {
  const standIn = new BotApiStandIn();
  await standIn.start(0);
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const app = await startApp(
    loadConfig({
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      SECRET_PEPPER: "bench-pepper-0123456789-0123456789-abcdef",
      NOTIFY_KEY: Buffer.alloc(32, 1).toString("base64"),
      TIP_KEYS: `b1:${Buffer.alloc(32, 2).toString("base64")}`,
      LOG_LEVEL: "error",
      BOT_API_ROOT: standIn.url,
      FLOOD_LIMIT: "10000",
      TIP_LIMIT_PER_HOUR: "1000",
      TIP_LIMIT_PER_DAY: "1000",
    }),
    { standIn, logDestination: quiet, cron: false },
  );
  // Step by step too: which steps the p99's tail comes from.
  const flows = await load(`Tổ Dân Bot tip flow, ${label}`, standIn, tipSteps, []);

  // Replay cost: conversations v2 re-runs a flow from its first update on every new one. One resident
  // goes round "Sửa → Nội dung → new text → review" again and again; each review step's latency is timed.
  const editor = standIn.createUser({ first_name: "Editor" });
  const replay: number[] = [];
  const steps = tipSteps(1).slice(0, 7);
  await drive(standIn, editor.id, editor.id, steps, []);
  const lengths: { updates: number; ms: number }[] = [];
  for (let round = 1; round <= REPLAY_ROUNDS; round++) {
    const times: number[] = [];
    await drive(
      standIn,
      editor.id,
      editor.id,
      [
        { action: { kind: "tap", label: "✏️ Sửa" }, expect: /Bạn muốn sửa phần nào/ },
        { action: { kind: "tap", label: "Nội dung" }, expect: /Bước 5\/6/ },
        { action: { kind: "text", text: `Sửa lần ${round}: có người bán ma túy ở hẻm` }, expect: /Xem lại tin báo/ },
      ],
      times,
    );
    replay.push(times[2]!);
    if ([1, 10, 25, 50, 100].includes(round) || round === REPLAY_ROUNDS) lengths.push({ updates: 7 + round * 3, ms: times[2]! });
  }
  await drive(standIn, editor.id, editor.id, [{ action: { kind: "tap", label: "📨 Gửi" }, expect: /Mã biên nhận/ }], []);
  replayGrowth.push({ label, lengths });

  // A burst: BURST residents start a tip at the same moment; each must get step 1.
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  let errors = 0;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const user = standIn.createUser({ first_name: `Burst ${i}` });
      try {
        await drive(standIn, user.id, user.id, tipSteps(i).slice(0, 1), latencies);
      } catch {
        errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  // Flows in flight live in the database; this is what the process (bot, stand-in and driver together) grew by.
  const rssGrowthMiB = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  // A flow's state is written just after its reply goes out: give the last writes a moment before counting.
  let inFlight = await app.services.db.conversationState.count();
  for (const until = Date.now() + 5_000; inFlight < BURST && Date.now() < until; inFlight = await app.services.db.conversationState.count()) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const burst: Result = { name: `burst: ${BURST} start at once, ${label} (errors ${errors}; ${inFlight} flows open, RSS +${rssGrowthMiB.toFixed(0)} MiB)`, updates: latencies.length, seconds: (performance.now() - started) / 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
  await app.stop();
  await standIn.stop();
  return [flows, burst];
}

const REPLAY_ROUNDS = Number(process.env.BENCH_REPLAY_ROUNDS ?? 50);
const replayGrowth: { label: string; lengths: { updates: number; ms: number }[] }[] = [];
const results: Result[] = [];
results.push(await plainReply());
results.push(await conversationsCeiling());
const ceiling = results[1]!;
const judged: Judged[] = [];
const smaller = [FLOWS !== 200 ? `${FLOWS} flows` : "", CONCURRENCY !== 20 ? `${CONCURRENCY} at a time` : ""].filter(Boolean).join(", ");
// SQLite, then (with BENCH_DATABASE_URL, a role that may create databases) a fresh PostgreSQL database.
for (const admin of [null, ...(process.env.BENCH_DATABASE_URL ? [process.env.BENCH_DATABASE_URL] : [])]) {
  const database = await freshDatabase("tip_flow", admin);
  const kind = admin ? "PostgreSQL" : "SQLite";
  try {
    const [flows, burst] = await realBot(database.url, database.label);
    results.push(flows!, burst!);
    const note = smaller ? `${smaller}; the target is stated at 200 flows, 20 at a time` : undefined;
    judged.push(judge(targetFor("tipFlow.shareOfCeiling", kind), (flows!.updates / flows!.seconds / (ceiling.updates / ceiling.seconds)) * 100, note));
    if (kind === "SQLite") judged.push(judge(targetFor("tipFlow.stepP99", kind), flows!.p99, note));
    judged.push(judge(targetFor("tipFlow.burstErrors", kind), burst!.errors!, BURST !== 1000 ? `${BURST} at once; the target is stated at 1,000` : undefined));
    // One resident, one step at each length: a single sample each, so noisy.
    const lengths = replayGrowth.at(-1)!.lengths;
    const at = (updates: number) => lengths.find((l) => l.updates === updates)?.ms;
    const short = at(10);
    const long = at(157);
    if (short !== undefined && long !== undefined) judged.push(judge(targetFor("tipFlow.replayRatio", kind), long / short, `${long.toFixed(1)} ms against ${short.toFixed(1)} ms, one step each`));
  } finally {
    await database.drop();
  }
}

process.stdout.write(`tip flow: ${FLOWS} flows of 8 updates, ${CONCURRENCY} residents at a time, through the stand-in (node ${process.version}, ${os.cpus().length} cores)\n`);
for (const r of results) {
  const rate = r.updates / r.seconds;
  process.stdout.write(
    `  ${r.name.padEnd(72)} ${String(r.updates).padStart(5)} updates in ${r.seconds.toFixed(2).padStart(6)} s = ${rate.toFixed(0).padStart(5)}/s (${((rate / (ceiling.updates / ceiling.seconds)) * 100).toFixed(0)}% of the conversations ceiling); step p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms${r.cpuMsPerUpdate === undefined ? "" : `; CPU ${r.cpuMsPerUpdate.toFixed(2)} ms an update`}\n`,
  );
}
// Each "Gửi" hashes its receipt with scrypt (docs/security.md: receipts cannot be enumerated). Timed alone,
// one after another, after the runs: what those hashes alone cost the run, and the rate they alone allow.
const secrets = new Secrets("bench-pepper-0123456789-0123456789-abcdef");
const hashStarted = performance.now();
for (let i = 0; i < 20; i++) await secrets.receiptHash(`TB-BNCH-${String(i).padStart(4, "0")}`);
const hashMs = (performance.now() - hashStarted) / 20;
const hashCoreSeconds = (FLOWS * hashMs) / 1000;
const cores = os.cpus().length;
const ceilingRate = ceiling.updates / ceiling.seconds;
const capByHashes = (FLOWS * 8) / (hashCoreSeconds / cores);
process.stdout.write(
  `  receipts' scrypt: ${hashMs.toFixed(1)} ms each; ${FLOWS} tips = ${hashCoreSeconds.toFixed(1)} core-seconds, so on ${cores} cores the hashes alone allow at most ${capByHashes.toFixed(0)} updates/s = ${((capByHashes / ceilingRate) * 100).toFixed(0)} % of the ceiling\n`,
);
// What a target leaves to spend: a run of U updates at R updates/s lasts U/R seconds, so on K cores the
// process may use at most K/R seconds of CPU an update, all threads together (an upper bound: one event
// loop cannot use a second core). Set against that the two costs the bot cannot avoid: the receipt's hash
// (one a flow of 8 updates) and the in-memory ceiling's own work (grammY, conversations, the stand-in).
const hashMsPerUpdate = hashMs / 8;
const ceilingCpu = ceiling.cpuMsPerUpdate ?? 0;
const p99Limit = targetFor("tipFlow.stepP99", "SQLite").limit;
const budgets: { what: string; rate: number }[] = [
  ...(["SQLite", "PostgreSQL"] as const).map((database) => {
    const share = targetFor("tipFlow.shareOfCeiling", database).limit;
    return { what: `${share} % of the ceiling (${database})`, rate: (share / 100) * ceilingRate };
  }),
  // Closed loop: a mean step of L ms at C residents needs C/L updates/s (Little's law). A p99 of L with a
  // mean above L would take a tail of under 1 % holding most of the wait; every run here had p99 = 2-6 × mean.
  { what: `a mean step of ${p99Limit} ms (the p99 limit) at ${CONCURRENCY} residents`, rate: CONCURRENCY / (p99Limit / 1000) },
];
for (const { what, rate } of budgets) {
  const budget = (cores / rate) * 1000;
  const left = budget - hashMsPerUpdate - ceilingCpu;
  process.stdout.write(
    `  CPU budget for ${what} = ${rate.toFixed(0)} updates/s: at most ${budget.toFixed(2)} ms an update on ${cores} cores; the receipt's hash takes ${hashMsPerUpdate.toFixed(2)}, the ceiling's own work ${ceilingCpu.toFixed(2)}, leaving ${left.toFixed(2)} ms for the database and the bot's own work\n`,
  );
}
for (const r of results.slice(2).filter((result) => result.byStep && result.cpuMsPerUpdate !== undefined)) {
  process.stdout.write(`  CPU spent, ${r.name}: ${r.cpuMsPerUpdate!.toFixed(2)} ms an update, ${(r.cpuMsPerUpdate! - hashMsPerUpdate - ceilingCpu).toFixed(2)} beyond the hash and the ceiling's work (this process only: PostgreSQL's server runs in its own)\n`);
}
const STEP_NAMES = ["/tip", "category", "quarter", "place", "time", "description", "photos: skip", "Gửi"];
for (const r of results.filter((result) => result.byStep)) {
  const steps = r.byStep!.map((times, i) => {
    const sorted = [...times].sort((a, b) => a - b);
    return `${STEP_NAMES[i]} ${percentile(sorted, 50).toFixed(0)}/${percentile(sorted, 99).toFixed(0)}`;
  });
  // A closed loop (each resident sends the next step as soon as the last is answered): the mean step
  // latency is the residents at once over the rate (Little's law), whatever the code does.
  const meanMs = (CONCURRENCY / (r.updates / r.seconds)) * 1000;
  process.stdout.write(`  by step, p50/p99 ms, ${r.name}: ${steps.join(", ")}; mean ${meanMs.toFixed(0)} ms = ${CONCURRENCY} residents / ${(r.updates / r.seconds).toFixed(0)} updates/s\n`);
}
for (const g of replayGrowth) {
  process.stdout.write(`  replay cost, ${g.label}: step latency at flow length ${g.lengths.map((l) => `${l.updates} updates ${l.ms.toFixed(1)} ms`).join(", ")}\n`);
}
reportTargets(judged);
