// A resident's photo can betray them (GPS, phone model, owner name in EXIF).
// Officers receive re-encoded copies only: never the resident's file.
import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/harness.js";
import { Persona } from "../support/persona.js";
import { setUpWard, type Ward } from "../support/scenario.js";
import { eventually } from "../support/wait.js";
import { SEALED } from "../../src/services/keyring.js";

async function jpegWithGps(color: string): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: color } })
    .jpeg()
    .withExif({
      IFD0: { Make: "SecretPhone", Model: "SP-7", Artist: "Nguyen Van Tipster" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "13/1 46/1 3552/100", GPSLongitudeRef: "E", GPSLongitude: "109/1 13/1 2400/100" },
    })
    .toBuffer();
}

describe("residents' photos reach officers re-encoded, without metadata", () => {
  let t: TestApp;
  let ward: Ward;
  const originals: Buffer[] = [];
  const residentFileIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    ward = await setUpWard(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("takes a photo and an image sent as a file, refuses other files with an explanation", async () => {
    originals.push(await jpegWithGps("red"), await jpegWithGps("blue"));
    expect(await exifr.gps(originals[0]!)).toMatchObject({ latitude: expect.closeTo(13.7765, 3) as number });

    const resident = Persona.create(t.standIn, { first_name: "Chụp", last_name: "Ảnh", username: "photo_tipster" });
    await resident.say("/tip", /Bước 1\/6/);
    await resident.tap("Mua bán", /Bước 2\/6/);
    await resident.tap("Khu phố 2", /Bước 3\/6/);
    await resident.say("bãi xe sau chợ", /Bước 4\/6/);
    await resident.tap("Hôm nay", /Bước 5\/6/);
    await resident.say("Giao hàng trắng ở bãi xe sau chợ", /Bước 6\/6/);
    await resident.sendPhoto(/Đã nhận ảnh 1\/5/, originals[0]);
    await resident.sendDocument("IMG_0002.JPG", originals[1]!, /Đã nhận ảnh 2\/5/, "image/jpeg");
    await resident.sendDocument("bien-ban.pdf", Buffer.from("%PDF-1.4 secret"), /không phải ảnh/, "application/pdf");
    // Claims to be a picture but is not one: taken here, never passed on as it came.
    await resident.sendDocument("anh.jpg", Buffer.from("not really a jpeg"), /Đã nhận ảnh 3\/5/, "image/jpeg");
    await resident.tap("Xong", /Xem lại/);
    await resident.tap("📨 Gửi", /Mã biên nhận/);

    for (const m of t.standIn.messages(resident.chatId).filter((m) => !m.from_bot)) {
      if (m.photo) residentFileIds.push(...m.photo.map((p) => p.file_id));
      if (m.document) residentFileIds.push(m.document.file_id);
    }
    expect(residentFileIds.length).toBeGreaterThanOrEqual(4);
  });

  it("posts clean copies: no EXIF, no GPS, not the resident's bytes or file ids; says one picture was unreadable", async () => {
    const group = ward.group(ward.officer);
    await group.waitFor(/Tin báo #[2-9A-Z]{4}/, new Set());
    await group.waitFor(/1 ảnh của người báo tin không đọc được/, new Set());
    let pictures: ReturnType<TestApp["standIn"]["messages"]> = [];
    await eventually(() => {
      pictures = t.standIn.messages(ward.groupId).filter((m) => m.from_bot && m.photo);
      expect(pictures).toHaveLength(2);
    });
    for (const message of pictures) {
      const largest = message.photo!.at(-1)!;
      expect(residentFileIds).not.toContain(largest.file_id);
      const bytes = Buffer.from(t.standIn.fileBytes(largest.file_id)!);
      expect(originals.some((o) => o.equals(bytes))).toBe(false);
      expect(await exifr.gps(bytes)).toBeUndefined();
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe("jpeg");
      expect(meta.exif).toBeUndefined();
      expect(bytes.includes("SecretPhone")).toBe(false);
      expect(bytes.includes("Tipster")).toBe(false);
      expect({ width: meta.width, height: meta.height }).toEqual({ width: 640, height: 480 });
    }
    // Nothing of the resident's went to the group as a document, a copy or a forward.
    expect(t.standIn.messages(ward.groupId).filter((m) => m.document)).toHaveLength(0);
    expect(t.standIn.callsTo("forwardMessage")).toHaveLength(0);
    expect(t.standIn.callsTo("copyMessage")).toHaveLength(0);
    const uploads = [...t.standIn.callsTo("sendPhoto"), ...t.standIn.callsTo("sendMediaGroup")].map((c) => JSON.stringify(c.params));
    for (const fileId of residentFileIds) expect(uploads.join("\n")).not.toContain(fileId);
  });

  // With the bot's token, a resident's own file id downloads the file as they sent it: an image sent as a file
  // with its EXIF (position, phone, owner). Whoever holds the database, TIP_KEYS and the token must not find one.
  it("keeps the clean copies' file ids once they are posted, none of the resident's", async () => {
    const group = ward.group(ward.officer);
    await group.waitFor(/1 ảnh của người báo tin không đọc được/, new Set());
    const posted = t.standIn
      .messages(ward.groupId)
      .filter((m) => m.from_bot && m.photo)
      .map((m) => m.photo!.at(-1)!.file_id);
    const { db, keyring } = t.app.services;
    await eventually(async () => {
      const kept = (await db.tipPhoto.findMany({ orderBy: { position: "asc" } })).map((p) => keyring.open(SEALED.photo, p.id, p.fileId));
      expect(kept).toEqual(posted);
    });
    for (const fileId of residentFileIds) expect(JSON.stringify(await db.tipPhoto.findMany())).not.toContain(fileId);
  });
});
