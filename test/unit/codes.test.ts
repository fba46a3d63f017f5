import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  generateAdminCode,
  generateReceiptCode,
  generateTipReference,
  generateToken,
  parseReceiptCode,
  randomSymbols,
} from "../../src/domain/codes.js";

const secure = (n: number) => new Uint8Array(randomBytes(n));

describe("codes", () => {
  it("uses no look-alike characters", () => {
    for (const ch of "01OILU") expect(CODE_ALPHABET).not.toContain(ch);
    expect(CODE_ALPHABET).toHaveLength(30);
  });

  it("formats receipts, references, admin codes and tokens", () => {
    expect(generateReceiptCode(secure)).toMatch(/^TB-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(generateTipReference(secure)).toMatch(/^[2-9A-Z]{4}$/);
    expect(generateAdminCode(secure)).toMatch(/^ADM-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(generateToken(secure)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("rejects bytes that would bias the alphabet", () => {
    // 240..255 are rejected (240 = 8 × 30); then 0 → "2", 29 → "Z".
    let call = 0;
    const fake = (n: number) => (call++ === 0 ? new Uint8Array(n).fill(250) : Uint8Array.from({ length: n }, (_, i) => (i % 2 ? 29 : 0)));
    expect(randomSymbols(fake, 4)).toBe("2Z2Z");
  });

  it("parses what people type back into the canonical receipt", () => {
    const code = generateReceiptCode(secure);
    expect(parseReceiptCode(code)).toBe(code);
    expect(parseReceiptCode(code.toLowerCase())).toBe(code);
    expect(parseReceiptCode(code.replaceAll("-", " ").slice(3))).toBe(code);
    expect(parseReceiptCode("TB-0000-1111")).toBeNull();
    expect(parseReceiptCode("TB-ABC")).toBeNull();
  });

  it("spreads symbols evenly", () => {
    const counts = new Map<string, number>();
    for (const ch of randomSymbols(secure, 30_000)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(30);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(200);
  });
});
