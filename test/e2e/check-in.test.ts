// Quarter heads through the stand-in with a controllable clock: registration,
// prompts, a full check-in, "nothing new", reminders, escalation, the summary
// with its chart, holidays, /away, a blocked head, and a restart mid-week.
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, startTestApp, type TestApp, telegramStandIn } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";

// Wednesday 25 Nov 2026, 09:00 in Vietnam. Week 48 opens Friday 27 Nov 08:00 (01:00 UTC).
const START = Date.parse("2026-11-25T02:00:00Z");
const FRIDAY_OPEN = Date.parse("2026-11-27T01:00:00Z");
const HOUR = 3_600_000;

async function invite(ward: Ward, t: TestApp, quarter: number, name: string, deputy = false): Promise<Persona> {
  const message = await ward.officer.say(`/invitehead ${quarter}${deputy ? " pho" : ""}`, /Liên kết mời/);
  const payload = /start=(qh_[\w-]+)/.exec(message?.text ?? "")![1]!;
  const head = Persona.create(t.standIn, { first_name: name });
  await head.say(`/start ${payload}`, new RegExp(`Khu phố ${quarter}`));
  await head.tap("Xác nhận", /Bạn đã được đăng ký là/);
  return head;
}

async function at(t: TestApp, instant: number): Promise<number> {
  t.clock.advance(instant - t.clock.now().getTime());
  return t.app.tick();
}

describe("weekly check-in", () => {
  const running: TestApp[] = [];
  afterEach(async () => {
    for (const t of running.splice(0)) await t.stop();
  });

  it("prompts, takes a full check-in and 'nothing new', reminds the late, escalates and summarises", async () => {
    const t = await startTestApp({ clock: new FakeClock(START) });
    running.push(t);
    const ward = await setUpWard(t);
    const head5 = await invite(ward, t, 5, "Tổ trưởng Năm");
    const head7 = await invite(ward, t, 7, "Tổ trưởng Bảy");
    const head9 = await invite(ward, t, 9, "Tổ trưởng Chín");

    // Nothing is due before Friday 08:00.
    expect(await at(t, FRIDAY_OPEN - 60_000)).toBe(0);
    expect(head5.botMessages().some((m) => /Báo cáo tuần 2026/.test(m.text ?? ""))).toBe(false);

    await at(t, FRIDAY_OPEN + 60_000);
    const prompt = await head5.waitFor(/Báo cáo tuần 48 \(23\/11–29\/11\)/, new Set());
    expect(prompt.text).toContain("Khu phố 5");
    expect(head5.buttons(prompt)).toEqual(["📝 Bắt đầu báo cáo tuần", "👌 Không có gì mới"]);
    await head7.waitFor(/Báo cáo tuần 48 \(23\/11–29\/11\) — Khu phố 7/, new Set());

    // Head 9: one tap.
    await head9.waitFor(/Báo cáo tuần/, new Set());
    await head9.tap("Không có gì mới", /Đã ghi nhận: Khu phố 9 không có gì mới/);

    // Head 5: the full questionnaire, with a bad count on the way. No stocks yet: asked one by one.
    await head5.tap("Bắt đầu báo cáo tuần", /Số người nghiện ma túy đang được quản lý/);
    expect(head5.lastBotText()).not.toMatch(/còn đúng không/);
    await head5.tap("2", /sử dụng trái phép chất ma túy/);
    await head5.say("ba người", /Xin gõ một con số, ví dụ 0, 2 hoặc 15/);
    await head5.say("1", /Số người sau cai nghiện đang được quản lý/);
    await head5.say("4", /mới nghi sử dụng ma túy, mới về từ cai nghiện/);
    await head5.tap("Có", /mới phát hiện nghi sử dụng/);
    await head5.tap("2", /trở về sau cai nghiện/);
    await head5.tap("1", /chấp hành xong án phạt tù/);
    await head5.tap("0", /tái nghiện/);
    await head5.tap("1", /chuyển đi/);
    await head5.tap("0", /vụ việc/);
    await head5.tap("0", /dấu hiệu mới về mua bán/);
    await head5.tap("Có", /điểm nghi mua bán/);
    await head5.tap("1", /điểm nghi tổ chức, chứa chấp/);
    await head5.tap("0", /Ở đâu, cụ thể/);
    await head5.say("quán karaoke đầu hẻm 3", /trồng cây/);
    await head5.tap("Không", /cơ sở kinh doanh đáng ngờ/);
    await head5.tap("Không", /buổi tuyên truyền/);
    await head5.say("2", /người dự/);
    await head5.say("45", /khẩn cấp/);
    await head5.tap("Có", /Ở đâu, cụ thể/);
    await head5.say("Một thanh niên ngáo đá cầm dao ở chợ", /Ghi chú thêm/);
    const review = await head5.tap("Bỏ qua", /Gửi báo cáo này/);
    expect(review.message?.text).toContain("Đang quản lý: nghiện 2, sử dụng 1, sau cai 4");
    expect(review.message?.text).toContain("Người mới phát hiện nghi sử dụng ma túy: 2");
    expect(review.message?.text).not.toContain("Người tái nghiện: 0");
    await head5.tap("📨 Gửi", /Đã gửi báo cáo tuần 48 \(23\/11–29\/11\) của Khu phố 5/);

    const group = ward.group(ward.officer);
    const urgent = await group.waitFor(/KHẨN CẤP từ báo cáo tuần/, new Set());
    expect(urgent.text).toContain("Một thanh niên ngáo đá cầm dao ở chợ");
    expect(urgent.text).toContain("Tổ trưởng Năm");

    const row = await t.app.services.db.checkIn.findFirstOrThrow({ where: { quarter: { name: "Khu phố 5" } } });
    expect(JSON.parse(row.answers)).toMatchObject({
      newSigns: { yes: true, detail: "quán karaoke đầu hẻm 3" },
      flows: { newSuspectedUsers: 2, backFromRehab: 1, backFromPrison: 0, relapsed: 1, movedAway: 0, incidents: 0, dealingPoints: 1, useVenues: 0, awarenessSessions: 2, awarenessParticipants: 45 },
    });
    expect([row.stockAddicts, row.stockUsers, row.stockPostRehab, row.answeredByRole]).toEqual([2, 1, 4, "head"]);

    // Saturday and Sunday 08:00: head 7 is reminded twice; the others are not.
    await at(t, FRIDAY_OPEN + 24 * HOUR + 60_000);
    await head7.waitFor(/Nhắc lần 1/, new Set());
    await at(t, FRIDAY_OPEN + 48 * HOUR + 60_000);
    await head7.waitFor(/Nhắc lần 2/, new Set());
    expect(head5.botMessages().filter((m) => /Nhắc lần/.test(m.text ?? ""))).toHaveLength(0);
    expect(head9.botMessages().filter((m) => /Nhắc lần/.test(m.text ?? ""))).toHaveLength(0);

    // Monday 08:00: the window closes; escalation, then the summary and its chart.
    await at(t, FRIDAY_OPEN + 72 * HOUR + 60_000);
    const escalation = await group.waitFor(/chưa trả lời/, new Set());
    expect(escalation.text).toContain("Khu phố 7");
    expect(escalation.text).not.toContain("Khu phố 5");
    const summary = await group.waitFor(/Tổng hợp báo cáo tuần 48 \(23\/11–29\/11\)/, new Set());
    expect(summary.text).toContain("Đã trả lời: 2/3 khu phố (67%)");
    expect(summary.text).toContain("mới nghi sử dụng 2");
    // Stocks as they stand (Khu phố 5 alone gave them), not this week's events.
    expect(summary.text).toContain("1/19 khu phố có số liệu): nghiện 2, sử dụng 1, sau cai 4");
    const chart = await group.waitFor(/đã trả lời 2\/3/, new Set());
    expect(chart.photo).toBeDefined();
    const png = t.standIn.fileBytes(chart.photo!.at(-1)!.file_id)!;
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(5_000);

    // After closing, answers are refused.
    await head7.tap("Không có gì mới");
    expect((await t.app.services.db.checkIn.findFirstOrThrow({ where: { quarter: { name: "Khu phố 7" } } })).status).toBe("pending");

    // Running the clock again sends nothing twice.
    const before = t.standIn.callsTo("sendMessage").length;
    await at(t, FRIDAY_OPEN + 72 * HOUR + 5 * 60_000);
    expect(t.standIn.callsTo("sendMessage").length).toBe(before);

    // The next week shows head 5 the stocks to confirm with one tap; "Không có gì mới" keeps them.
    await at(t, FRIDAY_OPEN + 7 * 24 * HOUR + 60_000);
    await head5.waitFor(/Báo cáo tuần 49 \(30\/11–06\/12\)/, new Set());
    const confirm = await head5.tap("Bắt đầu báo cáo tuần", /Các số này còn đúng không/);
    expect(confirm.message?.text).toMatch(/Người nghiện ma túy: 2\n.*Người sử dụng trái phép chất ma túy: 1\n.*Người sau cai nghiện: 4/);
    expect(head5.buttons(confirm.message!)).toEqual(["✅ Vẫn đúng", "✏️ Có thay đổi", "✖️ Hủy"]);
    await head5.tap("Có thay đổi", /Số người nghiện ma túy đang được quản lý/);
    expect(head5.buttons(head5.botMessages().at(-1)!)).toContain("Giữ nguyên (2)");
    await head5.tap("Hủy", /Đã hủy báo cáo/);
    await head5.tap("Không có gì mới", /Số người đang quản lý giữ nguyên: nghiện 2, sử dụng 1, sau cai 4/);
    const week49 = await t.app.services.db.checkIn.findFirstOrThrow({ where: { quarter: { name: "Khu phố 5" }, week: "2026-W49" } });
    expect([week49.nothingToReport, week49.stockAddicts, week49.stockUsers, week49.stockPostRehab]).toEqual([true, 2, 1, 4]);

    // Weeks are named as people name them ("tuần 48 (23/11–29/11)"), never by the ISO key the database keeps.
    const shown = [...t.standIn.callsTo("sendMessage"), ...t.standIn.callsTo("editMessageText"), ...t.standIn.callsTo("sendPhoto")].map((c) => JSON.stringify([c.params.text, c.params.caption]));
    expect(shown.filter((text) => /\d{4}-W\d{2}/.test(text))).toEqual([]);
  });

  it("survives a restart between prompt and answer without repeating the prompt", async () => {
    const standIn = telegramStandIn();
    await standIn.start(0);
    const databaseUrl = await freshDatabaseUrl();
    const clock = new FakeClock(START);
    const first = await startTestApp({ standIn, databaseUrl, clock });
    const ward = await setUpWard(first);
    const head = await invite(ward, first, 2, "Tổ trưởng Hai");
    await at(first, FRIDAY_OPEN + 60_000);
    await head.waitFor(/Báo cáo tuần 48 \(23\/11–29\/11\)/, new Set());
    await first.stop();

    const second = await startTestApp({ standIn, databaseUrl, clock, logs: first.logs });
    await at(second, FRIDAY_OPEN + 2 * 60_000);
    await head.tap("Không có gì mới", /Đã ghi nhận: Khu phố 2/);
    const prompts = standIn.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === head.user.id && String(c.params.text).includes("Báo cáo tuần 48 (23/11–29/11)"));
    expect(prompts).toHaveLength(1);
    await second.stop();
    await standIn.stop();
  });

  it("lets the admin move the check-in, and a new head replace the old one", async () => {
    const t = await startTestApp({ clock: new FakeClock(START) });
    running.push(t);
    const ward = await setUpWard(t);
    await ward.admin.say("/checkinschedule", /thứ Sáu lúc 8:00, mở 72 giờ, nhắc sau 24, 48 giờ/);
    await ward.admin.say("/checkinschedule 9 8 72 24", /Cách dùng/);
    await ward.admin.say("/checkinschedule 4 7 48 24", /thứ Năm lúc 7:00, mở 48 giờ, nhắc sau 24 giờ/);
    await ward.officer.say("/checkinschedule 4 7 48 24", /Chỉ quản trị viên/);

    const old = await invite(ward, t, 6, "Tổ trưởng Cũ");
    const replacement = await invite(ward, t, 6, "Tổ trưởng Mới");
    // Thursday 26 Nov 07:00 in Vietnam = 00:00 UTC.
    await at(t, Date.parse("2026-11-26T00:01:00Z"));
    await replacement.waitFor(/Báo cáo tuần 48 \(23\/11–29\/11\) — Khu phố 6/, new Set());
    expect(old.botMessages().some((m) => /tuần 48 \(23\/11–29\/11\)/.test(m.text ?? ""))).toBe(false);
  });

  it("skips holiday weeks, hands the prompt to the deputy while the head is away, and stops writing to a blocked head", async () => {
    const t = await startTestApp({ clock: new FakeClock(START) });
    running.push(t);
    const ward = await setUpWard(t);
    const head = await invite(ward, t, 3, "Tổ trưởng Ba");
    const deputy = await invite(ward, t, 3, "Tổ phó Ba", true);
    const blocked = await invite(ward, t, 4, "Tổ trưởng Bốn");

    await ward.admin.say("/holiday 2026-02-30 2026-03-02 Ngày không có", /Cách dùng/);
    await ward.admin.say("/holiday 2026-11-27 2026-11-27 Ngày thử nghiệm", /Đã thêm ngày nghỉ/);
    await at(t, FRIDAY_OPEN + 60_000);
    expect(await t.app.services.db.checkIn.count()).toBe(0);

    await head.say("/away", /khu phố phó sẽ nhận/);
    t.standIn.blockBot(blocked.user.id);
    const nextFriday = FRIDAY_OPEN + 7 * 24 * HOUR;
    await at(t, nextFriday + 60_000);
    await deputy.waitFor(/Báo cáo tuần 49 \(30\/11–06\/12\) — Khu phố 3/, new Set());
    expect(head.botMessages().some((m) => /tuần 49 \(30\/11–06\/12\)/.test(m.text ?? ""))).toBe(false);
    const blockedRow = await t.app.services.db.quarterHead.findFirstOrThrow({ where: { displayName: "Tổ trưởng Bốn" } });
    expect(blockedRow.blockedAt).not.toBeNull();
    const failedPrompts = await t.app.services.db.scheduledJob.count({ where: { kind: "checkin.prompt", status: { not: "done" } } });
    expect(failedPrompts).toBe(0);

    // The reminder does not write to the blocked head again.
    const callsBefore = t.standIn.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === blocked.user.id).length;
    await at(t, nextFriday + 24 * HOUR + 60_000);
    const callsAfter = t.standIn.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === blocked.user.id).length;
    expect(callsAfter).toBe(callsBefore);
    await deputy.waitFor(/Nhắc lần 1/, new Set());
  });
});
