// The bot restarts in the middle of a resident's tip: the flow resumes from the
// database. Cancelling and idling out delete the stored flow.
import { afterEach, describe, expect, it } from "vitest";
import { type BotApiStandIn } from "../../src/dev/bot-api-stand-in/index.js";
import { Persona } from "../support/persona.js";
import { eventually } from "../support/wait.js";
import { freshDatabaseUrl, startTestApp, type TestApp, telegramStandIn } from "../support/harness.js";
import { FakeClock } from "../support/clock.js";

describe("tip flow state across restarts, cancel and timeout", () => {
  const running: TestApp[] = [];
  const standIns: BotApiStandIn[] = [];
  afterEach(async () => {
    for (const t of running.splice(0)) await t.stop();
    for (const s of standIns.splice(0)) await s.stop();
  });

  async function standIn() {
    const s = telegramStandIn();
    await s.start(0);
    standIns.push(s);
    return s;
  }

  it("resumes a half-written tip after the bot process restarts", async () => {
    const api = await standIn();
    const databaseUrl = await freshDatabaseUrl();
    const clock = new FakeClock();
    const first = await startTestApp({ standIn: api, databaseUrl, clock });
    running.push(first);

    const resident = Persona.create(api, { first_name: "Cư", last_name: "Dân", username: "restart_resident" });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Điểm tụ tập", /Bước 2\/6/);
    await resident.tap("Khu phố 3", /Bước 3\/6/);
    await resident.sendLocation(13.7765, 109.2237, /nơi bạn muốn báo/);
    await resident.tap("Đúng nơi tôi muốn báo", /Bước 4\/6/);
    expect(await first.app.services.db.conversationState.count()).toBe(1);

    await first.stop();
    running.splice(0);
    const second = await startTestApp({ standIn: api, databaseUrl, clock, logs: first.logs });
    running.push(second);
    expect(second.app.adminCode).toBeNull(); // printed once, when the ward was created (admin-code-and-rebind.test.ts)

    await resident.tap("Hôm nay", /Bước 5\/6/);
    await resident.say("Quán karaoke tụ tập bay lắc mỗi tối", /Bước 6\/6/);
    await resident.tap("Bỏ qua", /Xem lại tin báo/);
    await resident.tap("📨 Gửi", /Mã biên nhận của bạn/);

    const tips = await second.app.services.db.tip.findMany();
    expect(tips).toHaveLength(1);
    expect(tips[0]).toMatchObject({ category: "use_venue", timing: "today", placeText: null });
    const view = await second.app.services.tips.view(tips[0]!.id);
    expect(view?.location?.latitude).toBeCloseTo(13.7765);
    await eventually(async () => expect(await second.app.services.db.conversationState.count()).toBe(0));
    // Each of the resident's updates was handled once: one receipt, one review per pass.
    expect(resident.botMessages().filter((m) => /Mã biên nhận/.test(m.text ?? ""))).toHaveLength(1);
  });

  it("cancels with /cancel at any step and keeps nothing", async () => {
    const t = await startTestApp();
    running.push(t);
    const resident = Persona.create(t.standIn, { first_name: "Hủy", username: "cancel_resident" });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Người sử dụng", /Bước 2\/6/);
    await resident.say("/cancel", /Đã hủy/);
    // The plugin deletes the stored flow right after the handler returns.
    await eventually(async () => expect(await t.app.services.db.conversationState.count()).toBe(0));
    expect(await t.app.services.db.tip.count()).toBe(0);
    await resident.say("/cancel", /Không có gì đang soạn/);
    // The cancelled flow's buttons are edited away; pressed anyway (a client still showing them), they start nothing: the resident is told the flow is gone.
    const question = resident.botMessages().find((m) => /Bước 2\/6/.test(m.text ?? ""))!;
    expect(resident.buttons(question)).toEqual([]);
    const sent = t.standIn.callsTo("sendMessage").find((c) => /Bước 2\/6/.test(String(c.params.text)))!;
    const markup = sent.params.reply_markup;
    const keyboard = (typeof markup === "string" ? JSON.parse(markup) : markup) as { inline_keyboard: { callback_data: string }[][] };
    const { answer } = await resident.press(question.message_id, keyboard.inline_keyboard[0]![0]!.callback_data, /hết hạn và đã được xóa/);
    expect(answer.text).toBeUndefined();
    expect(await t.app.services.db.tip.count()).toBe(0);
  });

  it("deletes an abandoned flow after the idle timeout", async () => {
    const api = await standIn();
    const databaseUrl = await freshDatabaseUrl();
    const clock = new FakeClock();
    const first = await startTestApp({ standIn: api, databaseUrl, clock });
    running.push(first);
    const resident = Persona.create(api, { first_name: "Bỏ", username: "idle_resident" });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Dấu hiệu khác", /Bước 2\/6/);
    // The flow's state is written after the reply. Stopping the bot lets in-flight
    // updates finish, so the sweep below cannot race that write.
    await first.app.stop();
    const second = await startTestApp({ standIn: api, databaseUrl, clock, logs: first.logs });
    running.push(second);
    expect(await second.app.sweepIdleFlows()).toBe(0);
    clock.advance(61 * 60_000);
    expect(await second.app.sweepIdleFlows()).toBe(1);
    expect(await second.app.services.db.conversationState.count()).toBe(0);
    await resident.tap("Khu phố 2", /hết hạn/);
  });
});
