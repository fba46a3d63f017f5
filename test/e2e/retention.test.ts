// Retention: closed tips disappear TIP_RETENTION_DAYS after closing, with
// everything hanging off them; the log says how many, never what. The purge
// runs as the daily task the scheduler registers with node-cron: here node-cron
// makes that task without starting it (its timer follows the real clock), the
// test checks with node-cron when it would fire, and runs it with node-cron's
// own execute().
import cron, { type ScheduledTask } from "node-cron";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CronTaskFactory } from "../../src/app.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { until } from "../support/wait.js";

describe("retention of closed tips", () => {
  let t: TestApp;
  let ward: Ward;
  const tasks = new Map<string, ScheduledTask>();
  // node-cron's own task, never started: the test decides when it runs.
  const cronTasks: CronTaskFactory = (expression, work, options) => {
    const task = cron.createTask(expression, work, options);
    tasks.set(options.name, task);
    return task;
  };
  const retentionRun = () => tasks.get("retention purge")!;
  /** Runs the registered daily task to its end (node-cron's execute: the same callback its timer would call). */
  const runDailyPurge = async () => {
    const before = t.logs.lines.length;
    await retentionRun().execute();
    return t.logs.lines.slice(before).join("\n");
  };

  beforeAll(async () => {
    t = await startTestApp({ cronTasks });
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function closeCard(reference: string, reason: string) {
    const officer = ward.group(ward.officer);
    const card = await until(() => officer.botMessages().find((m) => (m.text ?? "").includes(`Tin báo #${reference}`) && m.reply_markup), () => `no card #${reference}`);
    const closeMenu = t.standIn.findButton(card, "✅ Đóng")!;
    await officer.press(card.message_id, closeMenu.callback_data!);
    const reasons = officer.botMessages().find((m) => m.message_id === card.message_id)!;
    await officer.press(card.message_id, t.standIn.findButton(reasons, reason)!.callback_data!, /Đã đóng/);
  }

  it("registers the purge with node-cron for 03:17 every day in the ward's timezone, run alone", () => {
    const task = retentionRun();
    expect(task.getPattern()).toBe("17 3 * * *");
    // 03:17 in Vietnam is 20:17 UTC the day before; other minutes and hours do not match.
    expect(task.match(new Date("2026-11-25T20:17:00Z"))).toBe(true);
    expect(task.match(new Date("2026-11-26T20:17:00Z"))).toBe(true);
    expect(task.match(new Date("2026-11-26T03:17:00Z"))).toBe(false);
    expect(task.match(new Date("2026-11-25T20:18:00Z"))).toBe(false);
    expect(task.match(new Date("2026-11-25T21:17:00Z"))).toBe(false);
    expect([...tasks.keys()].sort()).toEqual(["retention purge", "scheduled jobs", "sweep"]);
  });

  it("the daily run deletes a tip 180 days after it closed, with its photos, additions, questions, answers and cards (and at once a notification target left behind), and logs counts only", async () => {
    const db = t.app.services.db;
    const resident = Persona.create(t.standIn, { first_name: "Lưu", last_name: "Trữ" });
    // A tip with a photo, opted in to notifications.
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    await resident.tap("Khu phố 3", /Bước 3\/6/);
    await resident.say("chợ đêm cổng sau", /Bước 4\/6/);
    await resident.tap("Hôm nay", /Bước 5\/6/);
    await resident.say("Bán hàng trắng ở cổng sau chợ đêm", /Bước 6\/6/);
    await resident.sendPhoto(/Đã nhận ảnh 1\/5/);
    await resident.tap("Xong", /Xem lại tin báo/);
    // The switch is turned in place, on the review itself.
    await resident.tap("Nhận thông báo: Tắt");
    await until(() => resident.botMessages().some((m) => resident.buttons(m).some((b) => b.includes("Nhận thông báo: Bật"))), () => "the switch did not turn on");
    const sent = await resident.tap("📨 Gửi", /Mã biên nhận/);
    const oldReceipt = /TB-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(sent.message?.text ?? "")![0];
    const oldTip = await db.tip.findFirstOrThrow({ where: { status: "new" } });
    // An addition with a photo, and an officer's question the resident answers.
    await resident.say(`/status ${oldReceipt}`, /Tình trạng tin báo/);
    await resident.tap("Bổ sung thông tin", /Gõ thông tin bổ sung/);
    await resident.say("Thêm: xe máy màu đỏ", /Đã ghi nhận/);
    await resident.sendPhoto(/Đã nhận ảnh 1\/5/);
    await resident.tap("📨 Gửi", /Đã chuyển thông tin bổ sung/);
    const officer = await t.app.services.members.findActive(oldTip.wardId, String(ward.officer.user.id));
    const { questionId } = await t.app.services.tips.ask(officer!, oldTip.id, "Xe máy biển số mấy?");
    await t.app.services.tips.answerQuestion(oldReceipt, questionId, "Không nhìn rõ");
    await closeCard(oldTip.reference, "Xác minh đúng");
    // A notification target a closing left behind (the process died before forgetting it): the run clears it too.
    await t.app.services.notifications.optIn(oldTip.id, resident.chatId);
    const children = async (tipId: string) => ({
      photos: await db.tipPhoto.count({ where: { tipId } }),
      addenda: await db.tipAddendum.count({ where: { tipId } }),
      questions: await db.tipQuestion.count({ where: { tipId } }),
      answered: await db.tipQuestion.count({ where: { tipId, answer: { not: null } } }),
      cards: await db.tipCard.count({ where: { tipId } }),
      notify: (await t.app.services.notifications.target(tipId)) === null ? 0 : 1,
    });
    expect(await children(oldTip.id)).toEqual({ photos: 1, addenda: 1, questions: 1, answered: 1, cards: 1, notify: 1 });

    t.clock.advanceHours(24 * 100);
    const recentReceipt = (await sendQuickTip(resident, { category: "Điểm tụ tập", quarter: "Khu phố 4", place: null, timing: "Kéo dài", description: "Tụ tập ở bãi đất trống" }))!;
    const recentTip = await db.tip.findFirstOrThrow({ where: { status: "new" } });
    await closeCard(recentTip.reference, "Không có cơ sở");
    expect(await db.tip.count({ where: { status: "closed" } })).toBe(2);

    // 179 days after the first closed: no tip goes yet, but the forgotten notification target does.
    t.clock.advanceHours(24 * 79);
    expect(await runDailyPurge()).toMatch(/"tips":0,"photos":0,"addenda":0,"questions":0,"notificationTargets":1,.*retention: closed tips purged/);
    expect(await db.tip.count()).toBe(2);
    expect(await children(oldTip.id)).toEqual({ photos: 1, addenda: 1, questions: 1, answered: 1, cards: 1, notify: 0 });

    t.clock.advanceHours(24 * 2);
    const logged = await runDailyPurge();
    expect(logged).not.toMatch(/retention purge failed/);
    expect(await db.tip.findUnique({ where: { id: oldTip.id } })).toBeNull();
    expect(await children(oldTip.id)).toEqual({ photos: 0, addenda: 0, questions: 0, answered: 0, cards: 0, notify: 0 });
    expect(await db.tip.count()).toBe(1);
    expect(logged).toMatch(/"tips":1,"photos":1,"addenda":1,"questions":1,"notificationTargets":0,.*retention: closed tips purged/);
    expect(logged).not.toMatch(/chợ đêm|xe máy|Bán hàng|biển số|nhìn rõ/);
    expect((await db.auditEntry.findMany({ where: { action: "tips.purged" } })).map((e) => JSON.parse(e.detail) as unknown)).toEqual([{ tips: 1, olderThanDays: 180 }]);

    // The receipt of a purged tip finds nothing, like any wrong code; the younger one still works.
    await resident.say(`/status ${oldReceipt}`, /Không tìm thấy tin báo/);
    await resident.say(`/status ${recentReceipt}`, /Tình trạng tin báo/);

    t.clock.advanceHours(24 * 100);
    await runDailyPurge();
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
