// The periodic report against a real (migrated) database: tips counted by the
// ward's local date at period boundaries, outcomes of confirmed tips (recorded,
// refused, audited, kept through retention), tips kept as counts after
// retention, the roll-up across two wards, and the files read back as another
// program would: the workbook's print setup and the .docx draft's layout.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { createServices, Keyring, ServiceError, type Services } from "../../src/services/index.js";
import type { ActiveMember } from "../../src/services/members.js";
import { buildReportDocx } from "../../src/services/report-docx.js";
import { buildReportWorkbook, buildRollUpWorkbook, FONT_NAME } from "../../src/services/report-workbook.js";
import type { Report } from "../../src/services/reports.js";
import { reportSummaryText } from "../../src/bot/features/report.js";
import { createI18n, defaultWardWords } from "../../src/bot/i18n.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";
import { docxParagraphs, unzip } from "../support/office-files.js";

const i18n = createI18n({ locale: () => Promise.resolve(null) } as never, "vi");
const translator = (locale: "vi" | "en") => (key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, { channel: "telegram", ...defaultWardWords(), ...vars });
const t = translator("vi");
const local = (iso: string) => Date.parse(`${iso}+07:00`);

describe("ReportService", () => {
  let db: Database;
  let services: Services;
  let clock: FakeClock;
  let wardId: string;
  let quarterIds: string[];
  let officer: ActiveMember;

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock(local("2026-02-01T09:00:00"));
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now });
    const ward = await services.wards.ensureWard({ slug: "qnd", name: "Phường Quy Nhơn Đông", timezone: "Asia/Ho_Chi_Minh", quarterNames: Array.from({ length: 19 }, (_, i) => `Khu phố ${i + 1}`) });
    wardId = ward.wardId;
    quarterIds = (await services.wards.listQuarters(wardId)).map((q) => q.id);
    officer = await staff(wardId, "5001", "Lê Văn An");
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  async function staff(ward: string, telegramUserId: string, displayName: string): Promise<ActiveMember> {
    const m = await db.member.create({ data: { wardId: ward, telegramUserId, displayName, role: "officer" } });
    return { id: m.id, wardId: ward, role: "officer", displayName };
  }

  const at = (iso: string) => clock.advance(local(iso) - clock.now().getTime());
  const tip = async (ward: string, quarterId: string | null, description = "Có người bán ma túy ở đầu hẻm 7") =>
    services.tips.submit(ward, { category: "dealing", quarterId, place: { kind: "text", text: "hẻm 7 Trần Phú" }, timing: "today", description, photoFileIds: [] });
  const build = (period: string, ward = wardId) => services.reports.build(ward, period, { unknownQuarter: "Không rõ" });

  it("counts a tip in the month and quarter of the ward's local date: the 14th in, the 15th out", async () => {
    at("2026-02-14T23:59:00"); // February's figures (15/1–14/2)
    await tip(wardId, quarterIds[0]!);
    at("2026-02-15T00:00:00"); // March's (15/2–14/3)
    await tip(wardId, quarterIds[0]!);
    at("2026-03-14T23:59:59");
    await tip(wardId, quarterIds[1]!);
    at("2026-03-15T00:00:01"); // April's, and the second quarter's
    await tip(wardId, null);
    at("2026-07-01T09:00:00");
    expect((await build("2026-02")).figures.tips.total).toBe(1);
    expect((await build("2026-03")).figures.tips.total).toBe(2);
    expect((await build("2026-04")).figures.tips.total).toBe(1);
    expect((await build("2026-Q1")).figures.tips.total).toBe(3);
    expect((await build("2026-Q2")).figures.tips.total).toBe(1);
    expect((await build("2026-H1")).figures.tips.total).toBe(4);
    const march = await build("2026-03");
    expect(march.period).toMatchObject({ from: "2026-02-15", to: "2026-03-14" });
    expect(march.asOf).toBe("2026-03-14");
    expect(march.figures.perQuarter.slice(0, 2).map((q) => q.tips.total)).toEqual([1, 1]);
  });

  it("records outcomes of a confirmed tip only, audits them, and counts them in the period they were recorded in", async () => {
    at("2026-03-01T10:00:00");
    const confirmed = await tip(wardId, quarterIds[4]!);
    const open = await tip(wardId, quarterIds[4]!, "Tụ tập hút chích ở nhà trọ");
    const other = await services.wards.ensureWard({ slug: "nb", name: "Phường Nhơn Bình", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["Tổ 1"] });
    const outsider = await staff(other.wardId, "6001", "Cán bộ phường khác");

    await expect(services.tipOutcomes.record(officer, open.tipId, { kind: "case_opened", count: 1 })).rejects.toMatchObject({ code: "tip_not_confirmed" });
    await services.tips.close(officer, confirmed.tipId, "confirmed");
    await expect(services.tipOutcomes.record(outsider, confirmed.tipId, { kind: "case_opened", count: 1 })).rejects.toMatchObject({ code: "wrong_ward" });
    await expect(services.tipOutcomes.record(officer, confirmed.tipId, { kind: "administrative", count: null })).rejects.toBeInstanceOf(ServiceError);
    await expect(services.tipOutcomes.record(officer, "no-such-tip", { kind: "handed_over", count: null })).rejects.toMatchObject({ code: "tip_not_found" });

    await services.tipOutcomes.record(officer, confirmed.tipId, { kind: "case_opened", count: 3 });
    const mistake = await services.tipOutcomes.record(officer, confirmed.tipId, { kind: "venue_dismantled", count: 1 });
    at("2026-03-20T08:00:00"); // April's figures
    await services.tipOutcomes.record(officer, confirmed.tipId, { kind: "administrative", count: 2 });
    expect(await services.tipOutcomes.remove(officer, confirmed.tipId, mistake.id)).toMatchObject({ kind: "venue_dismantled" });
    expect(await services.tipOutcomes.remove(officer, confirmed.tipId, mistake.id)).toBeNull();
    expect((await services.tipOutcomes.forTip(confirmed.tipId)).map((o) => [o.kind, o.count, o.recordedOn])).toEqual([
      ["case_opened", 3, "2026-03-01"],
      ["administrative", 2, "2026-03-20"],
    ]);

    const audit = await db.auditEntry.findMany({ where: { tipId: confirmed.tipId, action: { startsWith: "tip.outcome" } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audit.map((a) => [a.action, a.actorMemberId, JSON.parse(a.detail) as unknown])).toEqual([
      ["tip.outcome_recorded", officer.id, { kind: "case_opened", count: 3 }],
      ["tip.outcome_recorded", officer.id, { kind: "venue_dismantled", count: 1 }],
      ["tip.outcome_recorded", officer.id, { kind: "administrative", count: 2 }],
      ["tip.outcome_removed", officer.id, { kind: "venue_dismantled", count: 1 }],
    ]);

    const march = (await build("2026-03")).figures;
    expect(march.outcomes.totals.case_opened).toEqual({ times: 1, count: 3, unknown: 0 });
    expect(march.outcomes.totals.administrative.times).toBe(0);
    expect(march.outcomes.totals.venue_dismantled.times).toBe(0);
    expect(march.perQuarter[4]!.outcomes.case_opened.count).toBe(3);
    const april = (await build("2026-04")).figures;
    expect(april.outcomes.totals.administrative).toEqual({ times: 1, count: 2, unknown: 0 });
    expect(april.tips.total).toBe(0);
    const q1 = (await build("2026-Q1")).figures;
    expect(q1.outcomes.tips).toBe(1);
  });

  it("keeps counting tips and their outcomes after retention deleted the tips", async () => {
    at("2026-01-10T10:00:00");
    const a = await tip(wardId, quarterIds[0]!);
    const b = await tip(wardId, null, "Nghi có người trồng cần sa sau vườn");
    await tip(wardId, quarterIds[2]!, "Tin vẫn đang xác minh");
    await services.tips.close(officer, a.tipId, "confirmed");
    await services.tipOutcomes.record(officer, a.tipId, { kind: "plants_destroyed", count: 40 });
    await services.tips.close(officer, b.tipId, "unfounded");
    const before = (await build("2026-H1")).figures;

    at("2026-09-01T10:00:00"); // more than 180 days after closing
    const purged = await services.tips.purgeClosed(180);
    expect(purged.tips).toBe(2);
    expect(await db.tip.count()).toBe(1);
    expect(await db.tipOutcome.findMany()).toMatchObject([{ tipId: null, kind: "plants_destroyed", count: 40, quarterId: quarterIds[0] }]);
    expect(await db.tipTally.findMany({ orderBy: { result: "asc" } })).toMatchObject([
      { month: "2026-01", quarterId: quarterIds[0], category: "dealing", result: "confirmed", count: 1 },
      { month: "2026-01", quarterId: "", category: "dealing", result: "unfounded", count: 1 },
    ]);
    const after = (await build("2026-H1")).figures;
    expect(after.tips).toEqual(before.tips);
    expect(after.outcomes.totals).toEqual(before.outcomes.totals);
    expect(after.perQuarter.map((q) => q.tips)).toEqual(before.perQuarter.map((q) => q.tips));
    // A second run finds nothing more to fold.
    await services.tips.purgeClosed(180);
    expect((await build("2026-H1")).figures.tips.total).toBe(3);
  });

  describe("files an officer prints, signs and sends", () => {
    let report: Report;
    beforeEach(async () => {
      at("2026-05-02T10:00:00");
      const a = await tip(wardId, quarterIds[2]!);
      await tip(wardId, quarterIds[3]!, "Có nhóm thanh niên bay lắc ở quán karaoke");
      await services.tips.close(officer, a.tipId, "confirmed");
      await services.tipOutcomes.record(officer, a.tipId, { kind: "case_opened", count: 2 });
      await services.tipOutcomes.record(officer, a.tipId, { kind: "dealing_point_dismantled", count: 1 });
      at("2026-06-20T09:00:00");
      report = await build("2026-H1");
    });

    it("the workbook prints on A4 fitted to the width, header rows repeated, in Times New Roman, with sensible widths", async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await buildReportWorkbook(report, t)) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((s) => s.name)).toEqual(["Tổng hợp", "Câu để dán", "Tin báo", "Kết quả xử lý", "Báo cáo tuần", "Diễn biến trong kỳ", "Hạn báo cáo", "Lộ trình", "Phân loại tin báo"]);
      for (const sheet of wb.worksheets) {
        const setup = sheet.pageSetup;
        expect(setup.paperSize, sheet.name).toBe(9);
        expect(setup.fitToPage, sheet.name).toBe(true);
        expect(setup.fitToWidth, sheet.name).toBe(1);
        expect(setup.fitToHeight, sheet.name).toBe(0);
        // The table's header row repeats on every printed page.
        expect(setup.printTitlesRow, sheet.name).toMatch(/^5:5$|^6:6$/);
        const headerRow = Number(setup.printTitlesRow!.split(":")[0]);
        expect(sheet.getRow(headerRow).getCell(1).font?.bold, sheet.name).toBe(true);
        // Every written cell is in Times New Roman.
        sheet.eachRow((row) => row.eachCell((cell) => expect(cell.font?.name, `${sheet.name}!${cell.address}`).toBe(FONT_NAME)));
        // No column too narrow to read or so wide it forces a tiny print; never a single column,
        // which LibreOffice does not shrink to the page (the sentences were cut at the margin).
        expect(sheet.columns.length, sheet.name).toBeGreaterThanOrEqual(2);
        for (const column of sheet.columns) expect(column.width!, sheet.name).toBeGreaterThanOrEqual(5);
        expect(sheet.columns.reduce((a, c) => a + c.width!, 0), sheet.name).toBeLessThanOrEqual(190);
        expect(sheet.headerFooter.oddFooter).toContain("&P");
      }
      expect(wb.getWorksheet("Tổng hợp")!.pageSetup.orientation).toBe("portrait");
      expect(wb.getWorksheet("Tin báo")!.pageSetup.orientation).toBe("landscape");

      const summary = wb.getWorksheet("Tổng hợp")!;
      expect(summary.getCell("A1").value).toBe("BÁO CÁO KẾT QUẢ XÂY DỰNG PHƯỜNG KHÔNG MA TÚY — 6 tháng đầu năm 2026");
      const valueOf = (label: string) => {
        let found: unknown;
        summary.eachRow((row) => {
          if (row.getCell(1).value === label) found = row.getCell(2).value;
        });
        return found;
      };
      expect(valueOf("Tin báo tiếp nhận")).toBe(2);
      expect(valueOf("Xác minh đúng")).toBe(1);
      expect(valueOf("Vụ án khởi tố, lập hồ sơ")).toBe(1);
      expect(valueOf("Đối tượng bị bắt, khởi tố")).toBe(2);
      expect(valueOf("Điểm mua bán bị triệt xóa")).toBe(1);
      expect(valueOf("Tổng số khu phố")).toBe(19);
      // A stock no quarter has given is "—", never 0; a flow no head reported is 0.
      expect(valueOf("Người nghiện ma túy đang quản lý (đến 14/06/2026; 0/19 khu phố đã báo)")).toBe("—");
      expect(valueOf("Người mới chấp hành xong án phạt tù trở về")).toBe(0);

      const sentences = wb.getWorksheet("Câu để dán")!;
      const text: string[] = [];
      sentences.eachRow((row) => text.push(row.getCell(2).text));
      expect(text).toContain("Trong kỳ, phường đã tiếp nhận 2 tin báo về ma túy qua kênh tin báo ẩn danh (trong đó 0 tin khẩn cấp); qua xác minh, 1 tin đúng, 0 tin không có cơ sở; 0 tin rác và 0 tin trùng với tin đã nhận; 0 tin đã chuyển xử lý, 1 tin đang xác minh.");
      expect(text).toContain("Trong kỳ, từ các tin báo xác minh đúng, đã khởi tố, lập hồ sơ 1 vụ án với 2 đối tượng và triệt xóa 1 điểm mua bán trái phép chất ma túy.");
      expect(text.some((s) => s.startsWith("Đến ngày 14/06/2026, 0/19 khu phố được ghi nhận đạt tiêu chí “không ma túy”"))).toBe(true);
      // Nothing a resident wrote or where: no description, no place.
      const everything: string[] = [];
      for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((cell) => everything.push(cell.text)));
      for (const needle of ["hẻm 7", "Trần Phú", "karaoke", "bán ma túy ở đầu"]) expect(everything.join("\n")).not.toContain(needle);
    });

    it("renders in English too, every message given what it needs", async () => {
      const en = translator("en");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await buildReportWorkbook(report, en)) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((s) => s.name)).toEqual(["Summary", "Sentences", "Tips", "Outcomes", "Weekly check-ins", "Changes in the period", "Deadlines", "Roadmap", "Triage"]);
      const xml = unzip(await buildReportDocx(report, en)).get("word/document.xml")!.toString("utf8");
      expect(docxParagraphs(xml).map((p) => p.text)).toContain("In the period, confirmed tips led to: 1 cases opened with 2 people and 1 dealing points dismantled.");
      expect(reportSummaryText(en, report)).toContain("From confirmed tips: 1 cases opened (2 people)");
      expect(reportSummaryText(t, report)).toContain("Từ tin báo xác minh đúng: khởi tố, lập hồ sơ 1 vụ (2 đối tượng)");
      const rollUp = await services.reports.rollUp("2026-H1", { unknownQuarter: "Unknown" });
      expect((await buildRollUpWorkbook(rollUp, en)).length).toBeGreaterThan(0);
    });

    it("the .docx draft follows Decree 30: motto, issuing body, number left blank, place and date, title, sections with figures, Nơi nhận, signature", async () => {
      const files = unzip(await buildReportDocx(report, t));
      const xml = files.get("word/document.xml")!.toString("utf8");
      const paragraphs = docxParagraphs(xml);
      const find = (text: string | RegExp) => paragraphs.find((p) => (typeof text === "string" ? p.text === text : text.test(p.text)));

      // Header: issuing body left, national motto right, in a borderless table.
      expect(find("CÔNG AN PHƯỜNG QUY NHƠN ĐÔNG")).toMatchObject({ inTable: true, alignment: "center" });
      expect(find("CÔNG AN PHƯỜNG QUY NHƠN ĐÔNG")!.runs[0]).toMatchObject({ bold: true, font: "Times New Roman" });
      expect(find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")!.runs[0]!.bold).toBe(true);
      expect(find("Độc lập - Tự do - Hạnh phúc")!.runs[0]!.bold).toBe(true);
      expect(find("Số: …/BC-…")).toBeDefined();
      expect(find("Quy Nhơn Đông, ngày … tháng … năm 2026")!.runs[0]!.italic).toBe(true);
      // Title, then the sections in order, the figures filled in.
      const order = ["BÁO CÁO", "Kết quả thực hiện kế hoạch xây dựng phường không ma túy 6 tháng đầu năm 2026", "I. KẾT QUẢ THỰC HIỆN", "1. Tiếp nhận, xác minh tin báo", "2. Kết quả xử lý từ tin báo", "II. ĐÁNH GIÁ CHUNG", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "TRƯỞNG CÔNG AN PHƯỜNG"];
      const positions = order.map((text) => paragraphs.findIndex((p) => p.text === text));
      expect(positions.every((p) => p >= 0), JSON.stringify(order.filter((_, i) => positions[i]! < 0))).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(find("BÁO CÁO")!.runs[0]!.bold).toBe(true);
      expect(find(/^Trong kỳ, phường đã tiếp nhận 2 tin báo/)).toMatchObject({ alignment: "both", inTable: false });
      expect(find(/khởi tố, lập hồ sơ 1 vụ án với 2 đối tượng/)).toBeDefined();
      // The figure table carries the summary's lines.
      const label = paragraphs.findIndex((p) => p.text === "Vụ án khởi tố, lập hồ sơ" && p.inTable);
      expect(paragraphs[label + 1]!.text).toBe("1");
      expect(find("- UBND phường (để báo cáo);")).toMatchObject({ inTable: true });
      expect(find(/^Trên đây là báo cáo/)!.text).toContain("6 tháng đầu năm 2026 của Công an phường Quy Nhơn Đông./.");
      // Every run in Times New Roman; the body text at 14 pt.
      for (const p of paragraphs) for (const r of p.runs) if (r.text) expect(r.font, r.text).toBe("Times New Roman");
      expect(find(/^Trong kỳ, phường đã tiếp nhận/)!.runs[0]!.size).toBe(28);
      // A4 with official margins (30 mm left, 15 mm right, 20 mm top and bottom).
      const section = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(xml)![0];
      expect(/<w:pgSz [^>]*>/.exec(section)![0]).toMatch(/w:w="11906" w:h="16838"/);
      const margin = (side: string) => Number(new RegExp(`<w:pgMar [^>]*w:${side}="(\\d+)"`).exec(section)![1]);
      expect([margin("top"), margin("bottom"), margin("left"), margin("right")].map((twips) => Math.round((twips / 1440) * 25.4))).toEqual([20, 20, 30, 15]);
      // Page numbers in the header from the second page on.
      expect(section).toContain("<w:titlePg/>");
      for (const needle of ["hẻm 7", "Trần Phú", "karaoke"]) expect(xml).not.toContain(needle);
    });
  });

  it("rolls up two wards for the level above: counts only, per ward, with totals", async () => {
    const nb = await services.wards.ensureWard({ slug: "nb", name: "Phường Nhơn Bình", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["Tổ dân phố 1", "Tổ dân phố 2"] });
    const nbOfficer = await staff(nb.wardId, "7001", "Trần Thị Bình");
    const nbQuarters = (await services.wards.listQuarters(nb.wardId)).map((q) => q.id);
    at("2026-04-03T10:00:00");
    const a = await tip(wardId, quarterIds[0]!);
    await tip(wardId, quarterIds[1]!);
    const b = await tip(nb.wardId, nbQuarters[1]!, "Nhà trọ số 9 có người tụ tập sử dụng");
    await tip(nb.wardId, null);
    await tip(nb.wardId, null);
    await services.tips.close(officer, a.tipId, "confirmed");
    await services.tipOutcomes.record(officer, a.tipId, { kind: "case_opened", count: 1 });
    await services.tips.close(nbOfficer, b.tipId, "confirmed");
    await services.tipOutcomes.record(nbOfficer, b.tipId, { kind: "case_opened", count: 4 });
    await services.tipOutcomes.record(nbOfficer, b.tipId, { kind: "venue_dismantled", count: 1 });
    at("2026-04-20T09:00:00");

    const rollUp = await services.reports.rollUp("2026-Q2", { unknownQuarter: "Không rõ" });
    expect(rollUp.period.key).toBe("2026-Q2");
    expect(rollUp.wards.map((w) => [w.wardName, w.figures.tips.total, w.figures.outcomes.totals.case_opened.count])).toEqual([
      ["Phường Nhơn Bình", 3, 4],
      ["Phường Quy Nhơn Đông", 2, 1],
    ]);
    // Each ward's audit says its figures went up.
    expect(await db.auditEntry.count({ where: { action: "report.generated", actorMemberId: null } })).toBe(2);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildRollUpWorkbook(rollUp, t)) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet("Tổng hợp")!;
    const header = summary.getRow(Number(summary.pageSetup.printTitlesRow!.split(":")[0])).values as unknown[];
    expect(header.slice(1)).toEqual(["Nội dung", "Phường Nhơn Bình", "Phường Quy Nhơn Đông", "Tổng"]);
    const row = (label: string) => {
      let found: unknown[] = [];
      summary.eachRow((r) => {
        if (r.getCell(1).value === label) found = (r.values as unknown[]).slice(2);
      });
      return found;
    };
    expect(row("Tin báo tiếp nhận")).toEqual([3, 2, 5]);
    expect(row("Đối tượng bị bắt, khởi tố")).toEqual([4, 1, 5]);
    expect(row("Điểm tổ chức, chứa chấp sử dụng bị triệt xóa")).toEqual([1, 0, 1]);
    expect(row("Tổng số khu phố")).toEqual([2, 19, 21]);
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
    // Counts only: no quarter, no person, no text of any tip.
    const everything: string[] = [];
    for (const sheet of wb.worksheets) sheet.eachRow((r) => r.eachCell((c) => everything.push(c.text)));
    const joined = everything.join("\n");
    for (const needle of ["Khu phố 1", "Tổ dân phố 2", "Lê Văn An", "Trần Thị Bình", "Nhà trọ số 9", "hẻm 7"]) expect(joined).not.toContain(needle);
  });
});
