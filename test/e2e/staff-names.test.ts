// How staff are named: Vietnamese fill Telegram's first and last name either
// way, so whoever accepts an invite is shown the name both ways round and
// picks (or types) the one they want; /ten changes it later. That one name is
// what cards, /officers, /heads, /contacts and /audit show.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { until } from "../support/wait.js";

describe("staff names", () => {
  let t: TestApp;
  let ward: Ward;
  let officer: Persona;
  let head: Persona;
  let contact: Persona;

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("an officer who filled Telegram's names the Western way picks the Vietnamese order in one tap", async () => {
    const invite = await ward.admin.say("/invite", /Liên kết mời cán bộ/);
    officer = Persona.create(t.standIn, { first_name: "An", last_name: "Lê Văn" });
    await officer.say(`/start ${/start=(inv_[\w-]+)/.exec(invite?.text ?? "")![1]}`, /đã được đăng ký là cán bộ/);
    const offer = await officer.waitFor(/Tên của bạn/, new Set());
    expect(officer.buttons(offer)).toEqual(expect.arrayContaining(["An Lê Văn", "Lê Văn An"]));
    await officer.tap("Lê Văn An", /Tên hiển thị: Lê Văn An/);
    const list = await ward.admin.say("/officers", /Lê Văn An/);
    expect(list?.text).not.toContain("An Lê Văn");

    await sendQuickTip(Persona.create(t.standIn, { first_name: "Dân" }), { category: "Mua bán ma túy", quarter: "Khu phố 2", place: null, timing: "Hôm nay", description: "Có người bán ma túy ở hẻm 3" });
    const group = officer.in(ward.groupId);
    await until(() => group.botMessages().find((m) => /Tin báo #/.test(m.text ?? "")), () => "no card");
    await group.tap("Tôi nhận", /Lê Văn An đã nhận/);
  });

  it("/ten changes the name everywhere it is shown, and /audit names the new one", async () => {
    await officer.say("/ten nguyễn   thị bích", /Tên hiển thị: Nguyễn Thị Bích/);
    await ward.admin.say("/officers", /Nguyễn Thị Bích/);
    const group = officer.in(ward.groupId);
    await group.tap("Đã chuyển xử lý", /Đã chuyển xử lý \(Nguyễn Thị Bích\)/);
    const reference = /Tin báo #([2-9A-Z]{4})/.exec(group.botMessages().find((m) => /Tin báo #/.test(m.text ?? ""))?.text ?? "")![1]!;
    const audit = await ward.admin.say(`/audit ${reference}`, /Nguyễn Thị Bích/);
    expect(audit?.text).not.toMatch(/An Lê Văn|Lê Văn An/);
    const renamed = await t.app.services.db.auditEntry.count({ where: { action: "staff.renamed" } });
    expect(renamed).toBeGreaterThan(0);
  });

  it("refuses a name that is no name, and /ten from someone who is not staff", async () => {
    await officer.say("/ten 😀😀", /Cách dùng: \/ten/);
    await officer.say("/ten <b>x</b>", /Cách dùng: \/ten/);
    await officer.say(`/ten ${"A".repeat(70)}`, /Cách dùng: \/ten/);
    await Persona.create(t.standIn, { first_name: "Dân", last_name: "Thường" }).say("/ten Dân Thường", /lệnh này/);
  });

  it("a quarter head and an agency contact are offered the same, and /heads and /contacts show what they chose", async () => {
    const headInvite = await ward.officer.say("/invitehead 5", /Liên kết mời/);
    head = Persona.create(t.standIn, { first_name: "Ba", last_name: "Trần Văn" });
    await head.say(`/start ${/start=(qh_[\w-]+)/.exec(headInvite?.text ?? "")![1]}`, /Khu phố 5/);
    await head.tap("Xác nhận", /Bạn đã được đăng ký là/);
    await head.waitFor(/Tên của bạn/, new Set());
    await head.tap("Trần Văn Ba", /Tên hiển thị: Trần Văn Ba/);
    await ward.admin.say("/heads", /Khu phố 5: Trần Văn Ba/);

    const agencyInvite = await ward.officer.say("/inviteagency 1", /Liên kết mời người báo cáo/);
    contact = Persona.create(t.standIn, { first_name: "Hoa" });
    await contact.say(`/start ${/start=(ag_[\w-]+)/.exec(agencyInvite?.text ?? "")![1]}`, /Bạn được mời làm người báo cáo/);
    await contact.tap("Xác nhận", /Bạn là người báo cáo của/);
    await contact.waitFor(/Tên của bạn/, new Set());
    await contact.say("/ten Y sĩ Phạm Thị Hoa", /Tên hiển thị: Y sĩ Phạm Thị Hoa/);
    await ward.admin.say("/contacts 1", /Y sĩ Phạm Thị Hoa/);
  });

  it("a name once chosen stays when the same person accepts another invite", async () => {
    const again = await ward.officer.say("/invitehead 6 pho", /Liên kết mời/);
    await head.say(`/start ${/start=(qh_[\w-]+)/.exec(again?.text ?? "")![1]}`, /Khu phố 6/);
    await head.tap("Xác nhận", /Bạn đã được đăng ký là/);
    await ward.admin.say("/heads 6", /Khu phố 6: Trần Văn Ba/);
  });
});
