// The ward police's own lines: the ward's admin sets the hotline and address
// (/lienhephuong, or /wardcontact), checked and audited; residents then see them
// in the welcome, in /help and with their receipt, beside 113 and the other
// official channels (VNeID, the ward's tip mailbox). Before they are set, and
// once cleared, residents see the national lines only. On Zalo too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { ZaloPersona } from "../support/zalo-persona.js";

const HOTLINE = "0256 3822 113";
const ADDRESS = "12 Trần Phú, phường Quy Nhơn Đông";

describe("the ward police's hotline and address", () => {
  let t: TestApp;
  let ward: Ward;
  let resident: Persona;

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
    resident = Persona.create(t.standIn, { first_name: "Cư", last_name: "Dân Lo", username: "resident_contacts" });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("shows only the national lines before the admin sets anything", async () => {
    const welcome = (await resident.say("/start", /tin báo về ma túy/))?.text ?? "";
    const help = (await resident.say("/help", /Hướng dẫn/))?.text ?? "";
    for (const text of [welcome, help]) {
      expect(text).toContain("gọi ngay 113");
      expect(text).toContain("VNeID");
      expect(text).toContain("hòm thư tố giác");
      expect(text).not.toContain("Đường dây nóng");
    }
  });

  it("is set by the ward's admin alone, checked, and audited with the ward's value", async () => {
    await ward.officer.say(`/lienhephuong sdt ${HOTLINE}`, /Chỉ quản trị viên của phường/);
    await resident.say(`/lienhephuong sdt ${HOTLINE}`, /Chỉ quản trị viên của phường/);
    await ward.admin.say("/lienhephuong sdt 12345", /không phải số điện thoại/);
    await ward.admin.say("/lienhephuong diachi 1", /Địa chỉ/);
    await ward.admin.say("/lienhephuong thoitiet mưa", /\/lienhephuong sdt/);
    expect(await t.app.services.db.wardContact.count()).toBe(0);

    await ward.admin.say(`/lienhephuong sdt ${HOTLINE}`, /Đã lưu/);
    await ward.admin.say(`/wardcontact địa chỉ ${ADDRESS}`, /Đã lưu/);
    const shown = (await ward.admin.say("/lienhephuong", /Đường dây nóng/))?.text ?? "";
    expect(shown).toContain(HOTLINE);
    expect(shown).toContain(ADDRESS);

    const audit = await t.app.services.db.auditEntry.findMany({ where: { action: "ward.contact_set" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([
      { field: "hotline", value: HOTLINE },
      { field: "address", value: ADDRESS },
    ]);
    const admin = await t.app.services.db.member.findFirstOrThrow({ where: { role: "admin" } });
    expect(audit.every((a) => a.actorMemberId === admin.id && a.tipId === null)).toBe(true);
  });

  it("shows them to residents in the welcome, in /help and with the receipt", async () => {
    const welcome = (await resident.say("/start", /tin báo về ma túy/))?.text ?? "";
    const help = (await resident.say("/help", /Hướng dẫn/))?.text ?? "";
    expect(await sendQuickTip(resident, { category: "Dấu hiệu khác", quarter: "Khu phố 5", place: null, timing: "Trước đây", description: "Tháng trước thấy có người lạ tụ tập ở hẻm 9" })).not.toBeNull();
    const receipt = resident.lastBotText();
    expect(receipt).toContain("Mã biên nhận");
    for (const text of [welcome, help, receipt]) {
      expect(text).toContain(HOTLINE);
      expect(text).toContain(ADDRESS);
      expect(text).toContain("VNeID");
    }
    expect(welcome).toContain("gọi ngay 113");
    expect(help).toContain("gọi ngay 113");
  });

  it("goes back to the national lines once the admin clears them", async () => {
    await ward.admin.say("/lienhephuong xoa sdt", /Đã xóa/);
    const partly = (await resident.say("/start", /tin báo về ma túy/))?.text ?? "";
    expect(partly).not.toContain(HOTLINE);
    expect(partly).toContain(ADDRESS);
    await ward.admin.say("/lienhephuong xoa", /Đã xóa/);
    const welcome = (await resident.say("/start", /tin báo về ma túy/))?.text ?? "";
    expect(welcome).not.toContain(ADDRESS);
    expect(welcome).toContain("gọi ngay 113");
    expect(await t.app.services.db.wardContact.count()).toBe(0);
    const cleared = await t.app.services.db.auditEntry.findMany({ where: { action: "ward.contact_cleared" }, orderBy: { createdAt: "asc" } });
    expect(cleared.map((a) => JSON.parse(a.detail) as unknown)).toEqual([
      { field: "hotline", value: HOTLINE },
      { field: "address", value: ADDRESS },
    ]);
  });
});

describe("the ward police's lines on Zalo", () => {
  let t: TestApp;
  let ward: Ward;

  beforeAll(async () => {
    t = await startTestApp({ zalo: true });
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("shows a Zalo resident the hotline and address in the welcome and in /help, as plain text", async () => {
    await ward.admin.say(`/lienhephuong sdt ${HOTLINE}`, /Đã lưu/);
    await ward.admin.say(`/lienhephuong diachi ${ADDRESS}`, /Đã lưu/);
    const resident = ZaloPersona.create(t.zalo!, "Bà Tư Lo Lắng");
    const welcome = (await resident.say("Xin chào", /tin báo về ma túy/))?.text ?? "";
    const help = (await resident.say("/trogiup", /Hướng dẫn/))?.text ?? "";
    for (const text of [welcome, help]) {
      expect(text).toContain(HOTLINE);
      expect(text).toContain(ADDRESS);
      expect(text).toContain("gọi ngay 113");
      expect(text).not.toMatch(/<b>|&amp;/);
    }
  });
});
