// The keyring's promises one by one, without a database (sealed-at-rest.test.ts
// covers the stored rows and rotate-key): the key matters, the table, column
// and row are bound, every seal is fresh, old keys keep opening, and the spec
// string is read strictly.
import { createCipheriv } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLegacySealed, Keyring, LegacySealedValue, SEALED, type SealedColumn } from "../../src/services/keyring.js";

const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");
const K1 = `k1:${key(1)}`;
const K2 = `k2:${key(2)}`;
const COLUMNS = Object.values(SEALED) as SealedColumn[];

describe("Keyring", () => {
  it("opens only under the key that sealed: the same key id with other key bytes refuses", () => {
    const sealed = Keyring.parse(K1).seal(SEALED.description, "tip-1", "bán hàng ở hẻm 12");
    expect(Keyring.parse(K1).open(SEALED.description, "tip-1", sealed)).toBe("bán hàng ở hẻm 12");
    expect(() => Keyring.parse(`k1:${key(9)}`).open(SEALED.description, "tip-1", sealed)).toThrow();
    expect(() => Keyring.parse(K2).open(SEALED.description, "tip-1", sealed)).toThrow(/TIP_KEYS does not hold/);
  });

  it("binds the table too: the same column name and row id in another table does not open", () => {
    const ring = Keyring.parse(K1);
    const inTips: SealedColumn = { table: "Tip", column: "text", legacyPurpose: "x" };
    const inAddenda: SealedColumn = { table: "TipAddendum", column: "text", legacyPurpose: "x" };
    const sealed = ring.seal(inTips, "row-1", "x");
    expect(() => ring.open(inAddenda, "row-1", sealed)).toThrow();
    // Fields are separated: ("Tip", "A" + "B") is not ("TipA", "B").
    const joined = ring.seal({ table: "TipA", column: "B", legacyPurpose: "x" }, "r", "x");
    expect(() => ring.open({ table: "Tip", column: "AB", legacyPurpose: "x" }, "r", joined)).toThrow();
  });

  it("refuses every sealed value moved to any other column or row (random texts, rows and moves)", () => {
    const ring = Keyring.parse(K1);
    fc.assert(
      fc.property(
        fc.constantFrom(...COLUMNS),
        fc.constantFrom(...COLUMNS),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ unit: "grapheme", maxLength: 200 }),
        (from, to, row, otherRow, text) => {
          const sealed = ring.seal(from, row, text);
          expect(ring.open(from, row, sealed)).toBe(text);
          if (from !== to) expect(() => ring.open(to, row, sealed)).toThrow();
          if (otherRow !== row) expect(() => ring.open(from, otherRow, sealed)).toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("seals with a fresh IV each time and a full 16-byte tag", () => {
    const ring = Keyring.parse(K1);
    const a = ring.seal(SEALED.place, "tip-1", "hẻm 12");
    const b = ring.seal(SEALED.place, "tip-1", "hẻm 12");
    expect(a).not.toBe(b);
    const body = (s: string) => Buffer.from(s.split(".")[2]!, "base64url");
    expect(body(a).subarray(0, 12).equals(body(b).subarray(0, 12))).toBe(false);
    // IV 12 + tag 16 + ciphertext as long as the UTF-8 text.
    expect(body(a)).toHaveLength(12 + 16 + Buffer.byteLength("hẻm 12"));
    expect(a).toMatch(/^v2\.k1\.[\w-]+$/);
    expect(a).not.toContain("hẻm");
  });

  it("seals under the first key and keeps opening values of the others; isStale tells which need re-sealing", () => {
    const old = Keyring.parse(K1);
    const both = Keyring.parse(`${K2}, ${K1}`);
    expect(both.currentId).toBe("k2");
    const underOld = old.seal(SEALED.answer, "q-1", "khoảng 21 giờ");
    const underNew = both.seal(SEALED.answer, "q-1", "khoảng 21 giờ");
    expect(underNew.startsWith("v2.k2.")).toBe(true);
    expect(both.open(SEALED.answer, "q-1", underOld)).toBe("khoảng 21 giờ");
    expect(both.isStale(underOld)).toBe(true);
    expect(both.isStale(underNew)).toBe(false);
    expect(both.isStale("in clear")).toBe(true);
    expect(both.isStale(`v1.k2.${underNew.split(".")[2]}`)).toBe(true);
    expect(() => Keyring.parse(K2).open(SEALED.answer, "q-1", underOld)).toThrow(/"k1", which TIP_KEYS does not hold/);
  });

  it("lets null through sealOrNull and openOrNull, and nothing else", () => {
    const ring = Keyring.parse(K1);
    expect(ring.sealOrNull(SEALED.place, "t", null)).toBeNull();
    expect(ring.openOrNull(SEALED.place, "t", null)).toBeNull();
    const sealed = ring.sealOrNull(SEALED.place, "t", "");
    expect(sealed).toMatch(/^v2\.k1\./);
    expect(ring.openOrNull(SEALED.place, "t", sealed)).toBe("");
    expect(() => ring.openOrNull(SEALED.place, "t", "in clear")).toThrow(LegacySealedValue);
  });

  it("tells stored values in the current format from legacy ones", () => {
    const sealed = Keyring.parse(K1).seal(SEALED.flow, "key", "{}");
    expect(isLegacySealed(sealed)).toBe(false);
    expect(isLegacySealed("v2.k1.")).toBe(true);
    expect(isLegacySealed("plain text")).toBe(true);
    expect(isLegacySealed(`v1.k1.${sealed.split(".")[2]}`)).toBe(true);
    expect(isLegacySealed(`xv2.k1.${sealed.split(".")[2]}`)).toBe(true);
  });

  it("reads TIP_KEYS strictly", () => {
    expect(() => Keyring.parse("")).toThrow(/at least one key/);
    expect(() => Keyring.parse(" , ")).toThrow(/at least one key/);
    expect(() => Keyring.parse(key(1))).toThrow(/must look like/);
    expect(() => Keyring.parse(`:${key(1)}`)).toThrow(/must look like/);
    expect(() => Keyring.parse(`bad id!:${key(1)}`)).toThrow(/key id "bad id!"/);
    expect(() => Keyring.parse(`${"k".repeat(17)}:${key(1)}`)).toThrow(/1–16 letters/);
    expect(() => Keyring.parse(`k1:${Buffer.alloc(31).toString("base64")}`)).toThrow(/32 bytes/);
    expect(() => Keyring.parse(`k1:${Buffer.alloc(33).toString("base64")}`)).toThrow(/32 bytes/);
    expect(Keyring.parse(` ${K1} ,, ${K2} `).currentId).toBe("k1");
    expect(Keyring.parse(`${"k".repeat(16)}:${key(1)}`).currentId).toBe("k".repeat(16));
    expect(Keyring.parse(`k:${key(1)}`).currentId).toBe("k");
    // One id for two keys would open some values under the wrong one.
    expect(() => Keyring.parse(`${K1},k1:${key(2)}`)).toThrow(/key id "k1" appears twice/);
  });

  it("refuses an old-format (v1) value unless reading for rotate-key, and opens it then under its old binding", () => {
    // v1: the same box, bound to the column's old purpose string instead of table, column and row.
    const iv = Buffer.alloc(12, 3);
    const cipher = createCipheriv("aes-256-gcm", Buffer.alloc(32, 1), iv, { authTagLength: 16 });
    cipher.setAAD(Buffer.from(SEALED.description.legacyPurpose));
    const ciphertext = Buffer.concat([cipher.update("tin cũ", "utf8"), cipher.final()]);
    const v1 = `v1.k1.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
    expect(() => Keyring.parse(K1).open(SEALED.description, "tip-1", v1)).toThrow(LegacySealedValue);
    expect(() => Keyring.parse(K1).open(SEALED.description, "tip-1", v1)).toThrow(/Tip\.description .*npm run rotate-key/);
    expect(Keyring.parse(K1).withLegacy().open(SEALED.description, "tip-1", v1)).toBe("tin cũ");
  });

  it("refuses a sealed value cut shorter than its IV and tag, naming the column", () => {
    const ring = Keyring.parse(K1);
    const sealed = ring.seal(SEALED.place, "t", "hẻm 12");
    const body = Buffer.from(sealed.split(".")[2]!, "base64url");
    for (const length of [1, 12, 20, 27]) {
      expect(() => ring.open(SEALED.place, "t", `v2.k1.${body.subarray(0, length).toString("base64url")}`), String(length)).toThrow(/^Tip\.placeText: sealed value too short$/);
    }
  });

  it("withLegacy keeps every key and reads values in clear, for rotate-key only", () => {
    const both = Keyring.parse(`${K2},${K1}`);
    const underOld = Keyring.parse(K1).seal(SEALED.photo, "p", "file-id");
    const legacy = both.withLegacy();
    expect(legacy.currentId).toBe("k2");
    expect(legacy.open(SEALED.photo, "p", underOld)).toBe("file-id");
    expect(legacy.open(SEALED.photo, "p", "file-id in clear")).toBe("file-id in clear");
    expect(() => both.open(SEALED.photo, "p", "file-id in clear")).toThrow(LegacySealedValue);
  });
});
