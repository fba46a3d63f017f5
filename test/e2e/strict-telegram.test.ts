// Telegram is stricter than a kind stand-in: presses whose answer comes too
// late (the bot was down), responses lost after the call took effect, people
// who never wrote to the bot. The bot still does what was asked, once.
import { afterEach, describe, expect, it } from "vitest";
import { type BotApiStandIn } from "../../src/dev/bot-api-stand-in/index.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, startTestApp, type TestApp, telegramStandIn } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard } from "../support/scenario.js";
import { eventually } from "../support/wait.js";

describe("a Telegram as strict as the real one", () => {
  const running: TestApp[] = [];
  const standIns: BotApiStandIn[] = [];
  afterEach(async () => {
    for (const t of running.splice(0)) await t.stop();
    for (const s of standIns.splice(0)) await s.stop();
  });

  async function started(s: BotApiStandIn) {
    await s.start(0);
    standIns.push(s);
    return s;
  }
  const standInOn = (clock: FakeClock) => started(telegramStandIn({ now: clock.now }));

  it("presses made while the bot was down take effect after the restart, though Telegram refuses their late answers", async () => {
    const clock = new FakeClock();
    const api = await standInOn(clock);
    const databaseUrl = await freshDatabaseUrl();
    const first = await startTestApp({ standIn: api, databaseUrl, clock });
    running.push(first);
    const ward = await setUpWard(first);
    const resident = Persona.create(api, { first_name: "Bấm", last_name: "Lúc Bot Nghỉ" });
    await sendQuickTip(resident, { category: "Mua bán", quarter: "Khu phố 2", place: null, timing: "Hôm nay", description: "Có người bán ma túy ở hẻm sau chợ" });
    const group = ward.group(ward.officer);
    const card = await group.waitFor(/Tin báo #/, new Set());
    await resident.say("/tip", /Bước 1\/6/);
    const question = resident.botMessages().findLast((m) => /Bước 1\/6/.test(m.text ?? ""))!;

    await first.stop();
    running.splice(0);
    // While the bot is down: the officer claims the card, the resident picks a category.
    const seen = resident.snapshot();
    const claim = buttonData(group, card, "Tôi nhận");
    const claimPress = api.pressButton(ward.officer.user.id, ward.groupId, card.message_id, claim);
    const categoryPress = api.pressButton(resident.user.id, resident.chatId, question.message_id, buttonData(resident, question, "Mua bán"));
    clock.advance(60_000);

    const second = await startTestApp({ standIn: api, databaseUrl, clock, logs: first.logs });
    running.push(second);
    await resident.waitFor(/Bước 2\/6/, seen);
    await eventually(async () => expect((await second.app.services.db.tip.findFirstOrThrow()).claimedByMemberId).not.toBeNull(), 10_000);
    // Telegram refused both answers as too old; neither refusal became an error for anyone.
    // Each press is answered once its work is done: wait for both answers.
    const answers = () => api.callsTo("answerCallbackQuery").filter((c) => [claimPress.callbackQueryId, categoryPress.callbackQueryId].includes(String(c.params.callback_query_id)));
    await eventually(() => expect(new Set(answers().map((c) => String(c.params.callback_query_id))).size).toBe(2), 10_000);
    expect(answers().every((c) => c.status === 400)).toBe(true);
    expect(resident.botMessages().some((m) => /lỗi/i.test(m.text ?? ""))).toBe(false);
    expect(group.botMessages().some((m) => /lỗi/i.test(m.text ?? ""))).toBe(false);
    expect(second.logs.text).not.toMatch(/query is too old[^\n]*"level":50|"level":50[^\n]*query is too old/);
  }, 60_000);

  it("a response lost after the call took effect: one tip, one card, the flow goes on, and no message is sent more than twice", async () => {
    const t = await startTestApp();
    running.push(t);
    const ward = await setUpWard(t);
    const resident = Persona.create(t.standIn, { first_name: "Mạng", last_name: "Rớt Giữa Chừng" });
    await resident.say("/tip", /Bước 1\/6/);
    t.standIn.loseResponseNext("answerCallbackQuery");
    t.standIn.loseResponseNext("sendMessage");
    await resident.tap("Mua bán", /Bước 2\/6/);
    // The person presses the first copy of the question, the one the bot never learned of.
    await resident.tap("Khu phố 6", /Bước 3\/6/);
    await resident.say("⏭ Bỏ qua", /Bước 4\/6/);
    await resident.tap("Hôm nay", /Bước 5\/6/);
    t.standIn.loseResponseNext("editMessageText");
    await resident.say("Có người bán thuốc lắc gần cổng trường mỗi tối", /Bước 6\/6/);
    await resident.tap("Bỏ qua", /Xem lại tin báo/);
    // The receipt and the card to the officers: both delivered, both answers lost.
    t.standIn.loseResponseNext("sendMessage", 1, (p) => /Đã gửi tin báo/.test(String(p.text)));
    t.standIn.loseResponseNext("sendMessage", 1, (p) => String(p.chat_id) === String(ward.groupId));
    t.standIn.loseResponseNext("answerCallbackQuery");
    await resident.tap("📨 Gửi", /Mã biên nhận/);
    const group = ward.group(ward.officer);
    await group.waitFor(/Tin báo #/, new Set(), 15_000);

    expect(t.standIn.calls.filter((c) => c.responseLost).map((c) => c.method).sort()).toEqual(["answerCallbackQuery", "answerCallbackQuery", "editMessageText", "sendMessage", "sendMessage", "sendMessage"]);
    expect(await t.app.services.db.tip.count()).toBe(1);
    // The card's lost answer is tried again after a 3 s back-off: its row is written then.
    await eventually(async () => expect(await t.app.services.db.tipCard.count()).toBe(1), 15_000);
    await eventually(async () => expect(await t.app.services.db.conversationState.count()).toBe(0), 10_000);
    for (const question of ["Bước 2/6", "Bước 3/6", "Mã biên nhận"]) {
      const copies = resident.botMessages().filter((m) => (m.text ?? "").includes(question)).length;
      expect(copies, question).toBeGreaterThanOrEqual(1);
      expect(copies, question).toBeLessThanOrEqual(2);
    }
    const cards = group.botMessages().filter((m) => /Tin báo #/.test(m.text ?? "")).length;
    expect(cards).toBeGreaterThanOrEqual(1);
    expect(cards).toBeLessThanOrEqual(2);
    // The officers act on the card the bot knows; the tip is claimed once.
    await group.tap("Tôi nhận", /đã nhận/);
    expect((await t.app.services.db.tip.findFirstOrThrow()).claimedByMemberId).not.toBeNull();
  }, 90_000);

  it("a resident tapping faster than Telegram lets a bot answer one chat: every question once, one tip", async () => {
    const t = await startTestApp({ standIn: await started(telegramStandIn({ chatRateLimits: "all" })) });
    running.push(t);
    await setUpWard(t);
    const resident = Persona.create(t.standIn, { first_name: "Bấm", last_name: "Thật Nhanh" });
    const receipt = await sendQuickTip(resident, { category: "Điểm tụ tập", quarter: "Khu phố 4", place: "Hẻm 12", timing: "Đang diễn ra", description: "Nhóm thanh niên tụ tập sử dụng ma túy trong phòng trọ" });
    expect(receipt).toMatch(/^TB-/);
    expect(t.standIn.rateLimitStats().refusedByChatLimits).toBeGreaterThan(0);
    expect(await t.app.services.db.tip.count()).toBe(1);
    for (const question of ["Bước 1/6", "Bước 2/6", "Bước 3/6", "Bước 4/6", "Bước 5/6", "Bước 6/6", "Mã biên nhận"]) {
      expect(resident.botMessages().filter((m) => (m.text ?? "").includes(question)).length, question).toBe(1);
    }
  }, 120_000);

  it("more tips in a minute than Telegram lets a bot post to a group: every resident is answered at once, every card follows", async () => {
    const t = await startTestApp({ standIn: await started(telegramStandIn({ chatRateLimits: "groups" })) });
    running.push(t);
    const ward = await setUpWard(t);
    const places = ["chợ", "bến xe", "công viên", "trường học", "cầu", "quán nước", "hẻm 5", "bãi biển", "khu trọ", "sân bóng", "nhà văn hóa", "ga"];
    const TIPS = 24;
    for (let i = 0; i < TIPS; i++) {
      const resident = Persona.create(t.standIn, { first_name: `Cư dân ${i + 1}` });
      // Each step waits at most 10 s: an answer held back by the group's limit (up to a minute) fails here.
      const receipt = await sendQuickTip(resident, {
        category: "Mua bán",
        quarter: `Khu phố ${(i % 19) + 1}`,
        place: null,
        timing: "Hôm nay",
        description: `Tin số ${i + 1}: thấy người lạ giao gói nhỏ ở ${places[i % places.length]} lúc ${(i % 12) + 1} giờ, đi xe máy màu ${i % 2 ? "đen" : "đỏ"}`,
      });
      expect(receipt, `tip ${i + 1}`).toMatch(/^TB-/);
      // And the resident's next message is answered at once too, whatever the police group is waiting for.
      await resident.say("/help", /Hướng dẫn/);
    }
    const group = ward.group(ward.officer);
    const cards = () => group.botMessages().filter((m) => /Tin báo #/.test(m.text ?? "")).length;
    await eventually(() => expect(cards()).toBe(TIPS), 120_000);
    expect(t.standIn.rateLimitStats().refusedByChatLimits).toBeGreaterThan(0);
    // A card's row is written once Telegram has answered its message.
    await eventually(async () => expect(await t.app.services.db.tipCard.count()).toBe(TIPS), 10_000);
  }, 240_000);

  it("a quarter head who never wrote to the bot is not prompted (Telegram answers 403) and is marked unreachable", async () => {
    const t = await startTestApp();
    running.push(t);
    await setUpWard(t);
    const ward = await t.app.services.db.ward.findFirstOrThrow();
    const quarter = await t.app.services.db.quarter.findFirstOrThrow({ where: { wardId: ward.id }, orderBy: { position: "asc" } });
    const stranger = Persona.create(t.standIn, { first_name: "Chưa", last_name: "Bấm Start" });
    expect(t.standIn.hasStarted(stranger.user.id)).toBe(false);
    const head = await t.app.services.db.quarterHead.create({
      data: { wardId: ward.id, quarterId: quarter.id, telegramUserId: String(stranger.user.id), displayName: "Chưa Bấm Start", role: "head" },
    });
    await t.app.services.checkIns.openNow(ward.id);
    await t.app.tick();
    expect((await t.app.services.db.quarterHead.findUniqueOrThrow({ where: { id: head.id } })).blockedAt).not.toBeNull();
    expect(stranger.botMessages()).toEqual([]);
    expect(t.standIn.callsTo("sendMessage").filter((c) => String(c.params.chat_id) === String(stranger.user.id)).map((c) => c.status)).toEqual([403]);
  }, 60_000);
});

function buttonData(persona: Persona, message: { message_id: number }, label: string): string {
  const found = persona.botMessages().find((m) => m.message_id === message.message_id);
  const markup = found?.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  const button = markup?.inline_keyboard?.flat().find((b) => b.text.includes(label));
  if (!button?.callback_data) throw new Error(`no button ${label} on message ${message.message_id}`);
  return button.callback_data;
}
