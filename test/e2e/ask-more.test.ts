// Officers ask the tipster more through the bot; the answer comes back under
// the card. Only an opted-in tipster is messaged; the others see it in /status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanForIdentity } from "../support/anonymity.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { eventually, until } from "../support/wait.js";
import { nextNotifyBatch } from "../../src/domain/notify-batches.js";

async function sendTip(resident: Persona, place: string, optIn: boolean): Promise<string> {
  const receipt = await sendQuickTip(resident, { category: "Mua bán ma túy", quarter: "Khu phố 4", place, timing: "Trong tuần này", description: `Có người bán hàng trắng ở ${place}`, optIn });
  if (optIn) expect(resident.lastBotText()).toContain("Bot sẽ nhắn cho bạn");
  return receipt!;
}

describe("asking the tipster more", () => {
  let t: TestApp;
  let ward: Ward;
  const optedIn = { receipt: "", reference: "", persona: undefined as unknown as Persona };
  const silent = { receipt: "", reference: "", persona: undefined as unknown as Persona };

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
    optedIn.persona = Persona.create(t.standIn, { id: 911_000_111, first_name: "Khánh Vy", last_name: "Tôn Nữ", username: "wants_news" });
    silent.persona = Persona.create(t.standIn, { id: 911_000_222, first_name: "Hữu Phước", last_name: "Đoàn Xá", username: "no_news" });
    optedIn.receipt = await sendTip(optedIn.persona, "hẻm 9 Lê Lợi", true);
    silent.receipt = await sendTip(silent.persona, "chợ Xóm Mới", false);
    // Cards are posted just after the receipt: wait for both.
    const group = ward.group(ward.officer);
    const cardFor = (place: string) => until(() => group.botMessages().find((m) => /Tin báo #/.test(m.text ?? "") && m.text?.includes(place)), () => `no card for ${place}`);
    optedIn.reference = /#([2-9A-Z]{4})/.exec((await cardFor("Lê Lợi")).text ?? "")![1]!;
    silent.reference = /#([2-9A-Z]{4})/.exec((await cardFor("Xóm Mới")).text ?? "")![1]!;
    expect(await t.app.services.db.notificationTarget.count()).toBe(1);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The ward's next notice time (08:00, 12:00, 17:00 local): the scheduler sends what waited for it. */
  async function atNextNoticeTime() {
    const due = nextNotifyBatch(t.clock.now(), "Asia/Ho_Chi_Minh");
    t.clock.advance(due.getTime() - t.clock.now().getTime() + 1_000);
    await t.app.tick();
  }

  async function ask(reference: string, question: string) {
    const group = ward.group(ward.officer);
    const card = group.botMessages().find((m) => m.text?.includes(`Tin báo #${reference}`) && m.reply_markup)!;
    const button = t.standIn.inlineButtons(card).find((b) => b.text === "❓ Hỏi thêm")!;
    await group.press(card.message_id, button.callback_data!, new RegExp(`Câu hỏi cho người báo tin #${reference}`));
    const prompt = group.botMessages().filter((m) => m.text?.includes(`#${reference}`) && /^❓/.test(m.text)).at(-1)!;
    t.standIn.replyTo(ward.officer.user.id, ward.groupId, prompt.message_id, question);
    await group.waitFor(new RegExp(`Đã chuyển câu hỏi cho người báo tin #${reference}`), new Set());
  }

  it("messages an opted-in tipster, who answers with the receipt; the answer lands under the card", async () => {
    const before = t.standIn.messages(optedIn.persona.chatId).length;
    await ask(optedIn.reference, "Người bán thường đến lúc mấy giờ?");
    // Not at the moment the officer picked: the phone lights up only at the ward's next notice time, silently.
    // The scheduler runs its due jobs then, and again a minute before that time: still nothing.
    await t.app.tick();
    expect(t.standIn.messages(optedIn.persona.chatId).length).toBe(before);
    t.clock.advance(Math.max(0, nextNotifyBatch(t.clock.now(), "Asia/Ho_Chi_Minh").getTime() - t.clock.now().getTime() - 60_000));
    await t.app.tick();
    expect(t.standIn.messages(optedIn.persona.chatId).length).toBe(before);
    await atNextNoticeTime();
    await optedIn.persona.waitFor(/Cán bộ có câu hỏi về tin báo của bạn/, new Set());
    const notice = t.standIn.calls.filter((c) => c.method === "sendMessage" && String((c.params as { chat_id?: unknown }).chat_id) === String(optedIn.persona.chatId)).at(-1)!;
    expect(notice.params).toMatchObject({ disable_notification: true });
    const status = await optedIn.persona.say(`/status ${optedIn.receipt}`, /Cán bộ hỏi thêm/);
    expect(status?.text).toContain("Người bán thường đến lúc mấy giờ?");
    await optedIn.persona.tap("Trả lời câu hỏi", /Gõ câu trả lời/);
    await optedIn.persona.say("Khoảng 9 giờ tối", /Đã gửi câu trả lời/);
    const answer = await ward.group(ward.officer).waitFor(new RegExp(`Người báo tin #${optedIn.reference} trả lời`), new Set());
    expect(answer.text).toContain("Khoảng 9 giờ tối");
  });

  it("does not message a tipster who did not opt in; /status shows the question", async () => {
    const before = t.standIn.messages(silent.persona.chatId).length;
    await ask(silent.reference, "Có biển số xe không?");
    expect(t.standIn.messages(silent.persona.chatId).length).toBe(before);
    await silent.persona.say(`/status ${silent.receipt}`, /Có biển số xe không\?/);
    await silent.persona.tap("Xong", /Đã xong/);
  });

  it("refuses a question from someone who is not an officer", async () => {
    const group = ward.group(ward.officer);
    const prompt = group.botMessages().filter((m) => /^❓ Câu hỏi cho người báo tin/.test(m.text ?? "")).at(-1)!;
    t.standIn.replyTo(ward.bystander.user.id, ward.groupId, prompt.message_id, "Ai báo vậy?");
    await ward.group(ward.bystander).waitFor(/Chỉ cán bộ công an phường đã đăng ký/, new Set());
    expect(await t.app.services.db.tipQuestion.count()).toBe(2);
  });

  it("lets a tipster opt out, which deletes how to reach them", async () => {
    const third = Persona.create(t.standIn, { first_name: "Tường Vi", last_name: "Khúc" });
    const receipt = await sendTip(third, "ngõ 3 Hai Bà Trưng", true);
    expect(await t.app.services.db.notificationTarget.count()).toBe(2);
    await third.say(`/status ${receipt}`, /Tình trạng tin báo/);
    await third.tap("Tắt thông báo", /Đã tắt thông báo/);
    expect(await t.app.services.db.notificationTarget.count()).toBe(1);
  });

  it("tells the opted-in tipster when the tip closes, then forgets how to reach them", async () => {
    const group = ward.group(ward.officer);
    const card = group.botMessages().find((m) => m.text?.includes(`Tin báo #${optedIn.reference}`) && m.reply_markup)!;
    await group.press(card.message_id, `c:cm:${(await t.app.services.tips.tipByReference((await t.app.services.wards.getBySlug("quy-nhon-dong"))!.id, optedIn.reference))!.id}`);
    await group.tap("Xác minh đúng", /Đã đóng — Xác minh đúng/);
    await atNextNoticeTime();
    await optedIn.persona.waitFor(/đã được xử lý xong và đóng/, new Set());
    expect(await t.app.services.db.notificationTarget.count()).toBe(0);
  });

  it("keeps both tipsters unknown, notification storage and audit rows included", async () => {
    expect(await scanForIdentity(t, optedIn.persona, { exceptChats: [optedIn.persona.chatId] })).toEqual([]);
    expect(await scanForIdentity(t, silent.persona, { exceptChats: [silent.persona.chatId] })).toEqual([]);
    const actions = (await t.app.services.db.auditEntry.findMany()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["tip.question_asked", "tip.question_answered"]));
    await eventually(async () => expect(await t.app.services.db.conversationState.count()).toBe(0));
  });

  async function closeTip(place: string, reason: string) {
    const group = ward.group(ward.officer);
    const card = await until(() => group.botMessages().find((m) => /Tin báo #/.test(m.text ?? "") && m.text?.includes(place) && m.reply_markup), () => `no card for ${place}`);
    const button = t.standIn.inlineButtons(card).find((b) => b.text === "✅ Đóng")!;
    await group.press(card.message_id, button.callback_data!);
    await group.tap(reason, new RegExp(`Đã đóng — ${reason}`));
  }

  it("forgets a tipster who blocked the bot when the tip closes, though the notice cannot go", async () => {
    const gone = Persona.create(t.standIn, { first_name: "Đã Chặn", last_name: "Bot" });
    await sendTip(gone, "bến xe Hàng Dương", true);
    expect(await t.app.services.db.notificationTarget.count()).toBe(1);
    t.standIn.blockBot(gone.user.id);
    await closeTip("bến xe Hàng Dương", "Xác minh đúng");
    await atNextNoticeTime();
    await eventually(async () => expect(await t.app.services.db.notificationTarget.count()).toBe(0));
  });

  it("keeps no way to reach the tipster of a tip filed quietly as spam", async () => {
    const first = Persona.create(t.standIn, { first_name: "Rác", last_name: "Một" });
    await sendTip(first, "cổng trường Ngô Mây", false);
    await closeTip("cổng trường Ngô Mây", "Tin rác");
    // The same text again is filed closed, with no card; the opt-in is thanked as usual but stores nothing.
    const again = Persona.create(t.standIn, { first_name: "Rác", last_name: "Hai" });
    await sendTip(again, "cổng trường Ngô Mây", true);
    expect(await t.app.services.db.tip.count({ where: { closeReason: "spam" } })).toBe(2);
    expect(await t.app.services.db.notificationTarget.count()).toBe(0);
  });

  it("the daily retention run forgets any tipster left behind by a closed tip", async () => {
    // As a process that died between closing and forgetting would leave it.
    const closed = await t.app.services.db.tip.findFirstOrThrow({ where: { status: "closed" } });
    await t.app.services.notifications.optIn(closed.id, 911_000_333);
    const open = await t.app.services.db.tip.findFirstOrThrow({ where: { status: { not: "closed" } } });
    await t.app.services.notifications.optIn(open.id, 911_000_444);
    // A tip closed today keeps its target until the closing notice has gone at the next notice time; after a day, it goes.
    t.clock.advanceHours(25);
    await t.app.purgeOldTips();
    expect(await t.app.services.notifications.target(closed.id)).toBeNull();
    expect(await t.app.services.notifications.target(open.id)).toBe("911000444");
    await t.app.services.notifications.forget(open.id);
  });
});
