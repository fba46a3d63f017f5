// Zalo in webhook mode: the Zalo stand-in POSTs each update to the bot's HTTP
// server with X-Bot-Api-Secret-Token, as Zalo does. Forged or malformed
// requests are refused, a delivery repeated is handled once, readiness says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { type FrontDoor, startFrontDoor } from "../support/instances.js";
import { eventually } from "../support/wait.js";
import { ZaloPersona } from "../support/zalo-persona.js";

const SECRET = "zalo-webhook-secret-0123";

describe("Zalo webhook mode", () => {
  let t: TestApp;
  // The app binds port 0; Zalo is given a front door bound once and kept, as nginx would be.
  let front: FrontDoor;
  const app = () => t.app.httpUrl!;
  const hook = () => `${app()}/zalo/hook`;

  beforeAll(async () => {
    front = await startFrontDoor(() => t?.app.httpUrl ?? null);
    t = await startTestApp({ zalo: true, env: { ZALO_WEBHOOK_URL: `${front.url}/zalo/hook`, ZALO_WEBHOOK_SECRET: SECRET, HTTP_PORT: "0" } });
  });
  afterAll(async () => {
    await t?.stop();
    await front?.close();
  });

  it("registers the webhook with its secret, does not poll, and is ready", async () => {
    const [call] = t.zalo!.calls("setWebhook");
    expect(call?.params).toMatchObject({ url: `${front.url}/zalo/hook`, secret_token: SECRET });
    expect(t.zalo!.calls("getUpdates")).toHaveLength(0);
    const ready = await fetch(`${app()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, zalo: "webhook" });
  });

  it("serves a resident through webhook deliveries", async () => {
    const resident = ZaloPersona.create(t.zalo!, "Người Dùng Webhook");
    await resident.say("Xin chào", /1\. 🛡 Gửi tin báo ẩn danh/);
    await resident.say("1", /Bước 1\/6/);
    await resident.say("/cancel", /Đã hủy/);
    // Each delivery is answered once its update is handled, a moment after the reply.
    await eventually(() => expect(t.zalo!.webhookStats().delivered).toBeGreaterThanOrEqual(3));
  });

  it("refuses a wrong or missing secret and a body that is not a Zalo update, handling nothing", async () => {
    const stranger = ZaloPersona.create(t.zalo!, "Kẻ Giả Mạo");
    const update = { event_name: "message.text.received", message: { message_id: "f".repeat(32), from: { id: stranger.user.id, display_name: "Kẻ Giả Mạo" }, chat: { id: stranger.chatId, chat_type: "PRIVATE" }, date: Date.now(), text: "Xin chào" } };
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(hook(), { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    expect((await post({}, { ok: true, result: update })).status).toBe(401);
    expect((await post({ "x-bot-api-secret-token": "wrong-secret-wrong" }, { ok: true, result: update })).status).toBe(401);
    expect((await post({ "x-bot-api-secret-token": SECRET }, { ok: true, result: { event_name: "message.text.received", message: { text: 42 } } })).status).toBe(400);
    // Updates in one chat are handled in order: once a real message after the refused ones is answered,
    // a refused one that had been taken would have been answered too.
    await stranger.say("Xin chào", /Gửi tin báo ẩn danh/);
    expect(stranger.botMessages()).toHaveLength(1);
  });

  it("handles a delivery that comes twice once", async () => {
    const resident = ZaloPersona.create(t.zalo!, "Người Gửi Hai Lần");
    // Zalo lets a bot write only to people who wrote to it first.
    await resident.say("Xin chào", /Gửi tin báo ẩn danh/);
    const update = { event_name: "message.text.received", message: { message_id: "e".repeat(32), from: { id: resident.user.id, display_name: "Người Gửi Hai Lần" }, chat: { id: resident.chatId, chat_type: "PRIVATE" }, date: Date.now(), text: "/help" } };
    for (let i = 0; i < 2; i++) {
      const res = await fetch(hook(), { method: "POST", headers: { "content-type": "application/json", "x-bot-api-secret-token": SECRET }, body: JSON.stringify({ ok: true, result: update }) });
      expect(res.status).toBe(200);
    }
    // A later message in the same chat is handled after both copies: once it is answered, a copy handled twice would show.
    await resident.say("Xin chào", /Gửi tin báo ẩn danh/);
    const helps = resident.botMessages().filter((m) => /Hướng dẫn/.test(m.text ?? ""));
    expect(helps).toHaveLength(1);
  });
});
