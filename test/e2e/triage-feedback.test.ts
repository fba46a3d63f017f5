// Feedback from every override: an officer changes the bot's priority on a
// tip's card and, with one more tap, says why; another changes one and skips
// the why; a third sets a tip to the priority the bot gave it. /triage (and
// /phanloai) then shows how often officers kept the bot's priority, the
// correction, the reason and the signals those tips had, and the report's
// workbook carries the same on a sheet, read back from the file the bot sent.
// The override row holds the tip's ward and reporting month, nothing finer.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardButtons } from "../../src/bot/callback-data/index.js";
import { FakeClock } from "../support/clock.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { until } from "../support/wait.js";

// Wednesday 25 Nov 2026, 09:00 in Vietnam: reporting month 2026-12 (15/11–14/12), quarter IV.
const START = Date.parse("2026-11-25T02:00:00Z");
const LABEL: Record<string, string> = { urgent: "Khẩn cấp", high: "Cao", normal: "Bình thường", low: "Thấp" };
const REASON_LABEL: Record<string, string> = { category_dealing: "Mua bán ma túy", happening_today: "Trong hôm nay", drug_terms: "Có từ chỉ ma túy" };

describe("officers' priority changes teach /triage and the report", () => {
  let t: TestApp;
  let ward: Ward;
  let tips: { id: string; reference: string; priority: string; triageReasons: string }[];
  const group = () => ward.group(ward.officer);
  const cardOf = (reference: string) => until(() => group().botMessages().find((m) => (m.text ?? "").includes(`Tin báo #${reference}`) && m.reply_markup), () => `no card #${reference}`);
  const current = (messageId: number) => group().botMessages().find((m) => m.message_id === messageId)!;
  /** Another priority than the bot's: the one the officer chooses. */
  const other = (bot: string) => (bot === "high" ? "urgent" : "high");

  beforeAll(async () => {
    t = await startTestApp({ clock: new FakeClock(START) });
    ward = await setUpWard(t);
    const resident = Persona.create(t.standIn, { first_name: "Cư", last_name: "Dân", username: "resident_triage" });
    for (const n of [1, 2, 3]) {
      await sendQuickTip(resident, { category: "Mua bán", quarter: "Khu phố 5", place: `hẻm ${n}`, timing: "Hôm nay", description: `Có người bán hàng trắng ở hẻm ${n}` });
    }
    tips = await t.app.services.db.tip.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, reference: true, priority: true, triageReasons: true } });
    expect(tips).toHaveLength(3);
    // The three tips read alike: the bot ranks them alike, so the two changes make one correction.
    expect(new Set(tips.map((tip) => tip.priority)).size).toBe(1);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("offers the reasons after a change of the bot's priority, records the one tapped, and refuses a bystander's forged tap", async () => {
    const [first, second, third] = tips as [(typeof tips)[0], (typeof tips)[0], (typeof tips)[0]];
    const bot = first.priority;
    const target = other(bot);

    const card = await cardOf(first.reference);
    await group().press(card.message_id, cardButtons.priorityMenu.encode({ tipId: first.id }));
    const changed = await group().press(card.message_id, cardButtons.priority.encode({ tipId: first.id, priority: target }));
    expect(changed.answer.text).toContain(`Đã đổi mức độ: ${LABEL[target]}`);
    expect(changed.answer.text).toContain("Vì sao");
    expect(group().buttons(current(card.message_id))).toEqual(["Đang diễn ra", "Có trẻ em", "Có nguy hiểm", "Tin cũ/không rõ", "Trùng tin", "Khác", "⏭ Bỏ qua"]);
    expect(current(card.message_id).text).toContain(`Mức độ: ${LABEL[target]}`);

    // Someone in the group who is not staff cannot give the reason.
    const reasonData = cardButtons.priorityReason.encode({ tipId: first.id, reason: "children" });
    expect((await ward.group(ward.bystander).press(card.message_id, reasonData)).answer).toMatchObject({ show_alert: true });
    expect((await t.app.services.db.triageOverride.findUniqueOrThrow({ where: { tipId: first.id } })).reason).toBeNull();

    const tapped = await group().tap("Có trẻ em");
    expect(tapped.answer.text).toBe("Đã ghi lý do: Có trẻ em.");
    expect(group().buttons(current(card.message_id))).toContain("⚖️ Mức độ");

    // The second tip: changed the same way, the reason skipped.
    const secondCard = await cardOf(second.reference);
    await group().press(secondCard.message_id, cardButtons.priorityMenu.encode({ tipId: second.id }));
    await group().press(secondCard.message_id, cardButtons.priority.encode({ tipId: second.id, priority: target }));
    await group().press(secondCard.message_id, cardButtons.back.encode({ tipId: second.id }));
    expect(group().buttons(current(secondCard.message_id))).toContain("⚖️ Mức độ");

    // The third: set to what the bot said. Nothing to explain, the card goes back to its buttons.
    const thirdCard = await cardOf(third.reference);
    await group().press(thirdCard.message_id, cardButtons.priorityMenu.encode({ tipId: third.id }));
    const same = await group().press(thirdCard.message_id, cardButtons.priority.encode({ tipId: third.id, priority: bot as "high" }));
    expect(same.answer.text).not.toContain("Vì sao");
    expect(group().buttons(current(thirdCard.message_id))).not.toContain("Có trẻ em");
    // A reason for a tip the officers agreed with is refused: there is nothing to explain.
    const forged = await group().press(thirdCard.message_id, cardButtons.priorityReason.encode({ tipId: third.id, reason: "other" }));
    expect(forged.answer).toMatchObject({ show_alert: true });

    const rows = await t.app.services.db.triageOverride.findMany();
    expect(rows.map((r) => [r.tipId, r.botPriority, r.officerPriority, r.reason]).sort()).toEqual(
      [
        [first.id, bot, target, "children"],
        [second.id, bot, target, null],
        [third.id, bot, bot, null],
      ].sort(),
    );
    // The tip's ward and reporting month, the two priorities, the reason, the signals: no time, no officer, nobody else.
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(["botPriority", "id", "month", "officerPriority", "reason", "signals", "tipId", "wardId"]);
      expect(r.month).toBe("2026-12");
      expect(Object.values(r).some((v: unknown) => v instanceof Date)).toBe(false);
    }
    expect(JSON.parse(rows.find((r) => r.tipId === first.id)!.signals)).toEqual(JSON.parse(first.triageReasons));

    // Audited as the card's other actions are, by officer.
    const history = await ward.group(ward.admin).say(`/audit ${first.reference}`, /Lịch sử tin báo/);
    expect(history?.text).toMatch(new RegExp(`tip\\.priority_changed — Lê Cán Bộ \\(from=${bot}, to=${target}\\)`));
    expect(history?.text).toMatch(/tip\.priority_reason_given — Lê Cán Bộ \(reason=children\)/);
  });

  it("shows the period's agreement, the correction, the reasons and the signals on /triage and /phanloai, to officers only", async () => {
    const bot = tips[0]!.priority;
    const target = other(bot);
    const answer = await group().say("/triage 2026-Q4", /Bot xếp mức độ/);
    const text = answer?.text ?? "";
    expect(text).toContain("quý IV năm 2026");
    expect(text).toContain("Tin báo trong kỳ: 3");
    expect(text).toContain("Cán bộ giữ mức bot xếp: 1/3 tin (33 %)");
    expect(text).toContain("Cán bộ đổi mức độ: 2 tin (nâng 2, hạ 0)");
    expect(text).toContain(`${LABEL[bot]} → ${LABEL[target]}: 2`);
    expect(text).toContain("Có trẻ em: 1");
    expect(text).toContain("Không chọn lý do: 1");
    for (const code of JSON.parse(tips[0]!.triageReasons) as string[]) if (REASON_LABEL[code]) expect(text).toContain(`${REASON_LABEL[code]}: 2`);

    const alias = await group().say("/phanloai 12/2026", /Bot xếp mức độ/);
    expect(alias?.text).toContain("tháng 12 năm 2026");
    expect(alias?.text).toContain("Cán bộ giữ mức bot xếp: 1/3 tin (33 %)");
    // Another period: nothing filed, nothing changed.
    await group().say("/triage 2026-03", /Chưa có tin báo nào trong kỳ này/);
    await group().say("/triage hôm qua", /Cách dùng: \/triage/);

    await ward.group(ward.bystander).say("/triage", /Chỉ cán bộ công an phường đã đăng ký/);
    const resident = Persona.create(t.standIn, { first_name: "Người", last_name: "Dân" });
    await resident.say("/phanloai", /Chỉ cán bộ công an phường đã đăng ký/);
  });

  it("puts the same figures on a sheet of the report's workbook", async () => {
    const bot = tips[0]!.priority;
    const target = other(bot);
    const officer = ward.officer;
    await officer.say("/report 2026-Q4", /Báo cáo quý IV năm 2026/);
    const workbookMessage = await officer.waitFor(/Báo cáo quý IV năm 2026 — số liệu đến/, new Set());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.standIn.fileBytes(workbookMessage.document!.file_id)!) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Phân loại tin báo");
    expect(sheet).toBeDefined();
    const values = new Map<string, unknown>();
    sheet!.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === "string") values.set(label, row.getCell(2).value);
    });
    expect(values.get("Tin báo trong kỳ")).toBe(3);
    expect(values.get("Cán bộ giữ mức bot xếp")).toBe(1);
    expect(values.get("Tỷ lệ thống nhất (%)")).toBe(33);
    expect(values.get("Cán bộ đổi mức độ")).toBe(2);
    expect(values.get(`${LABEL[bot]} → ${LABEL[target]}`)).toBe(2);
    expect(values.get("Có trẻ em")).toBe(1);
    expect(values.get("Không chọn lý do")).toBe(1);
    for (const code of JSON.parse(tips[0]!.triageReasons) as string[]) if (REASON_LABEL[code]) expect(values.get(REASON_LABEL[code])).toBe(2);
  });
});
