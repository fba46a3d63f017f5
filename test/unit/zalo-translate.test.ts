// Zalo has no buttons and no formatting: the rules that turn keyboards into
// typed choices and Telegram HTML into plain text.
import { describe, expect, it } from "vitest";
import {
  type Choice,
  choicesOf,
  matchChoice,
  photoUrlOf,
  plainText,
  renderChoices,
  splitText,
  toTelegramUpdate,
  zaloFileId,
  zaloUpdateId,
  type ZaloUpdate,
} from "../../src/channels/zalo/translate.js";

const hints = { byNumber: (max: number) => `(1–${max})`, byWord: (words: string) => `(${words})` };
const cb = (label: string, value = label): Choice => ({ label, kind: "callback", value });

describe("Zalo choices", () => {
  const menu = [cb("📨 Gửi tin báo ẩn danh", "menu:tip"), cb("🔎 Theo dõi tin báo", "menu:status")];

  it("numbers two or more choices, and lists a lone choice or number labels as words to type", () => {
    expect(renderChoices(menu, hints)).toBe("1. 📨 Gửi tin báo ẩn danh\n2. 🔎 Theo dõi tin báo\n(1–2)");
    expect(renderChoices([cb("Xong")], hints)).toBe("(“Xong”)");
    expect(renderChoices([cb("0"), cb("1"), cb("5+"), cb("Hủy")], hints)).toBe("(“0” · “1” · “5+” · “Hủy”)");
    expect(renderChoices([], hints)).toBe("");
  });

  it("takes a number, the whole label without marks or emoji, or a unique start of it", () => {
    expect(matchChoice("2", menu)?.value).toBe("menu:status");
    expect(matchChoice(" 1 ", menu)?.value).toBe("menu:tip");
    expect(matchChoice("3", menu)).toBeNull();
    expect(matchChoice("gui tin bao an danh", menu)?.value).toBe("menu:tip");
    expect(matchChoice("THEO DÕI", menu)?.value).toBe("menu:status");
    expect(matchChoice("theo", menu)?.value).toBe("menu:status");
    // Too short to be sure, or plain text that only mentions a label.
    expect(matchChoice("th", menu)).toBeNull();
    expect(matchChoice("tôi muốn gửi tin báo về nhà số 5", menu)).toBeNull();
  });

  it("never turns a typed number into a cancel when the choice is alone; number labels match as typed", () => {
    expect(matchChoice("1", [cb("✖️ Hủy", "t:cancel")])).toBeNull();
    expect(matchChoice("huy", [cb("✖️ Hủy", "t:cancel")])?.value).toBe("t:cancel");
    const counts = [0, 1, 2, 3, 4, 5].map((n) => cb(String(n), `c2:n:${n}`)).concat(cb("✖️ Hủy", "t:cancel"));
    expect(matchChoice("2", counts)?.value).toBe("c2:n:2");
    expect(matchChoice("7", counts)).toBeNull();
  });

  it("reads inline buttons, reply-keyboard buttons and links; leaves out what Zalo cannot do", () => {
    const inline = choicesOf({ inline_keyboard: [[{ text: "Có", callback_data: "c2:yes" }, { text: "Hướng dẫn", url: "https://example.org/hd" }]] });
    expect(inline.choices).toEqual([{ label: "Có", kind: "callback", value: "c2:yes" }]);
    expect(inline.links).toEqual(["Hướng dẫn: https://example.org/hd"]);
    const reply = choicesOf({ keyboard: [[{ text: "📍 Gửi vị trí", request_location: true }], [{ text: "⏭ Bỏ qua" }], ["✖️ Hủy"]] });
    expect(reply.choices.map((c) => [c.kind, c.value])).toEqual([
      ["text", "⏭ Bỏ qua"],
      ["text", "✖️ Hủy"],
    ]);
    expect(choicesOf({ remove_keyboard: true }).removesKeyboard).toBe(true);
    expect(choicesOf(undefined).choices).toEqual([]);
  });
});

describe("Zalo text", () => {
  it("turns Telegram HTML into plain text", () => {
    expect(plainText("<b>Bước 1/6.</b> Loại &lt;việc&gt; &amp; <i>nơi</i><br>xong", "HTML")).toBe("Bước 1/6. Loại <việc> & nơi\nxong");
    expect(plainText('<a href="https://t.me/x">mở</a> <code>TB-AB</code>', "HTML")).toBe("mở (https://t.me/x) TB-AB");
    expect(plainText("<b>not html</b>", undefined)).toBe("<b>not html</b>");
  });

  it("splits at Zalo's 2,000 characters on line breaks, never inside an emoji", () => {
    const long = Array.from({ length: 60 }, (_, i) => `Dòng ${i} ${"x".repeat(60)}`).join("\n");
    const pieces = splitText(long);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    expect(pieces.join("\n")).toBe(long);
    const emoji = "😀".repeat(1500);
    const parts = splitText(emoji);
    expect(parts.join("")).toBe(emoji);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(/^[\uDC00-\uDFFF]/.test(parts[1]!)).toBe(false);
    expect(splitText("")).toEqual([""]);
  });
});

describe("Zalo updates in Telegram's shape", () => {
  const message = (over: Partial<NonNullable<ZaloUpdate["message"]>> = {}) => ({
    message_id: "a1b2c3",
    from: { id: "6ede9afa66b88fe6d6a9", display_name: "Nguyễn Văn Bí Mật", is_bot: false },
    chat: { id: "6ede9afa66b88fe6d6a9", chat_type: "PRIVATE" },
    date: 1_764_000_000_000,
    ...over,
  });

  it("carries the chat as z:<id> and never the display name", () => {
    const update = toTelegramUpdate({ event_name: "message.text.received", message: message({ text: "/tip" }) }, { current: null, callbackId: "z:1" });
    expect(update?.message?.chat.id).toBe("z:6ede9afa66b88fe6d6a9");
    expect(update?.message?.from?.id).toBe("z:6ede9afa66b88fe6d6a9");
    expect(update?.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 4 }]);
    expect(update?.message?.date).toBe(1_764_000_000);
    expect(JSON.stringify(update)).not.toContain("Bí Mật");
    expect(update!.update_id).toBeGreaterThanOrEqual(2 ** 52);
    expect(update!.update_id).toBe(zaloUpdateId({ event_name: "message.text.received", message: message() }));
  });

  // The bot keys everything by the chat (its keyed hash, the flow's state with the chat's id stripped): a sender id of
  // its own, were Zalo ever to send one that differs from the private chat's, would ride along unstripped.
  it("gives the sender the private chat's id, never an id of its own", () => {
    const update = toTelegramUpdate(
      { event_name: "message.text.received", message: message({ from: { id: "0123456789abcdef0123", is_bot: false }, text: "/tip" }) },
      { current: null, callbackId: "z:1" },
    );
    expect(update?.message?.from?.id).toBe("z:6ede9afa66b88fe6d6a9");
    expect(JSON.stringify(update)).not.toContain("0123456789abcdef0123");
    const pressed = toTelegramUpdate(
      { event_name: "message.text.received", message: message({ from: { id: "0123456789abcdef0123", is_bot: false }, text: "co" }) },
      { current: { messageId: 42, choices: [cb("Có", "c2:yes")] }, callbackId: "z:cb" },
    );
    expect(pressed?.callback_query?.from.id).toBe("z:6ede9afa66b88fe6d6a9");
    expect(JSON.stringify(pressed)).not.toContain("0123456789abcdef0123");
  });

  it("makes a typed choice a button press on the message that offered it", () => {
    const current = { messageId: 42, sentAt: new Date(1_764_000_000_000), choices: [cb("Có", "c2:yes"), cb("Không", "c2:no")] };
    const pressed = toTelegramUpdate({ event_name: "message.text.received", message: message({ text: "khong" }) }, { current, callbackId: "z:cb" });
    expect(pressed?.callback_query?.data).toBe("c2:no");
    expect(pressed?.callback_query?.message?.message_id).toBe(42);
    const typed = toTelegramUpdate(
      { event_name: "message.text.received", message: message({ text: "1" }) },
      { current: { ...current, choices: [{ label: "⏭ Bỏ qua", kind: "text", value: "⏭ Bỏ qua" }, { label: "✖️ Hủy", kind: "text", value: "✖️ Hủy" }] }, callbackId: "z:cb" },
    );
    expect(typed?.message?.text).toBe("⏭ Bỏ qua");
  });

  it("opens an invite typed as its bare code, and takes pictures by their address", () => {
    const invite = toTelegramUpdate({ event_name: "message.text.received", message: message({ text: "qh_AbCdEf12" }) }, { current: null, callbackId: "z:1" });
    expect(invite?.message?.text).toBe("/start qh_AbCdEf12");
    const url = "https://cdn.example.vn/img/abc.jpg?sig=1";
    const photo = toTelegramUpdate({ event_name: "message.image.received", message: message({ photo_url: url, caption: "đây" }) }, { current: null, callbackId: "z:1" });
    expect(photoUrlOf(photo!.message!.photo![0]!.file_id)).toBe(url);
    expect(photo?.message?.caption).toBe("đây");
    expect(photoUrlOf(zaloFileId("javascript:alert(1)"))).toBeNull();
  });

  it("ignores groups and bots; passes stickers and unknown kinds on as what they are", () => {
    expect(toTelegramUpdate({ event_name: "message.text.received", message: message({ chat: { id: "g1", chat_type: "GROUP" }, text: "x" }) }, { current: null, callbackId: "z:1" })).toBeNull();
    expect(toTelegramUpdate({ event_name: "message.text.received", message: message({ from: { id: "b", is_bot: true }, text: "x" }) }, { current: null, callbackId: "z:1" })).toBeNull();
    expect(toTelegramUpdate({ event_name: "message.sticker.received", message: message() }, { current: null, callbackId: "z:1" })?.message?.sticker).toBeDefined();
    const voice = toTelegramUpdate({ event_name: "message.voice.received", message: message() }, { current: null, callbackId: "z:1" });
    expect(voice?.message && "text" in voice.message).toBe(false);
  });
});
