// Officers record the decision that set each quarter's status (date, number,
// issuing body); /roadmap compares them with the targets; /target shows where
// each target came from and lets the admin confirm it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";

describe("drug-free roadmap", () => {
  let t: TestApp;
  let ward: Ward;
  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("records statuses by decision, shows target against actual with a chart, and lets the admin confirm a target", async () => {
    for (const [n, label] of [[5, "Không ma túy"], [6, "Không ma túy"], [7, "Trọng điểm phức tạp"]] as const) {
      const prompt = await ward.officer.say(`/quarterstatus ${n}`, new RegExp(`Khu phố ${n}: quyết định ngày 25/11/2026 xác định tình trạng nào\\?`));
      // The bot names no decider: the decision does.
      expect(prompt?.text).not.toMatch(/công an phường đã xác định/i);
      expect(prompt?.text).toContain("Chưa ghi số quyết định và cơ quan ban hành");
      await ward.officer.tap(label, new RegExp(`Đã ghi nhận: Khu phố ${n} — .*${label}, theo quyết định ngày 25/11/2026`));
    }
    // A decision taken earlier, with its number and issuing body: both kept, read back from the message into the database.
    const earlier = await ward.officer.say("/quarterstatus 8 30/12/2025 Quyết định số 15/QĐ-UBND của UBND phường Quy Nhơn Đông", /Khu phố 8: quyết định ngày 30\/12\/2025/);
    expect(earlier?.text).toContain("\n📄 15/QĐ-UBND\n🏛 UBND phường Quy Nhơn Đông");
    expect(ward.officer.buttons(earlier!)).toEqual(["✅ Không ma túy", "🔨 Đang xây dựng", "🟠 Có nguy cơ phát sinh phức tạp", "🔴 Trọng điểm phức tạp", "⚪ Chưa đánh giá"]);
    await ward.officer.tap("Không ma túy", /Đã ghi nhận: Khu phố 8 — .*30\/12\/2025\.\n📄 15\/QĐ-UBND\n🏛 UBND phường Quy Nhơn Đông/);
    expect(await t.app.services.db.quarterStatusRecord.findFirst({ where: { decidedOn: "2025-12-30" } })).toMatchObject({ status: "drug_free", decisionNumber: "15/QĐ-UBND", issuer: "UBND phường Quy Nhơn Đông", note: null });
    // The status the plans name for areas at risk.
    await ward.officer.say("/quarterstatus 9 20/11/2026 Công an phường", /Khu phố 9/);
    await ward.officer.tap("Có nguy cơ phát sinh phức tạp", /Đã ghi nhận: Khu phố 9 — 🟠 Có nguy cơ phát sinh phức tạp/);
    expect(await t.app.services.db.quarterStatusRecord.findFirst({ where: { status: "at_risk" } })).toMatchObject({ decidedOn: "2026-11-20", decisionNumber: null, issuer: "Công an phường" });
    await ward.officer.say("/quarterstatus 8 1/1/2099", /Cách dùng: \/quarterstatus/);
    // The same date forged into a button: refused, nothing recorded.
    const own = await ward.officer.say("/quarterstatus 9", /Khu phố 9/);
    const forged = await ward.officer.press(own!.message_id, "qs:9:drug_free:20990101");
    expect(forged.answer).toMatchObject({ text: "⛔ Khu phố hoặc ngày quyết định không hợp lệ (ngày không được ở tương lai).", show_alert: true });
    expect(await t.app.services.db.quarterStatusRecord.count({ where: { decidedOn: "2099-01-01" } })).toBe(0);

    // The targets exist from the ward's creation, marked as the plan's until confirmed.
    expect(await t.app.services.db.roadmapTarget.count({ where: { source: "plan" } })).toBe(6);
    const text = await ward.officer.say("/roadmap", /Lộ trình xây dựng khu phố không ma túy/);
    expect(text?.text).toContain("2025: 1/19 (mục tiêu 4, chưa xác nhận) ❌");
    expect(text?.text).toContain("2026: 3/19 (mục tiêu 10, chưa xác nhận) ⏳");
    expect(text?.text).toContain("2030: 3/19 (mục tiêu 19, chưa xác nhận)");
    expect(text?.text).toMatch(/chưa được công nhận: Khu phố 1, Khu phố 2/);
    expect(text?.text).toContain("xác nhận bằng /target");
    const chart = await ward.officer.waitFor(/Lộ trình khu phố không ma túy/, new Set());
    expect(chart.photo).toBeDefined();

    const targets = await ward.officer.say("/target", /Mục tiêu khu phố không ma túy đến cuối mỗi năm/);
    expect(targets?.text).toContain("• 2026: 10 khu phố — theo Kế hoạch của UBND phường Quy Nhơn Đông: 10/19 (tỷ lệ 52%), quy đổi theo 19 khu phố của phường; chưa xác nhận");
    expect(targets?.text).toContain("• 2025: 4 khu phố — Kế hoạch của UBND phường Quy Nhơn Đông ghi tỷ lệ 20%");
    expect(targets?.text).toContain("cho 9/19, tức 9 khu phố. Xin xác nhận: /target 2025 SỐ");

    await ward.officer.say("/target 2026 2", /Chỉ quản trị viên/);
    await ward.admin.say("/target 2026 20", /Cách dùng: \/target/);
    await ward.admin.say("/target 2025 9", /Đã đặt mục tiêu năm 2025: 9 khu phố không ma túy/);
    const set = await ward.admin.say("/target 2026 2", /Đã đặt mục tiêu năm 2026: 2/);
    expect(set).toBeDefined();
    const listed = await ward.admin.waitFor(/• 2026: 2 khu phố \(tỷ lệ 11%\) — phường đã xác nhận ngày \d\d\/\d\d\/\d{4}/, new Set());
    expect(listed.text).toContain("• 2025: 9 khu phố (tỷ lệ 47%) — phường đã xác nhận ngày");
    const after = await ward.officer.say("/roadmap", /2026: 3\/19 \(mục tiêu 2\) ✅/);
    expect(after?.text).not.toContain("chưa được công nhận");
    expect(after?.text).toContain("2025: 1/19 (mục tiêu 9) ❌");

    const audit = await t.app.services.db.auditEntry.count({ where: { action: "roadmap.status_recorded" } });
    expect(audit).toBe(5);
    expect(await t.app.services.db.auditEntry.count({ where: { action: "roadmap.target_set" } })).toBe(2);
    await Persona.create(t.standIn, { first_name: "Dân" }).say("/roadmap", /Chỉ cán bộ/);
  });
});
