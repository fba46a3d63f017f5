// The Zalo Bot API stand-in itself, over real HTTP: Zalo's shapes, its
// one-update-at-a-time polling, its refusals and its webhook deliveries, so
// the end-to-end tests and the simulator that stand on it can be trusted.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { ZaloStandIn, type ZaloUpdate } from "../src/dev/zalo-stand-in/index.js";
import { until } from "./support/wait.js";
import { ZaloPersona } from "./support/zalo-persona.js";

const TOKEN = "test-token";

interface Envelope {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
}

describe("Zalo Bot API stand-in", () => {
  let standIn: ZaloStandIn;

  /** POSTs JSON to a Bot API method, as any HTTP client would. */
  async function call(method: string, body: Record<string, unknown> = {}, options: { token?: string; signal?: AbortSignal } = {}) {
    const res = await fetch(`${standIn.apiRoot}/bot${options.token ?? TOKEN}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { status: res.status, body: (await res.json()) as Envelope };
  }

  /** A user who wrote to the bot once, so the bot may answer them; their update is taken off the queue. */
  async function reachedUser(displayName = "Lan") {
    const user = standIn.createUser({ displayName });
    standIn.sendText(user.id, "xin chào");
    expect((await call("getUpdates", { timeout: "0" })).body.ok).toBe(true);
    return user;
  }

  beforeEach(async () => {
    standIn = await ZaloStandIn.start({ token: TOKEN, webhookRetryMs: 20 });
  });

  afterEach(async () => {
    await standIn.stop();
  });

  describe("HTTP", () => {
    it("answers getMe with the bot's account", async () => {
      expect(await call("getMe")).toEqual({
        status: 200,
        body: { ok: true, result: { id: standIn.botInfo.id, account_name: "Tổ Dân Bot", account_type: "BASIC", can_join_groups: false } },
      });
      const viaGet = (await (await fetch(`${standIn.apiRoot}/bot${TOKEN}/getMe`)).json()) as Envelope;
      expect(viaGet.ok).toBe(true);
      expect(standIn.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });

    it("refuses other tokens and unknown methods", async () => {
      expect(await call("getMe", {}, { token: "someone-else" })).toEqual({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
      expect(await call("sendTelepathy")).toEqual({ status: 404, body: { ok: false, error_code: 404, description: "Not Found" } });
      expect(standIn.calls().map((c) => [c.method, c.ok, c.error_code])).toEqual([
        ["getMe", false, 401],
        ["sendTelepathy", false, 404],
      ]);
    });

    it("uses the default token when none is given", async () => {
      const other = await ZaloStandIn.start();
      try {
        expect(other.token).toBe("zalo-stand-in-token");
        const res = await fetch(`${other.apiRoot}/botzalo-stand-in-token/getMe`, { method: "POST" });
        expect(res.status).toBe(200);
      } finally {
        await other.stop();
      }
    });
  });

  describe("getUpdates", () => {
    it("hands out one queued update, once, then answers 408 after the timeout", async () => {
      const user = standIn.createUser({ displayName: "Nguyễn Văn An" });
      expect(user.id).toMatch(/^[0-9a-f]{20}$/);
      const before = Date.now();
      const queued = standIn.sendText(user.id, "Xin chào");
      expect(standIn.pendingUpdates()).toBe(1);

      const first = await call("getUpdates", { timeout: "30" });
      expect(first.status).toBe(200);
      expect(first.body.ok).toBe(true);
      const update = first.body.result as ZaloUpdate;
      expect(update).toEqual(queued);
      expect(update).toEqual({
        event_name: "message.text.received",
        message: {
          message_id: expect.stringMatching(/^[0-9a-f]{32}$/),
          from: { id: user.id, display_name: "Nguyễn Văn An", is_bot: false },
          chat: { id: user.id, chat_type: "PRIVATE" },
          date: expect.any(Number),
          text: "Xin chào",
        },
      });
      // Milliseconds, not Telegram's seconds.
      expect(update.message.date).toBeGreaterThanOrEqual(before);
      expect(update.message.date).toBeLessThanOrEqual(Date.now());
      expect(standIn.pendingUpdates()).toBe(0);

      const started = Date.now();
      const second = await call("getUpdates", { timeout: "1" });
      expect(second).toEqual({ status: 200, body: { ok: false, error_code: 408, description: "Request timeout" } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    });

    it("answers a waiting poll as soon as an update arrives, oldest first, one per poll", async () => {
      const user = standIn.createUser({ displayName: "Bình" });
      const waiting = call("getUpdates", { timeout: 30 });
      await until(() => standIn.waitingPolls() === 1, () => "the poll never arrived");
      standIn.sendText(user.id, "một");
      standIn.sendSticker(user.id);
      expect(((await waiting).body.result as ZaloUpdate).message.text).toBe("một");
      const next = (await call("getUpdates", { timeout: "30" })).body.result as ZaloUpdate;
      expect(next.event_name).toBe("message.sticker.received");
      expect(next.message.sticker).toEqual(expect.any(String));
    });

    it("takes the timeout from a GET query string too", async () => {
      const user = standIn.createUser({ displayName: "Cúc" });
      standIn.sendUnsupported(user.id);
      const res = (await (await fetch(`${standIn.apiRoot}/bot${TOKEN}/getUpdates?timeout=0`)).json()) as Envelope;
      const update = res.result as ZaloUpdate;
      expect(update.event_name).toBe("message.unsupported.received");
      expect(Object.keys(update.message).sort()).toEqual(["chat", "date", "from", "message_id"]);
    });

    it("keeps the update when the polling client hangs up mid-wait", async () => {
      const user = standIn.createUser({ displayName: "Dũng" });
      const abort = new AbortController();
      const abandoned = call("getUpdates", { timeout: "30" }, { signal: abort.signal });
      await until(() => standIn.waitingPolls() === 1, () => "the poll never arrived");
      abort.abort();
      await expect(abandoned).rejects.toThrow();
      await until(() => standIn.calls("getUpdates")[0]?.dropped, () => "the stand-in never noticed the hang-up");
      expect(standIn.waitingPolls()).toBe(0);

      standIn.sendText(user.id, "vẫn còn đây");
      expect(standIn.pendingUpdates()).toBe(1);
      const next = await call("getUpdates", { timeout: "1" });
      expect((next.body.result as ZaloUpdate).message.text).toBe("vẫn còn đây");
    });

    it("answers waiting polls with 408 when the stand-in stops", async () => {
      const waiting = call("getUpdates", { timeout: "30" });
      await until(() => standIn.waitingPolls() === 1, () => "the poll never arrived");
      await standIn.stop();
      expect((await waiting).body).toEqual({ ok: false, error_code: 408, description: "Request timeout" });
    });
  });

  describe("sending", () => {
    it("takes up to maxTextLength UTF-16 units and refuses more, or nothing", async () => {
      const user = await reachedUser();
      const tooLong = await call("sendMessage", { chat_id: user.id, text: "a".repeat(2001) });
      expect(tooLong).toEqual({ status: 400, body: { ok: false, error_code: 400, description: "text is too long" } });
      // An emoji is two UTF-16 units: 1000 of them are 2000.
      expect((await call("sendMessage", { chat_id: user.id, text: "😀".repeat(1001) })).status).toBe(400);
      const longest = await call("sendMessage", { chat_id: user.id, text: "😀".repeat(1000) });
      expect(longest.status).toBe(200);
      expect(longest.body.result).toEqual({ message_id: expect.stringMatching(/^[0-9a-f]{32}$/), date: expect.any(Number) });
      expect((await call("sendMessage", { chat_id: user.id, text: "b".repeat(2000) })).status).toBe(200);
      expect(await call("sendMessage", { chat_id: user.id, text: "" })).toEqual({
        status: 400,
        body: { ok: false, error_code: 400, description: "text is empty" },
      });
      expect(standIn.messages(user.id).map((m) => [m.from_bot, m.text?.length])).toEqual([
        [false, 8],
        [true, 2000],
        [true, 2000],
      ]);
    });

    it("honours a smaller maxTextLength", async () => {
      const small = await ZaloStandIn.start({ maxTextLength: 5 });
      try {
        const user = small.createUser({ displayName: "Hà" });
        small.sendText(user.id, "hi");
        const send = (text: string) =>
          fetch(`${small.apiRoot}/bot${small.token}/sendMessage`, { method: "POST", body: JSON.stringify({ chat_id: user.id, text }) });
        expect((await send("12345")).status).toBe(200);
        expect((await send("123456")).status).toBe(400);
      } finally {
        await small.stop();
      }
    });

    it("writes only to users who wrote first and have not blocked the bot", async () => {
      const silent = standIn.createUser({ displayName: "Chưa nhắn" });
      const notFound = { status: 400, body: { ok: false, error_code: 400, description: "chat not found" } };
      expect(await call("sendMessage", { chat_id: silent.id, text: "chào" })).toEqual(notFound);
      expect(await call("sendMessage", { chat_id: "0123456789abcdef0123", text: "chào" })).toEqual(notFound);

      const user = await reachedUser();
      standIn.block(user.id);
      const blocked = { status: 403, body: { ok: false, error_code: 403, description: "user blocked the bot" } };
      expect(await call("sendMessage", { chat_id: user.id, text: "chào" })).toEqual(blocked);
      expect(await call("sendChatAction", { chat_id: user.id, action: "typing" })).toEqual(blocked);
      standIn.block(user.id, false);
      expect((await call("sendMessage", { chat_id: user.id, text: "chào" })).status).toBe(200);
    });

    it("sends photos by URL with a caption, and chat actions", async () => {
      const user = await reachedUser();
      const sent = await call("sendPhoto", { chat_id: user.id, photo: "https://example.com/a.jpg", caption: "Ảnh" });
      expect(sent.body).toEqual({ ok: true, result: { message_id: expect.stringMatching(/^[0-9a-f]{32}$/), date: expect.any(Number) } });
      expect(standIn.messages(user.id).at(-1)).toMatchObject({ from_bot: true, photo: "https://example.com/a.jpg", caption: "Ảnh", chat_id: user.id });
      expect((await call("sendPhoto", { chat_id: user.id, photo: "file:///etc/passwd" })).status).toBe(400);
      expect((await call("sendPhoto", { chat_id: user.id, photo: "https://example.com/a.jpg", caption: "x".repeat(2001) })).body.description).toBe(
        "caption is too long",
      );
      expect(await call("sendChatAction", { chat_id: user.id, action: "typing" })).toEqual({ status: 200, body: { ok: true, result: true } });
      expect((await call("sendChatAction", { chat_id: user.id, action: "dancing" })).status).toBe(400);
    });

    it("records every call with its params and outcome", async () => {
      const user = await reachedUser();
      await call("sendMessage", { chat_id: user.id, text: "một" });
      await call("sendMessage", { chat_id: user.id, text: "" });
      expect(standIn.calls("sendMessage")).toEqual([
        { method: "sendMessage", params: { chat_id: user.id, text: "một" }, ok: true, at: expect.any(Number) },
        { method: "sendMessage", params: { chat_id: user.id, text: "" }, ok: false, error_code: 400, description: "text is empty", at: expect.any(Number) },
      ]);
    });
  });

  describe("images from users", () => {
    it("serves the image at photo_url with the same bytes", async () => {
      const user = standIn.createUser({ displayName: "Giang" });
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
      standIn.sendImage(user.id, bytes, { caption: "Hiện trường" });
      const update = (await call("getUpdates", { timeout: "1" })).body.result as ZaloUpdate;
      expect(update.event_name).toBe("message.image.received");
      expect(update.message.caption).toBe("Hiện trường");
      expect(update.message.photo_url).toMatch(new RegExp(`^${standIn.apiRoot}/media/[0-9a-f]+\\.jpg$`));

      const res = await fetch(update.message.photo_url!);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/jpeg");
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
      expect(standIn.messages(user.id)[0]).toMatchObject({ from_bot: false, photo: update.message.photo_url, caption: "Hiện trường" });

      expect((await fetch(`${standIn.apiRoot}/media/nothing.jpg`)).status).toBe(404);
    });

    it("keeps the content type given", async () => {
      const user = standIn.createUser({ displayName: "Hương" });
      const update = standIn.sendImage(user.id, new Uint8Array([0x89, 0x50]), { contentType: "image/png" });
      expect((await fetch(update.message.photo_url!)).headers.get("content-type")).toBe("image/png");
    });
  });

  describe("webhook", () => {
    interface Received {
      headers: http.IncomingHttpHeaders;
      body: { ok: boolean; result: ZaloUpdate };
      status: number;
    }

    let receiver: http.Server;
    let receiverUrl: string;
    let received: Received[];
    /** Statuses to answer, in order; 200 once they run out. */
    let answers: number[];

    beforeEach(async () => {
      received = [];
      answers = [];
      receiver = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
          const status = answers.shift() ?? 200;
          received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Received["body"], status });
          res.writeHead(status).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/zalo/webhook`;
    });

    afterEach(async () => {
      await standIn.stop();
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    });

    it("POSTs each update wrapped, with the secret, in order, retrying after a 500", async () => {
      const set = await call("setWebhook", { url: receiverUrl, secret_token: "s3cret-token" });
      expect(set.body).toEqual({ ok: true, result: { url: receiverUrl, updated_at: expect.any(Number) } });
      expect((await call("getWebhookInfo")).body.result).toEqual({ url: receiverUrl, updated_at: (set.body.result as { updated_at: number }).updated_at });
      expect(standIn.webhookInfo().url).toBe(receiverUrl);

      answers = [500];
      const user = standIn.createUser({ displayName: "Khánh" });
      const sent = ["một", "hai", "ba"].map((text) => standIn.sendText(user.id, text));
      await until(() => standIn.webhookStats().delivered === 3, () => `delivered ${JSON.stringify(standIn.webhookStats())}`);

      expect(received.map((r) => [r.status, r.body.result.message.text])).toEqual([
        [500, "một"],
        [200, "một"],
        [200, "hai"],
        [200, "ba"],
      ]);
      for (const r of received) {
        expect(r.headers["x-bot-api-secret-token"]).toBe("s3cret-token");
        expect(r.headers["content-type"]).toBe("application/json");
        expect(r.body.ok).toBe(true);
      }
      expect(received.filter((r) => r.status === 200).map((r) => r.body.result)).toEqual(sent);
      expect(standIn.webhookStats()).toEqual({ delivered: 3, failedAttempts: 1, dropped: 0, pending: 0, lastError: "HTTP 500" });
    });

    it("gives an update up after the last attempt, and the next one goes on", async () => {
      const stubborn = await ZaloStandIn.start({ webhookRetryMs: 5, webhookMaxAttempts: 3 });
      try {
        const res = await fetch(`${stubborn.apiRoot}/bot${stubborn.token}/setWebhook`, {
          method: "POST",
          body: JSON.stringify({ url: receiverUrl, secret_token: "12345678" }),
        });
        expect(res.status).toBe(200);
        answers = [503, 503, 503];
        const user = stubborn.createUser({ displayName: "Lộc" });
        stubborn.sendText(user.id, "mất");
        stubborn.sendText(user.id, "tới");
        await until(() => stubborn.webhookStats().delivered === 1, () => JSON.stringify(stubborn.webhookStats()));
        expect(received.map((r) => [r.status, r.body.result.message.text])).toEqual([
          [503, "mất"],
          [503, "mất"],
          [503, "mất"],
          [200, "tới"],
        ]);
        expect(stubborn.webhookStats()).toMatchObject({ delivered: 1, failedAttempts: 3, dropped: 1, pending: 0 });
      } finally {
        await stubborn.stop();
      }
    });

    it("refuses getUpdates while set, ends waiting polls, and leaves undelivered updates to polling once deleted", async () => {
      const waiting = call("getUpdates", { timeout: "30" });
      await until(() => standIn.waitingPolls() === 1, () => "the poll never arrived");
      // A server bound to port 0 and kept for the test that resets every connection: every delivery fails.
      // (A port closed and named later could be taken by another process meanwhile.)
      const dead = net.createServer((socket) => socket.resetAndDestroy());
      await new Promise<void>((resolve) => dead.listen(0, "127.0.0.1", resolve));
      onTestFinished(() => new Promise<void>((resolve) => dead.close(() => resolve())));
      const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/hook`;
      expect((await call("setWebhook", { url: deadUrl, secret_token: "abcdefgh" })).status).toBe(200);
      const conflict = { status: 409, body: { ok: false, error_code: 409, description: "webhook is active" } };
      expect(await waiting).toEqual(conflict);
      expect(await call("getUpdates", { timeout: "30" })).toEqual(conflict);

      const user = standIn.createUser({ displayName: "Minh" });
      standIn.sendText(user.id, "chờ");
      await until(() => standIn.webhookStats().failedAttempts >= 2, () => JSON.stringify(standIn.webhookStats()));
      expect(standIn.webhookStats().pending).toBe(1);

      const deleted = await call("deleteWebhook");
      expect(deleted.body).toEqual({ ok: true, result: { url: "", updated_at: expect.any(Number) } });
      expect(standIn.webhookInfo().url).toBe("");
      const update = await call("getUpdates", { timeout: "1" });
      expect((update.body.result as ZaloUpdate).message.text).toBe("chờ");
    });

    it("checks the URL and the secret", async () => {
      expect((await call("setWebhook", { url: receiverUrl, secret_token: "short" })).status).toBe(400);
      expect((await call("setWebhook", { url: receiverUrl, secret_token: "x".repeat(257) })).status).toBe(400);
      expect((await call("setWebhook", { url: "ftp://example.com/hook", secret_token: "abcdefgh" })).status).toBe(400);
      expect((await call("setWebhook", { url: receiverUrl })).status).toBe(400);
      expect(standIn.webhookInfo()).toEqual({ url: "", updated_at: 0 });
    });
  });

  describe("failNext", () => {
    it("fails the next calls of a method, then lets them through", async () => {
      const user = await reachedUser();
      standIn.failNext("sendMessage", 2);
      standIn.failNext("sendMessage", 1, { httpStatus: 429, error_code: -32, description: "quota exceeded" });
      const internal = { status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } };
      expect(await call("sendMessage", { chat_id: user.id, text: "1" })).toEqual(internal);
      expect(await call("getMe")).toMatchObject({ status: 200 });
      expect(await call("sendMessage", { chat_id: user.id, text: "2" })).toEqual(internal);
      expect(await call("sendMessage", { chat_id: user.id, text: "3" })).toEqual({
        status: 429,
        body: { ok: false, error_code: -32, description: "quota exceeded" },
      });
      expect((await call("sendMessage", { chat_id: user.id, text: "4" })).status).toBe(200);
      expect(standIn.botMessages(user.id).map((m) => m.text)).toEqual(["4"]);
      expect(standIn.calls("sendMessage").map((c) => c.error_code ?? "ok")).toEqual([500, 500, -32, "ok"]);
    });

    it("drops connections, and a failed getUpdates hands out nothing", async () => {
      const user = standIn.createUser({ displayName: "Nam" });
      standIn.sendText(user.id, "giữ");
      standIn.failNext("getUpdates", 1, { dropConnection: true });
      standIn.failNext("getUpdates", 1);
      await expect(call("getUpdates", { timeout: "1" })).rejects.toThrow();
      expect((await call("getUpdates", { timeout: "1" })).status).toBe(500);
      expect(standIn.pendingUpdates()).toBe(1);
      expect(((await call("getUpdates", { timeout: "1" })).body.result as ZaloUpdate).message.text).toBe("giữ");
      expect(standIn.calls("getUpdates").map((c) => [c.ok, c.dropped ?? false])).toEqual([
        [false, true],
        [false, false],
        [true, false],
      ]);
    });

    it("takes * for any method", async () => {
      standIn.failNext("*", 1, { httpStatus: 502 });
      expect((await call("getWebhookInfo")).status).toBe(502);
      expect((await call("getWebhookInfo")).status).toBe(200);
    });
  });

  describe("ZaloPersona", () => {
    it("talks to a polling bot and waits for its new answers", async () => {
      const stopBot = runEchoBot();
      try {
        const lan = ZaloPersona.create(standIn, "Lan");
        const reply = await lan.say("xin chào", /^echo: xin chào$/);
        expect(reply).toMatchObject({ from_bot: true, chat_id: lan.user.id });
        // The same answer again is a new message, not the one already seen.
        const again = await lan.say("xin chào", /^echo: xin chào$/);
        expect(again!.message_id).not.toBe(reply!.message_id);
        const photo = await lan.sendImage(new Uint8Array([1, 2, 3]), "ảnh", /^image 3 bytes: ảnh$/);
        expect(photo!.text).toBe("image 3 bytes: ảnh");
        expect(lan.lastBotText()).toBe("image 3 bytes: ảnh");
        expect(lan.botMessages()).toHaveLength(3);
        await expect(lan.say("im lặng", /never/, 200)).rejects.toThrow(/no bot message matching \/never\//);
      } finally {
        await stopBot();
      }
    });
  });

  /** A tiny Zalo bot over plain fetch: echoes texts, describes images. Returns its stop function. */
  function runEchoBot(): () => Promise<void> {
    const abort = new AbortController();
    const loop = (async () => {
      while (!abort.signal.aborted) {
        let update: ZaloUpdate;
        try {
          const polled = await call("getUpdates", { timeout: "30" }, { signal: abort.signal });
          if (!polled.body.ok) continue;
          update = polled.body.result as ZaloUpdate;
        } catch {
          continue;
        }
        const chat_id = update.message.chat.id;
        if (update.message.text === "im lặng") continue;
        if (update.message.photo_url) {
          const bytes = (await (await fetch(update.message.photo_url)).arrayBuffer()).byteLength;
          await call("sendMessage", { chat_id, text: `image ${bytes} bytes: ${update.message.caption ?? ""}` });
        } else if (update.message.text) {
          await call("sendMessage", { chat_id, text: `echo: ${update.message.text}` });
        }
      }
    })();
    return async () => {
      abort.abort();
      await loop;
    };
  }
});
