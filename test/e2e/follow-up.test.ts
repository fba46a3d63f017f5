// A resident comes back with the receipt: status in plain words, more
// information relayed under the card, still anonymous; guesses are capped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanForIdentity } from "../support/anonymity.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { eventually } from "../support/wait.js";
import { SEALED } from "../../src/services/keyring.js";

describe("follow-up with the receipt", () => {
  let t: TestApp;
  let ward: Ward;
  let resident: Persona;
  let receipt: string;

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
    resident = Persona.create(t.standIn, { id: 555_444_333_222, first_name: "Ẩn", last_name: "Danh Thật", username: "follow_secret_user" });
    receipt = (await sendQuickTip(resident, { category: "Điểm tụ tập", quarter: "Khu phố 2", place: "nhà trọ Hoa Mai", timing: "Kéo dài", description: "Người lạ ra vào ban đêm" }))!;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("tells the status in plain words, with the code typed loosely", async () => {
    await resident.say("/status TB-2222-3333", /Không tìm thấy tin báo/);
    await resident.say("/status", /Nhập mã biên nhận/);
    await resident.say(receipt.toLowerCase().replaceAll("-", " "), /Đã tiếp nhận, đang chờ cán bộ xem/);
    await resident.tap("Xong", /Đã xong/);
    await ward.group(ward.officer).tap("Tôi nhận", /đã nhận/);
    await resident.say(`/status ${receipt}`, /Đang được xác minh/);
    await resident.tap("Xong", /Đã xong/);
    await ward.group(ward.officer).tap("Đã chuyển xử lý", /Đã chuyển xử lý \(Lê Cán Bộ\)/);
    await resident.say(`/status ${receipt}`, /Đã được chuyển xử lý/);
  });

  it("relays added text and photos under the card, re-sent and anonymous", async () => {
    await resident.tap("Bổ sung thông tin", /Gõ thông tin bổ sung/);
    await resident.say("Tối qua có xe biển số 77 đậu trước cửa", /Đã ghi nhận/);
    await resident.sendPhoto(/Đã nhận ảnh 1\/5/);
    await resident.tap("📨 Gửi", /Đã chuyển thông tin bổ sung/);

    const group = ward.group(ward.officer);
    const addendum = await group.waitFor(/Thông tin bổ sung cho tin báo #/, new Set());
    expect(addendum.text).toContain("xe biển số 77");
    const card = group.botMessages().find((m) => /^Tin báo #|KHẨN|Tin báo #/.test(m.text ?? "") && m.reply_markup);
    expect(addendum.reply_to_message_id).toBe(card?.message_id);
    await eventually(() => expect(t.standIn.messages(ward.groupId).filter((m) => m.from_bot && m.photo && m.reply_to_message_id === card?.message_id)).toHaveLength(1));
    expect(t.standIn.callsTo("forwardMessage")).toHaveLength(0);
    expect(await t.app.services.db.tipAddendum.count()).toBe(1);
    // The addendum keeps the posted copy's file id, not the resident's (photos.test.ts says why).
    const posted = t.standIn.messages(ward.groupId).find((m) => m.from_bot && m.photo && m.reply_to_message_id === card?.message_id)!;
    const residents = t.standIn.messages(resident.chatId).filter((m) => !m.from_bot && m.photo).flatMap((m) => m.photo!.map((p) => p.file_id));
    const { db, keyring } = t.app.services;
    await eventually(async () => {
      const [row] = await db.tipAddendum.findMany();
      expect(JSON.parse(keyring.open(SEALED.addendumPhotos, row!.id, row!.photoFileIds))).toEqual([posted.photo!.at(-1)!.file_id]);
    });
    expect(residents.length).toBeGreaterThan(0);
    expect(residents).not.toContain(posted.photo!.at(-1)!.file_id);
  });

  it("refuses an addition that would pass 2,000 characters and keeps what was already typed", async () => {
    const first = `Biển số xe: ${"7".repeat(1480)}`;
    await resident.say(`/status ${receipt}`, /Tình trạng tin báo/);
    await resident.tap("Bổ sung thông tin", /Gõ thông tin bổ sung/);
    await resident.say(first, /Đã ghi nhận/);
    await resident.say("x".repeat(600), /tối đa 2.000 ký tự, nên đoạn vừa gõ chưa được thêm. Bạn còn 507 ký tự/);
    await resident.tap("📨 Gửi", /Đã chuyển thông tin bổ sung/);
    const added = await t.app.services.db.tipAddendum.findMany();
    const texts = await Promise.all(added.map(async (a) => (await t.app.services.tips.addendum(a.id)).text));
    expect(texts).toContain(first);
  });

  it("lists open tips for officers, filters by priority, and shows one card again", async () => {
    const group = ward.group(ward.officer);
    const reference = /Tin báo #([2-9A-Z]{4})/.exec(group.botMessages().find((m) => /Tin báo #/.test(m.text ?? ""))?.text ?? "")![1]!;
    const list = await group.say("/tips", /Tin báo đang mở: 1/);
    expect(list?.text).toContain(`#${reference}`);
    await group.tap("Khẩn cấp", /Tin báo đang mở: 0 \(lọc: Khẩn cấp/);
    await group.say("/tips 2", /Tin báo đang mở: 1 \(lọc: Tất cả, KP 2/);
    await group.say("/tips 3", /Tin báo đang mở: 0 \(lọc: Tất cả, KP 3/);
    await group.tap("Đã có người nhận", /Tin báo đang mở: 0 \(lọc: Tất cả, KP 3, 🙋 Đã có người nhận/);
    await group.say(`/tip ${reference}`, new RegExp(`Tin báo #${reference}`));
    await Persona.create(t.standIn, { first_name: "Tò Mò" }).say("/tips", /Chỉ cán bộ/);
  });

  it("refuses additions once the tip is closed", async () => {
    await ward.group(ward.officer).tap("✅ Đóng");
    await ward.group(ward.officer).tap("Không có cơ sở", /Đã đóng/);
    const status = await resident.say(`/status ${receipt}`, /Đã đóng/);
    expect(resident.buttons(status!)).toEqual([]);
  });

  it("lets the receipt expire 90 days after closing", async () => {
    t.clock.advance(89 * 86_400_000);
    await t.app.tick();
    await resident.say(`/status ${receipt}`, /Đã đóng/);
    t.clock.advance(2 * 86_400_000);
    await t.app.tick();
    await resident.say(`/status ${receipt}`, /không còn tồn tại/);
    expect(await t.app.services.db.tip.count({ where: { receiptHash: null } })).toBe(1);
  });

  it("locks a chat out after 10 wrong guesses in an hour, a valid receipt included; other chats, and this one after the hour, are answered", async () => {
    // A tip still open: its receipt is valid, so only the lock can refuse it.
    const owner = Persona.create(t.standIn, { first_name: "Chủ", last_name: "Mã" });
    const valid = (await sendQuickTip(owner, { category: "Mua bán", quarter: "Khu phố 6", place: "ngã ba chợ", timing: "Hôm nay", description: "Giao hàng ở ngã ba chợ" }))!;
    const guesser = Persona.create(t.standIn, { first_name: "Đoán" });
    const wrong = (i: number) => `/status TB-2222-${String(3000 + i).replace(/[01]/g, "2")}`;
    for (let i = 0; i < 9; i++) await guesser.say(wrong(i), /Không tìm thấy/);
    // Nine wrong guesses do not lock yet.
    await guesser.say(`/status ${valid}`, /Đã tiếp nhận, đang chờ cán bộ xem/);
    await guesser.tap("Xong", /Đã xong/);
    await guesser.say(wrong(9), /Không tìm thấy/);
    // The tenth did: the valid code is refused now, as a wrong one would be.
    await guesser.say(`/status ${valid}`, /quá nhiều lần/);
    await guesser.say(wrong(10), /quá nhiều lần/);
    // The lock is this chat's: the owner reads the same code meanwhile.
    await owner.say(`/status ${valid}`, /Đã tiếp nhận, đang chờ cán bộ xem/);
    await owner.tap("Xong", /Đã xong/);
    // Still locked just inside the hour; answered once it has passed.
    t.clock.advance(60 * 60_000 - 1_000);
    await guesser.say(`/status ${valid}`, /quá nhiều lần/);
    t.clock.advance(2_000);
    await guesser.say(`/status ${valid}`, /Đã tiếp nhận, đang chờ cán bộ xem/);
    await guesser.tap("Xong", /Đã xong/);
  });

  it("keeps the resident unknown across tip, follow-up and addendum", async () => {
    expect(await scanForIdentity(t, resident, { exceptChats: [resident.chatId] })).toEqual([]);
    await eventually(async () => expect(await t.app.services.db.conversationState.count()).toBe(0));
  });
});
