// Hostile and broken input, one row each: a clear Vietnamese answer (or a
// silent refusal where answering would leak), and nothing already entered lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardButtons } from "../../src/bot/callback-data/index.js";
import { scanForIdentity, scanForNeedles } from "../support/anonymity.js";
import { startTestApp, type TestApp, WITHOUT_GROUP_PACE } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";
import { eventually } from "../support/wait.js";

type Step = 2 | 3 | 5 | 6;

const SUPER_ADMIN_ID = 990_000_002;

/** Brings a fresh resident to the given step of the tip flow (2: quarter, 3: place, 5: description, 6: photos). */
async function residentAtStep(t: TestApp, step: Step, name: string): Promise<Persona> {
  const resident = Persona.create(t.standIn, { first_name: `Zx${name}`, last_name: "Hostile", username: `hostile_${name.toLowerCase()}` });
  await resident.say("/tip", /Bước 1\/6/);
  await resident.tap("Mua bán", /Bước 2\/6/);
  if (step === 2) return resident;
  await resident.tap("Khu phố 4", /Bước 3\/6/);
  if (step === 3) return resident;
  await resident.say("chân cầu Hà Thanh", /Bước 4\/6/);
  await resident.tap("Hôm nay", /Bước 5\/6/);
  if (step === 5) return resident;
  await resident.say("Hai người giao hàng ở chân cầu lúc 22 giờ", /Bước 6\/6/);
  return resident;
}

/** Finishes the flow from the photos step and returns the review text: proof nothing entered earlier was lost. */
async function finish(resident: Persona): Promise<string> {
  const review = await resident.tap(/Xong|Bỏ qua/, /Xem lại tin báo/);
  const text = review.message?.text ?? "";
  await resident.tap("📨 Gửi", /Mã biên nhận/);
  return text;
}

const hostile: { name: string; step: Step; act: (r: Persona, t: TestApp) => Promise<unknown>; answer: RegExp; then?: "step5" | "step6" | "step3" }[] = [
  { name: "text over 4,096 characters", step: 5, act: (r) => r.say("x".repeat(4_100), /quá dài \(4.100 ký tự\)/), answer: /Tối đa 2.000 ký tự/, then: "step5" },
  // Within what Telegram carries, past what a tip holds: refused at the step, not when "Gửi" is pressed.
  { name: "text over 2,000 characters", step: 5, act: (r) => r.say("x".repeat(2_500), /quá dài \(2.500 ký tự\)/), answer: /Tối đa 2.000 ký tự/, then: "step5" },
  { name: "text of spaces only", step: 5, act: (r) => r.say("     ", /không được để trống/), answer: /không được để trống/, then: "step5" },
  // No letters: the officers would get a rank and nothing to read. Asked gently for a few words.
  { name: "only emoji", step: 5, act: (r) => r.say("😡😡💊💉", /vài chữ/), answer: /vài chữ/, then: "step5" },
  { name: "only digits and signs", step: 5, act: (r) => r.say("113 !!! 💊", /vài chữ/), answer: /vài chữ/, then: "step5" },
  { name: "a sticker instead of text", step: 5, act: (r) => r.sendSticker(/gõ nội dung bằng chữ/), answer: /không nhận nhãn dán/, then: "step5" },
  { name: "a voice note instead of text", step: 5, act: (r) => r.sendVoice(/gõ nội dung bằng chữ/), answer: /tin nhắn thoại/, then: "step5" },
  { name: "a video instead of photos", step: 6, act: (r, t) => (t.standIn.sendVideo(r.user.id, r.chatId), r.waitFor(/Video, ghi âm và nhãn dán không được nhận/, new Set())), answer: /Video/, then: "step6" },
  { name: "a contact card (a phone number) instead of a place", step: 3, act: (r, t) => (t.standIn.sendContact(r.user.id, r.chatId, "+84 905 123 456"), r.waitFor(/Vui lòng gõ địa chỉ, chỉ vị trí trên bản đồ/, new Set())), answer: /Bỏ qua/, then: "step3" },
  { name: "a text forwarded from a channel as the description", step: 5, act: (r, t) => (t.standIn.forwardFromChannel(r.user.id, r.chatId, "Bài báo: bắt giữ nhóm buôn ma túy"), r.waitFor(/Bước 6\/6/, new Set())), answer: /Bước 6\/6/ },
  { name: "50 photos", step: 6, act: async (r) => { for (let i = 0; i < 50; i++) await r.sendPhoto(i < 5 ? /Đã nhận ảnh/ : /Đã đủ 5 ảnh/); }, answer: /Đã đủ 5 ảnh/ },
  { name: "an unknown command mid-flow", step: 5, act: (r) => r.say("/hack", /đang soạn tin báo/), answer: /gõ \/cancel để thoát/, then: "step5" },
];

describe("hostile and broken input", () => {
  let t: TestApp;
  let ward: Ward;
  let superAdmin: Persona;

  beforeAll(async () => {
    // A tip for nearly every hostile input, two dozen cards in a minute: what each input gets is what this proves,
    // not the group's pace (see WITHOUT_GROUP_PACE; stopping would wait a minute for the last cards).
    t = await startTestApp({ standInOptions: WITHOUT_GROUP_PACE, env: { TIP_LIMIT_PER_HOUR: "100", TIP_LIMIT_PER_DAY: "100", SUPER_ADMIN_IDS: String(SUPER_ADMIN_ID) } });
    ward = await setUpWard(t);
    superAdmin = Persona.create(t.standIn, { id: SUPER_ADMIN_ID, first_name: "Quản Trị", last_name: "Hệ Thống" });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each(hostile)("$name: answered, and the tip still goes through with what was entered", async ({ name, step, act, answer, then }) => {
    const resident = await residentAtStep(t, step, name.replace(/[^a-z]/gi, "").slice(0, 12));
    const before = resident.botMessages().length;
    await act(resident, t);
    expect(resident.botMessages().slice(before).map((m) => m.text ?? m.caption ?? "").join("\n")).toMatch(answer);
    if (then === "step3") {
      await resident.say("chân cầu Hà Thanh", /Bước 4\/6/);
      await resident.tap("Hôm nay", /Bước 5\/6/);
    }
    if (then === "step3" || then === "step5") await resident.say("Hai người giao hàng ở chân cầu lúc 22 giờ", /Bước 6\/6/);
    const review = await finish(resident);
    expect(review).toContain("Khu phố 4");
    if (step >= 5) expect(review).toContain("chân cầu Hà Thanh");
    expect(await scanForIdentity(t, resident, { exceptChats: [resident.chatId] })).toEqual([]);
  });

  it("keeps no phone number from a contact card, while the flow is open and after: no table (sealed values opened), log line or API call has it", async () => {
    const resident = await residentAtStep(t, 3, "Phone");
    t.standIn.sendContact(resident.user.id, resident.chatId, "+84 912 345 678");
    await resident.waitFor(/Vui lòng gõ địa chỉ, chỉ vị trí trên bản đồ/, new Set());
    // The next answer is taken only once the contact card's update is in the flow's stored log.
    await resident.say("chân cầu Hà Thanh", /Bước 4\/6/);
    expect(await t.app.services.db.conversationState.count()).toBeGreaterThan(0);
    // This card's number and the one the table above sent: as typed, and without spaces or country code.
    const phones = ["912 345 678", "912345678", "905 123 456", "905123456"];
    expect(await scanForNeedles(t, phones, { exceptChats: [] })).toEqual([]);
    // Nor, while the flow is stored, who the resident is (its row's key included).
    expect(await scanForIdentity(t, resident, { exceptChats: [resident.chatId] })).toEqual([]);
    await resident.tap("Hôm nay", /Bước 5\/6/);
    await resident.say("Hai người giao hàng ở chân cầu lúc 22 giờ", /Bước 6\/6/);
    await finish(resident);
    expect(await scanForNeedles(t, phones, { exceptChats: [] })).toEqual([]);
  });

  it("a button pressed twice sends one tip", async () => {
    const resident = await residentAtStep(t, 6, "Twice");
    await resident.tap("Bỏ qua", /Xem lại tin báo/);
    const review = [...resident.botMessages()].reverse().find((m) => /Xem lại tin báo/.test(m.text ?? ""))!;
    const send = resident.buttons(review).indexOf("📨 Gửi");
    const data = (review.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat().find((b) => b.text === "📨 Gửi")!.callback_data;
    expect(send).toBeGreaterThanOrEqual(0);
    const tipsBefore = await t.app.services.db.tip.count();
    await Promise.all([resident.press(review.message_id, data), resident.press(review.message_id, data)]);
    await eventually(async () => expect(await t.app.services.db.tip.count()).toBe(tipsBefore + 1));
    // Updates in one chat are handled in order: once a later message is answered, both presses are done with.
    await resident.say("/help", /Hướng dẫn/);
    expect(await t.app.services.db.tip.count()).toBe(tipsBefore + 1);
    expect(resident.botMessages().filter((m) => /Mã biên nhận/.test(m.text ?? ""))).toHaveLength(1);
  });

  it("a button from a flow that expired two days ago says so and starts nothing", async () => {
    const resident = Persona.create(t.standIn, { first_name: "ZxOld", last_name: "Hostile" });
    const step1 = (await resident.say("/tip", /Bước 1\/6/))!;
    const pressed = (step1.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat().find((b) => b.text.includes("Mua bán"))!.callback_data;
    await resident.press(step1.message_id, pressed, /Bước 2\/6/);
    // The flow's state is written just after the bot's reply: wait until the stored state holds that press, then age it.
    // The press itself (`"data":…`), not the step-1 keyboard that offered it (`"callback_data":…`, stored since /tip):
    // waiting on the button's data alone let the sweep run before the press's write, which then brought the flow back.
    const key = t.app.services.secrets.chatKey(resident.chatId);
    await eventually(async () => expect(JSON.stringify(await t.app.services.conversations.read(key, resident.chatId))).toContain(`"data":${JSON.stringify(pressed)}`));
    t.clock.advanceHours(48);
    await t.app.sweepIdleFlows();
    expect(await t.app.services.db.conversationState.count()).toBe(0);
    await resident.tap("Khu phố 4", /hết hạn và đã được xóa/);
    expect(await t.app.services.db.conversationState.count()).toBe(0);
  });

  it("card buttons forged by the bot's own encoders are refused: a resident in private, a bystander in the group; the tip is untouched", async () => {
    const tip = await t.app.services.db.tip.findFirstOrThrow({ where: { status: { not: "closed" } }, orderBy: { createdAt: "asc" } });
    const untouched = async () => {
      const now = await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tip.id } });
      expect({ status: now.status, claimedBy: now.claimedByMemberId, priority: now.priority, closedAt: now.closedAt }).toEqual({ status: tip.status, claimedBy: tip.claimedByMemberId, priority: tip.priority, closedAt: tip.closedAt });
    };
    const resident = Persona.create(t.standIn, { first_name: "Forger" });
    const own = await resident.say("/start", /./);
    for (const data of [cardButtons.close.encode({ tipId: tip.id, reason: "confirmed" }), cardButtons.back.encode({ tipId: tip.id }), cardButtons.priority.encode({ tipId: tip.id, priority: "low" })]) {
      const { answer } = await resident.press(own!.message_id, data);
      expect(answer, data).toMatchObject({ text: expect.stringMatching(/Chỉ cán bộ công an phường đã đăng ký/) as unknown, show_alert: true });
    }
    expect(resident.botMessages().some((m) => (m.text ?? "").includes(`#${tip.reference}`))).toBe(false);
    const card = ward.group(ward.officer).botMessages().find((m) => (m.text ?? "").includes(`Tin báo #${tip.reference}`))!;
    const cardText = card.text;
    const bystanderPress = await ward.group(ward.bystander).press(card.message_id, cardButtons.claim.encode({ tipId: tip.id }));
    expect(bystanderPress.answer.text).toMatch(/Chỉ cán bộ công an phường đã đăng ký/);
    const closing = await ward.group(ward.bystander).press(card.message_id, cardButtons.close.encode({ tipId: tip.id, reason: "spam" }));
    expect(closing.answer.text).toMatch(/Chỉ cán bộ công an phường đã đăng ký/);
    await untouched();
    expect(card.text).toBe(cardText);
    expect(await t.app.services.db.spamFingerprint.count()).toBe(0);
  });

  it("an unknown command outside a flow gets the help hint", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Lạ" });
    await resident.say("/doesnotexist", /bot chưa hiểu tin nhắn này\. Gõ \/tip/);
  });

  it("a resident who blocked the bot after sending a tip does not break anything", async () => {
    const resident = await residentAtStep(t, 6, "Blocker");
    await resident.tap("Bỏ qua", /Xem lại tin báo/);
    t.standIn.blockBot(resident.user.id);
    // The resident's client still sends the press; the bot's answer gets 403 and is dropped.
    const review = [...resident.botMessages()].reverse().find((m) => /Xem lại tin báo/.test(m.text ?? ""))!;
    const data = (review.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat().find((b) => b.text === "📨 Gửi")!.callback_data;
    const before = await t.app.services.db.tip.count();
    await resident.press(review.message_id, data);
    await eventually(async () => expect(await t.app.services.db.tip.count(), t.logs.lines.filter((l) => /"level":(40|50)/.test(l)).slice(-3).join("\n")).toBe(before + 1));
    expect(t.logs.lines.join("\n")).not.toContain("hostile_blocker");
  });

  it("/admin with a wrong code is locked out after 5 tries, even with the right code, until the hour is over", async () => {
    // A second ward without an admin yet: its one-time code is the right code. (Last in this file: with two wards, /tip asks which.)
    const created = await superAdmin.say("/newward phuong-doan Phường Đoán Mã\nKhu phố A", /Đã tạo Phường Đoán Mã/);
    const rightCode = /ADM(?:-[A-Z0-9]{4}){3}/.exec(created?.text ?? "")![0];
    const adminsOf = async () => t.app.services.db.member.count({ where: { ward: { slug: "phuong-doan" }, role: "admin" } });
    const stranger = Persona.create(t.standIn, { first_name: "Đoán", last_name: "Mã" });
    for (let i = 0; i < 4; i++) await stranger.say("/admin ADM-AAAA-BBBB-CCCC", /Mã không đúng/);
    await stranger.say("/admin ADM-AAAA-BBBB-CCCC", /sai mã quá nhiều lần/);
    for (let i = 0; i < 15; i++) await stranger.say(`/admin ADM-AAAA-BBBB-CC${String(i).padStart(2, "0")}`, /sai mã quá nhiều lần/);
    await stranger.say(`/admin ${rightCode}`, /sai mã quá nhiều lần/);
    expect(await adminsOf()).toBe(0);
    t.clock.advanceHours(2);
    await stranger.say("/admin ADM-AAAA-BBBB-CCCC", /Mã không đúng/);
    await stranger.say(`/admin ${rightCode}`, /quản trị viên của Phường Đoán Mã/);
    expect(await adminsOf()).toBe(1);
  });
});
