// A resident sends a complete anonymous tip; officers handle the card.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Persona } from "../support/persona.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { scanForIdentity } from "../support/anonymity.js";
import { eventually } from "../support/wait.js";

describe("anonymous tip, from /start to an officer closing it", () => {
  let t: TestApp;
  let ward: Ward;
  let resident: Persona;
  let receipt: string;

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
    resident = Persona.create(t.standIn, {
      id: 987_654_321_123,
      first_name: "Nguyễn Thị",
      last_name: "Bí Mật",
      username: "resident_secret_xyz",
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("walks the resident through every step and gives a receipt", async () => {
    await resident.say("/start", /tin báo về ma túy/);
    await resident.tap("Gửi tin báo ẩn danh", /Bước 1\/6/);

    // Unexpected input mid-flow gets a hint, not a crash.
    await resident.sendSticker(/chọn bằng các nút/);
    await resident.tap("Mua bán ma túy", /✔️ Mua bán ma túy/);
    await resident.tap("Khu phố 5", /Bước 3\/6/);
    await resident.say("hẻm 12 Trần Phú, nhà trọ số 5", /Bước 4\/6/);
    await resident.tap("Trong tuần này", /Bước 5\/6/);
    await resident.sendVoice(/gõ nội dung bằng chữ/);
    // A command the flow does not take is refused as a command; the flow goes on (flow-escapes.test.ts has the ones that leave).
    await resident.say("/abc", /Lệnh \/abc chưa dùng được khi đang soạn tin báo/);
    await resident.say("Thằng nhóc tóc vàng ĐANG BÁN ĐÁ cho hoc sinh o cong truong, chạy xe Wave đỏ", /Bước 6\/6/);
    await resident.sendPhoto(/Đã nhận ảnh 1\/5/);
    await resident.sendPhoto(/Đã nhận ảnh 2\/5/);
    const review = await resident.tap("Xong", /Xem lại tin báo/);
    expect(review.message?.text).toContain("Khu phố 5");
    expect(review.message?.text).toContain("Ảnh: 2");

    // Edit one answer from the review screen.
    await resident.tap("Sửa", /phần nào/);
    await resident.tap("Thời điểm", /Bước 4\/6/);
    const again = await resident.tap("Đang diễn ra", /Xem lại tin báo/);
    expect(again.message?.text).toContain("Thời điểm: Đang diễn ra");

    const done = await resident.tap("📨 Gửi", /Mã biên nhận của bạn/);
    const match = /TB-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}/.exec(done.message?.text ?? "");
    expect(match).not.toBeNull();
    receipt = match![0];
    expect(done.message?.text).toContain("không đưa cho ai");
  });

  it("posts an urgent card with the photos re-sent, never forwarded", async () => {
    const group = ward.group(ward.officer);
    const card = await group.waitFor(/Tin báo #[2-9A-Z]{4}/, new Set());
    const text = card.text ?? "";
    expect(text.split("\n")[0]).toMatch(/KHẨN CẤP/);
    expect(text).toContain("Mua bán ma túy");
    expect(text).toContain("Khu phố 5");
    expect(text).toContain("hẻm 12 Trần Phú, nhà trọ số 5");
    expect(text).toContain("Đang diễn ra");
    expect(text).toContain("ĐANG BÁN ĐÁ");
    expect(group.buttons(card)).toEqual(expect.arrayContaining(["🙋 Tôi nhận", "⚖️ Mức độ", "🔁 Trùng", "✅ Đóng"]));

    const photos = await group.waitFor(/Ảnh kèm tin báo/, new Set());
    expect(photos.photo).toBeDefined();
    const groupMessages = t.standIn.messages(ward.groupId);
    expect(groupMessages.filter((m) => m.from_bot && m.photo).length).toBe(2);
    expect(t.standIn.callsTo("forwardMessage")).toHaveLength(0);
    expect(t.standIn.callsTo("forwardMessages")).toHaveLength(0);
    expect(text).not.toContain(receipt);
  });

  it("refuses card buttons to anyone who is not a registered officer", async () => {
    const { answer } = await ward.group(ward.bystander).tap("Tôi nhận");
    expect(answer.text).toMatch(/Chỉ cán bộ công an phường đã đăng ký/);
    expect(answer.show_alert).toBe(true);
    const card = ward.group(ward.officer).botMessages().find((m) => /Tin báo #/.test(m.text ?? ""));
    expect(card?.text).toContain("chưa ai nhận");
  });

  it("lets the officer claim, re-prioritise and close the tip", async () => {
    const officer = ward.group(ward.officer);
    const claimed = await officer.tap("Tôi nhận", /Lê Cán Bộ đã nhận/);
    expect(claimed.answer.text).toMatch(/Bạn đã nhận tin báo #/);
    expect(officer.buttons(claimed.message!)).not.toContain("🙋 Tôi nhận");

    await officer.tap("Mức độ");
    const reprioritised = await officer.tap("Cao", /Mức độ: Cao/);
    expect(reprioritised.message?.text).not.toMatch(/KHẨN CẤP/);
    // Otherwise than the bot: the card asks why, and the officer may skip it.
    expect(officer.buttons(reprioritised.message!)).toEqual(expect.arrayContaining(["Đang diễn ra", "Khác", "⏭ Bỏ qua"]));
    await officer.tap("⏭ Bỏ qua");

    await officer.tap("✅ Đóng");
    const closed = await officer.tap("Xác minh đúng", /Đã đóng — Xác minh đúng/);
    // Verified true: only what came of it can still be recorded (test/e2e/report.test.ts).
    expect(officer.buttons(closed.message!)).toContain("✔️ Xong");
    expect(officer.buttons(closed.message!)).not.toContain("⚖️ Mức độ");

    const entries = await t.app.services.db.auditEntry.findMany({ orderBy: { createdAt: "asc" } });
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["tip.submitted", "tip.claimed", "tip.priority_changed", "tip.closed"]));
    expect(entries.find((e) => e.action === "tip.submitted")?.actorMemberId).toBeNull();
  });

  it("shows the tip's history to admins only", async () => {
    const card = ward.group(ward.officer).botMessages().find((m) => /Tin báo #/.test(m.text ?? ""));
    const reference = /Tin báo #([2-9A-Z]{4})/.exec(card?.text ?? "")![1]!;
    const history = await ward.group(ward.admin).say(`/audit ${reference}`, /Lịch sử tin báo/);
    expect(history?.text).toMatch(/tip\.submitted — người báo tin \(ẩn danh\)/);
    expect(history?.text).toMatch(/tip\.claimed — Lê Cán Bộ/);
    expect(history?.text).toMatch(/tip\.closed — Lê Cán Bộ \(reason=confirmed\)/);
    await ward.group(ward.officer).say(`/audit ${reference}`, /Chỉ quản trị viên/);
  });

  it("refuses a removed officer at once", async () => {
    // The bot may not ban in this group, so the removed officer stays in it and can still press (officer-removal.test.ts covers the ban).
    t.standIn.setAdminRights(ward.groupId, t.standIn.botInfo.id, { can_restrict_members: false });
    await ward.admin.say("/officers", /Cán bộ của phường/);
    await ward.admin.tap("❌ Lê Cán Bộ", /Đã gỡ quyền của Lê Cán Bộ/);
    const resident2 = Persona.create(t.standIn, { first_name: "Hai" });
    await sendQuickTip(resident2, { category: "Dấu hiệu khác", quarter: "Không rõ", place: null, timing: "Trước đây", description: "Có mùi lạ ở bãi đất trống" });
    const { answer } = await ward.group(ward.officer).tap("Tôi nhận");
    expect(answer.text).toMatch(/Chỉ cán bộ công an phường đã đăng ký/);
  });

  it("keeps no trace of the resident anywhere an officer or a database reader could look", async () => {
    const findings = await scanForIdentity(t, resident, { exceptChats: [resident.chatId] });
    expect(findings).toEqual([]);
    await eventually(async () => expect(await t.app.services.db.conversationState.count()).toBe(0));
  });
});
