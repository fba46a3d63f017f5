// The parts under a tip card (its photos, its map pin) are posted after the
// card: when one fails, the log says which part failed (the card itself was
// posted), and only that part is tried again, later, under the same card.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";
import { until } from "../support/wait.js";

describe("a part under a tip card that fails", () => {
  let t: TestApp;
  let ward: Ward;

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("the map pin: logged as the pin, retried alone under the card, the card never posted twice", async () => {
    // Not a 5xx (those are retried at once, at the HTTP level): a refusal that a later try may not meet.
    t.standIn.failNext("sendLocation", { error_code: 400, description: "Bad Request: the pin could not be sent" });
    const resident = Persona.create(t.standIn, { first_name: "Chỉ Chỗ" });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    await resident.tap("Khu phố 3", /Bước 3\/6/);
    await resident.sendLocation(13.7761, 109.2235, /nơi bạn muốn báo/);
    await resident.tap("Đúng nơi tôi muốn báo", /Bước 4\/6/);
    await resident.tap("Hôm nay", /Bước 5\/6/);
    await resident.say("Quán nước đầu ngõ bán đá cho thanh niên mỗi tối", /Bước 6\/6/);
    await resident.sendPhoto(/Đã nhận ảnh 1\/5/);
    await resident.tap("Xong", /Xem lại tin báo/);
    await resident.tap("📨 Gửi", /Mã biên nhận/);

    const group = () => t.standIn.messages(ward.groupId).filter((m) => m.from_bot);
    const card = await until(() => group().find((m) => /Tin báo #/.test(m.text ?? "")), () => "no card");
    await until(() => t.logs.lines.some((l) => /did not reach the police group/.test(l)), () => `no log line about the pin:\n${t.logs.lines.slice(-5).join("\n")}`);
    const failure = t.logs.lines.find((l) => /did not reach the police group/.test(l))!;
    expect(JSON.parse(failure)).toMatchObject({ parts: ["pin"] });
    expect(t.logs.text).not.toMatch(/could not post tip card/);
    expect(group().filter((m) => m.location)).toHaveLength(0);
    expect(group().filter((m) => m.photo)).toHaveLength(1);

    // A minute later the scheduler tries the pin again, and only the pin.
    t.clock.advance(61_000);
    await t.app.tick();
    await until(() => group().find((m) => m.location), () => "the pin was not tried again");
    const pin = group().find((m) => m.location)!;
    expect(pin.reply_to_message_id).toBe(card.message_id);
    expect(group().filter((m) => /Tin báo #/.test(m.text ?? ""))).toHaveLength(1);
    expect(group().filter((m) => m.photo)).toHaveLength(1);
    t.clock.advance(10 * 60_000);
    await t.app.tick();
    expect(group().filter((m) => m.location)).toHaveLength(1);
  });
});
