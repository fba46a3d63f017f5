// Residents and quarter heads on Zalo, through the Zalo stand-in over HTTP,
// while officers stay on Telegram: a whole tip with a photo reaches the same
// police group card, the receipt works on Zalo, a head registers and answers
// a check-in by typing, bad input gets an answer, and nothing identifies the
// Zalo resident anywhere but their own chat.
import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../support/clock.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { scanForNeedles } from "../support/anonymity.js";
import { setUpWard, type Ward } from "../support/scenario.js";
import { until } from "../support/wait.js";
import { ZaloPersona } from "../support/zalo-persona.js";

// Wednesday 25 Nov 2026, 09:00 in Vietnam; week 48's check-in opens Friday 27 Nov 08:00 (01:00 UTC).
const START = Date.parse("2026-11-25T02:00:00Z");
const FRIDAY_OPEN = Date.parse("2026-11-27T01:00:00Z");

async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: "green" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "SecretPhone", Artist: "Zalo Tipster" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "13/1 46/1 3552/100", GPSLongitudeRef: "E", GPSLongitude: "109/1 13/1 2400/100" },
    })
    .toBuffer();
}

describe("Zalo: residents' tips and quarter heads' check-ins, officers on Telegram", () => {
  let t: TestApp;
  let ward: Ward;
  let resident: ZaloPersona;
  let receipt: string;

  beforeAll(async () => {
    t = await startTestApp({ zalo: true, clock: new FakeClock(START) });
    ward = await setUpWard(t);
    resident = ZaloPersona.create(t.zalo!, "Trần Văn Kín Đáo");
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("takes a whole tip with a photo by typed numbers and words, and gives a receipt", async () => {
    const welcome = await resident.say("Xin chào", /tin báo về ma túy/);
    // No buttons on Zalo: the choices are listed, to be answered with a number.
    expect(welcome?.text).toMatch(/1\. 🛡 Gửi tin báo ẩn danh\n2\. 🔎 Theo dõi tin báo\n3\. 👪 Giúp người thân\n👉 Nhắn số \(1–3\) để chọn\./);
    expect(welcome?.text).not.toMatch(/<b>|&amp;/);
    expect(welcome?.text).toContain("Nhắn số của một lựa chọn bên dưới hoặc gõ /tip");

    await resident.say("1", /Bước 1\/6/);
    // A sticker is not an answer: the flow says so and keeps waiting.
    await resident.sendSticker(/Vui lòng chọn/);
    await resident.say("mua ban ma tuy", /✔️ Mua bán ma túy/);
    await resident.say("Khu phố 5", /Bước 3\/6/);
    await resident.say("hẻm 12 Trần Phú", /Bước 4\/6/);
    await resident.say("hom nay", /Bước 5\/6/);
    await resident.sendUnsupported(/gõ nội dung bằng chữ/);
    await resident.say("Có người bán đá ở nhà trọ cuối hẻm 12, tối nào cũng có xe ra vào", /Bước 6\/6/);
    // Worded for typing, not tapping.
    expect(resident.lastBotText()).toMatch(/rồi nhắn “✅ Xong”/);
    const received = await resident.sendImage(await jpegWithGps(), undefined, /Đã nhận ảnh 1\/5/);
    expect(received?.text).toMatch(/hoặc nhắn “✅ Xong”/);
    const review = await resident.say("xong", /Xem lại tin báo/);
    expect(review?.text).toContain("Khu phố 5");
    expect(review?.text).toContain("Ảnh: 1");
    expect(review?.text).toMatch(/1\. 📨 Gửi/);

    const done = await resident.say("1", /Mã biên nhận của bạn/);
    receipt = /TB-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}/.exec(done?.text ?? "")![0];
    // Every message fits Zalo's limit.
    for (const m of resident.botMessages()) expect((m.text ?? "").length).toBeLessThanOrEqual(2000);
  });

  it("posts the tip to the same police group on Telegram, with a clean copy of the photo", async () => {
    const inGroup = (pattern: RegExp) =>
      until(
        () => t.standIn.messages(ward.groupId).find((m) => m.from_bot && pattern.test(m.text ?? m.caption ?? (m.photo ? "[photo]" : ""))),
        () => `nothing matching ${pattern} in the police group`,
      );
    const card = await inGroup(/Có người bán đá/);
    expect(card.text ?? card.caption).toContain("Khu phố 5");
    const photo = await until(
      () => t.standIn.messages(ward.groupId).find((m) => m.from_bot && m.photo),
      () => `no photo in the police group; errors: ${t.logs.lines.filter((l) => /"level":50/.test(l)).join("\n")}`,
    );
    const largest = photo.photo!.at(-1)!;
    const bytes = t.standIn.fileBytes(largest.file_id);
    expect(bytes).toBeDefined();
    expect(await exifr.gps(Buffer.from(bytes!))).toBeUndefined();
  });

  it("follows the tip up by its receipt on Zalo and adds information", async () => {
    await resident.say("/status", /Nhập mã biên nhận/);
    const status = await resident.say(receipt, /Tình trạng tin báo của bạn/);
    expect(status?.text).toMatch(/Đã tiếp nhận/);
    await resident.say("bổ sung thông tin", /Gõ thông tin bổ sung/);
    await resident.say("Xe biển số 77-B1 hay đến lúc 22 giờ", /Đã ghi nhận/);
    await resident.say("gửi", /Đã chuyển thông tin bổ sung/);
    await until(
      () => t.standIn.messages(ward.groupId).find((m) => m.from_bot && /77-B1/.test(m.text ?? "")),
      () => "the addendum did not reach the police group",
    );
  });

  it("answers bad input clearly: a number that is no choice, a very long text, officer commands", async () => {
    await resident.say("/tip", /Bước 1\/6/);
    await resident.say("9", /Vui lòng chọn/);
    await resident.say("/cancel", /Đã hủy/);
    const long = "a".repeat(4500);
    await resident.say("/tip", /Bước 1\/6/);
    await resident.say("1", /Bước 2\/6/);
    await resident.say("Không rõ", /Bước 3\/6/);
    await resident.say("1", /Bước 4\/6/);
    await resident.say("1", /Bước 5\/6/);
    await resident.say(long, /quá dài/);
    // A description at the limit makes a review longer than Zalo takes: it comes in pieces, the choices last.
    const sent = resident.botMessages().length;
    const description = Array.from({ length: 33 }, (_, i) => `Dòng ${i + 1}: ${"chi tiết ".repeat(5)}`).join("\n");
    await resident.say(description, /Bước 6\/6/);
    await resident.say("bo qua", /👉 Nhắn số/);
    const review = resident.botMessages().slice(sent).filter((m) => /Xem lại tin báo|Dòng \d+|👉 Nhắn số/.test(m.text ?? ""));
    expect(review.length).toBeGreaterThanOrEqual(2);
    for (const piece of review) expect(piece.text!.length).toBeLessThanOrEqual(2000);
    expect(review.map((m) => m.text).join("\n")).toContain("Dòng 33");
    await resident.say("hủy", /Đã hủy/);
    await resident.say(`/admin ${t.adminCode ?? "ADM-XXXX-XXXX-XXXX"}`, /dùng bot trên Telegram/);
  });

  it("rides out a failing Zalo server: the answer arrives once Zalo answers again", async () => {
    t.zalo!.failNext("sendMessage", 1, { httpStatus: 502 });
    await resident.say("/help", /Hướng dẫn/, 20_000);
    expect(t.zalo!.calls("sendMessage").some((c) => c.error_code === 502)).toBe(true);
  });

  it("registers a quarter head by the code in the invite, prompts them and takes 'nothing new' typed", async () => {
    const invite = await ward.officer.say("/invitehead 4", /Liên kết mời/);
    const code = /nhắn “(qh_[\w-]+)” cho bot Zalo/.exec(invite?.text ?? "")?.[1];
    expect(code).toBeDefined();
    const head = ZaloPersona.create(t.zalo!, "Tổ trưởng Bốn");
    await head.say(code!, /Khu phố 4/);
    await head.say("1", /Bạn đã được đăng ký là/);

    t.clock.advance(FRIDAY_OPEN + 60_000 - t.clock.now().getTime());
    const seen = head.seen();
    await t.app.tick();
    const prompt = await head.waitFor(/Báo cáo tuần 48 \(23\/11–29\/11\)/, seen);
    expect(prompt.text).toMatch(/1\. 📝 Bắt đầu báo cáo tuần\n2\. 👌 Không có gì mới/);
    await head.say("2", /Đã ghi nhận: Khu phố 4 không có gì mới/);
    const saved = await t.app.db.checkIn.findFirst({ where: { quarter: { name: "Khu phố 4" }, week: "2026-W48" } });
    expect(saved?.nothingToReport).toBe(true);
  });

  it("keeps the Zalo resident unidentifiable everywhere but their own chat", async () => {
    const findings = await scanForNeedles(t, [resident.user.id, resident.user.displayName, "Kín Đáo"], { exceptChats: [], exceptZaloChats: [resident.chatId] });
    expect(findings).toEqual([]);
  });
});
