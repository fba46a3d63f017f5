import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Persona } from "../support/persona.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { sendQuickTip } from "../support/scenario.js";

describe("onboarding: admin code, invites, police group", () => {
  let t: TestApp;
  let admin: Persona;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("accepts the admin code once", async () => {
    const stranger = Persona.create(t.standIn, { first_name: "Lạ" });
    await stranger.say("/admin ADM-2222-3333-4444", /Mã không đúng/);
    await stranger.say("/invite", /Chỉ quản trị viên/);

    admin = Persona.create(t.standIn, { first_name: "Admin" });
    await admin.say(`/admin ${t.adminCode}`, /quản trị viên của/);
    const other = Persona.create(t.standIn, { first_name: "Khác" });
    await other.say(`/admin ${t.adminCode}`, /Mã không đúng hoặc đã được dùng/);
    expect(await t.app.services.db.member.count({ where: { role: "admin" } })).toBe(1);
  });

  it("makes invite links single-use and expiring", async () => {
    const first = await admin.say("/invite", /Liên kết mời/);
    const payload = /start=(inv_[\w-]+)/.exec(first?.text ?? "")![1]!;

    const officer = Persona.create(t.standIn, { first_name: "Cán bộ" });
    await officer.say(`/start ${payload}`, /đã được đăng ký là cán bộ/);
    const sneaky = Persona.create(t.standIn, { first_name: "Người khác" });
    await sneaky.say(`/start ${payload}`, /đã được sử dụng/);
    await sneaky.say("/start inv_not-a-real-token", /không hợp lệ/);

    const second = await admin.say("/invite", /Liên kết mời/);
    const late = /start=(inv_[\w-]+)/.exec(second?.text ?? "")![1]!;
    t.clock.advanceHours(73);
    await sneaky.say(`/start ${late}`, /hết hạn/);
    expect(await t.app.services.db.member.count()).toBe(2);
  });

  it("refuses a quarter head's or an agency's link presented as a staff invite, and the reverse", async () => {
    // The three kinds share one table of token hashes; the prefix a link is sent with must not change its kind.
    const headLink = await admin.say("/invitehead 2", /Liên kết mời/);
    const headToken = /start=qh_([\w-]+)/.exec(headLink?.text ?? "")![1]!;
    const agencyLink = await admin.say("/inviteagency 1", /Liên kết mời người báo cáo/);
    const agencyToken = /start=ag_([\w-]+)/.exec(agencyLink?.text ?? "")![1]!;
    const staffLink = await admin.say("/invite", /Liên kết mời/);
    const staffToken = /start=inv_([\w-]+)/.exec(staffLink?.text ?? "")![1]!;
    const members = await t.app.services.db.member.count();

    const climber = Persona.create(t.standIn, { first_name: "Leo Quyền" });
    await climber.say(`/start inv_${headToken}`, /không hợp lệ/);
    await climber.say(`/start inv_${agencyToken}`, /không hợp lệ/);
    await climber.say(`/start qh_${staffToken}`, /không hợp lệ/);
    await climber.say(`/start ag_${staffToken}`, /không hợp lệ/);
    await climber.say(`/start qh_${agencyToken}`, /không hợp lệ/);
    await climber.say(`/start ag_${headToken}`, /không hợp lệ/);
    expect(await t.app.services.db.member.count()).toBe(members);
    expect(await t.app.services.members.memberships(String(climber.user.id))).toEqual([]);
    expect(await t.app.services.db.quarterHead.count({ where: { telegramUserId: String(climber.user.id) } })).toBe(0);
    expect(await t.app.services.db.agencyContact.count({ where: { telegramUserId: String(climber.user.id) } })).toBe(0);
    expect(await t.app.services.db.invite.count({ where: { usedAt: { not: null }, role: { not: "officer" } } })).toBe(0);

    // Each link still works for its own kind: the refusals used none of them up.
    const head = Persona.create(t.standIn, { first_name: "Tổ trưởng" });
    await head.say(`/start qh_${headToken}`, /Khu phố 2/);
    await head.tap("Xác nhận", /Bạn đã được đăng ký là/);
    const contact = Persona.create(t.standIn, { first_name: "Người báo cáo" });
    await contact.say(`/start ag_${agencyToken}`, /Bạn được mời làm người báo cáo/);
    await contact.tap("Xác nhận", /Bạn là người báo cáo của/);
    expect(await t.app.services.db.member.count()).toBe(members);
    const newOfficer = Persona.create(t.standIn, { first_name: "Cán bộ mới" });
    await newOfficer.say(`/start inv_${staffToken}`, /đã được đăng ký là cán bộ/);
    expect(await t.app.services.db.member.count()).toBe(members + 1);
  });

  it("binds the police group only for an admin, and posts tips that waited", async () => {
    const group = t.standIn.createGroup({ title: "CAP", type: "supergroup" });
    const officerRow = await t.app.services.db.member.findFirstOrThrow({ where: { role: "officer" } });
    const officer = new Persona(t.standIn, { id: Number(officerRow.telegramUserId), is_bot: false, first_name: "Cán bộ" }, group.id);
    await officer.say("/bindgroup", /Chỉ quản trị viên/);

    // A tip sent before any group is bound is stored, and posted on binding.
    const resident = Persona.create(t.standIn, { first_name: "Sớm" });
    expect(await sendQuickTip(resident, { category: "Trồng cây", quarter: "Không rõ", place: null, timing: "Trước đây", description: "Có người trồng cây cần sa ven sông" })).not.toBeNull();

    const inGroup = admin.in(group.id);
    await inGroup.say("/bindgroup", /đã được gắn làm nhóm công an/);
    const card = await inGroup.waitFor(/Tin báo #/, new Set());
    expect(card.text).toContain("Trồng cây có chứa chất ma túy");
  });
});
