// The Bot API stand-in itself: Telegram's shapes and refusals, so the
// end-to-end tests, the simulator and the benchmarks that stand on it can be
// trusted.
import { autoRetry } from "@grammyjs/auto-retry";
import { type Conversation, type ConversationFlavor, conversations, createConversation } from "@grammyjs/conversations";
import { run, type RunnerHandle, sequentialize } from "@grammyjs/runner";
import { Bot, type Context, InlineKeyboard, InputFile, Keyboard } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiStandIn, parseHtml, type StoredMessage } from "../src/dev/bot-api-stand-in/index.js";
import { until } from "./support/wait.js";

const TOKEN = "1:good";

// A 2×3 PNG (signature and IHDR are all the stand-in reads).
const PNG = Buffer.concat([
  Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"),
  Buffer.from([0, 0, 0, 2, 0, 0, 0, 3, 8, 2, 0, 0, 0]),
  Buffer.alloc(16),
]);

describe("Bot API stand-in", () => {
  let standIn: BotApiStandIn;
  let bot: Bot;
  let runner: RunnerHandle | undefined;

  /** POSTs JSON to a Bot API method, as any HTTP client would. */
  async function call(method: string, body: Record<string, unknown> = {}, token = TOKEN) {
    const res = await fetch(`${standIn.url}/bot${token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; result?: unknown; error_code?: number; description?: string } };
  }

  beforeEach(async () => {
    standIn = new BotApiStandIn({ token: TOKEN });
    await standIn.start();
    bot = new Bot(TOKEN, { client: { apiRoot: standIn.apiRoot } });
    runner = undefined;
  });

  afterEach(async () => {
    if (runner?.isRunning()) await runner.stop();
    if (bot.isRunning()) await bot.stop();
    await standIn.stop();
  });

  describe("HTTP", () => {
    it("refuses other tokens, unknown methods and paths like Telegram", async () => {
      expect(await call("getMe", {}, "2:bad")).toEqual({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
      expect(await call("sendTelepathy")).toEqual({ status: 404, body: { ok: false, error_code: 404, description: "Not Found" } });
      expect((await fetch(`${standIn.url}/nowhere`)).status).toBe(404);
    });

    it("takes any case, GET with a query, and urlencoded bodies", async () => {
      const user = standIn.createUser({ first_name: "An" }, { started: true });
      const me = (await (await fetch(`${standIn.url}/bot${TOKEN}/GETME`)).json()) as { result: { username: string } };
      expect(me.result.username).toBe(standIn.botInfo.username);
      await fetch(`${standIn.url}/bot${TOKEN}/sendmessage?chat_id=${user.id}&text=from%20a%20query`);
      await fetch(`${standIn.url}/bot${TOKEN}/sendMessage`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ chat_id: String(user.id), text: "from a form", reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "x", callback_data: "y" }]] }) }),
      });
      expect(standIn.botMessages(user.id).map((m) => m.text)).toEqual(["from a query", "from a form"]);
      expect(standIn.inlineButtons(standIn.lastBotMessage(user.id))).toEqual([{ text: "x", callback_data: "y" }]);
      expect(standIn.callsTo("sendMessage")).toHaveLength(2);
      expect(standIn.calls.map((c) => c.method)).toEqual(["getMe", "sendMessage", "sendMessage"]);
    });

    it("answers chat not found, missing parameters, and 403 for a blocked user", async () => {
      expect((await call("sendMessage", { chat_id: 42, text: "hi" })).body.description).toBe("Bad Request: chat not found");
      const user = standIn.createUser({ first_name: "Em" }, { started: true });
      expect((await call("sendMessage", { chat_id: user.id })).body.description).toBe("Bad Request: message text is empty");
      standIn.blockBot(user.id);
      await expect(bot.api.sendMessage(user.id, "hi")).rejects.toMatchObject({ error_code: 403, description: "Forbidden: bot was blocked by the user" });
      // Telegram tells the bot with my_chat_member; writing to the bot again unblocks it.
      const updates = await bot.api.getUpdates();
      expect(updates.map((u) => u.my_chat_member?.new_chat_member.status)).toEqual(["kicked"]);
      standIn.sendText(user.id, user.id, "/start");
      await expect(bot.api.sendMessage(user.id, "welcome back")).resolves.toMatchObject({ text: "welcome back" });
    });
  });

  describe("as strict as Telegram", () => {
    it("answers 403 to a user who never wrote to the bot, until they do", async () => {
      const user = standIn.createUser({ first_name: "Chưa Start" });
      await expect(bot.api.sendMessage(user.id, "hi")).rejects.toMatchObject({ error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" });
      expect(standIn.hasStarted(user.id)).toBe(false);
      standIn.sendText(user.id, user.id, "/start");
      expect(standIn.hasStarted(user.id)).toBe(true);
      await expect(bot.api.sendMessage(user.id, "welcome")).resolves.toMatchObject({ text: "welcome" });
      expect(standIn.callsTo("sendMessage").map((c) => c.status)).toEqual([403, 200]);
    });

    it("refuses to answer a press later than the answer window, and a second answer", async () => {
      let now = Date.parse("2026-12-06T03:00:00Z");
      const strict = new BotApiStandIn({ token: TOKEN, now: () => now });
      await strict.start();
      try {
        const user = strict.createUser({ first_name: "Bấm" }, { started: true });
        const api = new Bot(TOKEN, { client: { apiRoot: strict.apiRoot } }).api;
        const sent = await api.sendMessage(user.id, "?", { reply_markup: new InlineKeyboard().text("ok", "ok") });
        const quick = strict.pressButton(user.id, user.id, sent.message_id, "ok").callbackQueryId;
        const late = strict.pressButton(user.id, user.id, sent.message_id, "ok").callbackQueryId;
        now += 15_000;
        await expect(api.answerCallbackQuery(quick)).resolves.toBe(true);
        await expect(api.answerCallbackQuery(quick)).rejects.toMatchObject({ error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" });
        now += 1;
        await expect(api.answerCallbackQuery(late)).rejects.toMatchObject({ error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" });
      } finally {
        await strict.stop();
      }
    });

    it("lets getFile serve files up to 20 MB only", async () => {
      const user = standIn.createUser({ first_name: "Tệp To" });
      const small = standIn.sendDocument(user.id, user.id, { file_name: "a.jpg", mime_type: "image/jpeg", bytes: new Uint8Array(20 * 1024 * 1024) });
      const big = standIn.sendDocument(user.id, user.id, { file_name: "b.jpg", mime_type: "image/jpeg", bytes: new Uint8Array(20 * 1024 * 1024 + 1) });
      await expect(bot.api.getFile(small.document!.file_id)).resolves.toMatchObject({ file_size: 20 * 1024 * 1024 });
      await expect(bot.api.getFile(big.document!.file_id)).rejects.toMatchObject({ error_code: 400, description: "Bad Request: file is too big" });
    });

    it("can lose a response after the call took effect: the message is there, the client gets no answer", async () => {
      const user = standIn.createUser({ first_name: "Mạng Rớt" }, { started: true });
      const other = standIn.createUser({ first_name: "Người Khác" }, { started: true });
      standIn.loseResponseNext("sendMessage", 1, (p) => String(p.chat_id) === String(user.id));
      await expect(bot.api.sendMessage(other.id, "not this one")).resolves.toMatchObject({ text: "not this one" });
      await expect(bot.api.sendMessage(user.id, "delivered")).rejects.toThrow();
      expect(standIn.botMessages(user.id).map((m) => m.text)).toEqual(["delivered"]);
      expect(standIn.callsTo("sendMessage").map((c) => [c.status, c.responseLost ?? false])).toEqual([
        [200, false],
        [200, true],
      ]);
    });
    describe("each chat's own limits", () => {
      let limited: BotApiStandIn;
      let now: number;
      let api: Bot["api"];
      beforeEach(async () => {
        now = Date.parse("2026-12-06T03:00:00Z");
        limited = new BotApiStandIn({ token: TOKEN, now: () => now, chatRateLimits: "groups" });
        await limited.start();
        api = new Bot(TOKEN, { client: { apiRoot: limited.apiRoot } }).api;
      });
      afterEach(async () => {
        await limited.stop();
      });

      it("lets 20 messages a minute into a group, then answers 429 with the wait; private chats are not held in “groups” mode", async () => {
        const group = limited.createGroup({ title: "Công an phường" });
        const user = limited.createUser({ first_name: "Riêng" }, { started: true });
        for (let i = 0; i < 20; i++) await api.sendMessage(group.id, `tin ${i}`);
        const refused = await api.sendMessage(group.id, "tin 21").catch((err: unknown) => err);
        expect(refused).toMatchObject({ error_code: 429, parameters: { retry_after: expect.any(Number) } });
        const wait = (refused as { parameters: { retry_after: number } }).parameters.retry_after;
        expect(wait).toBeGreaterThanOrEqual(1);
        expect(wait).toBeLessThanOrEqual(60);
        for (let i = 0; i < 8; i++) await api.sendMessage(user.id, `riêng ${i}`);
        expect(limited.botMessages(group.id)).toHaveLength(20);
        expect(limited.rateLimitStats().refusedByChatLimits).toBe(1);
      });

      it("in “all” mode, holds a private chat to a burst of 5 in 5 seconds", async () => {
        limited.setChatRateLimits("all");
        const user = limited.createUser({ first_name: "Riêng" }, { started: true });
        for (let i = 0; i < 5; i++) await api.sendMessage(user.id, `riêng ${i}`);
        await expect(api.sendMessage(user.id, "riêng 6")).rejects.toMatchObject({ error_code: 429 });
        expect(limited.botMessages(user.id)).toHaveLength(5);
      });

      it("does not count against a group a message the global limit refused", async () => {
        limited.setSendRateLimit({ perSecond: 1 });
        const group = limited.createGroup({ title: "Công an phường" });
        for (let sent = 0; sent < 20; ) {
          // Each second: one message goes out, and a second one is refused by the global limit (1 a second here).
          await api.sendMessage(group.id, `tin ${sent++}`);
          await expect(api.sendMessage(group.id, "quá nhanh")).rejects.toMatchObject({ error_code: 429 });
          now += 1_000;
        }
        expect(limited.botMessages(group.id)).toHaveLength(20);
        // 19 refused by the global limit cost the group nothing; the last finds the group's minute full.
        expect(limited.rateLimitStats()).toMatchObject({ refused429: 19, refusedByChatLimits: 1 });
      });
    });
  });

  describe("with a grammY bot", () => {
    it("answers /start with an inline keyboard, then edits the message when the button is pressed", async () => {
      bot.command("start", (ctx) =>
        ctx.reply("<b>Xin chào</b> &amp; chào", { parse_mode: "HTML", reply_markup: new InlineKeyboard().text("Đồng ý", "agree").url("Web", "https://example.org") }),
      );
      bot.callbackQuery("agree", async (ctx) => {
        await ctx.answerCallbackQuery({ text: "Đã ghi nhận" });
        await ctx.editMessageText("Cảm ơn!");
      });
      void bot.start({ drop_pending_updates: false });
      const user = standIn.createUser({ first_name: "An", username: "an_user" }, { started: true });

      const replied = standIn.waitForBotMessage(user.id);
      const sent = standIn.sendText(user.id, user.id, "/start");
      expect(sent.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
      const reply = await replied;
      expect(reply).toMatchObject({ from_bot: true, text: "Xin chào & chào", rawText: "<b>Xin chào</b> &amp; chào", entities: [{ type: "bold", offset: 0, length: 8 }] });
      expect(standIn.inlineButtons(reply)).toEqual([
        { text: "Đồng ý", callback_data: "agree" },
        { text: "Web", url: "https://example.org" },
      ]);

      const button = standIn.findButton(reply, /đồng/i)!;
      const edited = standIn.waitForBotMessage(user.id, /Cảm ơn/);
      const { callbackQueryId } = standIn.pressButton(user.id, user.id, reply.message_id, button.callback_data!);
      expect(await standIn.waitForCallbackAnswer(callbackQueryId)).toMatchObject({ text: "Đã ghi nhận" });
      expect(await edited).toMatchObject({ message_id: reply.message_id, text: "Cảm ơn!", edited: true });
      // Editing without a reply_markup removes the keyboard, as on Telegram.
      expect(standIn.lastBotMessage(user.id)?.reply_markup).toBeUndefined();
      expect(standIn.messages(user.id).map((m) => [m.from_bot, m.text])).toEqual([
        [false, "/start"],
        [true, "Cảm ơn!"],
      ]);
    });

    it("runs a conversation under @grammyjs/runner", async () => {
      type Ctx = ConversationFlavor<Context>;
      const convoBot = new Bot<Ctx>(TOKEN, { client: { apiRoot: standIn.apiRoot } });
      // The runner handles updates concurrently; one chat's must wait for each other.
      convoBot.use(sequentialize((ctx) => String(ctx.chat?.id)));
      convoBot.use(conversations());
      convoBot.use(
        createConversation(async (conversation: Conversation<Ctx, Context>, ctx: Context) => {
          await ctx.reply("Tên bạn là gì?", { reply_markup: new Keyboard().text("Bình").oneTime() });
          const answer = await conversation.waitFor("message:text");
          await answer.reply(`Chào ${answer.message.text}!`, { reply_markup: { remove_keyboard: true } });
        }, "greet"),
      );
      convoBot.command("greet", (ctx) => ctx.conversation.enter("greet"));
      await convoBot.init();
      runner = run(convoBot);

      const user = standIn.createUser({ first_name: "Bình" }, { started: true });
      const asked = standIn.waitForBotMessage(user.id, /Tên/);
      standIn.sendText(user.id, user.id, "/greet");
      await asked;
      expect(standIn.replyKeyboard(user.id)?.keyboard).toEqual([[{ text: "Bình" }]]);
      const greeted = standIn.waitForBotMessage(user.id, /Chào/);
      standIn.sendText(user.id, user.id, "Bình");
      expect((await greeted).text).toBe("Chào Bình!");
      expect(standIn.replyKeyboard(user.id)).toBeUndefined();
    });

    it("rides out an injected 429 with @grammyjs/auto-retry", async () => {
      const user = standIn.createUser({ first_name: "Giang" }, { started: true });
      bot.api.config.use(autoRetry());
      standIn.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
      const started = Date.now();
      await bot.api.sendMessage(user.id, "after a wait");
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(standIn.callsTo("sendMessage")).toHaveLength(2);
      expect(standIn.botMessages(user.id)).toHaveLength(1);
    });

    it("fails any method with '*' as many times as asked", async () => {
      standIn.failNext("*", { error_code: 500, description: "Internal Server Error" }, 2);
      await expect(bot.api.getMe()).rejects.toMatchObject({ error_code: 500 });
      await expect(bot.api.getMyCommands()).rejects.toMatchObject({ error_code: 500 });
      await expect(bot.api.getMe()).resolves.toMatchObject({ id: standIn.botInfo.id });
    });
  });

  describe("long polling", () => {
    // How quickly: bench/stand-in-polling.ts.
    it("answers a waiting getUpdates when an update arrives", async () => {
      const user = standIn.createUser({ first_name: "Hà" }, { started: true });
      let answered = false;
      const poll = bot.api.getUpdates({ timeout: 20 }).finally(() => (answered = true));
      await until(() => standIn.callsTo("getUpdates").length === 1, () => "the poll did not reach the stand-in");
      expect(answered).toBe(false);
      standIn.sendText(user.id, user.id, "hello");
      const updates = await poll;
      expect(updates.map((u) => u.message?.text)).toEqual(["hello"]);
    });

    it("confirms by offset, honours limit and allowed_updates", async () => {
      const user = standIn.createUser({ first_name: "Khoa" }, { started: true });
      for (const text of ["a", "b", "c"]) standIn.sendText(user.id, user.id, text);
      const first = await bot.api.getUpdates({ limit: 2 });
      expect(first.map((u) => u.message?.text)).toEqual(["a", "b"]);
      const rest = await bot.api.getUpdates({ offset: first[1]!.update_id + 1 });
      expect(rest.map((u) => u.message?.text)).toEqual(["c"]);
      // Confirmed updates are gone for good.
      expect((await bot.api.getUpdates({ offset: 0 })).map((u) => u.message?.text)).toEqual(["c"]);

      await bot.api.getUpdates({ offset: rest[0]!.update_id + 1, allowed_updates: ["message"] });
      const sent = await bot.api.sendMessage(user.id, "pick", { reply_markup: new InlineKeyboard().text("x", "x") });
      standIn.pressButton(user.id, user.id, sent.message_id, "x");
      standIn.sendText(user.id, user.id, "d");
      expect((await bot.api.getUpdates()).map((u) => Object.keys(u)[1])).toEqual(["message"]);
    });

    it("answers a waiting poll with [] on stop, and a second poller ends the first with 409", async () => {
      const first = fetch(`${standIn.url}/bot${TOKEN}/getUpdates?timeout=30`).then((r) => r.json());
      await until(() => standIn.callsTo("getUpdates").length === 1, () => "the first poll did not reach the stand-in");
      const second = fetch(`${standIn.url}/bot${TOKEN}/getUpdates?timeout=30`).then((r) => r.json());
      expect(await first).toMatchObject({ ok: false, error_code: 409, description: expect.stringMatching(/^Conflict: terminated by other getUpdates/) });
      // The second poll is waiting once it has ended the first; stop answers it (a poll left hanging would fail the fetch instead).
      await standIn.stop();
      expect(await second).toEqual({ ok: true, result: [] });
    });

    it("refuses getUpdates while a webhook is set, and drops pending updates when asked", async () => {
      const user = standIn.createUser({ first_name: "Lan" }, { started: true });
      standIn.sendText(user.id, user.id, "old");
      await bot.api.setWebhook("https://example.org/hook");
      expect((await bot.api.getWebhookInfo()).url).toBe("https://example.org/hook");
      await expect(bot.api.getUpdates()).rejects.toMatchObject({ error_code: 409 });
      await bot.api.deleteWebhook({ drop_pending_updates: true });
      expect(await bot.api.getUpdates()).toEqual([]);
    });
  });

  describe("formatting and limits", () => {
    it("parses HTML into plain text and UTF-16 entities", async () => {
      const user = standIn.createUser({ first_name: "Minh" }, { started: true });
      const html = '  🚨 <b>KHẨN <i>gấp</i></b> &lt;x&gt; AT&T <a href="https://t.me/x?a=1&amp;b=2">link</a>\n<pre><code class="language-ts">let a = 1;</code></pre>\n';
      const sent = await bot.api.sendMessage(user.id, html, { parse_mode: "HTML" });
      expect(sent.text).toBe('🚨 KHẨN gấp <x> AT&T link\nlet a = 1;');
      expect(sent.entities).toEqual([
        { type: "bold", offset: 3, length: 8 },
        { type: "italic", offset: 8, length: 3 },
        { type: "text_link", offset: 21, length: 4, url: "https://t.me/x?a=1&b=2" },
        { type: "pre", offset: 26, length: 10, language: "ts" },
      ]);
      expect(standIn.lastBotMessage(user.id)).toMatchObject({ rawText: html, parse_mode: "HTML" });
    });

    it("refuses malformed HTML with Telegram's words", () => {
      expect(parseHtml("🚨 <b>KHẨN</b>")).toEqual({ text: "🚨 KHẨN", entities: [{ type: "bold", offset: 3, length: 4 }] });
      expect(() => parseHtml("<b>open")).toThrow('Can\'t find end tag corresponding to start tag "b"');
      expect(() => parseHtml("<b>bad</i>")).toThrow('Unmatched end tag at byte offset 6, expected "</b>", found "</i>"');
      expect(() => parseHtml("<script>x</script>")).toThrow('Unsupported start tag "script" at byte offset 0');
      expect(() => parseHtml("Đ < 3")).toThrow('Unsupported start tag "" at byte offset 3');
      expect(() => parseHtml("x</b>")).toThrow("Unexpected end tag at byte offset 1");
      expect(() => parseHtml('<span class="x">s</span>')).toThrow('Tag "span" must have class "tg-spoiler"');
      expect(parseHtml("&nbsp;&#33;&#x41;").text).toBe("&nbsp;!A");
    });

    it("refuses what Telegram refuses", async () => {
      const user = standIn.createUser({ first_name: "Nam" }, { started: true });
      const refusal = (p: Promise<unknown>) => p.then(() => "sent", (err: { description?: string }) => err.description);
      expect(await refusal(bot.api.sendMessage(user.id, ""))).toBe("Bad Request: message text is empty");
      expect(await refusal(bot.api.sendMessage(user.id, "<b> </b>", { parse_mode: "HTML" }))).toBe("Bad Request: message text is empty");
      expect(await refusal(bot.api.sendMessage(user.id, "<b>open", { parse_mode: "HTML" }))).toBe(
        "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
      );
      expect(await refusal(bot.api.sendMessage(user.id, "x".repeat(4097)))).toBe("Bad Request: message is too long");
      expect(await refusal(bot.api.sendMessage(user.id, "x".repeat(4096)))).toBe("sent");
      expect(await refusal(bot.api.sendPhoto(user.id, new InputFile(PNG), { caption: "c".repeat(1025) }))).toBe("Bad Request: message caption is too long");
      expect(await refusal(bot.api.sendMessage(user.id, "x", { reply_markup: new InlineKeyboard().text("x", "y".repeat(65)) }))).toBe(
        "Bad Request: BUTTON_DATA_INVALID",
      );
      expect(await refusal(bot.api.sendMessage(user.id, "x", { reply_markup: { inline_keyboard: [[{ text: "only text" } as never]] } }))).toBe(
        "Bad Request: text buttons are unallowed in the inline keyboard",
      );
      expect(await refusal(bot.api.sendMessage(user.id, "x", { reply_parameters: { message_id: 999 } }))).toBe("Bad Request: message to be replied not found");
      expect(await refusal(bot.api.sendMessage(user.id, "x", { parse_mode: "Klingon" as never }))).toBe("Bad Request: unsupported parse_mode");
    });

    it("edits in place, refuses identical edits, and deletes", async () => {
      const user = standIn.createUser({ first_name: "Bình" }, { started: true });
      const refusal = (p: Promise<unknown>) => p.then(() => "done", (err: { description?: string }) => err.description);
      const sent = await bot.api.sendMessage(user.id, "one", { reply_markup: new InlineKeyboard().text("a", "a") });
      const edited = await bot.api.editMessageText(user.id, sent.message_id, "<i>two</i>", { parse_mode: "HTML", reply_markup: new InlineKeyboard().text("a", "a") });
      expect(edited).toMatchObject({ text: "two", entities: [{ type: "italic", offset: 0, length: 3 }], edit_date: expect.any(Number) });
      expect(standIn.lastBotMessage(user.id)).toMatchObject({ text: "two", rawText: "<i>two</i>", edited: true });
      expect(await refusal(bot.api.editMessageText(user.id, sent.message_id, "<i>two</i>", { parse_mode: "HTML", reply_markup: new InlineKeyboard().text("a", "a") }))).toBe(
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
      await bot.api.editMessageReplyMarkup(user.id, sent.message_id);
      expect(standIn.lastBotMessage(user.id)?.reply_markup).toBeUndefined();
      expect(await refusal(bot.api.editMessageReplyMarkup(user.id, sent.message_id))).toMatch(/message is not modified/);
      expect(await refusal(bot.api.editMessageText(user.id, 999, "x"))).toBe("Bad Request: message to edit not found");
      expect(await refusal(bot.api.editMessageCaption(user.id, sent.message_id, { caption: "x" }))).toBe("Bad Request: there is no caption in the message to edit");
      const mine = standIn.sendText(user.id, user.id, "mine");
      expect(await refusal(bot.api.editMessageText(user.id, mine.message_id, "x"))).toBe("Bad Request: message can't be edited");

      await bot.api.deleteMessage(user.id, sent.message_id);
      expect(standIn.botMessages(user.id)).toEqual([]);
      expect(standIn.messages(user.id).find((m) => m.message_id === sent.message_id)?.deleted).toBe(true);
      expect(await refusal(bot.api.deleteMessage(user.id, sent.message_id))).toBe("Bad Request: message to delete not found");
    });
  });

  describe("media", () => {
    it("copies a user's photo into a group without its sender; forwardMessage would name them", async () => {
      const user = standIn.createUser({ first_name: "Chi", username: "chi_secret" }, { started: true });
      const group = standIn.createGroup({ title: "CAP" });
      const photo = standIn.sendPhoto(user.id, user.id, { caption: "ở đây" });
      expect(photo.photo).toHaveLength(2);
      expect(new Set(photo.photo!.map((p) => p.file_id)).size).toBe(2);

      const { message_id } = await bot.api.copyMessage(group.id, user.id, photo.message_id);
      const copy = standIn.lastBotMessage(group.id)!;
      expect(copy).toMatchObject({ message_id, from_bot: true, caption: "ở đây", photo: photo.photo });
      expect(copy.forward_origin).toBeUndefined();
      expect(copy.from).toBeUndefined();
      expect(JSON.stringify(copy)).not.toContain("chi_secret");

      const forwarded = await bot.api.forwardMessage(group.id, user.id, photo.message_id);
      expect(forwarded.forward_origin).toMatchObject({ type: "user", sender_user: { username: "chi_secret" } });
      await expect(bot.api.copyMessage(group.id, user.id, 999)).rejects.toMatchObject({ description: "Bad Request: message to copy not found" });
    });

    it("stores uploads as grammY sends them and serves them through getFile", async () => {
      const user = standIn.createUser({ first_name: "Dũng" }, { started: true });
      const bytes = Buffer.from("xlsx-ish bytes \r\n with CRLF \r\n--inside");
      const sent = await bot.api.sendDocument(user.id, new InputFile(bytes, "bao cao.xlsx"), { caption: "<b>Báo cáo</b>", parse_mode: "HTML" });
      expect(sent.document).toMatchObject({ file_name: "bao cao.xlsx", mime_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file_size: bytes.length });
      expect(sent.caption_entities).toEqual([{ type: "bold", offset: 0, length: 7 }]);
      const file = await bot.api.getFile(sent.document.file_id);
      const download = await fetch(`${standIn.url}/file/bot${TOKEN}/${file.file_path}`);
      expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
      expect(Buffer.from(standIn.fileBytes(sent.document.file_id)!)).toEqual(bytes);
      expect(standIn.callsTo("sendDocument")[0]!.params.document).toEqual({ filename: "bao cao.xlsx", size: bytes.length });
      expect(standIn.lastBotMessage(user.id)?.caption).toBe("Báo cáo");
    });

    it("reads photo sizes from uploads, refuses non-images, and takes browser-style FormData", async () => {
      const user = standIn.createUser({ first_name: "Hùng" }, { started: true });
      const sent = await bot.api.sendPhoto(user.id, new InputFile(PNG, "chart.png"));
      expect(sent.photo.at(-1)).toMatchObject({ width: 2, height: 3 });
      await expect(bot.api.sendPhoto(user.id, new InputFile(Buffer.from("not a picture")))).rejects.toMatchObject({ description: "Bad Request: IMAGE_PROCESS_FAILED" });

      const form = new FormData();
      form.set("chat_id", String(user.id));
      form.set("caption", "từ trình duyệt");
      form.set("photo", new Blob([PNG], { type: "image/png" }), "a \"quoted\" name.png");
      const res = await fetch(`${standIn.url}/bot${TOKEN}/sendPhoto`, { method: "POST", body: form });
      expect(await res.json()).toMatchObject({ ok: true, result: { caption: "từ trình duyệt", photo: [{}, { width: 2, height: 3 }] } });
    });

    it("sends albums by file id, as one media group", async () => {
      const user = standIn.createUser({ first_name: "Ân" }, { started: true });
      const group = standIn.createGroup({ title: "CAP", type: "group" });
      const a = standIn.sendPhoto(user.id, user.id).photo!.at(-1)!;
      const b = standIn.sendPhoto(user.id, user.id).photo!.at(-1)!;
      const album = await bot.api.sendMediaGroup(group.id, [
        { type: "photo", media: a.file_id, caption: "<b>2</b> ảnh", parse_mode: "HTML" },
        { type: "photo", media: b.file_id },
      ]);
      expect(album).toHaveLength(2);
      const [first, second] = standIn.botMessages(group.id);
      expect(first!.media_group_id).toBeDefined();
      expect(second!.media_group_id).toBe(first!.media_group_id);
      expect(album[0]).toMatchObject({ media_group_id: first!.media_group_id, caption: "2 ảnh", caption_entities: [{ type: "bold", offset: 0, length: 1 }] });
      expect(first!.photo?.at(-1)?.file_unique_id).toBe(a.file_unique_id);
      await bot.api.sendMediaGroup(group.id, [{ type: "photo", media: a.file_id }]);
      expect(standIn.lastBotMessage(group.id)?.media_group_id).toBeUndefined();
      await expect(bot.api.sendMediaGroup(group.id, [])).rejects.toMatchObject({ description: "Bad Request: there are no messages to send" });
      await expect(bot.api.sendMediaGroup(group.id, [{ type: "photo", media: "nonsense" }])).rejects.toMatchObject({
        description: "Bad Request: wrong file identifier/HTTP URL specified",
      });
    });

    it("records users' documents, locations, stickers, voice notes and contacts as Telegram sends them", async () => {
      const user = standIn.createUser({ first_name: "Oanh" }, { started: true });
      standIn.sendDocument(user.id, user.id, { file_name: "a.pdf", mime_type: "application/pdf", bytes: new Uint8Array([1, 2, 3]) });
      standIn.sendLocation(user.id, user.id, 13.77, 109.22);
      standIn.sendSticker(user.id, user.id);
      standIn.sendVoice(user.id, user.id);
      standIn.sendContact(user.id, user.id, "+84900000000");
      const original = standIn.sendText(user.id, user.id, "gốc");
      standIn.replyTo(user.id, user.id, original.message_id, "trả lời");
      const messages = (await bot.api.getUpdates()).map((u) => u.message!);
      expect(messages[0]!.document).toMatchObject({ file_name: "a.pdf", mime_type: "application/pdf", file_size: 3 });
      expect(messages[1]!.location).toEqual({ latitude: 13.77, longitude: 109.22 });
      expect(messages[2]!.sticker).toMatchObject({ type: "regular" });
      expect(messages[3]!.voice).toMatchObject({ mime_type: "audio/ogg" });
      expect(messages[4]!.contact).toEqual({ phone_number: "+84900000000", first_name: "Oanh", user_id: user.id });
      expect(messages[6]!.reply_to_message).toMatchObject({ message_id: original.message_id, text: "gốc" });
    });
  });

  describe("groups", () => {
    it("tracks members and the bot's own status", async () => {
      const admin = standIn.createUser({ first_name: "Phúc" }, { started: true });
      const member = standIn.createUser({ first_name: "Quân" }, { started: true });
      const stranger = standIn.createUser({ first_name: "Rạng" }, { started: true });
      const group = standIn.createGroup({ title: "CAP" });
      expect(group.id).toBeLessThan(-1_000_000_000_000);
      standIn.addMember(group.id, admin.id, "creator");
      standIn.addMember(group.id, member.id);
      expect((await bot.api.getChatMember(group.id, member.id)).status).toBe("member");
      expect((await bot.api.getChatMember(group.id, stranger.id)).status).toBe("left");
      await expect(bot.api.getChatMember(group.id, 424242)).rejects.toMatchObject({ description: "Bad Request: user not found" });
      expect((await bot.api.getChatAdministrators(group.id)).map((m) => [m.user.id, m.status])).toEqual([
        [standIn.botInfo.id, "administrator"],
        [admin.id, "creator"],
      ]);
      expect(await bot.api.getChat(group.id)).toMatchObject({ id: group.id, type: "supergroup", title: "CAP" });

      await bot.api.leaveChat(group.id);
      await expect(bot.api.sendMessage(group.id, "hi")).rejects.toMatchObject({ error_code: 403, description: "Forbidden: bot is not a member of the supergroup chat" });
      const updates = await bot.api.getUpdates();
      expect(updates.at(-1)?.my_chat_member).toMatchObject({ old_chat_member: { status: "administrator" }, new_chat_member: { status: "left" } });
    });

    it("keeps privacy mode when the bot is no admin: commands, mentions and replies only", async () => {
      const user = standIn.createUser({ first_name: "Sơn" }, { started: true });
      const group = standIn.createGroup({ title: "Tổ 1", type: "group" });
      standIn.addMember(group.id, standIn.botInfo.id, "member");
      await bot.api.getUpdates({ offset: -1 }).then((u) => bot.api.getUpdates({ offset: u[0]!.update_id + 1 }));
      const own = await bot.api.sendMessage(group.id, "xin chào");
      standIn.sendText(user.id, group.id, "just chatting");
      standIn.sendText(user.id, group.id, "/help");
      standIn.sendText(user.id, group.id, "/help@other_bot");
      standIn.sendText(user.id, group.id, `hey @${standIn.botInfo.username}`);
      standIn.replyTo(user.id, group.id, own.message_id, "a reply");
      const seen = (await bot.api.getUpdates()).map((u: Update) => u.message?.text);
      expect(seen).toEqual(["/help", `hey @${standIn.botInfo.username}`, "a reply"]);
      expect(standIn.messages(group.id)).toHaveLength(6);
    });
    it("bans and unbans as Telegram does: with the right only, never the owner or an administrator, and a removed member receives nothing more", async () => {
      const owner = standIn.createUser({ first_name: "Chủ" }, { started: true });
      const officer = standIn.createUser({ first_name: "Cán bộ" }, { started: true });
      const deputy = standIn.createUser({ first_name: "Phó" }, { started: true });
      const group = standIn.createGroup({ title: "CAP" });
      standIn.addMember(group.id, owner.id, "creator");
      standIn.addMember(group.id, officer.id);
      standIn.addMember(group.id, deputy.id, "administrator");
      const before = await bot.api.sendMessage(group.id, "thẻ 1");

      await expect(bot.api.banChatMember(group.id, owner.id)).rejects.toMatchObject({ error_code: 400, description: "Bad Request: can't remove chat owner" });
      await expect(bot.api.banChatMember(group.id, deputy.id)).rejects.toMatchObject({ error_code: 400, description: "Bad Request: user is an administrator of the chat" });
      await expect(bot.api.banChatMember(group.id, 424242)).rejects.toMatchObject({ description: "Bad Request: user not found" });
      // only_if_banned leaves a member who is not banned where they are.
      expect(await bot.api.unbanChatMember(group.id, officer.id, { only_if_banned: true })).toBe(true);
      expect(standIn.memberStatus(group.id, officer.id)).toBe("member");

      expect(await bot.api.banChatMember(group.id, officer.id)).toBe(true);
      expect((await bot.api.getChatMember(group.id, officer.id)).status).toBe("kicked");
      expect(() => standIn.sendText(officer.id, group.id, "còn đây không?")).toThrow(/not a member/);
      expect(await bot.api.unbanChatMember(group.id, officer.id, { only_if_banned: true })).toBe(true);
      expect(standIn.memberStatus(group.id, officer.id)).toBe("left");
      const after = await bot.api.sendMessage(group.id, "thẻ 2");
      expect(standIn.messagesSeenBy(officer.id, group.id).map((m) => m.message_id)).toEqual([before.message_id]);
      expect(standIn.messagesSeenBy(owner.id, group.id).map((m) => m.message_id)).toEqual([before.message_id, after.message_id]);
      // Without only_if_banned, unbanning a member removes them (so they can join again by themselves).
      expect(await bot.api.unbanChatMember(group.id, owner.id, { only_if_banned: true })).toBe(true);
      await expect(bot.api.unbanChatMember(group.id, deputy.id)).rejects.toMatchObject({ description: "Bad Request: user is an administrator of the chat" });

      // A bot that is an administrator without the right to ban, or a plain member, may not.
      standIn.setAdminRights(group.id, standIn.botInfo.id, { can_restrict_members: false });
      expect((await bot.api.getChatMember(group.id, standIn.botInfo.id)) as { can_restrict_members?: boolean }).toMatchObject({ status: "administrator", can_restrict_members: false });
      await expect(bot.api.banChatMember(group.id, deputy.id)).rejects.toMatchObject({ description: "Bad Request: not enough rights to restrict/ban chat member" });
      const basic = standIn.createGroup({ title: "Tổ 2", type: "group" });
      standIn.addMember(basic.id, standIn.botInfo.id, "member");
      standIn.addMember(basic.id, officer.id);
      await expect(bot.api.banChatMember(basic.id, officer.id)).rejects.toMatchObject({ description: "Bad Request: not enough rights to restrict/ban chat member" });
      await expect(bot.api.banChatMember(officer.id, owner.id)).rejects.toMatchObject({ description: "Bad Request: chat member status can't be changed in private chats" });
    });

    it("upgrades a basic group to a supergroup: the old id answers with the new one, and the bot gets both service messages", async () => {
      const owner = standIn.createUser({ first_name: "Chủ" }, { started: true });
      const member = standIn.createUser({ first_name: "Thành viên" }, { started: true });
      const group = standIn.createGroup({ title: "CAP phường", type: "group" });
      standIn.addMember(group.id, owner.id, "creator");
      standIn.addMember(group.id, member.id);
      await bot.api.getUpdates({ offset: -1 }).then((u) => bot.api.getUpdates({ offset: (u[0]?.update_id ?? 0) + 1 }));

      const { supergroup } = standIn.upgradeGroup(group.id);
      expect(supergroup).toMatchObject({ type: "supergroup", title: "CAP phường" });
      expect(supergroup.id).toBeLessThan(-1_000_000_000_000);
      const refused = await call("sendMessage", { chat_id: group.id, text: "thẻ" });
      expect(refused).toEqual({
        status: 400,
        body: { ok: false, error_code: 400, description: "Bad Request: group chat was upgraded to a supergroup chat", parameters: { migrate_to_chat_id: supergroup.id } },
      });
      await expect(bot.api.getChat(group.id)).rejects.toMatchObject({ parameters: { migrate_to_chat_id: supergroup.id } });
      expect(standIn.memberStatus(supergroup.id, member.id)).toBe("member");
      const updates = await bot.api.getUpdates();
      expect(updates.map((u) => [u.message?.chat.id, u.message?.chat.type, u.message?.migrate_to_chat_id, u.message?.migrate_from_chat_id, u.message?.from?.id])).toEqual([
        [group.id, "group", supergroup.id, undefined, owner.id],
        [supergroup.id, "supergroup", undefined, group.id, owner.id],
      ]);
      expect((await bot.api.sendMessage(supergroup.id, "thẻ")).chat.id).toBe(supergroup.id);
      expect(() => standIn.sendText(member.id, group.id, "còn ở nhóm cũ")).toThrow(/upgraded/);

      // Held back, the service messages come only when delivered (the bot sends before it has read them).
      const other = standIn.createGroup({ title: "Tổ 3", type: "group" });
      const held = standIn.upgradeGroup(other.id, { holdServiceMessages: true });
      expect(await bot.api.getUpdates({ offset: updates.at(-1)!.update_id + 1 })).toEqual([]);
      held.deliverServiceMessages();
      expect((await bot.api.getUpdates({ offset: updates.at(-1)!.update_id + 1 })).map((u) => u.message?.migrate_from_chat_id)).toEqual([undefined, other.id]);
    });
  });

  describe("control API", () => {
    it("works over HTTP, with server-sent events", async () => {
      const control = async (name: string, args: Record<string, unknown> = {}) => {
        const res = await fetch(`${standIn.url}/_control/${name}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(args) });
        return (await res.json()) as { ok: boolean; result?: unknown; error?: string };
      };
      const events = await fetch(`${standIn.url}/_control/events`);
      const reader = events.body!.getReader();
      const user = (await control("createUser", { first_name: "Tâm" })).result as { id: number };
      expect(await control("sendText", { userId: user.id, chatId: user.id, text: "/start" })).toMatchObject({ ok: true, result: { text: "/start" } });
      await bot.api.sendMessage(user.id, "chào Tâm");
      const messages = (await control("messages", { chatId: user.id })).result as StoredMessage[];
      expect(messages.map((m) => m.text)).toEqual(["/start", "chào Tâm"]);
      expect(await control("lastBotMessage", { chatId: user.id })).toMatchObject({ result: { text: "chào Tâm" } });
      expect(await control("sendText", { userId: user.id })).toMatchObject({ ok: false, error: '"chatId" must be an integer' });
      expect(await control("nonsense")).toMatchObject({ ok: false });
      const photo = (await control("sendPhoto", { userId: user.id, chatId: user.id, bytes: PNG.toString("base64") })).result as { photo: { file_id: string; width: number }[] };
      expect(photo.photo[1]!.width).toBe(2);
      const bytes = await fetch(`${standIn.url}/_control/files/${photo.photo[1]!.file_id}`);
      expect(Buffer.from(await bytes.arrayBuffer())).toEqual(PNG);

      let seen = "";
      while (!seen.includes("chào Tâm")) seen += new TextDecoder().decode((await reader.read()).value as Uint8Array | undefined);
      expect(seen).toMatch(/event: update\ndata: \{"update_id":1,"message"/);
      expect(seen).toMatch(/event: message\ndata: .*"chào Tâm"/);
      await reader.cancel();
    });

    it("waits for bot messages, and says what the bot did say when none comes", async () => {
      const user = standIn.createUser({ first_name: "Uyên" }, { started: true });
      await bot.api.sendMessage(user.id, "before", { reply_markup: new InlineKeyboard().text("OK", "ok") });
      const waiting = standIn.waitForBotMessage(user.id, (m) => m.text === "after", 2000);
      await bot.api.sendMessage(user.id, "not this one");
      await bot.api.sendMessage(user.id, "after");
      expect((await waiting).text).toBe("after");
      await expect(standIn.waitForBotMessage(user.id, /never/, 100)).rejects.toThrow(
        /no bot message in chat \d+ matching \/never\/ within 100 ms; the last ones:\n {2}#1: "before" \[OK\]\n {2}#2: "not this one"\n {2}#3: "after"/,
      );
    });

    it("dates messages by the given clock, and reset keeps users only", async () => {
      let now = Date.parse("2026-11-25T02:00:00Z");
      const timed = new BotApiStandIn({ now: () => new Date(now) });
      await timed.start();
      try {
        const user = timed.createUser({ first_name: "Vy" });
        expect(timed.sendText(user.id, user.id, "hi").date).toBe(now / 1000);
        now += 60_000;
        const group = timed.createGroup({ title: "G" });
        const timedBot = new Bot("9:any", { client: { apiRoot: timed.apiRoot } });
        expect((await timedBot.api.sendMessage(user.id, "later")).date).toBe(now / 1000);
        expect(timed.calls.at(-1)?.at).toBe(now);
        const lastUpdate = timed.messages(user.id).length;
        expect(lastUpdate).toBe(2);

        timed.reset();
        expect(timed.users().map((u) => u.id)).toEqual([user.id]);
        expect(timed.messages(user.id)).toEqual([]);
        expect(timed.calls).toEqual([]);
        expect(timed.chats().map((c) => c.id)).not.toContain(group.id);
        // Update ids go on counting, so a polling bot keeps up.
        timed.sendText(user.id, user.id, "again");
        expect((await timedBot.api.getUpdates())[0]?.update_id).toBe(2);
      } finally {
        await timed.stop();
      }
    });
  });
});

describe("Bot API stand-in: Telegram's global send limit", () => {
  /** POSTs JSON to a Bot API method of `standIn`. */
  async function call(standIn: BotApiStandIn, method: string, body: Record<string, unknown> = {}) {
    const res = await fetch(`${standIn.url}/bot1:any/${method}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { ok: boolean; error_code?: number; description?: string; parameters?: { retry_after?: number } } };
  }

  it("refuses sends beyond the limit in a sliding second with Telegram's 429, delivering nothing; edits and chat actions are not counted", async () => {
    let now = Date.parse("2026-12-01T01:00:00Z");
    const standIn = new BotApiStandIn({ now: () => now, sendRateLimit: { perSecond: 3 } });
    await standIn.start();
    try {
      const user = standIn.createUser({ first_name: "Lan" }, { started: true });
      const t0 = now;
      for (let i = 1; i <= 3; i++) {
        now = t0 + (i - 1) * 100;
        expect((await call(standIn, "sendMessage", { chat_id: user.id, text: `m${i}` })).status).toBe(200);
      }
      // Not sends: they pass whatever the window holds, and do not fill it.
      expect((await call(standIn, "editMessageText", { chat_id: user.id, message_id: 1, text: "m1 (sửa)" })).status).toBe(200);
      expect((await call(standIn, "sendChatAction", { chat_id: user.id, action: "typing" })).status).toBe(200);

      const refused = await call(standIn, "sendMessage", { chat_id: user.id, text: "m4" });
      expect(refused).toEqual({ status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } } });
      // Any sending method (any case) is refused; nothing was delivered.
      expect((await call(standIn, "SENDMESSAGE", { chat_id: user.id, text: "m4" })).status).toBe(429);
      expect((await call(standIn, "copyMessage", { chat_id: user.id, from_chat_id: user.id, message_id: 1 })).status).toBe(429);
      expect(standIn.botMessages(user.id).map((m) => m.text)).toEqual(["m1 (sửa)", "m2", "m3"]);
      expect(standIn.callsTo("sendMessage").map((c) => c.rateLimited === true)).toEqual([false, false, false, true, true]);
      expect(standIn.rateLimitStats()).toEqual({ perSecond: 3, accepted: 3, acceptedMessages: 3, refused429: 3, refusedByChatLimits: 0 });

      // The window slides: 999 ms after the first send it is still full; at 1,000 ms one place is free.
      now = t0 + 999;
      expect((await call(standIn, "sendMessage", { chat_id: user.id, text: "m4" })).status).toBe(429);
      now = t0 + 1000;
      expect((await call(standIn, "sendMessage", { chat_id: user.id, text: "m4" })).status).toBe(200);
      expect((await call(standIn, "sendMessage", { chat_id: user.id, text: "m5" })).status).toBe(429);

      // An album counts each of its messages: with only m4 in the window, 2 places are free and an album of 3 waits.
      now = t0 + 1250;
      const a = standIn.sendPhoto(user.id, user.id).photo!.at(-1)!.file_id;
      const album = (n: number) => ({ chat_id: user.id, media: Array.from({ length: n }, () => ({ type: "photo", media: a })) });
      expect((await call(standIn, "sendMediaGroup", album(3))).status).toBe(429);
      expect((await call(standIn, "sendMediaGroup", album(2))).status).toBe(200);
      expect((await call(standIn, "sendMessage", { chat_id: user.id, text: "m6" })).status).toBe(429);
      expect(standIn.rateLimitStats()).toMatchObject({ accepted: 5, acceptedMessages: 6 });

      // Lifted, then set again at run time; reset forgets the counters and keeps the limit.
      standIn.setSendRateLimit(null);
      for (let i = 0; i < 5; i++) expect((await call(standIn, "sendMessage", { chat_id: user.id, text: "free" })).status).toBe(200);
      standIn.setSendRateLimit({ perSecond: 1 });
      now += 1000;
      standIn.reset();
      expect(standIn.rateLimitStats()).toEqual({ perSecond: 1, accepted: 0, acceptedMessages: 0, refused429: 0, refusedByChatLimits: 0 });
      expect((await call(standIn, "sendMessage", { chat_id: user.id, text: "one" })).status).toBe(200);
      expect((await call(standIn, "sendMessage", { chat_id: user.id, text: "two" })).status).toBe(429);
      expect(() => standIn.setSendRateLimit({ perSecond: 0 })).toThrow(RangeError);
    } finally {
      await standIn.stop();
    }
  });

  it("a grammY bot that waits out retry_after gets every message through exactly once", async () => {
    const standIn = new BotApiStandIn({ sendRateLimit: { perSecond: 5 } });
    await standIn.start();
    try {
      const user = standIn.createUser({ first_name: "Minh" }, { started: true });
      const bot = new Bot("1:any", { client: { apiRoot: standIn.apiRoot } });
      bot.api.config.use(autoRetry());
      await Promise.all(Array.from({ length: 12 }, (_, i) => bot.api.sendMessage(user.id, `tin ${i}`)));
      const texts = standIn.botMessages(user.id).map((m) => m.text);
      expect(texts.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `tin ${i}`).sort());
      const stats = standIn.rateLimitStats();
      expect(stats.accepted).toBe(12);
      expect(stats.refused429).toBeGreaterThanOrEqual(7);
      // Never more than 5 delivered within any second.
      const times = standIn.callsTo("sendMessage").filter((c) => !c.rateLimited).map((c) => c.at);
      for (const t of times) expect(times.filter((u) => u > t - 1000 && u <= t).length).toBeLessThanOrEqual(5);
    } finally {
      await standIn.stop();
    }
  }, 15_000);
});
