// One resident's chat served by two instances at once. Two real bot processes
// on one database behind a round-robin load balancer; the Bot API stand-in
// pushes webhook updates several at a time, as Telegram does (max_connections,
// one queue per chat for messages and one per person for presses). Residents
// send a photo and tap "Xong" at the same moment, so the same chat's updates
// reach both instances at once: each must see the other's step, as within one
// process. And a resident's tip limit is counted once, whichever
// instance files the tip.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { freshDatabaseUrl, startTestApp, telegramStandIn } from "../support/harness.js";
import { type Instance, instanceProblems, type LoadBalancer, startInstance, startLoadBalancer } from "../support/instances.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip } from "../support/scenario.js";
import { eventually, until } from "../support/wait.js";

const RESIDENTS = 8;
const TIPS_PER_HOUR = 2;

describe("one chat, two instances", () => {
  const standIn = telegramStandIn();
  const instances: Instance[] = [];
  let lb: LoadBalancer;
  let db: Database;

  beforeAll(async () => {
    await standIn.start(0);
    const databaseUrl = await freshDatabaseUrl();
    const seed = await startTestApp({ standIn, databaseUrl });
    await seed.stop();
    db = createDatabase(databaseUrl);
    lb = await startLoadBalancer(instances);
    const env = {
      DATABASE_URL: databaseUrl,
      BOT_API_ROOT: standIn.url,
      WEBHOOK_URL: `${lb.url}/telegram/hook`,
      WEBHOOK_SECRET: "one-chat-two-instances-secret",
      JOB_TICK_SECONDS: "1",
      SCHEDULER_LEASE_SECONDS: "3",
      TIP_LIMIT_PER_HOUR: String(TIPS_PER_HOUR),
      // The photos' residents file one tip each; the limit's resident files more.
      TIP_LIMIT_PER_DAY: "20",
    };
    const [a, b] = await Promise.all([startInstance("A", env), startInstance("B", env)]);
    instances.push(a, b);
  }, 120_000);

  afterAll(async () => {
    for (const i of instances) if (i.child.exitCode === null) i.child.kill("SIGKILL");
    await lb?.close();
    await db?.$disconnect();
    await standIn.stop();
  });

  const problems = () => instanceProblems(instances);

  it("keeps a photo sent at the moment its resident taps Xong, and every flow goes on, while many residents write", async () => {
    const residents = Array.from({ length: RESIDENTS }, (_, i) => Persona.create(standIn, { first_name: `Dân ${i + 1}` }));
    const tipsBefore = await db.tip.count();
    const photosBefore = await db.tipPhoto.count();
    const raced = await Promise.all(
      residents.map(async (resident) => {
        await resident.say("/tip", /Bước 1\/6/);
        await resident.tap("Mua bán", /Bước 2\/6/);
        await resident.tap("Khu phố 3", /Bước 3\/6/);
        await resident.say("Quán nước đầu hẻm 12", /Bước 4\/6/);
        await resident.tap("Hôm nay", /Bước 5\/6/);
        await resident.say("Có người bán lẻ vào buổi tối", /Bước 6\/6/);
        await resident.sendPhoto(/Đã nhận ảnh 1\//);
        await resident.sendPhoto(/Đã nhận ảnh 2\//);
        // A photo and a press at the same moment: Telegram queues them apart (the chat's messages, the person's
        // presses), so they reach both instances at once.
        const seen = resident.snapshot();
        const before = Math.max(...resident.botMessages().map((m) => m.message_id));
        await Promise.all([resident.sendPhoto(), resident.tap("✅ Xong")]);
        await resident.waitFor(/Xem lại/, seen);
        // The photo's own answer: received (it came first) or "use the buttons" (it came after Xong).
        const third = await until(
          () => resident.botMessages().find((m) => m.message_id > before && /Đã nhận ảnh 3\/|Vui lòng chọn/.test(m.text ?? "")),
          () => `the third photo got no answer: ${resident.lastBotText()}\n${problems()}`,
          30_000,
        );
        await resident.tap("📨 Gửi", /Mã biên nhận/);
        return { keptThird: /Đã nhận ảnh 3\//.test(third.text ?? ""), answers: resident.botMessages().map((m) => m.text ?? m.caption ?? "") };
      }),
    );

    for (const { answers } of raced) {
      // Each step answered once, whichever instance had it; nothing failed.
      expect(answers.filter((t) => /Bước 6\/6/.test(t))).toHaveLength(1);
      expect(answers.filter((t) => /Mã biên nhận/.test(t))).toHaveLength(1);
      expect(answers.filter((t) => t.includes("đã có lỗi"))).toEqual([]);
    }
    // Each tip filed once, with every photo the resident was told was received: none dropped by a stale write.
    expect((await db.tip.count()) - tipsBefore).toBe(RESIDENTS);
    expect((await db.tipPhoto.count()) - photosBefore).toBe(raced.reduce((sum, r) => sum + 2 + (r.keptThird ? 1 : 0), 0));
    // Every flow ended, none written back after its end (the last state is deleted just after the receipt is sent).
    await eventually(async () => expect(await db.conversationState.count()).toBe(0), 10_000);
    await eventually(async () => expect(await db.chatTurn.count()).toBe(0), 10_000);
    // Both instances took part.
    expect(Math.min(lb.served.get("A") ?? 0, lb.served.get("B") ?? 0)).toBeGreaterThan(RESIDENTS);
  }, 180_000);

  it("counts a resident's tips once, whichever instance files them", async () => {
    const resident = Persona.create(standIn, { first_name: "Hay", last_name: "Báo" });
    const tipsBefore = await db.tip.count();
    const tip = { category: "Mua bán", quarter: "Khu phố 2", place: "chợ", timing: "Hôm nay", description: "Bán lẻ ở chợ sáng sớm" };
    const filed: (string | null)[] = [];
    for (let n = 0; n < TIPS_PER_HOUR; n++) {
      filed.push(await sendQuickTip(resident, tip));
      // One more update between tips: the next "Gửi" lands on the other instance (round robin).
      await resident.say("/help", /\/tip/);
    }
    expect(filed.every((r) => r !== null && /^TB-/.test(r)), `receipts: ${filed.join(", ")}`).toBe(true);
    // Each instance has filed one: counted alone, each would allow another.
    await resident.say("/tip", /nhiều tin báo trong một giờ qua/);
    await resident.say("/tip", /nhiều tin báo trong một giờ qua/);
    expect((await db.tip.count()) - tipsBefore).toBe(TIPS_PER_HOUR);
  }, 120_000);
});
