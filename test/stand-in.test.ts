// The Bot API stand-in itself: Telegram's shapes and refusals, so the
// end-to-end tests that stand on it can be trusted.
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, InlineKeyboard, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiStandIn } from "../src/dev/bot-api-stand-in/index.js";
import { parseHtml } from "../src/dev/bot-api-stand-in/html.js";

describe("Bot API stand-in", () => {
  let standIn: BotApiStandIn;
  let bot: Bot;
  beforeEach(async () => {
    standIn = new BotApiStandIn({ token: "1:good" });
    await standIn.start(0);
    bot = new Bot("1:good", { client: { apiRoot: standIn.url }, botInfo: standIn.botInfo });
  });
  afterEach(async () => {
    if (bot.isRunning()) await bot.stop();
    await standIn.stop();
  });

  it("refuses other tokens and unknown methods like Telegram", async () => {
    expect((await fetch(`${standIn.url}/bot2:bad/getMe`)).status).toBe(401);
    const unknown = await fetch(`${standIn.url}/bot1:good/sendTelepathy`);
    expect(unknown.status).toBe(404);
  });

  it("delivers a command by long polling, with the bot_command entity, and records the reply", async () => {
    bot.command("start", (ctx) => ctx.reply("<b>Xin chào</b> &amp; chào", { parse_mode: "HTML", reply_markup: new InlineKeyboard().text("A", "a") }));
    void bot.start();
    const user = standIn.createUser({ first_name: "An" });
    standIn.sendText(user.id, user.id, "/start");
    const deadline = Date.now() + 5000;
    while (!standIn.lastBotMessage(user.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const reply = standIn.lastBotMessage(user.id)!;
    expect(reply.text).toBe("Xin chào & chào");
    expect(reply.entities).toEqual([{ type: "bold", offset: 0, length: 8 }]);
    expect(standIn.inlineButtons(reply)).toEqual([{ text: "A", callback_data: "a" }]);
  });

  it("edits in place and answers 'not modified' for identical edits", async () => {
    const user = standIn.createUser({ first_name: "Bình" });
    const sent = await bot.api.sendMessage(user.id, "one");
    await bot.api.editMessageText(user.id, sent.message_id, "two");
    expect(standIn.lastBotMessage(user.id)).toMatchObject({ text: "two", edited: true });
    await expect(bot.api.editMessageText(user.id, sent.message_id, "two")).rejects.toThrow(/message is not modified/);
    await expect(bot.api.sendMessage(user.id, "")).rejects.toThrow(/message text is empty/);
    await expect(bot.api.sendMessage(user.id, "<b>open", { parse_mode: "HTML" })).rejects.toThrow(/can't parse entities/);
    await expect(bot.api.sendMessage(user.id, "x", { reply_markup: new InlineKeyboard().text("x", "y".repeat(65)) })).rejects.toThrow(/BUTTON_DATA_INVALID/);
  });

  it("copies a user's photo without its sender, while forwardMessage would name them", async () => {
    const user = standIn.createUser({ first_name: "Chi", username: "chi_secret" });
    const group = standIn.createGroup({ title: "CAP" });
    const photo = standIn.sendPhoto(user.id, user.id);
    await bot.api.copyMessage(group.id, user.id, photo.message_id);
    const copy = standIn.lastBotMessage(group.id)!;
    expect(copy.photo).toBeDefined();
    expect(JSON.stringify(copy)).not.toContain("chi_secret");
    await bot.api.forwardMessage(group.id, user.id, photo.message_id);
    expect(JSON.stringify(standIn.lastBotMessage(group.id))).toContain("chi_secret");
  });

  it("accepts uploads as grammY sends them and serves them back through getFile", async () => {
    const user = standIn.createUser({ first_name: "Dũng" });
    const bytes = Buffer.from("PNG-ish bytes \r\n with CRLF \r\n--inside");
    const sent = await bot.api.sendDocument(user.id, new InputFile(bytes, "bao cao.xlsx"), { caption: "Báo cáo" });
    const file = await bot.api.getFile(sent.document.file_id);
    const download = await fetch(`${standIn.url}/file/bot1:good/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    expect(standIn.lastBotMessage(user.id)?.caption).toBe("Báo cáo");
  });

  it("answers 403 for a user who blocked the bot, and 429 when told to, which auto-retry rides out", async () => {
    const user = standIn.createUser({ first_name: "Em" });
    standIn.blockBot(user.id);
    await expect(bot.api.sendMessage(user.id, "hi")).rejects.toMatchObject({ error_code: 403 });
    const other = standIn.createUser({ first_name: "Giang" });
    bot.api.config.use(autoRetry());
    standIn.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    await bot.api.sendMessage(other.id, "after a wait");
    expect(standIn.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === other.id)).toHaveLength(2);
  });

  it("answers a pending long poll as soon as an update arrives", async () => {
    const started = Date.now();
    const poll = bot.api.getUpdates({ timeout: 20 });
    const user = standIn.createUser({ first_name: "Hà" });
    setTimeout(() => standIn.sendText(user.id, user.id, "hello"), 50);
    const updates = await poll;
    expect(updates[0]?.message?.text).toBe("hello");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("HTML parse mode", () => {
  it("computes UTF-16 offsets and unescapes entities", () => {
    expect(parseHtml("🚨 <b>KHẨN</b> &lt;x&gt;")).toEqual({ text: "🚨 KHẨN <x>", entities: [{ type: "bold", offset: 3, length: 4 }] });
    expect(parseHtml('<a href="https://t.me/x">link</a>').entities[0]).toMatchObject({ type: "text_link", url: "https://t.me/x" });
    expect(() => parseHtml("<b>bad</i>")).toThrow();
    expect(() => parseHtml("<script>x</script>")).toThrow();
  });
});
