// What residents wrote is sealed in the database; rotate-key moves it to a new key.
import { execFileSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import { rotateDataKeys } from "../../src/services/key-rotation.js";
import { createCipheriv, randomBytes } from "node:crypto";
import { countLegacySealed } from "../../src/services/key-rotation.js";
import { LegacySealedValue, SEALED } from "../../src/services/keyring.js";
import { FakeClock } from "../support/clock.js";
import { BotApiStandIn } from "../../src/dev/bot-api-stand-in/index.js";
import { freshDatabaseUrl, startTestApp, TEST_PEPPER } from "../support/harness.js";

const OLD = `k1:${Buffer.alloc(32, 1).toString("base64")}`;
const NEW = `k2:${Buffer.alloc(32, 2).toString("base64")}`;
const DESCRIPTION = "Người bán ma túy đứng ở đầu hẻm 12 mỗi tối";
const PLACE = "hẻm 12 Trần Phú";
const PHOTO = "AgACAgUAAxkBAAIBsecret-photo-file-id";

/** A value sealed the way versions before 2026-12-06 did: AES-256-GCM, associated data the column only. */
function sealV1(key: Buffer, keyId: string, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v1.${keyId}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
}

describe("tip content sealed at rest (AES-256-GCM, TIP_KEYS)", () => {
  let databaseUrl: string;
  let db: Database;
  let clock: FakeClock;
  let wardId: string;
  let quarterId: string;

  const servicesWith = (keys: string): Services =>
    createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(keys), clock: clock.now });

  async function everyStoredString(): Promise<string> {
    const rows = await Promise.all([
      db.tip.findMany(),
      db.tipPhoto.findMany(),
      db.tipAddendum.findMany(),
      db.tipQuestion.findMany(),
      db.conversationState.findMany(),
      db.offeredChoice.findMany(),
    ]);
    return JSON.stringify(rows);
  }

  beforeEach(async () => {
    databaseUrl = await freshDatabaseUrl();
    db = createDatabase(databaseUrl);
    clock = new FakeClock();
    const ward = await servicesWith(OLD).wards.ensureWard({ slug: "w", name: "Phường Thử", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["Khu phố 1"] });
    wardId = ward.wardId;
    quarterId = (await servicesWith(OLD).wards.listQuarters(wardId))[0]!.id;
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  async function submitEverything(services: Services) {
    const tip = await services.tips.submit(wardId, {
      category: "dealing",
      quarterId,
      place: { kind: "text", text: PLACE },
      timing: "today",
      description: DESCRIPTION,
      photoFileIds: [PHOTO],
    });
    await services.tips.submit(wardId, {
      category: "use_venue",
      quarterId,
      place: { kind: "location", latitude: 13.776512, longitude: 109.223401, approximate: false },
      timing: "now",
      description: "Tụ tập sử dụng ở quán karaoke",
      photoFileIds: [],
    });
    await services.tips.addInformation(tip.receiptCode, "Xe máy biển số 77-C1 123.45", ["AgAC-addendum-photo"]);
    const member = await db.member.create({ data: { wardId, telegramUserId: "5001", displayName: "Officer", role: "officer" } });
    const { questionId } = await services.tips.ask({ id: member.id, wardId, role: "officer", displayName: "Officer" }, tip.tipId, "Mấy giờ thường thấy?");
    await services.tips.answerQuestion(tip.receiptCode, questionId, "Khoảng 21 giờ");
    await services.conversations.write("flow-key", 4242, { draft: "Đang viết: nhà số 7 có người lạ" });
    // A Zalo head's confirm choice carries their invite token in its button data.
    await services.offeredChoices.offer("z:zalo-head", 7, [{ label: "Xác nhận", kind: "callback", value: "qh:ok:qh_secret-invite-token" }]);
    return tip;
  }

  it("stores no text, place, coordinate, photo reference, answer or flow in clear", async () => {
    const services = servicesWith(OLD);
    const tip = await submitEverything(services);
    const stored = await everyStoredString();
    for (const secret of [DESCRIPTION, "Trần Phú", PHOTO, "13.776", "109.223", "77-C1", "addendum-photo", "Mấy giờ", "21 giờ", "nhà số 7", "secret-invite-token"]) {
      expect(stored).not.toContain(secret);
    }
    // …while the service reads it back.
    const view = await services.tips.view(tip.tipId);
    expect(view).toMatchObject({ description: DESCRIPTION, placeText: PLACE, photoFileIds: [PHOTO] });
    expect(await services.conversations.read("flow-key", 4242)).toEqual({ draft: "Đang viết: nhà số 7 có người lạ" });
    expect((await services.offeredChoices.current("z:zalo-head"))?.choices[0]?.value).toBe("qh:ok:qh_secret-invite-token");
  });

  it("refuses a value moved to another column or row, tampered with, cut short, or in clear", () => {
    const keyring = Keyring.parse(OLD);
    const sealed = keyring.seal(SEALED.description, "tip-1", "x");
    expect(keyring.open(SEALED.description, "tip-1", sealed)).toBe("x");
    expect(() => keyring.open(SEALED.place, "tip-1", sealed)).toThrow();
    // The same column of another row: a description swapped between two tips does not open.
    expect(() => keyring.open(SEALED.description, "tip-2", sealed)).toThrow();
    // Flip one bit of the ciphertext, keep the envelope.
    const [version, keyId, body] = sealed.split(".");
    const bytes = Buffer.from(body!, "base64url");
    bytes[bytes.length - 1]! ^= 1;
    const flipped = `${version}.${keyId}.${bytes.toString("base64url")}`;
    expect(flipped).not.toBe(sealed);
    expect(() => keyring.open(SEALED.description, "tip-1", flipped)).toThrow();
    // A tag cut to 4 bytes (GCM would accept a short tag if asked to): refused, only 16-byte tags open.
    const empty = keyring.seal(SEALED.description, "tip-1", "");
    const short = `${empty.split(".").slice(0, 2).join(".")}.${Buffer.from(empty.split(".")[2]!, "base64url").subarray(0, 16).toString("base64url")}`;
    expect(() => keyring.open(SEALED.description, "tip-1", short)).toThrow(/too short/);
    // A value in clear, or sealed in the old format (column only, no row), is refused: it could have been planted.
    expect(() => keyring.open(SEALED.description, "tip-1", "planted text")).toThrow(LegacySealedValue);
    const v1 = sealV1(Buffer.alloc(32, 1), "k1", SEALED.description.legacyPurpose, "old text");
    expect(() => keyring.open(SEALED.description, "tip-1", v1)).toThrow(LegacySealedValue);
    // …which only rotate-key reads, to re-seal it.
    expect(keyring.withLegacy().open(SEALED.description, "tip-1", v1)).toBe("old text");
    expect(keyring.withLegacy().open(SEALED.description, "tip-1", "planted text")).toBe("planted text");
    expect(() => Keyring.parse("k1:short")).toThrow(/32 bytes/);
    expect(() => Keyring.parse(`${OLD},${OLD}`)).toThrow(/twice/);
  });

  it("rotate-key re-seals every row under the new key; the old key can then go", async () => {
    const tip = await submitEverything(servicesWith(OLD));
    // A row from before encryption existed, in clear, and one sealed in the old format (its column only):
    await db.tip.update({ where: { id: tip.tipId }, data: { placeText: PLACE } });
    const photo = await db.tipPhoto.findFirstOrThrow();
    await db.tipPhoto.update({ where: { id: photo.id }, data: { fileId: sealV1(Buffer.alloc(32, 1), "k1", SEALED.photo.legacyPurpose, PHOTO) } });
    expect(await countLegacySealed(db)).toBe(2);
    // The bot refuses to read them, and refuses to start while they are there.
    await expect(servicesWith(OLD).tips.view(tip.tipId)).rejects.toThrow(LegacySealedValue);
    const standIn = new BotApiStandIn();
    await standIn.start(0);
    try {
      await expect(startTestApp({ standIn, databaseUrl, env: { TIP_KEYS: OLD } })).rejects.toThrow(/2 stored values .* run "npm run rotate-key"/);
    } finally {
      await standIn.stop();
    }

    const both = Keyring.parse(`${NEW},${OLD}`);
    const first = await rotateDataKeys(db, both);
    expect(first.keyId).toBe("k2");
    expect(first.resealed).toEqual({ Tip: 2, TipPhoto: 1, TipAddendum: 1, TipQuestion: 1, ConversationState: 1, OfferedChoice: 1 });
    expect(first.legacyLeft).toBe(0);
    expect((await rotateDataKeys(db, both)).resealed).toEqual({ Tip: 0, TipPhoto: 0, TipAddendum: 0, TipQuestion: 0, ConversationState: 0, OfferedChoice: 0 });

    const stored = await everyStoredString();
    expect(stored).not.toContain("v1.k1.");
    expect(stored).not.toContain("v2.k1.");
    expect(stored).not.toContain("Trần Phú");
    const onlyNew = servicesWith(NEW);
    expect(await onlyNew.tips.view(tip.tipId)).toMatchObject({ description: DESCRIPTION, placeText: PLACE, photoFileIds: [PHOTO] });
    expect(await onlyNew.tips.openQuestions(tip.receiptCode)).toEqual([]);
    expect((await onlyNew.tips.addendum((await db.tipAddendum.findFirstOrThrow()).id)).text).toBe("Xe máy biển số 77-C1 123.45");
    expect((await onlyNew.offeredChoices.current("z:zalo-head"))?.choices[0]?.label).toBe("Xác nhận");
    // Without the key that sealed them, nothing is readable: losing every key loses the tips' text.
    await expect(servicesWith(OLD).tips.view(tip.tipId)).rejects.toThrow(/TIP_KEYS does not hold/);
  });

  it("`npm run rotate-key` does the same from the command line and prints counts only", async () => {
    await submitEverything(servicesWith(OLD));
    await db.$disconnect();
    const output = execFileSync("npx", ["tsx", "src/cli/rotate-key.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, TIP_KEYS: `${NEW},${OLD}`, SECRET_PEPPER: TEST_PEPPER, LOG_LEVEL: "info" },
      encoding: "utf8",
    });
    expect(output).toMatch(/"keyId":"k2".*"Tip":2.*"legacyLeft":0/);
    expect(output).not.toContain("Trần Phú");
    db = createDatabase(databaseUrl);
    expect(await everyStoredString()).not.toContain("v1.k1.");
  }, 90_000);
});
