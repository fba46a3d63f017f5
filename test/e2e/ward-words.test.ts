// A ward's own words for its quarters and their heads, end to end: the admin
// switches the ward to "tổ dân phố" with /donvi (an officer cannot), and from
// then on a head's invite, registration and weekly prompt, the staff's replies
// and a resident's tip flow say "tổ dân phố" and "tổ trưởng", never "khu phố".
// A ward created under WARD_UNIT=thon speaks of "thôn" and "trưởng thôn" from the start.
import { afterEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";

const KHU_PHO = /khu phố/i;

/** The officer's invite, the head's offer (before it is edited) and their registration, as texts. */
async function inviteHead(ward: Ward, t: TestApp, quarter: number, name: string) {
  const message = await ward.officer.say(`/invitehead ${quarter}`, /Liên kết mời/);
  const payload = /start=(qh_[\w-]+)/.exec(message?.text ?? "")![1]!;
  const head = Persona.create(t.standIn, { first_name: name });
  const offer = (await head.say(`/start ${payload}`, /Bạn được mời làm/))?.text ?? "";
  const registered = (await head.tap("Xác nhận", /Bạn đã được đăng ký là/)).message?.text ?? "";
  return { head, invite: message?.text ?? "", offer, registered };
}

describe("the ward's own words for its quarters and heads", () => {
  const running: TestApp[] = [];
  afterEach(async () => {
    for (const t of running.splice(0)) await t.stop();
  });

  it("an admin switches the ward to tổ dân phố; invites, check-in prompts, staff replies and the tip flow follow", async () => {
    const names = Array.from({ length: 6 }, (_, i) => `Tổ dân phố ${i + 1}`);
    const t = await startTestApp({ env: { WARD_QUARTERS: names.join(",") } });
    running.push(t);
    const ward = await setUpWard(t);
    const db = t.app.services.db;
    const wardRow = await db.ward.findFirstOrThrow();
    expect([wardRow.wardUnit, wardRow.headTitle]).toEqual(["khu-pho", "khu-pho-truong"]);

    // Before: the deployment's default, khu phố.
    await ward.officer.say("/invitehead 2", /Liên kết mời khu phố trưởng của Tổ dân phố 2/);

    // An officer may not change it; the admin may, by number or by words, and it is audited.
    await ward.officer.say("/donvi tổ dân phố", /Chỉ quản trị viên/);
    expect((await db.ward.findFirstOrThrow()).wardUnit).toBe("khu-pho");
    const usage = await ward.admin.say("/donvi", /Đổi \(chỉ quản trị viên\): \/donvi SỐ/);
    expect(usage?.text).toContain("3. Tổ dân phố — Tổ trưởng tổ dân phố");
    await ward.admin.say("/donvi to dan pho", /Từ nay bot gọi đơn vị dưới phường là “tổ dân phố”, người đứng đầu là “Tổ trưởng tổ dân phố” \(trước đây: “khu phố”, “Khu phố trưởng”\)/);
    await ward.admin.say("/unit 3", /Phường đã gọi như vậy/);
    expect(await db.ward.findFirstOrThrow()).toMatchObject({ wardUnit: "to-dan-pho", headTitle: "to-truong-to-dan-pho" });
    const admin = await db.member.findFirstOrThrow({ where: { role: "admin" } });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "ward.words_changed" } });
    expect(audit.actorMemberId).toBe(admin.id);
    expect(JSON.parse(audit.detail)).toEqual({ fromUnit: "khu-pho", fromTitle: "khu-pho-truong", wardUnit: "to-dan-pho", headTitle: "to-truong-to-dan-pho" });

    // A head's invite and registration.
    const { head, invite, offer, registered } = await inviteHead(ward, t, 5, "Bà Năm");
    expect(invite).toContain("Liên kết mời tổ trưởng của Tổ dân phố 5");
    expect(offer).toContain("Bạn được mời làm tổ trưởng của Tổ dân phố 5");
    expect(offer).toContain("tình hình ma túy trong tổ dân phố");
    expect(registered).toMatch(/đăng ký là tổ trưởng của Tổ dân phố 5.*tổ phó nhận thay/s);

    // The weekly prompt, opened now by the officer.
    await ward.officer.say("/mobaocao 5", /Đã mở báo cáo tuần .* cho Tổ dân phố 5: tổ trưởng, tổ phó đã được nhắn/);
    const prompt = await head.waitFor(/Xin anh\/chị cho biết/, new Set());
    expect(prompt.text).toContain("tình hình ma túy trong tổ dân phố tuần này");
    await head.say("/away", /tổ phó sẽ nhận lời nhắc/);
    for (const m of head.botMessages()) expect(m.text ?? "", "a head's message").not.toMatch(KHU_PHO);

    // Staff replies and help, in the group and in private.
    await ward.group(ward.officer).say("/mobaocao 9", /Không có tổ dân phố số 9/);
    const help = await ward.officer.say("/help", /Lệnh cho cán bộ/);
    expect(help?.text).toContain("/invitehead SỐ [pho] — mời tổ trưởng (hoặc tổ phó) của tổ dân phố số SỐ");
    await ward.group(ward.officer).say("/roadmap", /Lộ trình xây dựng tổ dân phố không ma túy/);
    await ward.admin.say("/target", /Mục tiêu tổ dân phố không ma túy đến cuối mỗi năm — Phường Quy Nhơn Đông<\/b> \(6 tổ dân phố\)|Mục tiêu tổ dân phố không ma túy đến cuối mỗi năm — Phường Quy Nhơn Đông \(6 tổ dân phố\)/);
    await ward.officer.say("/agencies", /Các tổ dân phố: tổ trưởng, tổ phó cũng xác nhận được/);
    const heads = await ward.admin.say("/heads", /đang hoạt động/);
    expect(heads?.text).toContain("Tổ trưởng, tổ phó đang hoạt động");
    expect(heads?.text).toContain("Tổ dân phố 5: Bà Năm — tổ trưởng");
    for (const persona of [ward.officer, ward.admin]) {
      const since = persona.botMessages().findIndex((m) => /Từ nay bot gọi|Đã mở báo cáo tuần/.test(m.text ?? ""));
      expect(since).toBeGreaterThan(0);
      // (The switch's own answer names the words it replaced.)
      const after = persona.botMessages().slice(since).filter((m) => !/Từ nay bot gọi/.test(m.text ?? ""));
      for (const m of after) expect(m.text ?? "", "a staff message after the switch").not.toMatch(KHU_PHO);
    }

    // The report the group gets names them too (its workbook and draft take the same words: test/unit/ward-words.test.ts renders every rp- message).
    const report = await ward.group(ward.officer).say("/report 2026-H1", /Tổ dân phố không ma túy: \d+\/6/);
    expect(report?.text ?? "").not.toMatch(KHU_PHO);

    // A resident's tip flow asks for the tổ dân phố (one ward: its words are also the help's).
    const resident = Persona.create(t.standIn, { first_name: "Cư", last_name: "Dân" });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Mua bán ma túy", /Bước 2\/6\. Việc này ở tổ dân phố nào\?/);
    const residentHelp = await resident.say("/help", /Hướng dẫn/);
    expect(residentHelp?.text).toContain("(loại việc, tổ dân phố, địa điểm");
  });

  it("/newward takes the unit the quarters' names start with, or the one after the count; /wards names each ward's own; a resident of a thôn is asked for the thôn", async () => {
    const SUPER_ADMIN_ID = 990_000_002;
    const t = await startTestApp({ env: { SUPER_ADMIN_IDS: `${SUPER_ADMIN_ID}` } });
    running.push(t);
    const superAdmin = Persona.create(t.standIn, { id: SUPER_ADMIN_ID, first_name: "Quản Trị" });
    await superAdmin.say("/newward", /đơn vị: khu phố, tổ dân phố, thôn, ấp, bản/);
    await superAdmin.say("/newward xa-a Xã A\nThôn Đông\nThôn Tây", /Đã tạo Xã A với 2 thôn \(người đứng đầu: trưởng thôn;/);
    await superAdmin.say("/newward phuong-b Phường B\n12 tổ dân phố", /Đã tạo Phường B với 12 tổ dân phố \(người đứng đầu: tổ trưởng;/);
    await superAdmin.say("/newward phuong-c Phường C\nKhu phố 1\nThôn Mới", /Đã tạo Phường C với 2 khu phố/);
    const db = t.app.services.db;
    const bySlug = async (slug: string) => db.ward.findUniqueOrThrow({ where: { slug }, include: { quarters: { orderBy: { position: "asc" } } } });
    expect(await bySlug("xa-a")).toMatchObject({ wardUnit: "thon", headTitle: "truong-thon" });
    const b = await bySlug("phuong-b");
    expect([b.wardUnit, b.headTitle, b.quarters.length, b.quarters[11]?.name]).toEqual(["to-dan-pho", "to-truong-to-dan-pho", 12, "Tổ dân phố 12"]);
    expect((await bySlug("phuong-c")).wardUnit).toBe("khu-pho");
    const list = await superAdmin.say("/wards", /Các phường \(4\)/);
    expect(list?.text).toMatch(/Xã A \(xa-a\) — 2 thôn,/);
    expect(list?.text).toMatch(/Phường B \(phuong-b\) — 12 tổ dân phố,/);
    expect(list?.text).toMatch(/Phường Quy Nhơn Đông \(quy-nhon-dong\) — 19 khu phố,/);

    const resident = Persona.create(t.standIn, { first_name: "Dân" });
    await resident.say("/start w_xa-a", /Xã A/);
    await resident.tap("Gửi tin báo ẩn danh", /Bước 1\/6/);
    await resident.tap("Mua bán ma túy", /Việc này ở thôn nào\?/);
  });

  it("a ward created under WARD_UNIT=thon speaks of thôn and trưởng thôn from the start", async () => {
    const t = await startTestApp({ env: { WARD_UNIT: "thon", WARD_QUARTER_COUNT: "4" } });
    running.push(t);
    const ward = await setUpWard(t);
    expect(await t.app.services.db.quarter.findMany({ orderBy: { position: "asc" }, select: { name: true } })).toEqual([1, 2, 3, 4].map((n) => ({ name: `Thôn ${n}` })));
    expect(ward.admin.botMessages().find((m) => /quản trị viên của/.test(m.text ?? ""))?.text).toContain("người đứng đầu là “Trưởng thôn”");
    const { head, invite, offer, registered } = await inviteHead(ward, t, 3, "Ông Ba");
    expect(invite).toContain("Liên kết mời trưởng thôn của Thôn 3");
    expect(offer).toContain("Bạn được mời làm trưởng thôn của Thôn 3");
    expect(registered).toContain("đăng ký là trưởng thôn của Thôn 3");
    await ward.officer.say("/mobaocao 3", /cho Thôn 3: trưởng thôn, phó trưởng thôn đã được nhắn/);
    const prompt = await head.waitFor(/Xin anh\/chị cho biết/, new Set());
    expect(prompt.text).toContain("tình hình ma túy trong thôn tuần này");
    for (const m of head.botMessages()) expect(m.text ?? "").not.toMatch(KHU_PHO);
  });
});
