// Switching language, and a Bot API that answers 429 in the middle of a flow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Persona } from "../support/persona.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { setUpWard } from "../support/scenario.js";

describe("language and Bot API faults", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("speaks Vietnamese by default and English after /lang", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Lang", language_code: "en" });
    await resident.say("/start", /Xin chào!/);
    await resident.say("/lang", /Chọn ngôn ngữ/);
    await resident.tap("English", /Switched to English/);
    await resident.say("/start", /Hello! This is where you can report/);
    await resident.say("/tip", /Step 1\/6/);
    await resident.say("/cancel", /Cancelled/);
    await resident.say("hello?", /Type \/tip to send a tip/);
  });

  it("lets only officers change the police group's language", async () => {
    const ward = await setUpWard(t);
    const bystander = ward.group(ward.bystander);
    await bystander.say("/lang", /Chỉ cán bộ công an phường đã đăng ký mới đổi được ngôn ngữ/);
    // A button from an officer's /lang, pressed by the bystander: refused, the group stays Vietnamese.
    const officer = ward.group(ward.officer);
    const menu = await officer.say("/lang", /Chọn ngôn ngữ/);
    const english = t.standIn.inlineButtons(menu).find((b) => b.text.includes("English"))!;
    const { answer } = await bystander.press(menu!.message_id, english.callback_data!);
    expect(answer.text).toMatch(/Chỉ cán bộ/);
    expect(await t.app.services.preferences.locale(ward.groupId)).not.toBe("en");
    await officer.tap("English", /Switched to English/);
    expect(await t.app.services.preferences.locale(ward.groupId)).toBe("en");
  });

  it("rides out a 429 from the Bot API inside the tip flow (auto-retry in conversations)", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Retry" });
    await resident.say("/tip", /Bước 1\/6/);
    t.standIn.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    await resident.tap("Mua bán", /Bước 2\/6/);
    const retried = t.standIn.callsTo("sendMessage").filter((c) => String(c.params.text).includes("Bước 2/6"));
    expect(retried.length).toBe(2);
    await resident.say("/cancel", /Đã hủy/);
  });

  it("rejects malformed HTML the way Telegram does, so formatting bugs surface in tests", async () => {
    const chat = t.standIn.createUser({ first_name: "Html" }, { started: true });
    const response = await fetch(`${t.standIn.url}/bot1:x/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: chat.id, text: "<b>open", parse_mode: "HTML" }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { description: string }).description).toMatch(/can't parse entities/);
  });
});
