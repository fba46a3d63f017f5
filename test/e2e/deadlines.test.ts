// Agencies' report deadlines through the stand-in with a controllable clock:
// contacts invited, the full reminder ladder, "Đã nộp", a report file reaching
// the police group, the automatic board and report, an ad-hoc request, and
// /report's workbook opened and read cell by cell.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../support/clock.js";
import { startTestApp, type TestApp, WITHOUT_GROUP_PACE } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";

// Wednesday 25 Nov 2026, 09:00 in Vietnam; the year's report is due before Tuesday 15 Dec: Monday 14 Dec is the last day.
const START = Date.parse("2026-11-25T02:00:00Z");
const at = (localDate: string, time = "08:01") => Date.parse(`${localDate}T${time}:00+07:00`);
const REMINDER = /Nhắc hạn báo cáo|Hôm nay là ngày cuối|Quá hạn \d+ ngày/;

async function invite(t: TestApp, ward: Ward, agencyNumber: number, name: string): Promise<Persona> {
  const message = await ward.officer.say(`/inviteagency ${agencyNumber}`, /Liên kết mời người báo cáo/);
  const payload = /start=(ag_[\w-]+)/.exec(message?.text ?? "")![1]!;
  const contact = Persona.create(t.standIn, { first_name: name });
  await contact.say(`/start ${payload}`, /Bạn được mời làm người báo cáo/);
  await contact.tap("Xác nhận", /Bạn là người báo cáo của/);
  return contact;
}

describe("agencies' report deadlines", () => {
  let t: TestApp;
  let ward: Ward;
  let health: Persona;
  let front: Persona;
  let head3: Persona;
  let resident: Persona;
  const moveTo = async (instant: number) => {
    t.clock.advance(instant - t.clock.now().getTime());
    return t.app.tick();
  };
  const reminders = (p: Persona) => p.botMessages().filter((m) => REMINDER.test(m.text ?? ""));
  const group = () => ward.group(ward.officer);

  beforeAll(async () => {
    // Eleven days of the scheduler's posts to the group in a minute: the ladder is what this proves, not the
    // group's pace, which runs on real time (see WITHOUT_GROUP_PACE).
    t = await startTestApp({ clock: new FakeClock(START), standInOptions: WITHOUT_GROUP_PACE });
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("lists the ward police as the collector, then the plan's agencies and every quarter with their duties, and registers contacts by invite", async () => {
    const list = await ward.officer.say("/agencies", /gửi UBND phường qua Công an phường/);
    // The police collect: not a numbered reporter, with their duty from the plan's section V.
    expect(list?.text).toMatch(/👮 Công an phường: đầu mối nhận báo cáo của các cơ quan, tổng hợp cùng kết quả của mình, báo cáo UBND phường\. Không phải nộp cho chính mình\.\nNhiệm vụ: Chủ trì/);
    expect(list?.text).not.toMatch(/\d+\. Công an phường/);
    expect(list?.text).toMatch(/1\. Trạm Y tế phường — 0 người báo cáo\n {3}Nhiệm vụ: Bảo đảm cơ sở vật chất, nhân lực để xác định tình trạng nghiện/);
    expect(list?.text).toMatch(/3\. Phòng Kinh tế, Hạ tầng và Đô thị — 0 người báo cáo\n {3}Nhiệm vụ: Tham mưu UBND phường bố trí kinh phí/);
    expect(list?.text).toContain("4. Ủy ban MTTQ Việt Nam phường");
    expect(list?.text).toMatch(/🏘 Các khu phố — nhiệm vụ: Nắm chắc tình hình.*\n5\. Khu phố 1 — /);
    expect(list?.text).toContain("7. Khu phố 3");
    expect(list?.text).toContain("23. Khu phố 19");
    expect(list?.text?.match(/Nhiệm vụ:|nhiệm vụ:/g)).toHaveLength(6);

    health = await invite(t, ward, 1, "Y sĩ Hoa");
    front = await invite(t, ward, 4, "Chủ tịch Mặt trận");
    // Quarter 3's head answers for the quarter as an agency.
    const headInvite = await ward.officer.say("/invitehead 3", /Liên kết mời/);
    head3 = Persona.create(t.standIn, { first_name: "Tổ trưởng Ba" });
    await head3.say(`/start ${/start=(qh_[\w-]+)/.exec(headInvite?.text ?? "")![1]}`, /Khu phố 3/);
    await head3.tap("Xác nhận", /Bạn đã được đăng ký là/);

    await ward.officer.say("/agencies", /1\. Trạm Y tế phường — 1 người báo cáo/);
    // A used link cannot register anyone else.
    await ward.officer.say("/inviteagency 99", /Cách dùng: \/inviteagency/);
    await Persona.create(t.standIn, { first_name: "Dân" }).say("/agencies", /Chỉ cán bộ/);
  });

  it("plans the year's deadline and sends nothing before the ladder's first step", async () => {
    // A tip inside the year's report period, for the workbook at the end.
    resident = Persona.create(t.standIn, { first_name: "Người", last_name: "Dân", username: "resident_x" });
    await sendQuickTip(resident, { category: "Mua bán ma túy", quarter: "Khu phố 5", place: "Hẻm 12", timing: "Hôm nay", description: "Có người bán ma túy ở hẻm 12" });
    await moveTo(START + 60_000);
    const deadline = await t.app.services.db.deadline.findFirstOrThrow({ where: { period: "2026" } });
    expect(deadline).toMatchObject({ dueOn: "2026-12-15", dueRule: "before", title: "Báo cáo kết quả năm 2026" });
    // Every agency but the ward police, who collect the reports, owes it.
    expect(await t.app.services.db.deadlineSubmission.count({ where: { deadlineId: deadline.id } })).toBe(23);
    expect(await t.app.services.db.deadlineSubmission.count({ where: { deadlineId: deadline.id, agency: { kind: "police" } } })).toBe(0);
    // The half-year deadline had passed before the bot started: not created, nobody nagged.
    expect(await t.app.services.db.deadline.count({ where: { period: "2026-H1" } })).toBe(0);
    await moveTo(at("2026-11-29", "23:59"));
    expect(reminders(health)).toHaveLength(0);
  });

  it("reminds 14 days before the last day; 'Đã nộp' and a report file stop the reminders and reach the police group", async () => {
    await moveTo(at("2026-11-30"));
    const first = await health.waitFor(/Nhắc hạn báo cáo — Trạm Y tế phường/, new Set());
    expect(first.text).toContain("Báo cáo kết quả năm 2026");
    expect(first.text).toContain("Hạn nộp: trước ngày 15/12/2026 — còn 14 ngày nữa.");
    expect(health.buttons(first)).toEqual(["✅ Đã nộp", "📎 Gửi file báo cáo"]);
    await front.waitFor(/Nhắc hạn báo cáo — Ủy ban MTTQ/, new Set());
    await head3.waitFor(/Nhắc hạn báo cáo — Khu phố 3/, new Set());

    // Someone else forging the health station's button data is refused.
    const data = (first.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!.callback_data;
    const own = await ward.bystander.say("/help", /Hướng dẫn/);
    const forged = await ward.bystander.press(own!.message_id, data);
    expect(forged.answer).toMatchObject({ text: "Bạn không phải người báo cáo của cơ quan này.", show_alert: true });

    await health.tap("Đã nộp", /Đã ghi nhận: Trạm Y tế phường đã nộp “Báo cáo kết quả năm 2026” ngày 30\/11\/2026/);
    await group().waitFor(/Trạm Y tế phường đã nộp “Báo cáo kết quả năm 2026” ngày 30\/11\/2026 \(Y sĩ Hoa\)/, new Set());

    await front.tap("Gửi file báo cáo", /Gửi file báo cáo của Ủy ban MTTQ/);
    await front.say("đây là báo cáo", /Xin gửi file/);
    await front.sendDocument("bao-cao-mttq-2026.docx", new TextEncoder().encode("báo cáo năm"), /Đã nhận file “bao-cao-mttq-2026.docx”/);
    const posted = await group().waitFor(/📎 Ủy ban MTTQ Việt Nam phường đã nộp/, new Set());
    expect(posted.document?.file_name).toBe("bao-cao-mttq-2026.docx");
    expect(new TextDecoder().decode(t.standIn.fileBytes(posted.document!.file_id))).toBe("báo cáo năm");
  });

  it("posts the report 10 days before, then keeps reminding only who has not submitted", async () => {
    await moveTo(at("2026-12-05"));
    await group().waitFor(/Báo cáo năm 2026 nộp trước ngày 15\/12\/2026: đây là số liệu tổng hợp đến hôm nay/, new Set());
    const auto = await group().waitFor(/Báo cáo năm 2026 — số liệu đến 05\/12\/2026/, new Set());
    expect(auto.document?.file_name).toBe("bao-cao-2026.xlsx");

    for (const day of ["2026-12-07", "2026-12-11", "2026-12-13", "2026-12-14", "2026-12-15", "2026-12-16"]) await moveTo(at(day));
    await head3.waitFor(/Quá hạn 2 ngày — Khu phố 3/, new Set());
    // The two who submitted on 30 November heard nothing more: the health station's one reminder
    // now reads "Đã ghi nhận"; the Front, who sent a file, still has its first one only.
    expect(reminders(health)).toHaveLength(0);
    expect(reminders(front).map((m) => m.message_id)).toHaveLength(1);
    // 14, 7, 3, 1 days before the last day (14 December), on it, 2 days after it: each exactly once.
    expect(reminders(head3).map((m) => /còn (\d+) ngày|Hôm nay|Quá hạn (\d+)/.exec(m.text ?? "")?.[0])).toEqual(["còn 14 ngày", "còn 7 ngày", "còn 3 ngày", "còn 1 ngày", "Hôm nay", "Quá hạn 2"]);
  });

  it("shows the board on 15 December, the morning after the last day, and on demand", async () => {
    const board = await group().waitFor(/Báo cáo kết quả năm 2026.*— hạn nộp trước ngày 15\/12\/2026/, new Set());
    const job = await t.app.services.db.scheduledJob.findFirstOrThrow({ where: { kind: "deadline.board", key: { contains: (await t.app.services.db.deadline.findFirstOrThrow({ where: { period: "2026" } })).id } } });
    expect(job.dueAt.toISOString()).toBe("2026-12-15T01:00:00.000Z");
    expect(board.text).toContain("đã nộp 2/23, quá hạn 21");
    expect(board.text).toContain("❌ Khu phố 3 — chưa nộp, quá hạn 1 ngày");
    expect(board.text).toContain("✅ Trạm Y tế phường — nộp 30/11/2026");
    expect(board.text).toContain("✅ Ủy ban MTTQ Việt Nam phường — nộp 30/11/2026 📎");
    expect(board.text).not.toContain("Công an phường");

    const now = await group().say("/deadlines", /đã nộp 2\/23, quá hạn 21/);
    expect(now?.text).toContain("❌ Khu phố 3 — chưa nộp, quá hạn 2 ngày");

    // Late, but submitted: the board says by how much.
    await head3.tap("Đã nộp", /Đã ghi nhận: Khu phố 3 đã nộp/);
    await group().waitFor(/Khu phố 3 đã nộp “Báo cáo kết quả năm 2026” ngày 16\/12\/2026 \(Tổ trưởng Ba\) — muộn 2 ngày/, new Set());
    const after = await group().say("/deadlines", /đã nộp 3\/23/);
    expect(after?.text).toContain("🟡 Khu phố 3 — nộp 16/12/2026, muộn 2 ngày");
  });

  it("lets an officer request an ad-hoc report from chosen agencies", async () => {
    await ward.group(ward.officer).say("/deadline", /tin nhắn riêng/);
    await ward.officer.say("/deadline", /Bước 1\/3/);
    await ward.officer.say("Báo cáo đột xuất dịp Tết", /Bước 2\/3/);
    await ward.officer.say("31/2/2027", /Ngày chưa đúng/);
    // "Before today" cannot be met.
    await ward.officer.say("trước 16/12/2026", /Ngày chưa đúng/);
    // The officer's wording says the day itself is still on time.
    await ward.officer.say("chậm nhất 20/1/2027", /Bước 3\/3/);
    await ward.officer.tap("Chọn theo số", /Gõ số các cơ quan/);
    await ward.officer.say("1, 99", /Chưa đúng/);
    const review = await ward.officer.say("1,7", /2 cơ quan: Trạm Y tế phường, Khu phố 3/);
    expect(review?.text).toContain("Hạn nộp: chậm nhất ngày 20/1/2027 (nộp trong ngày 20/1/2027 vẫn đúng hạn)");
    await ward.officer.tap("Tạo và gửi yêu cầu", /Đã tạo hạn “Báo cáo đột xuất dịp Tết” \(chậm nhất ngày 20\/1\/2027\) và gửi yêu cầu tới 2 cơ quan/);
    const request = await health.waitFor(/Yêu cầu báo cáo — Trạm Y tế phường/, new Set());
    expect(request.text).toContain("Hạn nộp: chậm nhất ngày 20/1/2027 (còn 35 ngày nữa).");
    expect(request.text).toContain("Báo cáo gửi UBND phường qua Công an phường");
    expect(await t.app.services.db.deadline.findFirstOrThrow({ where: { kind: "adhoc" } })).toMatchObject({ dueOn: "2027-01-20", dueRule: "on_or_before" });
    await head3.waitFor(/Yêu cầu báo cáo — Khu phố 3/, new Set());
    expect(front.botMessages().some((m) => /Báo cáo đột xuất/.test(m.text ?? ""))).toBe(false);
    const audit = await t.app.services.db.auditEntry.count({ where: { action: "deadline.created" } });
    expect(audit).toBe(1);
  });

  it("builds the year's workbook with the same figures as the chat summary", async () => {
    await ward.officer.say("/report 20", /Cách dùng: \/report/);
    const summary = await ward.officer.say("/report 2026", /Báo cáo năm 2026 — Phường Quy Nhơn Đông/);
    expect(summary?.text).toContain("Kỳ báo cáo: 15/12/2025 – 14/12/2026 (số liệu đến 14/12/2026)");
    expect(summary?.text).toMatch(/Tin báo nhận được: 1 \(khẩn cấp \d\)/);
    const doc = await ward.officer.waitFor(/Báo cáo năm 2026 — số liệu đến 14\/12\/2026/, new Set());
    expect(doc.document?.file_name).toBe("bao-cao-2026.xlsx");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.standIn.fileBytes(doc.document!.file_id)!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Tổng hợp", "Câu để dán", "Tin báo", "Kết quả xử lý", "Báo cáo tuần", "Diễn biến trong kỳ", "Hạn báo cáo", "Lộ trình", "Phân loại tin báo"]);
    // Each sheet's table starts under its title lines, at the header row repeated on every printed page.
    const table = (name: string) => {
      const sheet = wb.getWorksheet(name)!;
      const header = Number(sheet.pageSetup.printTitlesRow!.split(":")[0]);
      return { sheet, header, row: (n: number) => sheet.getRow(header + n) };
    };

    const summarySheet = wb.getWorksheet("Tổng hợp")!;
    expect(summarySheet.getCell("A1").value).toBe("BÁO CÁO KẾT QUẢ XÂY DỰNG PHƯỜNG KHÔNG MA TÚY — năm 2026");
    const valueOf = (label: string) => {
      let found: unknown;
      summarySheet.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(valueOf("Tin báo tiếp nhận")).toBe(1);
    expect(valueOf("Lượt nộp đúng hạn")).toBe(2);
    expect(valueOf("Lượt nộp muộn")).toBe(1);
    // The ward police collect the reports: 23 reporters, not 24.
    expect(valueOf("Lượt quá hạn chưa nộp")).toBe(20);
    expect(valueOf("Tổng số khu phố")).toBe(19);
    expect(valueOf("Mục tiêu năm 2026")).toBe(10);

    const tips = table("Tin báo");
    expect(tips.row(0).values).toEqual([undefined, "Loại tin báo", "Khu phố", "Đang xác minh", "Đã chuyển xử lý", "Xác minh đúng", "Không có cơ sở", "Tin rác", "Trùng tin khác", "Tổng"]);
    expect(tips.row(1).values).toEqual([undefined, "Mua bán ma túy", "Khu phố 5", 1, 0, 0, 0, 0, 0, 1]);
    expect(tips.row(2).getCell(1).value).toBe("Tổng");
    expect(tips.row(2).getCell(9).value).toBe(1);

    // Check-ins: quarter 3's head got prompts since 27 Nov; the sheet counts the rows the database holds.
    const q3 = table("Báo cáo tuần").row(3);
    expect(q3.getCell(1).value).toBe("Khu phố 3");
    const q3Rows = await t.app.services.db.checkIn.count({ where: { quarter: { name: "Khu phố 3" }, week: { lte: "2026-W51" } } });
    expect(q3Rows).toBeGreaterThan(0);
    expect(q3.getCell(2).value).toBe(q3Rows);
    expect(q3.getCell(3).value).toBe(0);

    const deadlines = table("Hạn báo cáo");
    expect(deadlines.sheet.rowCount).toBe(deadlines.header + 23);
    expect(deadlines.row(1).getCell(2).value).toBe("trước ngày 15/12/2026");
    const rows = deadlines.sheet.getRows(deadlines.header + 1, 23)!.map((r) => [r.getCell(3).value, r.getCell(4).value, r.getCell(5).value, r.getCell(6).value, r.getCell(7).value]);
    // Empty cells are blank (read back as null), not empty strings.
    expect(rows).toContainEqual(["Trạm Y tế phường", "Đúng hạn", "30/11/2026", 0, null]);
    expect(rows).toContainEqual(["Ủy ban MTTQ Việt Nam phường", "Đúng hạn", "30/11/2026", 0, "✓"]);
    expect(rows).toContainEqual(["Khu phố 3", "Nộp muộn", "16/12/2026", 2, null]);
    expect(rows).toContainEqual(["Khu phố 19", "Quá hạn", null, 2, null]);

    const roadmap = table("Lộ trình");
    expect(roadmap.sheet.getRow(roadmap.header - 2).getCell(1).value).toBe("Năm 2026: 0/19 khu phố không ma túy (mục tiêu 10)");
    expect(roadmap.row(1).values).toEqual([undefined, "Khu phố 1", "Chưa đánh giá"]);

    // The .docx draft comes beside the workbook.
    const draft = await ward.officer.waitFor(/Dự thảo báo cáo năm 2026 \(Word\)/, new Set());
    expect(draft.document?.file_name).toBe("du-thao-bao-cao-2026.docx");

    // Nothing in the workbook could name the resident: there is no such column, and no such text.
    const everything: string[] = [];
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((cell) => everything.push(cell.text)));
    const joined = everything.join("\n");
    for (const needle of ["resident_x", "Người Dân", String(resident.user.id), "hẻm 12", "Hẻm 12"]) expect(joined).not.toContain(needle);
  });
  it("lets the admin take a contact off and step a quarter head down; their buttons then stop working", async () => {
    // Only the admin: an officer is refused, typed or by forged button data.
    await ward.officer.say("/heads", /Chỉ quản trị viên/);
    await ward.officer.say("/contacts 1", /Chỉ quản trị viên/);
    const heads = await ward.admin.say("/heads 3", /Khu phố trưởng, khu phố phó đang hoạt động/);
    expect(heads?.text).toContain("Khu phố 3: Tổ trưởng Ba — khu phố trưởng");
    const headButton = t.standIn.inlineButtons(heads).find((b) => b.text.includes("Tổ trưởng Ba"))!;
    const ownMessage = await ward.officer.say("/help", /Lệnh cho cán bộ/);
    const forged = await ward.officer.press(ownMessage!.message_id, headButton.callback_data!);
    expect(forged.answer).toMatchObject({ text: "⛔ Chỉ quản trị viên của phường mới dùng được nút này.", show_alert: true });

    await ward.admin.tap(/Tổ trưởng Ba/, /Đã cho thôi: Tổ trưởng Ba \(Khu phố 3\)/);
    await ward.admin.say("/heads 3", /Không có khu phố trưởng, khu phố phó nào đang hoạt động/);
    const contacts = await ward.admin.say("/contacts 1", /Người báo cáo của Trạm Y tế phường/);
    expect(contacts?.text).toContain("• Y sĩ Hoa");
    const removeHoa = t.standIn.inlineButtons(contacts).find((b) => b.text.includes("Y sĩ Hoa"))!.callback_data!;
    await ward.admin.tap(/Y sĩ Hoa/, /Đã cho thôi: Y sĩ Hoa \(Trạm Y tế phường\)/);
    await ward.admin.say("/contacts 1", /không có người báo cáo nào đang hoạt động/);
    // Pressing the removal again (an old list) changes nothing.
    const again = await ward.admin.press(contacts!.message_id, removeHoa);
    expect(again.answer.text).toMatch(/đã thôi/);

    // The ad-hoc request both still hold: "Đã nộp" is refused for each, and nothing is recorded.
    const submitted = await t.app.services.db.deadlineSubmission.count({ where: { submittedAt: { not: null } } });
    const refusedHead = await head3.tap("Đã nộp");
    expect(refusedHead.answer).toMatchObject({ text: "Bạn không phải người báo cáo của cơ quan này." });
    const refusedContact = await health.tap("Đã nộp");
    expect(refusedContact.answer).toMatchObject({ text: "Bạn không phải người báo cáo của cơ quan này." });
    expect(await t.app.services.db.deadlineSubmission.count({ where: { submittedAt: { not: null } } })).toBe(submitted);
    const actions = (await t.app.services.db.auditEntry.findMany({ where: { action: { in: ["quarter_head.removed", "agency_contact.removed"] } } })).map((a) => a.action);
    expect(actions.sort()).toEqual(["agency_contact.removed", "quarter_head.removed"]);
  });
});
