// Public descriptions of Zalo's Bot API disagree on what an update looks like.
// The stand-in sends each documented variant; the bot takes every one: a
// picture as `photo` or `photo_url`, a name as `name` or `display_name` (never
// kept), `date` in seconds or milliseconds, voice and "unsupported" events
// answered with the step's hint instead of silence.
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { scanForNeedles } from "../support/anonymity.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { setUpWard } from "../support/scenario.js";
import { ZaloPersona } from "../support/zalo-persona.js";

const picture = () => sharp({ create: { width: 64, height: 48, channels: 3, background: "orange" } }).jpeg().toBuffer();

/** A Zalo resident brought to the photos step. */
async function atPhotos(t: TestApp, name: string): Promise<ZaloPersona> {
  const resident = ZaloPersona.create(t.zalo!, name);
  await resident.say("Xin chào", /tin báo về ma túy/);
  await resident.say("1", /Bước 1\/6/);
  await resident.say("mua ban ma tuy", /Bước 2\/6/);
  await resident.say("Khu phố 5", /Bước 3\/6/);
  await resident.say("bo qua", /Bước 4\/6/);
  await resident.say("hom nay", /Bước 5\/6/);
  return resident;
}

describe("Zalo: every documented shape of an update", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ zalo: true });
    await setUpWard(t);
  });
  beforeEach(() => t.zalo!.useShape({ photoField: "photo_url", nameField: "display_name", dateUnit: "milliseconds" }));
  afterAll(async () => {
    await t?.stop();
  });

  it("takes a picture sent as `photo` (an address), not only `photo_url`", async () => {
    t.zalo!.useShape({ photoField: "photo" });
    const resident = await atPhotos(t, "Ảnh Kiểu Photo");
    await resident.say("Có người bán đá ở nhà trọ cuối hẻm 9, tối nào cũng có", /Bước 6\/6/);
    await resident.sendImage(await picture(), undefined, /Đã nhận ảnh 1\/5/);
    await resident.say("xong", /Ảnh: 1/);
  });

  it("takes a sender named in `name` instead of `display_name`, and keeps the name nowhere", async () => {
    t.zalo!.useShape({ nameField: "name" });
    const resident = await atPhotos(t, "Tên Kiểu Name Bí Mật");
    expect(t.zalo!.calls("getUpdates").length).toBeGreaterThan(0);
    await resident.say("Xe máy đỏ giao hàng trắng đầu ngõ 4 lúc 21 giờ", /Bước 6\/6/);
    const findings = await scanForNeedles(t, [resident.user.id, "Bí Mật"], { exceptChats: [], exceptZaloChats: [resident.chatId] });
    expect(findings).toEqual([]);
  });

  it("takes `date` in seconds as well as milliseconds", async () => {
    t.zalo!.useShape({ dateUnit: "seconds" });
    const resident = await atPhotos(t, "Giây Không Phải Mili");
    await resident.say("Nhóm thanh niên tụ tập hút cỏ sau nhà văn hóa", /Bước 6\/6/);
  });

  it("answers a voice message with the step's hint", async () => {
    const resident = await atPhotos(t, "Gửi Ghi Âm");
    await resident.sendVoice(/gõ nội dung bằng chữ/);
  });

  it("answers an 'unsupported' message (a file, a location) with the step's hint", async () => {
    const resident = await atPhotos(t, "Gửi Tệp Lạ");
    await resident.sendUnsupported(/gõ nội dung bằng chữ/);
  });

  it("answers a sticker with the step's hint", async () => {
    const resident = await atPhotos(t, "Gửi Nhãn Dán");
    await resident.sendSticker(/không nhận nhãn dán|gõ nội dung bằng chữ/);
  });
});
