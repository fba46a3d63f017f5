// Retention: closed tips disappear TIP_RETENTION_DAYS after closing, with
// everything hanging off them; the log says how many, never what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";

describe("retention of closed tips", () => {
  let t: TestApp;
  let ward: Ward;

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function closeLatestCard(reason: string) {
    const officer = ward.group(ward.officer);
    await officer.tap("✅ Đóng");
    await officer.tap(reason, /Đã đóng/);
  }

  it("deletes a tip 180 days after it closed, with its photos, additions, questions and cards, and logs counts only", async () => {
    const db = t.app.services.db;
    const resident = Persona.create(t.standIn, { first_name: "Lưu", last_name: "Trữ" });
    const oldReceipt = (await sendQuickTip(resident, { category: "Mua bán", quarter: "Khu phố 3", place: "chợ đêm cổng sau", timing: "Hôm nay", description: "Bán hàng trắng ở cổng sau chợ đêm" }))!;
    await t.app.services.tips.addInformation(oldReceipt, "Thêm: xe máy màu đỏ", ["AgACAgUAAx-old-photo"]);
    await closeLatestCard("Xác minh đúng");
    const oldTip = (await db.tip.findFirstOrThrow({ where: { status: "closed" } })).id;

    t.clock.advanceHours(24 * 100);
    await sendQuickTip(resident, { category: "Điểm tụ tập", quarter: "Khu phố 4", place: null, timing: "Kéo dài", description: "Tụ tập ở bãi đất trống" });
    await closeLatestCard("Không có cơ sở");
    expect(await db.tip.count({ where: { status: "closed" } })).toBe(2);

    // 179 days after the first closed: nothing goes yet.
    t.clock.advanceHours(24 * 79);
    expect(await t.app.purgeOldTips()).toBe(0);

    t.clock.advanceHours(24 * 2);
    const before = t.logs.lines.length;
    expect(await t.app.purgeOldTips()).toBe(1);
    expect(await db.tip.findUnique({ where: { id: oldTip } })).toBeNull();
    expect(await db.tipPhoto.count({ where: { tipId: oldTip } })).toBe(0);
    expect(await db.tipAddendum.count({ where: { tipId: oldTip } })).toBe(0);
    expect(await db.tipCard.count({ where: { tipId: oldTip } })).toBe(0);
    expect(await db.tip.count()).toBe(1);
    const logged = t.logs.lines.slice(before).join("\n");
    expect(logged).toMatch(/"tips":1,"photos":0,"addenda":1,"questions":0.*retention: closed tips purged/);
    expect(logged).not.toMatch(/chợ đêm|xe máy|Bán hàng/);
    expect((await db.auditEntry.findMany({ where: { action: "tips.purged" } })).map((e) => JSON.parse(e.detail) as unknown)).toEqual([{ tips: 1, olderThanDays: 180 }]);

    // The receipt of a purged tip finds nothing, like any wrong code.
    await resident.say(`/status ${oldReceipt}`, /Không tìm thấy tin báo/);

    t.clock.advanceHours(24 * 100);
    expect(await t.app.purgeOldTips()).toBe(1);
    expect(await db.tip.count()).toBe(0);
  });

  it("never purges an open tip, however old", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Mở" });
    await sendQuickTip(resident, { category: "Dấu hiệu khác", quarter: "Không rõ", place: null, timing: "Trước đây", description: "Có mùi lạ ở bãi đất trống gần trường" });
    t.clock.advanceHours(24 * 400);
    expect(await t.app.purgeOldTips()).toBe(0);
    expect(await t.app.services.db.tip.count({ where: { status: "new" } })).toBe(1);
  });
});
