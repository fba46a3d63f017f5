// When heads are asked: an officer opens this week's check-in now (one quarter
// or all), a head registered while the week is open is asked at once, and
// reminders never pile up: none already overdue when a later one is due or the
// head has answered, at most one per catch-up.
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../support/clock.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";

// Wednesday 25 Nov 2026, 09:00 in Vietnam. Week 48 opens Friday 27 Nov 08:00 (01:00 UTC).
const START = Date.parse("2026-11-25T02:00:00Z");
const FRIDAY_OPEN = Date.parse("2026-11-27T01:00:00Z");
const HOUR = 3_600_000;
const PROMPT = (quarter: number) => new RegExp(`Báo cáo tuần 48 \\(23/11–29/11\\)</b> — Khu phố ${quarter}|Báo cáo tuần 48 \\(23/11–29/11\\) — Khu phố ${quarter}`);

async function invite(ward: Ward, t: TestApp, quarter: number, name: string, registered = /Bạn đã được đăng ký là/): Promise<Persona> {
  const message = await ward.officer.say(`/invitehead ${quarter}`, /Liên kết mời/);
  const payload = /start=(qh_[\w-]+)/.exec(message?.text ?? "")![1]!;
  const head = Persona.create(t.standIn, { first_name: name });
  await head.say(`/start ${payload}`, new RegExp(`Khu phố ${quarter}`));
  await head.tap("Xác nhận", registered);
  return head;
}

async function at(t: TestApp, instant: number): Promise<number> {
  t.clock.advance(instant - t.clock.now().getTime());
  return t.app.tick();
}

/** Prompts as sent (an answered one is edited into its receipt, so the chat alone would undercount). */
let sent: TestApp | null = null;
const prompts = (p: Persona) =>
  sent!.standIn.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === p.user.id && /Báo cáo tuần 48 \(23\/11–29\/11\)/.test(String(c.params.text)) && !/Nhắc lần/.test(String(c.params.text)));
const reminders = (p: Persona) => p.botMessages().filter((m) => /Nhắc lần/.test(m.text ?? ""));

describe("check-in timing", () => {
  const running: TestApp[] = [];
  afterEach(async () => {
    for (const t of running.splice(0)) await t.stop();
  });

  it("an officer opens this week's check-in now for one quarter, then for all; nobody is asked twice", async () => {
    const t = await startTestApp({ clock: new FakeClock(START) });
    running.push(t);
    sent = t;
    const ward = await setUpWard(t);
    const head5 = await invite(ward, t, 5, "Tổ trưởng Năm");
    const head7 = await invite(ward, t, 7, "Tổ trưởng Bảy");

    await Persona.create(t.standIn, { first_name: "Dân" }).say("/mobaocao 5", /Chỉ cán bộ/);
    const opened = await ward.officer.say("/mobaocao 5", /Đã mở báo cáo tuần 48 \(23\/11–29\/11\)/);
    expect(opened?.text).toContain("Khu phố 5");
    await head5.waitFor(PROMPT(5), new Set());
    expect(prompts(head7)).toHaveLength(0);
    await ward.officer.say("/mobaocao 3", /Khu phố 3 chưa có khu phố trưởng/);

    const all = await ward.group(ward.officer).say("/opencheckin", /Đã mở báo cáo tuần 48 \(23\/11–29\/11\)/);
    expect(all?.text).toMatch(/2 khu phố/);
    await head7.waitFor(PROMPT(7), new Set());

    const audit = await t.app.services.db.auditEntry.findMany({ where: { action: "checkin.opened_now" }, orderBy: { createdAt: "asc" } });
    const officer = await t.app.services.db.member.findFirstOrThrow({ where: { role: "officer" } });
    expect(audit.map((a) => [a.actorMemberId, (JSON.parse(a.detail) as { quarter: string | null }).quarter])).toEqual([
      [officer.id, "Khu phố 5"],
      [officer.id, null],
    ]);

    // Friday's planned opening asks nobody again; the reminders still come to whoever has not answered.
    await head5.tap("Không có gì mới", /Đã ghi nhận/);
    await at(t, FRIDAY_OPEN + 60_000);
    await at(t, FRIDAY_OPEN + 24 * HOUR + 60_000);
    await head7.waitFor(/Nhắc lần 1/, new Set());
    expect(prompts(head5)).toHaveLength(1);
    expect(prompts(head7)).toHaveLength(1);
    expect(reminders(head5)).toHaveLength(0);
  });

  it("a head registered while the week is open is asked at once", async () => {
    const t = await startTestApp({ clock: new FakeClock(START) });
    running.push(t);
    sent = t;
    const ward = await setUpWard(t);
    await invite(ward, t, 2, "Tổ trưởng Hai");
    await at(t, FRIDAY_OPEN + 60_000);
    // Saturday 10:00: the week is open.
    await at(t, FRIDAY_OPEN + 26 * HOUR);
    const late = await invite(ward, t, 9, "Tổ trưởng Chín", /đang mở/);
    await late.waitFor(PROMPT(9), new Set());
    // Saturday's reminder was before they joined; Sunday's comes.
    await at(t, FRIDAY_OPEN + 48 * HOUR + 60_000);
    await late.waitFor(/Nhắc lần 2/, new Set());
    expect(reminders(late)).toHaveLength(1);
  });

  it("after a schedule change that opens the week at once, no reminder comes with the prompt, nor after the answer", async () => {
    const t = await startTestApp({ clock: new FakeClock(START) });
    running.push(t);
    sent = t;
    const ward = await setUpWard(t);
    const head = await invite(ward, t, 3, "Tổ trưởng Ba");
    // Monday 08:00, open 72 h, reminders after 1 and 2 hours: this week's window opened two days ago.
    await ward.admin.say("/checkinschedule 1 8 72 1,2", /thứ Hai lúc 8:00/);
    await at(t, START + 60_000);
    await head.waitFor(/Báo cáo tuần 48 \(23\/11–29\/11\)/, new Set());
    await head.tap("Không có gì mới", /Đã ghi nhận/);
    await at(t, START + HOUR);
    expect(reminders(head)).toHaveLength(0);
    expect(t.standIn.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === head.user.id && /Nhắc lần/.test(String(c.params.text)))).toHaveLength(0);
  });

  it("a scheduler that was down through both reminders sends one", async () => {
    const t = await startTestApp({ clock: new FakeClock(START) });
    running.push(t);
    sent = t;
    const ward = await setUpWard(t);
    const head = await invite(ward, t, 6, "Tổ trưởng Sáu");
    await at(t, FRIDAY_OPEN + 60_000);
    await head.waitFor(/Báo cáo tuần 48 \(23\/11–29\/11\)/, new Set());
    // Sunday 09:00: Saturday's and Sunday's reminders are both overdue.
    await at(t, FRIDAY_OPEN + 49 * HOUR);
    await head.waitFor(/Nhắc lần/, new Set());
    await at(t, FRIDAY_OPEN + 50 * HOUR);
    expect(reminders(head).map((m) => /Nhắc lần (\d)/.exec(m.text ?? "")?.[1])).toEqual(["2"]);
  });
});
