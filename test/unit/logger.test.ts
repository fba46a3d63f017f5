// Redaction is the second line of defence: a mistake that logs a person's
// message, name or chat must still not reach the log.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger("info", stream), lines };
}

describe("logger redaction", () => {
  it("hides texts, names, chats and places at the top and two levels down", () => {
    const { logger, lines } = capture();
    logger.info({
      text: "bán ma túy ở hẻm 5",
      chat_id: 123456789,
      update: { message: { from: { id: 42, first_name: "Lan" }, text: "secret" } },
      err: { message: "boom" },
      request: { params: { chat_id: 987654321, caption: "ảnh hẻm 5", photo_url: "https://zalo.example/p.jpg" } },
      head: { displayName: "Tổ trưởng Ba", telegramUserId: "555" },
      nested: { deeper: { latitude: 13.77, longitude: 109.22, receiptCode: "TB-2222-3333" } },
      count: 3,
    });
    // Without pino's timestamp, whose digits may hold "555" by chance.
    const line = lines.join("").replace(/"time":\d+,/, "");
    for (const leaked of ["ma túy", "123456789", "Lan", "secret", "987654321", "ảnh hẻm", "zalo.example", "Tổ trưởng Ba", "555", "13.77", "109.22", "TB-2222"]) {
      expect(line).not.toContain(leaked);
    }
    expect(line).toContain('"count":3');
    expect(line).toContain("[redacted]");
  });
});
