// Faults: the real bot process (src/main.ts) is killed with SIGKILL at random
// moments, again and again, while residents send tips, quarter heads answer
// their check-in and the check-in prompts go out as a broadcast. People behave
// as people do: when the bot does not answer, they press or send again, and
// when a flow no longer makes sense they type /cancel and start over (told the
// receipt instead, when their "Gửi" had filed the tip). Afterwards: every tip
// exists exactly once and reached the police group, every head was prompted
// and every answer is recorded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotApiStandIn } from "../../src/dev/bot-api-stand-in/index.js";
import { currentOrNextWindow } from "../../src/domain/schedule.js";
import { createDatabase, type Database } from "../../src/db.js";
import { scheduleOf } from "../../src/services/check-ins.js";
import { Secrets } from "../../src/services/secrets.js";
import { Keyring, SEALED } from "../../src/services/keyring.js";
import { freshDatabaseUrl, startTestApp, TEST_PEPPER, TEST_TIP_KEYS, telegramStandIn, WITHOUT_TELEGRAM_PACE } from "../support/harness.js";
import { type Instance, startInstance } from "../support/instances.js";
import { Persona } from "../support/persona.js";
import { setUpWard } from "../support/scenario.js";

const KILLS = Number(process.env.KILL_NINE_KILLS ?? 50);
const RESIDENTS = 10;
const HEADS = 40;
const STEP_TIMEOUT_MS = 5_000;

type Stored = ReturnType<BotApiStandIn["messages"]>[number];

class Stuck extends Error {}

const RECEIPT = /TB-[2-9A-Z]{4}-[2-9A-Z]{4}/;

const stats = { retries: 0, flowRestarts: 0, restartsAfterSend: 0, receiptsOnCancel: 0, kills: 0, killsDuringBroadcast: 0, killsWhileReceiptInFlight: 0, killsWhilePromptInFlight: 0, holdFire: "" };

function seen(p: Persona): Set<string> {
  return new Set(p.botMessages().map((m) => `${m.message_id}\u0000${m.text ?? m.caption ?? ""}`));
}

function buttonOf(p: Persona, label: string): { messageId: number; data: string } | null {
  for (const m of [...p.botMessages()].reverse()) {
    const buttons = (m.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined)?.inline_keyboard?.flat() ?? [];
    const b = buttons.find((x) => x.text === label || x.text.includes(label));
    if (b?.callback_data) return { messageId: m.message_id, data: b.callback_data };
  }
  return null;
}

/** Does something and waits for the bot's answer; does it again if none comes (the bot may be restarting). */
async function step(p: Persona, act: () => boolean, expect: RegExp, tries = 6): Promise<Stored> {
  for (let i = 0; i < tries; i++) {
    const before = seen(p);
    if (!act()) throw new Stuck("nothing to press");
    try {
      return await p.waitFor(expect, before, STEP_TIMEOUT_MS);
    } catch {
      stats.retries++;
    }
  }
  throw new Stuck(`no ${String(expect)}`);
}

const say = (p: Persona, text: string) => () => {
  p.standIn.sendText(p.user.id, p.chatId, text);
  return true;
};
const tap = (p: Persona, label: string) => () => {
  const button = buttonOf(p, label);
  if (!button) return false;
  p.standIn.pressButton(p.user.id, p.chatId, button.messageId, button.data);
  return true;
};

/** One resident's tip, however often the bot dies under them. Returns the receipt. */
async function sendTipThroughKills(p: Persona, n: number): Promise<string> {
  let pressingSend = false;
  for (;;) {
    try {
      await step(p, say(p, "/tip"), /Bước 1\/6/);
      await step(p, tap(p, "Mua bán"), /Bước 2\/6/);
      await step(p, tap(p, `Khu phố ${(n % 19) + 1}`), /Bước 3\/6/);
      await step(p, say(p, `hẻm số ${n}`), /Bước 4\/6/);
      await step(p, tap(p, "Hôm nay"), /Bước 5\/6/);
      await step(p, say(p, `Tin báo số ${n}: có người bán hàng ở hẻm số ${n}`), /Bước 6\/6/);
      await step(p, tap(p, "Bỏ qua"), /Xem lại tin báo/);
      // "Gửi" is pressed again and again until the receipt comes: the one step that must never file twice.
      pressingSend = true;
      const done = await step(p, tap(p, "📨 Gửi"), /Mã biên nhận/, 12);
      return RECEIPT.exec(done.text ?? "")![0];
    } catch (err) {
      if (!(err instanceof Stuck)) throw err;
      if (pressingSend) stats.restartsAfterSend++;
      pressingSend = false;
      // The bot lost its place (it died between answering and saving the flow): start over, as the hint says.
      // If "Gửi" had filed the tip and only its receipt was lost, /cancel tells that receipt instead.
      stats.flowRestarts++;
      const cancelled = await step(p, say(p, "/cancel"), /hủy|Không có gì đang soạn|Mã biên nhận/, 12);
      const filedBefore = RECEIPT.exec(cancelled.text ?? "")?.[0];
      if (filedBefore) {
        stats.receiptsOnCancel++;
        return filedBefore;
      }
    }
  }
}

/** When the last kill was done; the broadcast has until two minutes after it (it cannot finish while kills keep coming). */
let killsEndedAt: number | null = null;

/** A head waits for the prompt and answers "nothing to report", again until it is recorded. */
async function answerCheckIn(p: Persona): Promise<void> {
  while (!buttonOf(p, "Không có gì mới")) {
    if (killsEndedAt !== null && Date.now() > killsEndedAt + 120_000) throw new Error(`head ${p.user.first_name} was never prompted`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await step(p, tap(p, "Không có gì mới"), /Đã ghi nhận/, 20);
}

describe("kill -9 at random moments", () => {
  // 50 kills in minutes: exactly-once is what this proves, not the pace (see WITHOUT_TELEGRAM_PACE).
  const standIn = telegramStandIn(WITHOUT_TELEGRAM_PACE);
  let db: Database;
  let databaseUrl: string;
  let instance: Instance | null = null;
  let groupId: number;
  const heads: Persona[] = [];
  const env = () => ({
    DATABASE_URL: databaseUrl,
    BOT_API_ROOT: standIn.url,
    JOB_TICK_SECONDS: "1",
    SCHEDULER_LEASE_SECONDS: "2",
    SEND_RATE_PER_SECOND: "10",
    LATE_CARD_AFTER_SECONDS: "10",
    FLOW_TIMEOUT_MINUTES: "60",
    WARD_QUARTER_COUNT: String(HEADS),
  });

  beforeAll(async () => {
    await standIn.start(0);
    databaseUrl = await freshDatabaseUrl();
    // A ward with its police group and officers, set up through the bot; then the heads.
    const seed = await startTestApp({ standIn, databaseUrl, env: { WARD_QUARTER_COUNT: String(HEADS) } });
    groupId = (await setUpWard(seed)).groupId;
    await seed.stop();
    db = createDatabase(databaseUrl);
    const ward = await db.ward.findFirstOrThrow();
    const quarters = await db.quarter.findMany({ where: { wardId: ward.id }, orderBy: { position: "asc" } });
    for (let i = 0; i < HEADS; i++) {
      // Heads joined through an invite earlier (Telegram answers 403 to anyone who never wrote to the bot).
      const head = Persona.create(standIn, { first_name: `Tổ trưởng ${i + 1}` }, { started: true });
      heads.push(head);
      await db.quarterHead.create({ data: { wardId: ward.id, quarterId: quarters[i]!.id, telegramUserId: String(head.user.id), displayName: `Tổ trưởng ${i + 1}`, role: "head" } });
    }
    const week = currentOrNextWindow(new Date(), scheduleOf(ward), ward.timezone).week;
    await db.scheduledJob.create({ data: { wardId: ward.id, key: `checkin.open:${ward.id}:${week}`, kind: "checkin.open", dueAt: new Date(), payload: JSON.stringify({ week }) } });
  }, 60_000);

  afterAll(async () => {
    if (instance?.child.exitCode === null) instance.child.kill("SIGKILL");
    await db?.$disconnect();
    await standIn.stop();
  });

  it(`${KILLS} kills across tip flows, check-ins and a broadcast: nothing lost, every tip once`, async () => {
    instance = await startInstance("bot", env());
    let working = true;
    // Prompts sent (a held call dropped by a kill never reached anyone; answered prompts are edited, so count calls).
    const promptsTo = (head: Persona) =>
      standIn.callsTo("sendMessage").filter((c) => c.status === 200 && String(c.params.chat_id) === String(head.user.id) && String(c.params.text).includes("📋")).length;
    const promptsDelivered = () => heads.reduce((n, h) => n + promptsTo(h), 0);

    // Most kills land at random; a few are aimed at the worst moments: a receipt on its way
    // (the tip is filed, the resident does not know it) and a prompt on its way (the job is claimed).
    // Both may be on their way at once: the next kill counts for each.
    const aimed = new Set<"receipt" | "prompt">();
    let wake: (() => void) | null = null;
    const aim = (what: "receipt" | "prompt") => () => {
      aimed.add(what);
      wake?.();
    };
    let holdBudgetMs = 240_000;
    standIn.holdCalls("sendMessage", (p) => String(p.text).includes("Mã biên nhận"), { ms: 2_000, times: 3, onHeld: aim("receipt") });
    standIn.holdCalls("sendMessage", (p) => String(p.text).includes("📋"), { ms: 2_000, times: 2, onHeld: aim("prompt") });
    const killer = (async () => {
      for (let k = 0; k < KILLS && working; k++) {
        // Kills faster than a restarted instance can take the scheduler over (slow starts on a loaded
        // PostgreSQL) would keep the broadcast from ever starting under fire: from halfway on, hold
        // fire until the first prompt is on its way, so that kills land during the broadcast too.
        // (Again after each kill until then: a receipt aimed at the same moment used to skip the hold.)
        if (k >= Math.floor(KILLS / 2) && promptsDelivered() === 0 && !aimed.has("prompt") && holdBudgetMs > 0) {
          const since = Date.now();
          while (aimed.size === 0 && promptsDelivered() === 0 && Date.now() < since + holdBudgetMs) await new Promise((r) => setTimeout(r, 50));
          holdBudgetMs -= Date.now() - since;
          const endedBy = aimed.size > 0 ? [...aimed].join("+") : promptsDelivered() > 0 ? "a delivered prompt" : "time";
          stats.holdFire += `${stats.holdFire ? "; " : ""}kill ${k}: ${Date.now() - since} ms, ended by ${endedBy}`;
        }
        if (aimed.size === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 150 + Math.random() * 1_200);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
        if (aimed.has("receipt")) stats.killsWhileReceiptInFlight++;
        if (aimed.has("prompt")) stats.killsWhilePromptInFlight++;
        aimed.clear();
        const prompted = promptsDelivered();
        const victim = instance;
        if (!victim) break;
        victim.child.kill("SIGKILL");
        await victim.exited;
        stats.kills++;
        if (prompted > 0 && prompted < HEADS) stats.killsDuringBroadcast++;
        instance = await startInstance("bot", env());
      }
    })();

    // Residents, three at a time, a new one after each tip, for as long as kills keep coming (at least RESIDENTS tips).
    const receipts: string[] = [];
    let next = 0;
    let killing = true;
    const lanes = [0, 1, 2].map(async () => {
      while (killing || next < RESIDENTS) {
        const n = ++next;
        const resident = Persona.create(standIn, { first_name: `Dân ${n}`, username: `kill_resident_${n}` });
        receipts.push(await sendTipThroughKills(resident, n));
      }
    });
    const killsDone = killer.finally(() => {
      killing = false;
      killsEndedAt = Date.now();
    });
    await Promise.all([killsDone, ...lanes, ...heads.map((h) => answerCheckIn(h))]);
    working = false;
    const filed = receipts.length;

    process.stdout.write(`kill -9 run: ${JSON.stringify(stats)}\n`);
    const checkInJobs = await db.scheduledJob.findMany({ where: { kind: { startsWith: "checkin." } }, select: { kind: true, status: true, attempts: true, lastError: true, dueAt: true, doneAt: true } });
    process.stdout.write(
      `check-in jobs: ${JSON.stringify(checkInJobs.filter((j) => j.kind === "checkin.open"))}; prompts ${checkInJobs.filter((j) => j.kind === "checkin.prompt").length}, first done ${checkInJobs
        .filter((j) => j.kind === "checkin.prompt" && j.doneAt)
        .map((j) => j.doneAt!.toISOString())
        .sort()[0]}\n`,
    );
    if ((await db.tip.count()) !== filed) {
      const keyring = Keyring.parse(TEST_TIP_KEYS);
      const texts = (await db.tip.findMany()).map((t) => keyring.open(SEALED.description, t.id, t.description));
      process.stdout.write(`${texts.sort().join("\n")}\n`);
    }
    // Every tip exactly once, each receipt finds its own: no tip without a receipt its resident saw.
    expect(filed).toBeGreaterThanOrEqual(RESIDENTS);
    expect(new Set(receipts).size).toBe(filed);
    expect(await db.tip.count(), `tips filed; restarts after "Gửi": ${stats.restartsAfterSend}, receipts told on /cancel: ${stats.receiptsOnCancel}`).toBe(filed);
    const secrets = new Secrets(TEST_PEPPER);
    for (const receipt of receipts) expect(await db.tip.count({ where: { receiptHash: await secrets.receiptHash(receipt) } }), receipt).toBe(1);

    // Every tip reached the police group (late ones from the scheduler's catch-up).
    const tips = await db.tip.findMany({ select: { id: true, reference: true } });
    const deadline = Date.now() + 45_000;
    const cardsOf = (reference: string) => standIn.messages(groupId).filter((m) => m.from_bot && (m.text ?? "").includes(`Tin báo #${reference}`)).length;
    while (tips.some((t) => cardsOf(t.reference) === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const missingCards = tips.filter((t) => cardsOf(t.reference) === 0).map((t) => t.reference);
    expect(missingCards).toEqual([]);
    const extraCards = tips.reduce((n, t) => n + Math.max(0, cardsOf(t.reference) - 1), 0);

    // Every head prompted (none lost) and every answer recorded once.
    const perHead = heads.map(promptsTo);
    expect(perHead.filter((n) => n === 0)).toEqual([]);
    const repeatedPrompts = perHead.reduce((n, v) => n + v - 1, 0);
    const answered = await db.checkIn.count({ where: { status: "answered" } });
    expect(answered).toBe(await db.checkIn.count());
    expect(await db.scheduledJob.count({ where: { status: "failed" } })).toBe(0);

    // Sending is at-least-once: a message sent in the instant before the kill, not yet marked done, goes again.
    // Bounded by the kills that landed while something was being sent; recorded, not hidden.
    process.stdout.write(
      `kill -9: ${stats.kills} kills (${stats.killsDuringBroadcast} during the broadcast), ${stats.retries} retried steps, ${stats.flowRestarts} flows restarted by /cancel; ` +
        `${filed} tips filed once each (${stats.receiptsOnCancel} receipts told on /cancel, after ${stats.restartsAfterSend} restarts past "Gửi"); repeated check-in prompts ${repeatedPrompts}, repeated cards ${extraCards}\n`,
    );
    expect(stats.kills).toBe(KILLS);
    // The aimed kills happened: the receipt path (the tip filed, its receipt lost) was really tried.
    expect(stats.killsWhileReceiptInFlight).toBeGreaterThanOrEqual(1);
    expect(stats.killsWhilePromptInFlight, `hold fire: ${stats.holdFire || "none"}`).toBeGreaterThanOrEqual(1);
    expect(repeatedPrompts).toBeLessThanOrEqual(stats.killsDuringBroadcast);
    // A card repeats only if a kill lands between posting it and recording it; each kill can repeat at most one.
    expect(extraCards).toBeLessThanOrEqual(Math.ceil(stats.kills / 10));
  }, 900_000);
});
