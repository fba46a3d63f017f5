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
