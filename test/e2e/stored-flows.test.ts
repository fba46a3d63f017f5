// A flow's stored state, opened with every key, holds nothing of the person in
// it: not their id, names, username or language, nor a contact card's phone or
// a forward's origin — whichever flow (tip, follow-up, check-in, deadline) and
// whichever app (Telegram, Zalo). Scanned while the flows are still unfinished,
// which is when a backup would catch them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";
import { dumpDatabase } from "../support/sealed-rows.js";
import { ZaloPersona } from "../support/zalo-persona.js";
import { identityNeedles, scanForIdentity, scanForNeedles } from "../support/anonymity.js";

/** Every flow state of the database, opened, as one lowercase text. */
async function openedFlowStates(t: TestApp): Promise<string> {
  const dump = await dumpDatabase(t.app.db, t.databaseUrl);
  const flows = dump.opened.filter((v) => v.table === "ConversationState" && v.column === "value");
  expect(flows.length).toBeGreaterThan(0);
  return flows.map((v) => v.plaintext.toLowerCase()).join("\n");
}

describe("stored flow state holds nothing of the sender", () => {
  let t: TestApp;
  let ward: Ward;

  beforeAll(async () => {
    t = await startTestApp({ zalo: true });
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("a resident mid-tip who sent a contact card and a forward", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Phạm", last_name: "Thị Kín", username: "pham_kin_1968", language_code: "vi" });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    await resident.tap("Khu phố 4", /Bước 3\/6/);
    t.standIn.sendContact(resident.user.id, resident.chatId, "+84 905 777 888");
    await resident.waitFor(/gõ địa chỉ/, new Set());
    await resident.say("chân cầu Hà Thanh", /Bước 4\/6/);
    await resident.tap("Hôm nay", /Bước 5\/6/);
    t.standIn.forwardFromChannel(resident.user.id, resident.chatId, "Bài báo: bắt giữ nhóm buôn ma túy");
    await resident.waitFor(/Bước 6\/6/, new Set());

    const state = await openedFlowStates(t);
    for (const needle of [...identityNeedles(resident), "905 777 888", "905777888", "pham_kin"]) expect(state).not.toContain(needle);
    // …and the whole scan, every sealed value opened, finds nothing either.
    expect(await scanForIdentity(t, resident, { exceptChats: [resident.chatId] })).toEqual([]);
  });

  it("a resident in the middle of following a tip up", async () => {
    const first = Persona.create(t.standIn, { first_name: "Đỗ", last_name: "Văn Theo", username: "do_theo_dõi" });
    await first.say("/tip", /Bước 1\/6/);
    await first.tap("Mua bán", /Bước 2\/6/);
    await first.tap("Khu phố 2", /Bước 3\/6/);
    await first.say("⏭ Bỏ qua", /Bước 4\/6/);
    await first.tap("Hôm nay", /Bước 5\/6/);
    await first.say("Người lạ giao hàng ở đầu hẻm 7 lúc 21 giờ", /Bước 6\/6/);
    await first.tap("Bỏ qua", /Xem lại/);
    const done = await first.tap("📨 Gửi", /Mã biên nhận/);
    const receipt = /TB-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(done.message?.text ?? "")![0];
    await first.say(`/status ${receipt}`, /Tình trạng tin báo/);
    await first.tap("Bổ sung thông tin", /Gõ thông tin bổ sung/);
    await first.say("Xe máy màu đỏ", /Đã ghi nhận/);

    const state = await openedFlowStates(t);
    for (const needle of identityNeedles(first)) expect(state).not.toContain(needle);
    expect(await scanForIdentity(t, first, { exceptChats: [first.chatId] })).toEqual([]);
  });

  it("a quarter head mid-check-in and an officer mid-/deadline", async () => {
    const invite = await ward.officer.say("/invitehead 6", /Liên kết mời/);
    const payload = /start=(qh_[\w-]+)/.exec(invite?.text ?? "")![1]!;
    const head = Persona.create(t.standIn, { first_name: "Lương", last_name: "Tổ Trưởng", username: "luong_to_truong" });
    await head.say(`/start ${payload}`, /Khu phố 6/);
    await head.tap("Xác nhận", /Bạn đã được đăng ký là/);
    // The next Friday 08:00 in Vietnam (01:00 UTC) opens the week: the head starts answering.
    const now = t.clock.now();
    const friday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((5 - now.getUTCDay() + 7) % 7 || 7), 1, 1));
    t.clock.advance(friday.getTime() - now.getTime());
    await t.app.tick();
    await head.tap("Bắt đầu báo cáo tuần", /Số người nghiện ma túy đang được quản lý/);
    await head.tap("2", /sử dụng trái phép chất ma túy/);
    await ward.officer.say("/deadline", /Bước 1\/3/);

    const state = await openedFlowStates(t);
    // Staff are known on purpose (their names are in Member and QuarterHead); their flows still keep no copy.
    // (The officer's last name alone, "Cán Bộ", is also a word the bot uses: their full name, username and id are searched.)
    const officer = ward.officer.user;
    for (const needle of [...identityNeedles(head), `${officer.first_name} ${officer.last_name}`.toLowerCase(), officer.username!, String(officer.id)]) {
      expect(state).not.toContain(needle);
    }
  });

  it("a Zalo resident mid-tip", async () => {
    const resident = ZaloPersona.create(t.zalo!, "Vũ Thị Zalo Kín");
    await resident.say("Xin chào", /tin báo về ma túy/);
    await resident.say("1", /Bước 1\/6/);
    await resident.say("mua ban ma tuy", /Bước 2\/6/);

    const state = await openedFlowStates(t);
    for (const needle of [resident.user.id, resident.user.displayName.toLowerCase()]) expect(state).not.toContain(needle);
    expect(await scanForNeedles(t, [resident.user.id, resident.user.displayName], { exceptChats: [], exceptZaloChats: [resident.chatId] })).toEqual([]);
  });
});
