import { describe, expect, it } from "vitest";
import { CHAT_PLACEHOLDER, restoreIdentity, stripIdentity } from "../../src/services/stored-updates.js";

const chatId = 7_123_456_789;
const update = {
  update_id: 12,
  message: {
    message_id: 4,
    from: { id: chatId, is_bot: false, first_name: "Nguyễn", last_name: "Văn A", username: "nguyenvana", language_code: "vi", is_premium: true },
    chat: { id: chatId, type: "private", first_name: "Nguyễn", last_name: "Văn A", username: "nguyenvana" },
    date: 1_796_502_876,
    contact: { phone_number: "+84905123456", first_name: "Nguyễn", user_id: chatId },
    forward_origin: { type: "user", sender_user: { id: 42, first_name: "Bạn" }, date: 1 },
    reply_to_message: { message_id: 3, from: { id: 1000000001, is_bot: true, first_name: "Tổ Dân Bot", username: "to_dan_bot" }, chat: { id: chatId, type: "private", username: "nguyenvana" }, text: "Bước 3/6" },
    text: "nhà số 12",
  },
};
const press = {
  update_id: 13,
  callback_query: { id: `${chatId}0042`, from: { id: chatId, is_bot: false, first_name: "Nguyễn", username: "nguyenvana" }, chat_instance: "-8141", data: "t:cat:dealing", message: { message_id: 5, chat: { id: chatId, type: "private", first_name: "Nguyễn" }, date: 1 } },
};

describe("stripIdentity", () => {
  it("keeps nothing that names, reaches or points to a person", () => {
    const stored = JSON.stringify(stripIdentity([update, press], chatId));
    for (const needle of [String(chatId), "Nguyễn", "Văn A", "nguyenvana", "+84905123456", "905123456", "is_premium", "language_code", "Bạn", "-8141", "to_dan_bot"]) {
      expect(stored).not.toContain(needle);
    }
    // What the flows read survives: the text, the button data, message ids, the bot's own id.
    expect(stored).toContain("nhà số 12");
    expect(stored).toContain("t:cat:dealing");
    expect(stored).toContain("1000000001");
  });

  it("puts the live chat id back, so a replayed flow sees its chat", () => {
    const restored = restoreIdentity(stripIdentity(update, chatId), chatId);
    expect(restored.message.chat).toEqual({ id: chatId, type: "private" });
    expect(restored.message.from).toEqual({ id: chatId, is_bot: false });
    expect(restored.message.text).toBe("nhà số 12");
    expect(JSON.stringify(stripIdentity(update, chatId))).toContain(JSON.stringify(CHAT_PLACEHOLDER));
  });

  it("works for Zalo's string chat ids", () => {
    const zalo = { message: { chat: { id: "z:60418a72a6c551895c10", type: "private", first_name: "Zalo" }, from: { id: "z:60418a72a6c551895c10", is_bot: false, first_name: "Zalo" }, text: "1" } };
    const stored = stripIdentity(zalo, "z:60418a72a6c551895c10");
    expect(JSON.stringify(stored)).not.toContain("60418a72a6c551895c10");
    expect(restoreIdentity(stored, "z:60418a72a6c551895c10").message.chat.id).toBe("z:60418a72a6c551895c10");
  });
});

describe("stripIdentity, value by value", () => {
  it("keeps only id, type and is_bot of a person or chat, even fields Telegram adds later", () => {
    const later = { id: chatId, is_bot: false, type: "private", first_name: "Nguyễn", birthdate: { day: 3, month: 4, year: 1990 }, accent_color_id: 5, personal_chat: { id: 99, title: "Kênh riêng" } };
    const stored = stripIdentity({ from: later, chat: later, user: later, sender_chat: later, old_chat_member: later, new_chat_member: later }, chatId);
    for (const party of Object.values(stored)) expect(party).toEqual({ id: CHAT_PLACEHOLDER, is_bot: false, type: "private" });
  });

  it("answers a callback query's id as '0' whatever Telegram sent", () => {
    const stored = stripIdentity({ callback_query: { id: "4382917461239847", chat_instance: "-8141", data: "t:cat:dealing" } }, chatId);
    expect(stored).toEqual({ callback_query: { id: "0", data: "t:cat:dealing" } });
    // Without chat_instance an id is anything else's id: kept.
    expect(stripIdentity({ message: { message_id: 5, id: "4382917461239847" } }, chatId)).toEqual({ message: { message_id: 5, id: "4382917461239847" } });
  });

  it("replaces the chat id inside a longer string, and puts it back", () => {
    const value = { text: `/start ref_${chatId}`, url: `tg://user?id=${chatId}&x=${chatId}` };
    const stored = stripIdentity(value, chatId);
    expect(stored).toEqual({ text: `/start ref_${CHAT_PLACEHOLDER}`, url: `tg://user?id=${CHAT_PLACEHOLDER}&x=${CHAT_PLACEHOLDER}` });
    expect(restoreIdentity(stored, chatId)).toEqual(value);
  });

  it("searches text for a chat id of five characters or more only; a shorter one is replaced only where it is the whole value", () => {
    // A five-digit id is searched for inside text.
    expect(stripIdentity({ text: "mã 12345 đây" }, 12_345)).toEqual({ text: `mã ${CHAT_PLACEHOLDER} đây` });
    // A short one (a test chat, a short Zalo id) would otherwise be cut out of every number a resident types.
    expect(stripIdentity({ text: "nhà số 42", n: 1042 }, 42)).toEqual({ text: "nhà số 42", n: 1042 });
    expect(stripIdentity({ id: 42, chat_id: "42", other: 43 }, 42)).toEqual({ id: CHAT_PLACEHOLDER, chat_id: CHAT_PLACEHOLDER, other: 43 });
    expect(stripIdentity({ id: "z:ab", chat_id: "z:ab", text: "z:abc" }, "z:ab")).toEqual({ id: CHAT_PLACEHOLDER, chat_id: CHAT_PLACEHOLDER, text: "z:abc" });
  });

  it("gives back what it stored, arrays, nulls and nested strings included", () => {
    const value = {
      ok: true,
      result: [{ message_id: 7, chat: { id: chatId, type: "private" }, date: 1, text: `xem ${chatId}`, entities: [{ type: "bold", offset: 0, length: 3 }], reply_markup: null }],
      ids: [chatId],
      nested: [[chatId, "a", null, 0, false]],
      empty: [],
    };
    const stored = stripIdentity(value, chatId);
    expect(JSON.stringify(stored)).not.toContain(String(chatId));
    expect(stored.ids).toEqual([CHAT_PLACEHOLDER]);
    expect(stored.nested).toEqual([[CHAT_PLACEHOLDER, "a", null, 0, false]]);
    expect(Array.isArray(stored.result)).toBe(true);
    expect(restoreIdentity(stored, chatId)).toEqual(value);
    expect(restoreIdentity(JSON.parse(JSON.stringify(stored)) as typeof stored, chatId)).toEqual(value);
  });
});
