// The bot is not an emergency line. A resident who reports something going on
// now is told to call 113 if anyone is in danger — as soon as they say so, and
// again with the receipt; so is one whose tip the bot ranks urgent. Others are
// not told (a line said to everyone is a line nobody reads).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard } from "../support/scenario.js";

async function tip(resident: Persona, timing: string, description: string) {
  await resident.say("/tip", /Bước 1\/6/);
  await resident.tap("Mua bán", /Bước 2\/6/);
  await resident.tap("Khu phố 3", /Bước 3\/6/);
  await resident.say("hẻm 12", /Bước 4\/6/);
  const afterTiming = resident.botMessages().length;
  await resident.tap(timing, /Bước 5\/6/);
  const betweenSteps = resident.botMessages().slice(afterTiming).map((m) => m.text ?? "");
  await resident.say(description, /Bước 6\/6/);
  await resident.tap("Bỏ qua", /Xem lại tin báo/);
  const receipt = (await resident.tap("📨 Gửi", /Mã biên nhận/)).message?.text ?? "";
  return { betweenSteps, receipt };
}

describe("113 for danger now", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("is said when the resident picks “Đang diễn ra”, and again with the receipt", async () => {
    const { betweenSteps, receipt } = await tip(Persona.create(t.standIn, { first_name: "Ngay" }), "Đang diễn ra", "Đang có người bán ở đầu hẻm");
    expect(betweenSteps.some((text) => text.includes("113"))).toBe(true);
    expect(receipt).toContain("113");
  });

  it("is said with the receipt of a tip ranked urgent, whatever its timing", async () => {
    const { betweenSteps, receipt } = await tip(Persona.create(t.standIn, { first_name: "Gấp" }), "Hôm nay", "Có người ngáo đá cầm dao đe dọa trẻ em ở đầu hẻm");
    expect(betweenSteps.some((text) => text.includes("113"))).toBe(false);
    expect(await t.app.services.db.tip.findFirstOrThrow({ orderBy: { createdAt: "desc" }, where: { priority: "urgent" } })).toBeDefined();
    expect(receipt).toContain("113");
  });

  it("is not said for a tip about the past that is not urgent", async () => {
    const { betweenSteps, receipt } = await tip(Persona.create(t.standIn, { first_name: "Cũ" }), "Trước đây", "Tháng trước thấy có người lạ hay tụ tập");
    expect(betweenSteps.some((text) => text.includes("113"))).toBe(false);
    expect(receipt).not.toContain("113");
  });
});
