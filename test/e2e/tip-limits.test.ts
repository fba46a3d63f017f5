// A resident who floods tips is turned away politely and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip } from "../support/scenario.js";

const quickTip = (resident: Persona, n: number) =>
  sendQuickTip(resident, { category: "Dấu hiệu khác", quarter: "Không rõ", place: null, timing: "Trước đây", description: `Tin số ${n}: có người lạ hay tụ tập` });

describe("tip limits per resident", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { TIP_LIMIT_PER_HOUR: "2", TIP_LIMIT_PER_DAY: "3" } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("allows the hourly and daily number, then refuses before any question and stores nothing", async () => {
    const flooder = Persona.create(t.standIn, { first_name: "Nhiều" });
    await quickTip(flooder, 1);
    await quickTip(flooder, 2);
    await flooder.say("/tip", /nhiều tin báo trong một giờ qua/);
    expect(await t.app.services.db.tip.count()).toBe(2);

    // Someone else is not affected.
    const other = Persona.create(t.standIn, { first_name: "Khác" });
    await quickTip(other, 1);

    t.clock.advance(61 * 60_000);
    await quickTip(flooder, 3);
    await flooder.say("/tip", /nhiều tin báo trong hôm nay/);
    t.clock.advance(24 * 3_600_000);
    await flooder.say("/tip", /Bước 1\/6/);
    await flooder.say("/cancel", /Đã hủy/);
    expect(await t.app.services.db.tip.count()).toBe(4);
  });

});

describe("flood throttle", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { FLOOD_LIMIT: "8", FLOOD_WINDOW_MS: "1500" } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("drops a flood of messages mid-flow after one polite word, then carries on", async () => {
    const spammer = Persona.create(t.standIn, { first_name: "Spam" });
    await spammer.say("/tip", /Bước 1\/6/);
    const before = spammer.botMessages().length;
    for (let i = 0; i < 30; i++) t.standIn.sendText(spammer.user.id, spammer.chatId, `spam ${i}`);
    await spammer.waitFor(/gửi quá nhanh/, new Set());
    await new Promise((r) => setTimeout(r, 500));
    const replies = spammer.botMessages().length - before;
    // At most the allowed hints plus a single slow-down message, not thirty replies.
    expect(replies).toBeLessThanOrEqual(8 + 1);
    expect(spammer.botMessages().filter((m) => /gửi quá nhanh/.test(m.text ?? ""))).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1600));
    await spammer.tap("Dấu hiệu khác", /Bước 2\/6/);
    await spammer.say("/cancel", /Đã hủy/);
  });
});
