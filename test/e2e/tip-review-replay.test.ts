// conversations v2 replays a flow from its first stored update on every new
// one. A resident who edits the tip again and again at the review must not make
// each step slower: what is stored for the chat (and replayed) stays the same
// size however many rounds of "Sửa" came before. Never timed: the stored
// updates are counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Persona } from "../support/persona.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { setUpWard } from "../support/scenario.js";
import { eventually } from "../support/wait.js";

/** The chat's stored flow state, as the conversations plugin keeps it. */
interface StoredFlows {
  state: Record<string, { args?: string; replay: { send: { payload: string }[]; receive: { returnValue: unknown }[] } }[]>;
}

describe("the tip review's replay log does not grow with edit rounds", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function stored(resident: Persona): Promise<StoredFlows | undefined> {
    const { conversations, secrets } = t.app.services;
    return conversations.read<StoredFlows>(secrets.chatKey(resident.chatId), resident.chatId);
  }

  /** The updates stored for the chat's flows (each one is replayed on the next update), once the state holds `text`. */
  async function storedUpdatesOnceWritten(resident: Persona, text: string): Promise<number> {
    let count = 0;
    await eventually(async () => {
      const flows = await stored(resident);
      expect(JSON.stringify(flows ?? {})).toContain(text);
      count = Object.values(flows!.state)
        .flat()
        .reduce((sum, flow) => sum + flow.replay.receive.filter((r) => typeof r.returnValue === "object" && r.returnValue !== null && "update_id" in r.returnValue).length, 0);
    });
    return count;
  }

  it("stores as many updates after twelve rounds of “Sửa” as after two, and files the last version once", async () => {
    const resident = Persona.create(t.standIn, { first_name: "Sửa", username: "edit_rounds_resident" });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    await resident.tap("Khu phố 2", /Bước 3\/6/);
    await resident.say("hẻm 4 đường Lê Lợi", /Bước 4\/6/);
    await resident.tap("Hôm nay", /Bước 5\/6/);
    await resident.say("Có người bán hàng ở hẻm 4 mỗi tối", /Bước 6\/6/);
    await resident.tap("Bỏ qua", /Xem lại tin báo/);

    const sizes: number[] = [];
    for (let round = 1; round <= 12; round++) {
      await resident.tap("✏️ Sửa", /Bạn muốn sửa phần nào/);
      await resident.tap("Nội dung", /Bước 5\/6/);
      const text = `Sửa lần ${round}: có người bán hàng ở hẻm 4`;
      const review = await resident.say(text, /Xem lại tin báo/);
      expect(review?.text).toContain(text);
      sizes.push(await storedUpdatesOnceWritten(resident, text));
    }
    expect(sizes[11], `stored updates after each round: ${sizes.join(", ")}`).toBe(sizes[1]);

    // The switch changes the review in place, on, off and on again: that does not grow the state either.
    for (const [from, to] of [["Tắt", "Bật"], ["Bật", "Tắt"], ["Tắt", "Bật"]] as const) {
      await resident.tap(`Nhận thông báo: ${from}`);
      await eventually(() => expect(resident.botMessages().some((m) => resident.buttons(m).some((b) => b.includes(`Nhận thông báo: ${to}`)))).toBe(true));
    }
    expect(resident.botMessages().filter((m) => /Xem lại tin báo/.test(m.text ?? ""))).toHaveLength(13);
    // Each update is handled after the one before it is stored: once the third switch is stored, the state is on.
    await eventually(async () => expect(JSON.stringify((await stored(resident))?.state)).toContain('\\"notify\\":true'));
    expect(await storedUpdatesOnceWritten(resident, "Sửa lần 12")).toBeLessThanOrEqual(sizes[1]!);

    // "Gửi" still works on the review reached after the rounds; the tip is the last version, filed once.
    const done = await resident.tap("📨 Gửi", /Mã biên nhận của bạn/);
    expect(done.message?.text).toContain("Bot sẽ nhắn cho bạn");
    const tips = await t.app.services.db.tip.findMany();
    expect(tips).toHaveLength(1);
    expect((await t.app.services.tips.view(tips[0]!.id))?.description).toBe("Sửa lần 12: có người bán hàng ở hẻm 4");
    expect(await t.app.services.db.notificationTarget.count()).toBe(1);
    await eventually(async () => expect(await t.app.services.db.conversationState.count()).toBe(0));
    await resident.say("/cancel", /Không có gì đang soạn/);
  });
});
