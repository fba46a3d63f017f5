// Property: whatever residents do in the tip flow — any category, place,
// coordinates, text, photos, edits, cancels, opt-ins, follow-ups, abandoned
// flows, restarts of the bot, family-help topics read first — no resident's id, username or name is found in
// any table, the log, or anything the bot sent to a chat other than the
// resident's own. 1,000 random flows through the real bot and the stand-in.
import fc from "fast-check";
import { hasWords } from "../../src/domain/text.js";
import { TIP_DESCRIPTION_MAX, TIP_PLACE_MAX } from "../../src/domain/tip.js";
import { afterAll, describe, expect, it } from "vitest";
import { scanForIdentities } from "../support/anonymity.js";
import { freshDatabaseUrl, startTestApp, type TestApp, telegramStandIn, WITHOUT_TELEGRAM_PACE } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, turnNotificationsOn } from "../support/scenario.js";
import { CATEGORIES, FAMILY_LIST, FAMILY_TOPIC_PAGES, familyVisitArb, nameArb, textOf, TIMINGS } from "../support/tip-arbitraries.js";

const FLOWS = Number(process.env.ANONYMITY_FLOWS ?? 1_000);
const CONCURRENCY = 25;
const RESTARTS = 2;

const textArb = textOf(TIP_DESCRIPTION_MAX);

const flowArb = fc.record({
  user: fc.record({
    // Ten to twelve digits, like real Telegram ids; never a prefix of another test's ids.
    id: fc.integer({ min: 7_000_000_000, max: 799_999_999_999 }),
    username: fc.option(fc.stringMatching(/^[a-z][a-z0-9_]{6,20}$/).map((s) => `zq_${s}`), { nil: undefined }),
    first_name: nameArb,
    last_name: fc.option(nameArb, { nil: undefined }),
  }),
  category: fc.nat(CATEGORIES.length - 1),
  quarter: fc.integer({ min: 0, max: 9 }), // 0: "Không rõ"
  place: fc.oneof(
    fc.record({ kind: fc.constant("text" as const), text: textOf(TIP_PLACE_MAX) }),
    fc.record({
      kind: fc.constant("location" as const),
      latitude: fc.double({ min: 13.7, max: 13.8, noNaN: true }),
      longitude: fc.double({ min: 109.2, max: 109.3, noNaN: true }),
      answer: fc.constantFrom("Đúng nơi tôi muốn báo", "Đó là chỗ tôi đang đứng"),
    }),
    fc.constant({ kind: "skip" as const }),
  ),
  timing: fc.nat(TIMINGS.length - 1),
  description: textArb,
  photos: fc.nat(3),
  ending: fc.constantFrom("submit", "submit", "submit", "edit-then-submit", "cancel", "abandon"),
  stopAtStep: fc.integer({ min: 1, max: 6 }),
  optIn: fc.boolean(),
  followUp: fc.constantFrom("none", "none", "status", "add-info"),
  extraText: textArb,
  family: familyVisitArb,
});
type Flow = typeof flowArb extends fc.Arbitrary<infer T> ? T : never;

/** Sends a description; one with no letter gets the gentle ask for words first, then the same with words. */
async function describeTip(resident: Persona, text: string, next: RegExp): Promise<void> {
  if (hasWords(text)) {
    await resident.say(text, next);
    return;
  }
  await resident.say(text, /vài chữ/);
  await resident.say(`Có người bán ${text}`.slice(0, TIP_DESCRIPTION_MAX), next);
}

async function play(resident: Persona, flow: Flow): Promise<"submitted" | "cancelled" | "abandoned"> {
  const stopHere = async (step: number) => {
    if (flow.ending === "cancel" && flow.stopAtStep === step) {
      await resident.say("/cancel", /Đã hủy/);
      return "cancelled" as const;
    }
    if (flow.ending === "abandon" && flow.stopAtStep === step) return "abandoned" as const;
    return null;
  };
  if (flow.family.topics.length > 0 || flow.family.tipFromThere) {
    await resident.say("/giupnguoithan", FAMILY_LIST);
    for (const topic of flow.family.topics) {
      const [label, page] = FAMILY_TOPIC_PAGES[topic]!;
      await resident.tap(label, page);
      await resident.tap("Các mục khác", FAMILY_LIST);
    }
  }
  if (flow.family.tipFromThere) await resident.tap("Gửi tin báo ẩn danh", /Bước 1\/6/);
  else await resident.say("/tip", /Bước 1\/6/);
  let stopped = await stopHere(1);
  if (stopped) return stopped;
  await resident.tap(CATEGORIES[flow.category]!, /Bước 2\/6/);
  if ((stopped = await stopHere(2))) return stopped;
  await resident.tap(flow.quarter === 0 ? "Không rõ" : `Khu phố ${flow.quarter}`, /Bước 3\/6/);
  if ((stopped = await stopHere(3))) return stopped;
  if (flow.place.kind === "text") await resident.say(flow.place.text, /Bước 4\/6/);
  else if (flow.place.kind === "location") {
    await resident.sendLocation(flow.place.latitude, flow.place.longitude, /nơi bạn muốn báo/);
    await resident.tap(flow.place.answer, /Bước 4\/6/);
  }
  else await resident.say("⏭ Bỏ qua", /Bước 4\/6/);
  if ((stopped = await stopHere(4))) return stopped;
  await resident.tap(TIMINGS[flow.timing]!, /Bước 5\/6/);
  if ((stopped = await stopHere(5))) return stopped;
  await describeTip(resident, flow.description, /Bước 6\/6/);
  if ((stopped = await stopHere(6))) return stopped;
  for (let i = 1; i <= flow.photos; i++) await resident.sendPhoto(new RegExp(`Đã nhận ảnh ${i}/`));
  await resident.tap(flow.photos > 0 ? "Xong" : "Bỏ qua", /Xem lại tin báo/);
  if (flow.ending === "edit-then-submit") {
    await resident.tap("Sửa", /phần nào/);
    await resident.tap("Nội dung", /Bước 5\/6/);
    await describeTip(resident, flow.extraText, /Xem lại tin báo/);
  }
  if (flow.optIn) await turnNotificationsOn(resident);
  const done = await resident.tap("📨 Gửi", /Mã biên nhận|nhiều tin báo/);
  const receipt = /TB-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(done.message?.text ?? "")?.[0];
  if (!receipt) throw new Error(`no receipt: ${resident.lastBotText()}`);
  if (flow.followUp === "status") {
    await resident.say(`/status ${receipt}`, /Đã tiếp nhận|Đang được|Đã được|Đã đóng/);
    await resident.tap("Xong", /Đã xong/);
  } else if (flow.followUp === "add-info") {
    await resident.say(`/status ${receipt}`, /Đã tiếp nhận|Đang được|Đã được/);
    await resident.tap("Bổ sung thông tin", /Gõ thông tin bổ sung/);
    await resident.say(flow.extraText.slice(0, 1000), /Đã ghi nhận/);
    await resident.tap("📨 Gửi", /Đã chuyển thông tin bổ sung/);
  }
  return "submitted";
}

describe("anonymity holds over 1,000 random tip flows", () => {
  let t: TestApp | undefined;
  // 1,000 flows in minutes: the scan is what this proves, not the pace (see WITHOUT_TELEGRAM_PACE).
  const standIn = telegramStandIn(WITHOUT_TELEGRAM_PACE);
  afterAll(async () => {
    await t?.stop();
    await standIn.stop();
  });

  it("leaves no resident id, username or name in any table, log line or message to another chat", async () => {
    await standIn.start(0);
    const env = { TIP_LIMIT_PER_HOUR: "1000", TIP_LIMIT_PER_DAY: "1000" };
    let app = await startTestApp({ standIn, databaseUrl: await freshDatabaseUrl(), env });
    t = app;
    await setUpWard(app);
    const officerChats = new Set(app.standIn.chats().map((c) => c.id));

    // One sample of 1,000 flows. A failure names the seed: ANONYMITY_SEED=<seed> replays the same flows.
    // (No shrinking: cutting down 1,000 live flows would take hours.)
    const seed = Number(process.env.ANONYMITY_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const [flows] = fc.sample(fc.uniqueArray(flowArb, { minLength: FLOWS, maxLength: FLOWS, selector: (f) => f.user.id }), { numRuns: 1, seed });
    const residents: Persona[] = [];
    // Their chat ids are in NotificationTarget on purpose (encrypted): the scan opens it and expects them there only.
    const optedIn: number[] = [];
    const outcomes = { submitted: 0, cancelled: 0, abandoned: 0 };
    const batches = Math.ceil(flows!.length / CONCURRENCY);
    const restartBefore = new Set(Array.from({ length: RESTARTS }, (_, k) => Math.floor(((k + 1) * batches) / (RESTARTS + 1))).filter((b) => b > 0));
    for (let batch = 0; batch < batches; batch++) {
      if (restartBefore.has(batch)) {
        // Restart the bot over the same database and Bot API.
        await app.stop();
        app = await startTestApp({ standIn, databaseUrl: app.databaseUrl, clock: app.clock, logs: app.logs, env });
        t = app;
      }
      const results = await Promise.all(
        flows!.slice(batch * CONCURRENCY, (batch + 1) * CONCURRENCY).map(async (flow) => {
          const resident = Persona.create(app.standIn, flow.user);
          residents.push(resident);
          try {
            const outcome = await play(resident, flow);
            if (outcome === "submitted" && flow.optIn) optedIn.push(resident.chatId);
            return outcome;
          } catch (err) {
            throw new Error(`seed ${seed}: flow of resident ${flow.user.id} failed: ${String(err)}`);
          }
        }),
      );
      for (const r of results) outcomes[r]++;
    }
    // A backup taken now holds the abandoned flows, unfinished: opened with every key, they name nobody either.
    // (A flow that just ended may still be deleting its state: at least the abandoned ones are there.)
    expect(await app.app.services.db.conversationState.count(), `seed ${seed}`).toBeGreaterThanOrEqual(outcomes.abandoned);
    const residentChats = residents.map((r) => r.chatId).filter((id) => !officerChats.has(id));
    const midway = await scanForIdentities(app, residents, { exceptChats: residentChats, optedInChats: optedIn });
    expect(midway.slice(0, 20), `seed ${seed}`).toEqual([]);

    // Abandoned flows go with the idle sweep.
    app.clock.advanceHours(2);
    await app.app.sweepIdleFlows();

    expect(outcomes.submitted, `seed ${seed}`).toBeGreaterThan(flows!.length / 2);
    expect(await app.app.services.db.tip.count(), `seed ${seed}`).toBe(outcomes.submitted);
    expect(await app.app.services.db.conversationState.count(), `seed ${seed}`).toBe(0);
    const findings = await scanForIdentities(app, residents, { exceptChats: residentChats, optedInChats: optedIn });
    expect(findings.slice(0, 20), `seed ${seed}`).toEqual([]);
  }, 900_000);
});
