// A map pin may be where the resident stands — their home — rather than the
// place they report. The flow never offers "send my location", asks whose
// place a pin is, and keeps an unconfirmed pin only rounded to ~170 m, which
// is all officers see, with a note saying so. The card shows the place once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROXIMATE_GRID_DEGREES, approximatePin } from "../../src/domain/location.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";
import { dumpDatabase } from "../support/sealed-rows.js";
import { until } from "../support/wait.js";

// A resident's home, to the metre.
const HOME = { latitude: 13.776543, longitude: 109.223487 };

async function tipWithPin(t: TestApp, name: string, answer: RegExp | string, description: string): Promise<Persona> {
  const resident = Persona.create(t.standIn, { first_name: name });
  await resident.say("/tip", /Bước 1\/6/);
  await resident.tap("Mua bán", /Bước 2\/6/);
  await resident.tap("Khu phố 3", /Bước 3\/6/);
  await resident.sendLocation(HOME.latitude, HOME.longitude, /nơi bạn muốn báo, hay là chỗ bạn đang đứng/);
  await resident.tap(answer, /Bước 4\/6/);
  await resident.tap("Hôm nay", /Bước 5\/6/);
  await resident.say(description, /Bước 6\/6/);
  await resident.tap("Bỏ qua", /Xem lại tin báo/);
  await resident.tap("📨 Gửi", /Mã biên nhận/);
  return resident;
}

/** Everything the bot sent to the police group, as JSON. */
function groupTraffic(t: TestApp, ward: Ward): { text: string; pins: { latitude: number; longitude: number; horizontal_accuracy?: number }[] } {
  const calls = t.standIn.calls.filter((c) => String((c.params as { chat_id?: unknown }).chat_id) === String(ward.groupId));
  const pins = calls.filter((c) => c.method === "sendLocation").map((c) => c.params as { latitude: number; longitude: number; horizontal_accuracy?: number });
  return { text: JSON.stringify(calls.map((c) => c.params)), pins };
}

describe("a map pin in a tip", () => {
  let t: TestApp;
  let ward: Ward;

  beforeAll(async () => {
    t = await startTestApp({ env: { TIP_LIMIT_PER_HOUR: "100", TIP_LIMIT_PER_DAY: "100" } });
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("is never asked for with a button that shares where the resident stands", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Không Nút" });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    const step3 = await resident.tap("Khu phố 3", /Bước 3\/6/);
    expect(step3.message?.text).toMatch(/Gửi vị trí đã chọn/);
    expect(step3.message?.text).toMatch(/Đừng gửi “vị trí hiện tại” nếu bạn đang ở nhà/);
    const markups = t.standIn.calls.filter((c) => (c.params as { chat_id?: unknown }).chat_id === resident.chatId).map((c) => JSON.stringify((c.params as { reply_markup?: unknown }).reply_markup ?? {}));
    expect(markups.join("\n")).not.toMatch(/request_location/);
    await resident.say("/cancel", /Đã hủy/);
  });

  it("not confirmed as the reported place, reaches officers only rounded to ~170 m, with a note", async () => {
    const before = groupTraffic(t, ward).pins.length;
    await tipWithPin(t, "Ở Nhà", "Đó là chỗ tôi đang đứng", "Nhà bên cạnh có người lạ ra vào bán hàng trắng ban đêm");
    const card = await ward.group(ward.officer).waitFor(/Nhà bên cạnh có người lạ/, new Set());
    expect(card.text).toMatch(/khu vực gần đúng, sai số khoảng 170 m/);
    expect(card.text).toMatch(/không xác nhận đây là nơi được báo/);
    // The pin follows the card (and its photos): wait for it.
    await until(() => groupTraffic(t, ward).pins.length > before, () => "no pin under the card");
    const { text, pins } = groupTraffic(t, ward);
    // The pin is the centre of the grid cell, within one cell of home, and says how rough it is.
    const rounded = approximatePin(HOME);
    expect(pins.at(-1)).toMatchObject({ ...rounded, horizontal_accuracy: 170 });
    expect(Math.abs(rounded.latitude - HOME.latitude)).toBeLessThan(APPROXIMATE_GRID_DEGREES);
    expect(Math.abs(rounded.longitude - HOME.longitude)).toBeLessThan(APPROXIMATE_GRID_DEGREES);
    // Home's precise digits go nowhere officers look, nor into the database, opened with every key.
    for (const digits of ["13.776543", "109.223487", "13.77654", "109.22348"]) expect(text).not.toContain(digits);
    const stored = JSON.stringify((await dumpDatabase(t.app.db, t.databaseUrl)).opened.filter((v) => v.table === "Tip"));
    expect(stored).toContain(`${rounded.latitude},${rounded.longitude},~`);
    for (const digits of ["13.776543", "109.223487"]) expect(stored).not.toContain(digits);
  });

  it("confirmed as the reported place, is posted as it came, once: a pin under the card, no coordinates repeated", async () => {
    const before = groupTraffic(t, ward).pins.length;
    await tipWithPin(t, "Chỉ Chỗ", "Đúng nơi tôi muốn báo", "Quán nước đầu ngõ bán đá cho thanh niên mỗi tối");
    const card = await ward.group(ward.officer).waitFor(/Quán nước đầu ngõ/, new Set());
    expect(card.text).toMatch(/ghim bản đồ bên dưới \(người báo xác nhận đúng nơi báo\)/);
    expect(card.text).not.toMatch(/13\.77|109\.22/);
    await until(() => groupTraffic(t, ward).pins.length > before, () => "no pin under the card");
    const pins = groupTraffic(t, ward).pins.slice(before);
    expect(pins).toHaveLength(1);
    expect(pins[0]).toMatchObject(HOME);
    expect(pins[0]!.horizontal_accuracy).toBeUndefined();
  });

  it("can be taken back: 'remove this location' asks for the place again", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Đổi Ý" });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    await resident.tap("Khu phố 3", /Bước 3\/6/);
    await resident.sendLocation(HOME.latitude, HOME.longitude, /nơi bạn muốn báo/);
    await resident.tap("Bỏ vị trí này", /Bước 3\/6/);
    await resident.say("đầu hẻm 40 Lê Lợi", /Bước 4\/6/);
    await resident.say("/cancel", /Đã hủy/);
  });
});
