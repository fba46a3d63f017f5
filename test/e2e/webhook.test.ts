// Webhook mode: the stand-in POSTs updates to the bot's HTTP server with the
// secret token, as Telegram does; a wrong or missing token is refused; updates
// sent while the bot is down are retried until it is back. Health and readiness too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabaseUrl, startTestApp, type TestApp, telegramStandIn } from "../support/harness.js";
import { type FrontDoor, startFrontDoor } from "../support/instances.js";
import { Persona } from "../support/persona.js";
import { sendQuickTip, setUpWard } from "../support/scenario.js";
import { eventually } from "../support/wait.js";

const SECRET = "test-webhook-secret-0123456789";

describe("webhook mode", () => {
  const standIn = telegramStandIn();
  let t: TestApp;
  let databaseUrl: string;
  // The app binds port 0; the webhook URL Telegram is given is a front door bound once and kept, as nginx would be.
  let front: FrontDoor;
  let app: string | null = null;
  const env = () => ({ WEBHOOK_URL: `${front.url}/telegram/hook`, WEBHOOK_SECRET: SECRET, HTTP_PORT: "0" });
  const start = async () => {
    t = await startTestApp({ standIn, databaseUrl, env: env() });
    app = t.app.httpUrl;
  };

  beforeAll(async () => {
    await standIn.start(0);
    front = await startFrontDoor(() => app);
    databaseUrl = await freshDatabaseUrl();
    await start();
  });
  afterAll(async () => {
    await t.stop();
    await front.close();
    await standIn.stop();
  });

  it("registers the webhook with its secret and never long-polls", () => {
    const [call] = standIn.callsTo("setWebhook");
    expect(call?.params).toMatchObject({ url: `${front.url}/telegram/hook`, secret_token: SECRET });
    expect(call?.params.allowed_updates).toEqual(["message", "callback_query", "my_chat_member"]);
    expect(standIn.callsTo("getUpdates")).toHaveLength(0);
    expect(t.app.runner).toBeNull();
  });

  it("serves the whole tip flow through webhook calls", async () => {
    const ward = await setUpWard(t);
    const resident = Persona.create(standIn, { first_name: "Web", last_name: "Hook" });
    const receipt = await sendQuickTip(resident, { category: "Mua bán", quarter: "Khu phố 2", place: "đầu hẻm", timing: "Hôm nay", description: "Có người giao hàng ở đầu hẻm" });
    expect(receipt).toMatch(/^TB-/);
    await ward.group(ward.officer).waitFor(/Tin báo #/, new Set());
    expect(standIn.webhookStats().delivered).toBeGreaterThan(10);
    expect(standIn.callsTo("getUpdates")).toHaveLength(0);
  });

  it("refuses an update without the secret token, or with a wrong one, and handles nothing", async () => {
    const stranger = Persona.create(standIn, { first_name: "Kẻ", last_name: "Giả Mạo" });
    const forged = { update_id: 999_999, message: { message_id: 1, date: 1, chat: { id: stranger.chatId, type: "private", first_name: "Kẻ" }, from: stranger.user, text: "/start" } };
    for (const headers of [{}, { "x-telegram-bot-api-secret-token": "wrong-secret-wrong-secret" }] as Record<string, string>[]) {
      const res = await fetch(`${app}/telegram/hook`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(forged) });
      expect(res.status).toBe(401);
    }
    // Updates in one chat are handled in order: once a real /start after the forged ones is answered,
    // a forged one that had been taken would have been answered too.
    await stranger.say("/start", /Xin chào/);
    expect(stranger.botMessages()).toHaveLength(1);
  });

  it("handles an update delivered twice only once", async () => {
    // Posted straight to the webhook, not through the stand-in: they wrote to the bot before.
    const resident = Persona.create(standIn, { first_name: "Gửi", last_name: "Hai Lần" }, { started: true });
    const update = { update_id: 777_001, message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: resident.chatId, type: "private", first_name: "Gửi" }, from: resident.user, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] } };
    const post = () =>
      fetch(`${app}/telegram/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      });
    const answers = await Promise.all([post(), post()]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect((await post()).status).toBe(200);
    // A later message in the same chat is handled after every copy: once it is answered, a copy handled twice would show.
    await resident.say("/help", /Hướng dẫn/);
    // One answer to the update, one to /help.
    expect(resident.botMessages().map((m) => m.text ?? "")).toEqual([expect.stringMatching(/^Xin chào/), expect.stringMatching(/^Hướng dẫn/)]);
  });

  it("answers health and readiness probes", async () => {
    const health = await fetch(`${app}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, degraded: false, database: "ok", updates: "webhook", policeGroups: { undelivered: 0 } });
    expect((await fetch(`${app}/telegram/hook`)).status).toBe(405);
    expect((await fetch(`${app}/nothing-here`)).status).toBe(404);
  });

  it("keeps what residents send while the bot is down and delivers it once the bot is back", async () => {
    await t.stop();
    app = null;
    const resident = Persona.create(standIn, { first_name: "Chờ", last_name: "Bot" });
    await resident.say("/start");
    await eventually(() => expect(standIn.webhookStats().failedAttempts).toBeGreaterThan(0));
    expect(standIn.webhookStats().pending).toBe(1);
    await start();
    await resident.waitFor(/Xin chào/, new Set());
    await eventually(() => expect(standIn.webhookStats().pending).toBe(0));
  });
});

describe("long polling with the HTTP server on", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { HTTP_PORT: "0" } });
  });
  afterAll(() => t.stop());

  it("reports readiness as polling and has no webhook endpoint", async () => {
    const ready = await fetch(`${t.app.httpUrl}/readyz`);
    expect(await ready.json()).toEqual({ ready: true, degraded: false, database: "ok", updates: "polling", policeGroups: { undelivered: 0 } });
    expect((await fetch(`${t.app.httpUrl}/telegram/hook`, { method: "POST", body: "{}" })).status).toBe(404);
    await t.app.runner?.stop();
    const stopped = await fetch(`${t.app.httpUrl}/readyz`);
    expect(stopped.status).toBe(503);
    expect(await stopped.json()).toMatchObject({ ready: false, updates: "stopped" });
  });
});
