// An urgent tip nobody takes is announced again, naming the officers, until claimed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { eventually } from "../support/wait.js";

describe("claim timers", () => {
  let t: TestApp;
  let ward: Ward;
  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const minutes = async (n: number) => {
    t.clock.advance(n * 60_000);
    await t.app.tick();
  };
  const reminders = () => ward.group(ward.officer).botMessages().filter((m) => /chưa có ai nhận/.test(m.text ?? ""));

  it("reminds the group after 15 minutes, again after 30, and stops once an officer takes it", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Gấp" });
    expect(await sendQuickTip(resident, { category: "Người sử dụng", quarter: "Khu phố 8", place: null, timing: "Đang diễn ra", description: "Thanh niên ngáo đá cầm dao đuổi người ngoài chợ" })).not.toBeNull();
    await ward.group(ward.officer).waitFor(/KHẨN CẤP/, new Set());
    // The bot records where the card went just after Telegram answers.
    await eventually(async () => expect(await t.app.services.db.tipCard.count()).toBe(1));

    await minutes(14);
    expect(reminders()).toHaveLength(0);
    await minutes(2);
    const first = await ward.group(ward.officer).waitFor(/chưa có ai nhận sau 15 phút/, new Set());
    expect(first.text).toContain("Lê Cán Bộ");
    expect(first.entities?.some((e) => e.type === "text_link" && e.url === `tg://user?id=${ward.officer.user.id}`)).toBe(true);
    const card = ward.group(ward.officer).botMessages().find((m) => /KHẨN CẤP/.test(m.text ?? ""));
    expect(first.reply_to_message_id).toBe(card?.message_id);

    await minutes(15);
    await ward.group(ward.officer).waitFor(/chưa có ai nhận sau 30 phút/, new Set());
    await ward.group(ward.officer).tap("Tôi nhận", /đã nhận/);
    await minutes(60);
    expect(reminders()).toHaveLength(2);
  });
});
