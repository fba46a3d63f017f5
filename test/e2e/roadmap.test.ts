// Officers record the police's decisions per quarter; /roadmap compares them with the targets.
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

  it("records statuses, shows target against actual with a chart, and lets the admin change a target", async () => {
    for (const [n, label] of [[5, "Không ma túy"], [6, "Không ma túy"], [7, "Trọng điểm phức tạp"]] as const) {
      await ward.officer.say(`/quarterstatus ${n}`, new RegExp(`Khu phố ${n}: công an phường đã xác định`));
      await ward.officer.tap(label, new RegExp(`Đã ghi nhận: Khu phố ${n} — .*${label}.*25/11/2026`));
    }
    // A decision taken earlier, with its note: both kept, read back from the database.
    await ward.officer.say("/quarterstatus 8 30/12/2025 QĐ số 12/QĐ-CAP ngày 30/12", /Khu phố 8: .*ngày 30\/12\/2025\)\n📝 QĐ số 12\/QĐ-CAP ngày 30\/12/);
    await ward.officer.tap("Không ma túy", /Đã ghi nhận: Khu phố 8 — .*30\/12\/2025.*\n📝 QĐ số 12\/QĐ-CAP/);
    expect(await t.app.services.db.quarterStatusRecord.findFirst({ where: { decidedOn: "2025-12-30" } })).toMatchObject({ status: "drug_free", note: "QĐ số 12/QĐ-CAP ngày 30/12" });
    await ward.officer.say("/quarterstatus 8 1/1/2099", /Cách dùng: \/quarterstatus/);
    // The same date forged into a button: refused, nothing recorded.
    const own = await ward.officer.say("/quarterstatus 9", /Khu phố 9/);
    const forged = await ward.officer.press(own!.message_id, "qs:9:drug_free:20990101");
    expect(forged.answer).toMatchObject({ text: "⛔ Khu phố hoặc ngày quyết định không hợp lệ (ngày không được ở tương lai).", show_alert: true });
    expect(await t.app.services.db.quarterStatusRecord.count({ where: { decidedOn: "2099-01-01" } })).toBe(0);
    const text = await ward.officer.say("/roadmap", /Lộ trình xây dựng khu phố không ma túy/);
    expect(text?.text).toContain("2025: 1/19 (mục tiêu 4) ❌");
    expect(text?.text).toContain("2026: 3/19 (mục tiêu 10) ⏳");
    expect(text?.text).toContain("2030: 3/19 (mục tiêu 19)");
    expect(text?.text).toMatch(/chưa được công nhận: Khu phố 1, Khu phố 2/);
    const chart = await ward.officer.waitFor(/Lộ trình khu phố không ma túy/, new Set());
    expect(chart.photo).toBeDefined();

    await ward.officer.say("/target 2026 2", /Chỉ quản trị viên/);
    await ward.admin.say("/target 2026 2", /Đã đặt mục tiêu năm 2026: 2/);
    const after = await ward.officer.say("/roadmap", /2026: 3\/19 \(mục tiêu 2\) ✅/);
    expect(after?.text).not.toContain("chưa được công nhận");

    const audit = await t.app.services.db.auditEntry.count({ where: { action: "roadmap.status_recorded" } });
    expect(audit).toBe(4);
    await Persona.create(t.standIn, { first_name: "Dân" }).say("/roadmap", /Chỉ cán bộ/);
  });
});
