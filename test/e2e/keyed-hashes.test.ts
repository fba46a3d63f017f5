// What the running bot stores in place of chat ids, receipts and invite tokens
// is keyed by the configured SECRET_PEPPER: a database reader without it cannot
// compute them from a suspected chat id or a guessed code, and the same
// database under another pepper finds none of them again.
import { createHash, createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secrets } from "../../src/services/secrets.js";
import { startTestApp, TEST_PEPPER, type TestApp, telegramStandIn } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard, type Ward } from "../support/scenario.js";
import { eventually } from "../support/wait.js";

const OTHER_PEPPER = "another-pepper-0123456789-abcdefghijklmnopqrstuvw";

/** Hashes anyone could compute from the value alone. */
function unkeyedHashes(value: string): string[] {
  return ["", "chat\u0000", "invite\u0000"].flatMap((prefix) => [
    createHash("sha256").update(`${prefix}${value}`).digest("base64url"),
    createHash("sha256").update(`${prefix}${value}`).digest("hex"),
    createHmac("sha256", "").update(`${prefix}${value}`).digest("base64url"),
  ]);
}

describe("keyed hashes in the running bot", () => {
  const standIn = telegramStandIn();
  let t: TestApp;
  let ward: Ward;
  let resident: Persona;
  let receipt: string;
  let pendingInvite: string;
  const keyed = new Secrets(TEST_PEPPER);
  const other = new Secrets(OTHER_PEPPER);

  beforeAll(async () => {
    await standIn.start(0);
    t = await startTestApp({ standIn });
    ward = await setUpWard(t);
    resident = Persona.create(t.standIn, { first_name: "Khóa", last_name: "Ẩn" });
    receipt = (await sendQuickTip(resident, { category: "Mua bán", quarter: "Khu phố 2", place: "hẻm 9", timing: "Hôm nay", description: "Bán hàng ở hẻm 9" }))!;
    // A language chosen and a second flow left half-way: both rows are keyed by the chat.
    await resident.say("/lang", /Chọn ngôn ngữ/);
    await resident.tap("Tiếng Việt", /Đã chuyển sang tiếng Việt/);
    await resident.say("/tip", /Bước 1\/6/);
    await eventually(async () => expect(await t.app.services.db.conversationState.count()).toBe(1));
    const invite = await ward.admin.say("/invite", /Liên kết mời cán bộ/);
    pendingInvite = /start=inv_([\w-]+)/.exec(invite?.text ?? "")![1]!;
  });
  afterAll(async () => {
    await t?.stop();
    await standIn.stop();
  });

  it("keys a chat's flow and language by an HMAC under the pepper, not by any hash of the id alone", async () => {
    const db = t.app.services.db;
    const [flow] = await db.conversationState.findMany();
    const preferences = (await db.chatPreference.findMany()).map((p) => p.keyHash);
    const chatKey = keyed.chatKey(resident.chatId);
    expect(flow?.key).toBe(chatKey);
    expect(preferences).toContain(chatKey);
    expect(other.chatKey(resident.chatId)).not.toBe(chatKey);
    expect(unkeyedHashes(String(resident.chatId))).not.toContain(chatKey);
  });

  it("stores receipts and invite tokens as hashes under the pepper only", async () => {
    const db = t.app.services.db;
    const tip = await db.tip.findFirstOrThrow();
    expect(tip.receiptHash).toBe(await keyed.receiptHash(receipt));
    expect(tip.receiptHash).not.toBe(await other.receiptHash(receipt));
    const invite = await db.invite.findFirstOrThrow({ where: { usedAt: null } });
    expect(invite.tokenHash).toBe(keyed.keyedHash("invite", pendingInvite));
    expect(invite.tokenHash).not.toBe(other.keyedHash("invite", pendingInvite));
    expect(unkeyedHashes(pendingInvite)).not.toContain(invite.tokenHash);
  });

  it("under another pepper the same database knows no receipt, no pending invite and no chat", async () => {
    const { databaseUrl, clock } = t;
    await t.stop();
    t = await startTestApp({ standIn, databaseUrl, clock, env: { SECRET_PEPPER: OTHER_PEPPER } });
    await resident.say(`/status ${receipt}`, /Không tìm thấy tin báo/);
    const stranger = Persona.create(t.standIn, { first_name: "Người", last_name: "Nhận Mời" });
    await stranger.say(`/start inv_${pendingInvite}`, /Liên kết mời không hợp lệ/);
    expect(await t.app.services.db.member.count({ where: { telegramUserId: String(stranger.user.id) } })).toBe(0);
    // The half-written flow is not found under the new key: the resident's next word starts nothing from it.
    await resident.say("/cancel", /Không có gì đang soạn để hủy/);
  });
});
