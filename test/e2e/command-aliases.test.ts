// Vietnamese names for the residents' commands, typed as a 60-year-old would
// type them: /huy, /trogiup, /theodoi, /ngonngu, /baotin do what /cancel,
// /help, /status, /lang and /tip do, in and out of a flow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard } from "../support/scenario.js";
import { eventually } from "../support/wait.js";

describe("Vietnamese command names", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("/baotin starts a tip and /huy cancels it in the middle", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Bà", last_name: "Tư" });
    await resident.say("/baotin", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    await resident.say("/huy", /Đã hủy/);
    // The flow's state goes once the update is done, just after the reply.
    await eventually(async () => expect(await t.app.services.db.conversationState.count()).toBe(0));
  });

  it("/trogiup and /ngonngu answer as /help and /lang do, also mid-flow", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Ông", last_name: "Năm" });
    const help = await resident.say("/help", /./);
    expect((await resident.say("/trogiup", /./))?.text).toBe(help?.text);
    await resident.say("/baotin", /Bước 1\/6/);
    await resident.say("/ngonngu", /Language|ngôn ngữ/i);
  });

  it("/theodoi with a receipt code follows a tip, as /status does", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Cô", last_name: "Sáu" });
    const receipt = await sendQuickTip(resident, { category: "Mua bán", quarter: "Khu phố 3", place: "chợ", timing: "Hôm nay", description: "Bán lẻ ở chợ sáng sớm" });
    expect(receipt).toMatch(/^TB-/);
    await resident.say(`/theodoi ${receipt}`, /Đã tiếp nhận|Đang được|Đã được/);
  });

  it("keeps what is written after the command, and the /name@bot form", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Chú", last_name: "Bảy" });
    const help = await resident.say("/trogiup@to_dan_test_bot", /\/tip/);
    // The help names them, so a resident can find them.
    for (const alias of ["/baotin", "/theodoi", "/huy", "/trogiup", "/ngonngu"]) expect(help?.text).toContain(alias);
  });
});
