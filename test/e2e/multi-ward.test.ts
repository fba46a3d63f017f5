// Two wards in one deployment: a super-admin creates the second, residents
// reach each by its link (or pick from a list), and neither ward's staff can
// see or act on the other's tips, people or group — not even with forged buttons.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardButtons, removeOfficerButton, tipFlowButtons } from "../../src/bot/callback-data/index.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";
import { eventually } from "../support/wait.js";

const SUPER_ADMIN_ID = 990_000_001;

interface SecondWard {
  id: string;
  admin: Persona;
  officer: Persona;
  groupId: number;
}

describe("many wards in one deployment", () => {
  let t: TestApp;
  let a: Ward;
  let b: SecondWard;
  let superAdmin: Persona;
  let receiptB: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { SUPER_ADMIN_IDS: `${SUPER_ADMIN_ID}` } });
    a = await setUpWard(t);
    superAdmin = Persona.create(t.standIn, { id: SUPER_ADMIN_ID, first_name: "Quản Trị", last_name: "Hệ Thống" });
    const created = await superAdmin.say("/newward nhon-binh Phường Nhơn Bình\nKhu phố Một\nKhu phố Hai", /Đã tạo Phường Nhơn Bình với 2 khu phố/);
    const code = /ADM(?:-[A-Z0-9]{4}){3}/.exec(created?.text ?? "")?.[0];
    expect(created?.text).toContain("https://t.me/to_dan_test_bot?start=w_nhon-binh");
    expect(code).toBeDefined();

    const admin = Persona.create(t.standIn, { first_name: "Phạm", last_name: "Quản Trị B", username: "admin_b" });
    await admin.say(`/admin ${code}`, /quản trị viên của Phường Nhơn Bình/);
    const invite = await admin.say("/invite", /Liên kết mời cán bộ/);
    const officer = Persona.create(t.standIn, { first_name: "Võ", last_name: "Cán Bộ B", username: "officer_b" });
    await officer.say(`/start ${/start=(inv_[\w-]+)/.exec(invite?.text ?? "")![1]}`, /đã được đăng ký là cán bộ/);
    const group = t.standIn.createGroup({ title: "Công an phường Nhơn Bình", type: "supergroup" });
    // Ward A's officer sits in ward B's group too (people belong to several groups).
    for (const p of [admin, officer, a.officer, a.admin]) t.standIn.addMember(group.id, p.user.id, "member");
    await admin.in(group.id).say("/bindgroup", /đã được gắn làm nhóm công an của Phường Nhơn Bình/);
    const ward = await t.app.services.wards.getBySlug("nhon-binh");
    b = { id: ward!.id, admin, officer, groupId: group.id };
  });
  afterAll(() => t.stop());

  const tipsOf = (slug: string) => t.app.services.db.tip.findMany({ where: { ward: { slug } }, orderBy: { createdAt: "asc" } });

  it("only super-admins create wards; bad input and an existing id are explained", async () => {
    await a.admin.say("/newward x-y Phường X\nKP 1", /Chỉ quản trị hệ thống/);
    await superAdmin.say("/newward Bad Slug", /Cách dùng: dòng đầu/);
    await superAdmin.say("/newward ok-slug Phường Trùng\nKP 1\nKP 1", /Cách dùng: dòng đầu/);
    await superAdmin.say("/newward nhon-binh Phường Khác\n3", /đã có/);
    await superAdmin.say("/wardcode nhon-binh", /đã có quản trị viên/);
    const list = await superAdmin.say("/wards", /Các phường \(2\)/);
    expect(list?.text).toMatch(/Phường Nhơn Bình \(nhon-binh\) — 2 khu phố, 1 quản trị viên, 1 cán bộ/);
    expect(list?.text).toMatch(/Phường Quy Nhơn Đông \(quy-nhon-dong\) — 19 khu phố/);
  });

  it("a resident who follows ward B's link files the tip with ward B, and only B's group sees it", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Dân", last_name: "Nhơn Bình", username: "resident_nb" });
    await resident.say("/start w_nhon-binh", /tin báo về ma túy<\/b> của Phường Nhơn Bình|tin báo về ma túy của Phường Nhơn Bình/);
    await resident.tap("Gửi tin báo", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    const quarters = resident.buttons(resident.botMessages().at(-1)!);
    expect(quarters).toContain("Khu phố Một");
    expect(quarters).not.toContain("Khu phố 19");
    await resident.tap("Khu phố Hai", /Bước 3\/6/);
    await resident.say("cuối hẻm 5", /Bước 4\/6/);
    await resident.tap("Hôm nay", /Bước 5\/6/);
    await resident.say("Có người bán hàng trắng ở cuối hẻm", /Bước 6\/6/);
    const review = await resident.tap("Bỏ qua", /Xem lại tin báo/);
    expect(review.message?.text).toContain("Gửi đến: Phường Nhơn Bình");
    const done = await resident.tap("📨 Gửi", /Mã biên nhận/);
    receiptB = /TB-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(done.message?.text ?? "")![0];

    const [tip] = await tipsOf("nhon-binh");
    expect(tip).toBeDefined();
    const bGroup = b.officer.in(b.groupId);
    await bGroup.waitFor(new RegExp(`Tin báo #${tip!.reference}`), new Set());
    expect(a.group(a.officer).botMessages().some((m) => (m.text ?? "").includes(`#${tip!.reference}`))).toBe(false);
  });

  it("a resident without a link picks the ward, by button or by typing its name without marks", async () => {
    const byButton = Persona.create(t.standIn, { first_name: "Chọn", last_name: "Nút" });
    await byButton.say("/start", /tin báo về ma túy<\/b> của các phường|của các phường/);
    await byButton.say("/tip", /gửi cho phường nào/);
    await byButton.tap("Phường Quy Nhơn Đông", /Bước 1\/6/);
    await byButton.tap("Mua bán", /Bước 2\/6/);
    expect(byButton.buttons(byButton.botMessages().at(-1)!)).toContain("Khu phố 19");
    await byButton.say("/cancel", /hủy/i);

    const byName = Persona.create(t.standIn, { first_name: "Gõ", last_name: "Tên" });
    await byName.say("/tip", /gửi cho phường nào/);
    await byName.say("phuong khong co", /Không tìm thấy phường nào có tên “phuong khong co”/);
    await byName.say("nhon binh", /✔️ Phường Nhơn Bình/);
    await byName.waitFor(/Bước 1\/6/, new Set());
    await byName.tap("Mua bán", /Bước 2\/6/);
    expect(byName.buttons(byName.botMessages().at(-1)!)).toContain("Khu phố Hai");
    await byName.say("/cancel", /hủy/i);

    // A forged ward button (index outside the list) is not a choice.
    const forger = Persona.create(t.standIn, { first_name: "Giả", last_name: "Nút" });
    const question = await forger.say("/tip", /gửi cho phường nào/);
    const forged = await forger.press(question!.message_id, tipFlowButtons.ward.encode({ index: 7 }));
    expect(forged.answer.text).toMatch(/chọn bằng các nút/);
    await forger.say("/cancel", /hủy/i);
    // An unknown ward link says so instead of filing anywhere.
    await forger.say("/start w_khong-ton-tai", /không dẫn tới phường nào/);
  });

  it("ward A's officers cannot act on, look up or list ward B's tip, even with forged buttons", async () => {
    const [tipB] = await tipsOf("nhon-binh");
    const aGroup = a.group(a.officer);
    const anyMessage = aGroup.botMessages().at(-1)!;
    // Every card button, encoded as the bot encodes it, naming B's tip: refused before anything is shown or changed.
    const tipId = tipB!.id;
    const forged = [
      cardButtons.claim.encode({ tipId }),
      cardButtons.status.encode({ tipId, status: "acted" }),
      cardButtons.close.encode({ tipId, reason: "confirmed" }),
      cardButtons.priority.encode({ tipId, priority: "low" }),
      cardButtons.ask.encode({ tipId }),
      cardButtons.back.encode({ tipId }),
      cardButtons.priorityMenu.encode({ tipId }),
      cardButtons.closeMenu.encode({ tipId }),
      cardButtons.duplicateMenu.encode({ tipId }),
      cardButtons.duplicate.encode({ tipId, originalId: tipId }),
    ];
    for (const data of forged) {
      const { answer } = await aGroup.press(anyMessage.message_id, data);
      expect(answer, data).toMatchObject({ text: "⛔ Tin báo này thuộc phường khác.", show_alert: true });
    }
    // Nothing of B's card reached A's group (a menu or "back" would redraw the pressed message as B's card).
    const bTip = await t.app.services.tips.view(tipB!.id);
    for (const m of t.standIn.messages(a.groupId)) {
      for (const secret of [`#${tipB!.reference}`, bTip!.description, bTip!.placeText!]) expect(m.text ?? "", m.text).not.toContain(secret);
    }
    const after = await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tipB!.id } });
    expect(after.claimedByMemberId).toBeNull();
    expect(after.status).toBe("new");
    expect(after.priority).toBe(tipB!.priority);
    expect(await t.app.services.db.tipQuestion.count({ where: { tipId: tipB!.id } })).toBe(0);

    await aGroup.say(`/tip ${tipB!.reference}`, /Không tìm thấy tin báo/);
    await a.officer.say(`/tip ${tipB!.reference}`, /Không tìm thấy tin báo/);
    const list = await aGroup.say("/tips", /Tin báo đang mở/);
    expect(list?.text).not.toContain(tipB!.reference);
    await a.admin.say(`/audit ${tipB!.reference}`, /Cách dùng|audit/i);

    // Ward A's officer pressing B's real card in B's group is not B's officer.
    const bCard = a.officer.in(b.groupId).botMessages().find((m) => (m.text ?? "").includes(`#${tipB!.reference}`))!;
    const press = await a.officer.in(b.groupId).press(bCard.message_id, cardButtons.claim.encode({ tipId: tipB!.id }));
    expect(press.answer.text).toMatch(/Chỉ cán bộ công an phường đã đăng ký/);
    expect((await t.app.services.db.tip.findUniqueOrThrow({ where: { id: tipB!.id } })).claimedByMemberId).toBeNull();
  });

  it("ward A's admin cannot remove ward B's staff nor take over ward B's group", async () => {
    const officerB = await t.app.services.db.member.findFirstOrThrow({ where: { wardId: b.id, role: "officer" } });
    const last = a.admin.botMessages().at(-1)!;
    const { answer } = await a.admin.press(last.message_id, removeOfficerButton.encode({ memberId: officerB.id }));
    expect(answer.text).toMatch(/không thuộc phường của bạn/);
    expect((await t.app.services.db.member.findUniqueOrThrow({ where: { id: officerB.id } })).active).toBe(true);

    await a.admin.in(b.groupId).say("/bindgroup", /đã là nhóm công an của một phường khác/);
    expect((await t.app.services.wards.get(b.id))?.policeChatId).toBe(String(b.groupId));
    const officers = await a.admin.say("/officers", /Cán bộ|cán bộ/);
    expect(officers?.text).not.toContain("Cán Bộ B");
  });

  it("someone on both wards' staff sees in each group only that group's ward, and nothing in an unbound group", async () => {
    const invite = await b.admin.say("/invite", /Liên kết mời cán bộ/);
    await a.officer.say(`/start ${/start=(inv_[\w-]+)/.exec(invite?.text ?? "")![1]}`, /đã được đăng ký là cán bộ/);
    const [tipB] = await tipsOf("nhon-binh");
    const inB = await a.officer.in(b.groupId).say("/tips", /Tin báo đang mở/);
    expect(inB?.text).toContain(tipB!.reference);
    const inA = await a.group(a.officer).say("/tips", /Tin báo đang mở/);
    expect(inA?.text).not.toContain(tipB!.reference);
    await a.officer.in(b.groupId).say("/roadmap", /Phường Nhơn Bình/);

    const stray = t.standIn.createGroup({ title: "Nhóm bạn bè", type: "group" });
    t.standIn.addMember(stray.id, a.officer.user.id, "member");
    await a.officer.in(stray.id).say("/tips", /Chỉ cán bộ công an phường đã đăng ký/);
    await eventually(() => expect(t.standIn.messages(stray.id).filter((m) => m.from_bot).length).toBe(1));
  });

  it("a receipt from ward B works with no ward chosen, and what it adds reaches ward B's group only", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Theo", last_name: "Dõi" });
    const status = await resident.say(`/status ${receiptB}`, /Tình trạng tin báo của bạn/);
    expect(status?.text).not.toMatch(/Cán Bộ|Quản Trị/);
    await resident.tap("Bổ sung thông tin", /Gõ thông tin bổ sung/);
    await resident.say("Thường vào khoảng 21 giờ", /Đã ghi nhận/);
    await resident.tap("📨 Gửi", /Đã chuyển thông tin bổ sung/);
    const addendum = await b.officer.in(b.groupId).waitFor(/Thông tin bổ sung cho tin báo #/, new Set());
    expect(addendum.text).toContain("21 giờ");
    expect(t.standIn.messages(a.groupId).some((m) => (m.text ?? "").includes("21 giờ"))).toBe(false);
  });
});
