// The anonymity property over Zalo: random tip flows typed as Zalo residents
// would (numbers or words for the choices, pictures, cancels, abandoned flows,
// follow-ups, restarts of the bot), then no resident's Zalo id or display name
// is found in any table, log line, Telegram call, or Zalo message to anyone else.
import fc from "fast-check";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { TIP_DESCRIPTION_MAX, TIP_PLACE_MAX } from "../../src/domain/tip.js";
import { ZaloStandIn } from "../../src/dev/zalo-stand-in/index.js";
import { scanForNeedles } from "../support/anonymity.js";
import { freshDatabaseUrl, startTestApp, type TestApp, telegramStandIn, WITHOUT_TELEGRAM_PACE } from "../support/harness.js";
import { setUpWard } from "../support/scenario.js";
import { CATEGORIES, nameArb, textOf, TIMINGS } from "../support/tip-arbitraries.js";
import { choose, ZaloPersona } from "../support/zalo-persona.js";

const FLOWS = Number(process.env.ZALO_ANONYMITY_FLOWS ?? 200);
const CONCURRENCY = 20;
const RESTARTS = 1;

// Free text must not be taken for a choice: it starts with words no label has.
const freeText = (max: number) => textOf(max, "ghi chú ");

const flowArb = fc.record({
  user: fc.record({ id: fc.stringMatching(/^[0-9a-f]{20}$/), displayName: fc.tuple(nameArb, nameArb).map(([a, b]) => `${a} ${b}`) }),
  by: fc.constantFrom("number" as const, "words" as const),
  category: fc.nat(CATEGORIES.length - 1),
  quarter: fc.integer({ min: 0, max: 9 }),
  place: fc.option(freeText(TIP_PLACE_MAX), { nil: null }),
  timing: fc.nat(TIMINGS.length - 1),
  description: freeText(TIP_DESCRIPTION_MAX),
  photos: fc.nat(2),
  ending: fc.constantFrom("submit", "submit", "submit", "cancel", "abandon"),
  stopAtStep: fc.integer({ min: 1, max: 6 }),
  optIn: fc.boolean(),
  followUp: fc.constantFrom("none", "status", "add-info"),
  extraText: freeText(1000),
});
type Flow = typeof flowArb extends fc.Arbitrary<infer T> ? T : never;

async function play(resident: ZaloPersona, flow: Flow, picture: Buffer): Promise<"submitted" | "cancelled" | "abandoned"> {
  const stopHere = async (step: number) => {
    if (flow.ending === "cancel" && flow.stopAtStep === step) {
      await resident.say("/cancel", /Đã hủy/);
      return "cancelled" as const;
    }
    if (flow.ending === "abandon" && flow.stopAtStep === step) return "abandoned" as const;
    return null;
  };
  await resident.say("/tip", /Bước 1\/6/);
  let stopped = await stopHere(1);
  if (stopped) return stopped;
  await choose(resident, CATEGORIES[flow.category]!, /Bước 2\/6/, flow.by);
  if ((stopped = await stopHere(2))) return stopped;
  await choose(resident, flow.quarter === 0 ? "Không rõ" : `Khu phố ${flow.quarter}`, /Bước 3\/6/, flow.by);
  if ((stopped = await stopHere(3))) return stopped;
  if (flow.place) await resident.say(flow.place, /Bước 4\/6/);
  else await choose(resident, "Bỏ qua", /Bước 4\/6/, flow.by);
  if ((stopped = await stopHere(4))) return stopped;
  await choose(resident, TIMINGS[flow.timing]!, /Bước 5\/6/, flow.by);
  if ((stopped = await stopHere(5))) return stopped;
  await resident.say(flow.description, /Bước 6\/6/);
  if ((stopped = await stopHere(6))) return stopped;
  for (let i = 1; i <= flow.photos; i++) await resident.sendImage(picture, undefined, new RegExp(`Đã nhận ảnh ${i}/`));
  // A lone "Xong" under the photo count is typed as its word.
  if (flow.photos > 0) await resident.say("xong", /Xem lại tin báo/);
  else await choose(resident, "Bỏ qua", /Xem lại tin báo/, flow.by);
  if (flow.optIn) await choose(resident, "Nhận thông báo: Tắt", /Nhận thông báo: Bật/, "number");
  const done = await choose(resident, "Gửi", /Mã biên nhận|nhiều tin báo/, "number");
  const receipt = /TB-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(done?.text ?? "")?.[0];
  if (!receipt) throw new Error(`no receipt: ${resident.lastBotText()}`);
  if (flow.followUp === "status") {
    await resident.say(`/status ${receipt}`, /Đã tiếp nhận|Đang được|Đã được|Đã đóng/);
    await choose(resident, "Xong", /Đã xong/, flow.by);
  } else if (flow.followUp === "add-info") {
    await resident.say(`/status ${receipt}`, /Đã tiếp nhận|Đang được|Đã được/);
    await choose(resident, "Bổ sung thông tin", /Gõ thông tin bổ sung/, flow.by);
    await resident.say(flow.extraText, /Đã ghi nhận/);
    await resident.say("gửi", /Đã chuyển thông tin bổ sung/);
  }
  return "submitted";
}

describe(`anonymity holds over ${FLOWS} random tip flows on Zalo`, () => {
  let t: TestApp | undefined;
  // hundreds of flows in minutes: the scan is what this proves, not the pace (see WITHOUT_TELEGRAM_PACE).
  const standIn = telegramStandIn(WITHOUT_TELEGRAM_PACE);
  let zalo: ZaloStandIn | undefined;
  afterAll(async () => {
    await t?.stop();
    await standIn.stop();
    await zalo?.stop();
  });

  it("leaves no Zalo id or display name in any table, log line, or message to anyone else", async () => {
    await standIn.start(0);
    zalo = await ZaloStandIn.start();
    const env = { TIP_LIMIT_PER_HOUR: "1000", TIP_LIMIT_PER_DAY: "1000" };
    let app = await startTestApp({ standIn, zalo, databaseUrl: await freshDatabaseUrl(), env });
    t = app;
    await setUpWard(app);
    const picture = await sharp({ create: { width: 64, height: 48, channels: 3, background: "gray" } })
      .jpeg()
      .withExif({ IFD0: { Artist: "Zq Secret Owner" } })
      .toBuffer();

    const seed = Number(process.env.ANONYMITY_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const [flows] = fc.sample(fc.uniqueArray(flowArb, { minLength: FLOWS, maxLength: FLOWS, selector: (f) => f.user.id }), { numRuns: 1, seed });
    const residents: ZaloPersona[] = [];
    // Their chat ids are in NotificationTarget on purpose (encrypted): the scan opens it and expects them there only.
    const optedIn: string[] = [];
    const outcomes = { submitted: 0, cancelled: 0, abandoned: 0 };
    const batches = Math.ceil(flows!.length / CONCURRENCY);
    const restartBefore = new Set(Array.from({ length: RESTARTS }, (_, k) => Math.floor(((k + 1) * batches) / (RESTARTS + 1))).filter((b) => b > 0));
    for (let batch = 0; batch < batches; batch++) {
      if (restartBefore.has(batch)) {
        await app.stop();
        app = await startTestApp({ standIn, zalo, databaseUrl: app.databaseUrl, clock: app.clock, logs: app.logs, env });
        t = app;
      }
      const results = await Promise.all(
        flows!.slice(batch * CONCURRENCY, (batch + 1) * CONCURRENCY).map(async (flow) => {
          const resident = ZaloPersona.create(zalo!, flow.user.displayName, flow.user.id);
          residents.push(resident);
          try {
            const outcome = await play(resident, flow, picture);
            if (outcome === "submitted" && flow.optIn) optedIn.push(`z:${resident.chatId}`);
            return outcome;
          } catch (err) {
            throw new Error(`seed ${seed}: flow of Zalo resident ${flow.user.id} failed: ${String(err)}`);
          }
        }),
      );
      for (const r of results) outcomes[r]++;
    }
    // A backup taken now holds the abandoned flows, unfinished: opened with every key, they name nobody either.
    const needles = residents.flatMap((r) => [r.user.id, ...r.user.displayName.split(" ")]);
    // (A flow that just ended may still be deleting its state: at least the abandoned ones are there.)
    expect(await app.app.services.db.conversationState.count(), `seed ${seed}`).toBeGreaterThanOrEqual(outcomes.abandoned);
    const midway = await scanForNeedles(app, needles, { exceptChats: [], exceptZaloChats: residents.map((r) => r.chatId), optedInChats: optedIn });
    expect(midway.slice(0, 20), `seed ${seed}`).toEqual([]);

    app.clock.advanceHours(2);
    await app.app.sweepIdleFlows();

    expect(outcomes.submitted, `seed ${seed}`).toBeGreaterThan(flows!.length / 3);
    expect(await app.app.services.db.tip.count(), `seed ${seed}`).toBe(outcomes.submitted);
    expect(await app.app.services.db.conversationState.count(), `seed ${seed}`).toBe(0);
    const findings = await scanForNeedles(app, needles, { exceptChats: [], exceptZaloChats: residents.map((r) => r.chatId), optedInChats: optedIn });
    expect(findings.slice(0, 20), `seed ${seed}`).toEqual([]);
  }, 600_000);
});
