// A resident who floods tips is turned away politely and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip } from "../support/scenario.js";
import { until } from "../support/wait.js";

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
    // A window no test waits out: it ends only when the test's clock is moved past it.
    t = await startTestApp({ env: { FLOOD_LIMIT: "8", FLOOD_WINDOW_MS: "60000" } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("drops a flood of messages mid-flow after one polite word, then carries on once the window is over", async () => {
    const spammer = Persona.create(t.standIn, { first_name: "Spam" });
    await spammer.say("/tip", /Bước 1\/6/);
    const before = spammer.botMessages().length;
    const handledBefore = t.app.handledUpdates();
    for (let i = 0; i < 30; i++) t.standIn.sendText(spammer.user.id, spammer.chatId, `spam ${i}`);
    await spammer.waitFor(/gửi quá nhanh/, new Set());
    // Every one of the thirty is finished with (answered or dropped) before counting the answers.
    await until(() => t.app.handledUpdates() >= handledBefore + 30, () => `${t.app.handledUpdates() - handledBefore} of 30 updates handled`);
    const replies = spammer.botMessages().length - before;
    // At most the allowed hints plus a single slow-down message, not thirty replies.
    expect(replies).toBeLessThanOrEqual(8 + 1);
    expect(spammer.botMessages().filter((m) => /gửi quá nhanh/.test(m.text ?? ""))).toHaveLength(1);
    // Still inside the window: dropped without a word.
    t.clock.advance(59_000);
    t.standIn.sendText(spammer.user.id, spammer.chatId, "spam again");
    await until(() => t.app.handledUpdates() >= handledBefore + 31, () => "the message inside the window was not handled");
    expect(spammer.botMessages().length - before).toBe(replies);
    t.clock.advance(1_000);
    await spammer.tap("Dấu hiệu khác", /Bước 2\/6/);
    await spammer.say("/cancel", /Đã hủy/);
  });
});
