// From an officer closing a tip as verified true and recording what came of it
// on the card, to the figures in the workbook and the .docx draft /report sends
// (picked from its period buttons); a bystander's press refused; the
// super-admin's roll-up across two wards. Through the real bot over HTTP.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../support/clock.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { docxParagraphs, unzip } from "../support/office-files.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";

// Wednesday 25 Nov 2026, 09:00 in Vietnam: the fourth quarter's figures run 15/9–14/12.
const START = Date.parse("2026-11-25T02:00:00Z");
const SUPER_ADMIN_ID = 990_000_002;

describe("the report an officer prints, signs and sends", () => {
  let t: TestApp;
  let ward: Ward;
  let reference: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: new FakeClock(START), env: { SUPER_ADMIN_IDS: String(SUPER_ADMIN_ID) } });
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("offers what came of a tip once an officer closes it as verified true, and records it on the card", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Cư", last_name: "Dân", username: "resident_r" });
    await sendQuickTip(resident, { category: "Mua bán ma túy", quarter: "Khu phố 5", place: "Hẻm 40 Ngô Mây", timing: "Hôm nay", description: "Có người bán hàng trắng ở hẻm 40" });
    const group = ward.group(ward.officer);
    const card = await group.waitFor(/Tin báo #[2-9A-Z]{4}/, new Set());
    reference = /Tin báo #([2-9A-Z]{4})/.exec(card.text ?? "")![1]!;

    await group.tap("✅ Đóng");
    const closed = await group.tap("Xác minh đúng", /Đã đóng — Xác minh đúng/);
    expect(group.buttons(closed.message!)).toEqual(
      expect.arrayContaining(["📁 Khởi tố, lập hồ sơ", "📝 Xử lý hành chính", "🏚 Triệt xóa điểm mua bán", "🏠 Triệt xóa điểm sử dụng", "🌿 Nhổ bỏ, tiêu hủy cây", "🏨 Kiểm tra cơ sở", "🤝 Chuyển đơn vị khác", "✔️ Xong"]),
    );

    // Someone in the group who is not an officer cannot record anything.
    const outcomeButton = t.standIn.inlineButtons(closed.message).find((b) => b.text === "📁 Khởi tố, lập hồ sơ")!;
    const forged = await ward.group(ward.bystander).press(closed.message!.message_id, outcomeButton.callback_data!);
    expect(forged.answer).toMatchObject({ show_alert: true });
    expect(await t.app.services.db.tipOutcome.count()).toBe(0);

    // A case with three people: one press on the number.
    await group.tap("📁 Khởi tố, lập hồ sơ", /Số đối tượng bị bắt, khởi tố/);
    await group.tap("3", /Kết quả xử lý: khởi tố, lập hồ sơ 1 vụ \(3 đối tượng\)/);
    // 120 plants: stepped up, then recorded.
    await group.tap("🌿 Nhổ bỏ, tiêu hủy cây", /Số cây/);
    await group.tap("+100", /Số cây.*: 100/);
    await group.tap("+10", /: 110/);
    await group.tap("+10", /: 120/);
    await group.tap("✅ Ghi 120", /nhổ bỏ, tiêu hủy 120 cây/);
    // A point dismantled by mistake, then taken back.
    await group.tap("🏚 Triệt xóa điểm mua bán", /Số điểm/);
    await group.tap("1", /triệt xóa 1 điểm mua bán/);
    const taken = await group.tap(/^❌ .*điểm mua bán/);
    expect(taken.answer.text).toBe("Đã bỏ: triệt xóa 1 điểm mua bán.");
    const cardNow = () => group.botMessages().find((m) => m.message_id === card.message_id)!;
    expect(cardNow().text).toContain("📋 Kết quả xử lý: khởi tố, lập hồ sơ 1 vụ (3 đối tượng); nhổ bỏ, tiêu hủy 120 cây");
    expect(cardNow().text).not.toContain("điểm mua bán");
    await group.tap("✔️ Xong");
    // The closed card keeps one button, to add what comes of the tip later.
    expect(group.buttons(cardNow())).toEqual(["📋 Kết quả xử lý"]);
    expect(await t.app.services.db.tipOutcome.count()).toBe(2);
    // Shown again later (a case is often opened weeks after), the card still lists them and can take more.
    const again = await group.say(`/tip ${reference}`, /📋 Kết quả xử lý: khởi tố, lập hồ sơ 1 vụ \(3 đối tượng\)/);
    expect(group.buttons(again!)).toEqual(["📋 Kết quả xử lý"]);

    const history = await ward.group(ward.admin).say(`/audit ${reference}`, /Lịch sử tin báo/);
    expect(history?.text).toMatch(/tip\.outcome_recorded — Lê Cán Bộ \(kind=case_opened, count=3\)/);
    expect(history?.text).toMatch(/tip\.outcome_removed — Lê Cán Bộ \(kind=dealing_point_dismantled, count=1\)/);
  });

  it("carries the outcome into the chat summary, the workbook and the .docx of the period picked by button", async () => {
    const officer = ward.officer;
    await officer.say("/report", /Chọn kỳ báo cáo/);
    await officer.tap("Quý IV/2026", /Báo cáo quý IV năm 2026 — Phường Quy Nhơn Đông/);
    const summary = officer.botMessages().find((m) => /Báo cáo quý IV năm 2026 — Phường/.test(m.text ?? ""))!;
    expect(summary.text).toContain("Kỳ báo cáo: 15/09/2026 – 14/12/2026 (số liệu đến 25/11/2026)");
    expect(summary.text).toMatch(/khởi tố, lập hồ sơ 1 vụ \(3 đối tượng\)/);

    const workbookMessage = await officer.waitFor(/Báo cáo quý IV năm 2026 — số liệu đến 25\/11\/2026/, new Set());
    expect(workbookMessage.document?.file_name).toBe("bao-cao-2026-Q4.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.standIn.fileBytes(workbookMessage.document!.file_id)!) as unknown as ArrayBuffer);
    const summarySheet = wb.getWorksheet("Tổng hợp")!;
    const valueOf = (label: string) => {
      let found: unknown;
      summarySheet.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(valueOf("Tin báo tiếp nhận")).toBe(1);
    expect(valueOf("Xác minh đúng")).toBe(1);
    expect(valueOf("Vụ án khởi tố, lập hồ sơ")).toBe(1);
    expect(valueOf("Đối tượng bị bắt, khởi tố")).toBe(3);
    expect(valueOf("Số cây bị nhổ bỏ, tiêu hủy")).toBe(120);
    expect(valueOf("Điểm mua bán bị triệt xóa")).toBe(0);
    const outcomes = wb.getWorksheet("Kết quả xử lý")!;
    const header = Number(outcomes.pageSetup.printTitlesRow!.split(":")[0]);
    expect(outcomes.getRow(header + 1).getCell(1).value).toBe("Khu phố 5");
    expect(outcomes.getRow(header + 1).getCell(3).value).toBe(3);

    const draftMessage = await officer.waitFor(/Dự thảo báo cáo quý IV năm 2026 \(Word\)/, new Set());
    expect(draftMessage.document?.file_name).toBe("du-thao-bao-cao-2026-Q4.docx");
    const xml = unzip(Buffer.from(t.standIn.fileBytes(draftMessage.document!.file_id)!)).get("word/document.xml")!.toString("utf8");
    const paragraphs = docxParagraphs(xml).map((p) => p.text);
    expect(paragraphs).toContain("Kết quả thực hiện kế hoạch xây dựng phường không ma túy quý IV năm 2026");
    expect(paragraphs).toContain("Trong kỳ, từ các tin báo xác minh đúng, đã khởi tố, lập hồ sơ 1 vụ án với 3 đối tượng và nhổ bỏ, tiêu hủy 120 cây có chứa chất ma túy tại 1 nơi.");
    // Nothing the resident wrote, nor who they are.
    for (const needle of ["Hẻm 40", "hàng trắng", "resident_r", "Cư Dân"]) expect(xml).not.toContain(needle);
  });

  it("gives a super-admin every ward's counts side by side, and refuses anyone else", async () => {
    await ward.officer.say("/rollup", /Chỉ quản trị hệ thống/);
    const superAdmin = Persona.create(t.standIn, { id: SUPER_ADMIN_ID, first_name: "Quản Trị", last_name: "Hệ Thống" });
    await superAdmin.say("/newward nhon-binh Phường Nhơn Bình\n3", /Đã tạo Phường Nhơn Bình/);
    await superAdmin.say("/rollup", /Chọn kỳ báo cáo/);
    const rollUp = await superAdmin.tap("Quý IV/2026", /Tổng hợp quý IV năm 2026 của 2 phường, xã/);
    expect(rollUp.message?.document?.file_name).toBe("tong-hop-2026-Q4.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.standIn.fileBytes(rollUp.message!.document!.file_id)!) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Tổng hợp")!;
    const header = sheet.getRow(Number(sheet.pageSetup.printTitlesRow!.split(":")[0])).values as unknown[];
    expect(header.slice(1)).toEqual(["Nội dung", "Phường Nhơn Bình", "Phường Quy Nhơn Đông", "Tổng"]);
    let cases: unknown[] = [];
    sheet.eachRow((r) => {
      if (r.getCell(1).value === "Đối tượng bị bắt, khởi tố") cases = (r.values as unknown[]).slice(2);
    });
    expect(cases).toEqual([0, 3, 3]);
  });
});
