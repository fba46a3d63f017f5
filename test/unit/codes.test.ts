import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  CODE_BYTE_LIMIT,
  generateAdminCode,
  generateReceiptCode,
  generateTipReference,
  generateToken,
  parseReceiptCode,
  parseTipReference,
  randomSymbols,
  type RandomBytes,
} from "../../src/domain/codes.js";

const secure: RandomBytes = (n) => new Uint8Array(randomBytes(n));

/** Hands out the scripted bytes in order, however many each call asks for. */
function scripted(bytes: readonly number[]): RandomBytes & { calls: number } {
  let i = 0;
  const source = Object.assign(
    (n: number) => {
      source.calls++;
      const out = new Uint8Array(n);
      for (let k = 0; k < n; k++) out[k] = bytes[i++ % bytes.length] ?? 0;
      return out;
    },
    { calls: 0 },
  );
  return source;
}

describe("alphabet", () => {
  it("has 30 symbols and no look-alikes", () => {
    expect(CODE_ALPHABET).toHaveLength(30);
    expect(new Set(CODE_ALPHABET).size).toBe(30);
    for (const ch of "01OILU") expect(CODE_ALPHABET).not.toContain(ch);
    expect(CODE_BYTE_LIMIT).toBe(240);
  });
});

describe("formats", () => {
  it.each([
    ["receipt", () => generateReceiptCode(secure), /^TB-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/],
    ["tip reference", () => generateTipReference(secure), /^[2-9A-HJKMNP-TV-Z]{4}$/],
    ["admin code", () => generateAdminCode(secure), /^ADM-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/],
    ["token", () => generateToken(secure), /^[A-Za-z0-9_-]{22}$/],
    ["64-symbol token (Telegram's limit)", () => generateToken(secure, 64), /^[A-Za-z0-9_-]{64}$/],
  ])("%s", (_, make, pattern) => {
    for (let i = 0; i < 50; i++) expect(make()).toMatch(pattern);
  });

  it("maps bytes to symbols deterministically", () => {
    expect(generateReceiptCode(scripted([0, 1, 2, 3, 26, 27, 28, 29]))).toBe("TB-2345-WXYZ");
    expect(generateTipReference(scripted([30, 61, 92, 123]))).toBe("2345"); // byte % 30 below 240
    expect(generateToken(scripted([0, 25, 26, 51, 52, 61, 62, 63, 64 + 0, 255]), 10)).toBe("AZaz09-_A_");
  });

  it("refuses token lengths Telegram would not carry", () => {
    expect(() => generateToken(secure, 0)).toThrow(RangeError);
    expect(() => generateToken(secure, 65)).toThrow(RangeError);
    expect(() => generateToken(secure, 2.5)).toThrow(RangeError);
  });
});

describe("rejection sampling", () => {
  it("draws again on 255s, then uses the valid bytes", () => {
    const source = scripted([...Array<number>(16).fill(255), 0, 29, 7, 8]);
    expect(randomSymbols(source, 4)).toBe("2Z9A");
    expect(source.calls).toBeGreaterThan(1);
  });

  it("rejects exactly the bytes from 240 up", () => {
    expect(randomSymbols(scripted([240, 241, 250, 255, 239]), 1)).toBe(CODE_ALPHABET[239 % 30]);
    expect(randomSymbols(scripted([239]), 1)).toBe("Z");
  });

  it("gives every symbol the same share of the accepted bytes", () => {
    // Feeding each byte value once: the 240 accepted ones cover each symbol 8 times.
    const all = scripted(Array.from({ length: 256 }, (_, b) => b));
    const counts = new Map<string, number>();
    for (const ch of randomSymbols(all, 240)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(30);
    for (const n of counts.values()) expect(n).toBe(8);
  });

  it("spreads symbols evenly from a real source", () => {
    const counts = new Map<string, number>();
    for (const ch of randomSymbols(secure, 30_000)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(30);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(200);
  });

  it("fails loudly instead of spinning on a broken source", () => {
    expect(() => randomSymbols(() => new Uint8Array(8).fill(255), 4)).toThrow();
    expect(() => generateToken(() => new Uint8Array(0))).toThrow();
  });
});

describe("parseReceiptCode", () => {
  it("round-trips generated codes", () => {
    for (let i = 0; i < 100; i++) {
      const code = generateReceiptCode(secure);
      expect(parseReceiptCode(code)).toBe(code);
    }
  });

  it.each([
    ["TB-A7K3-M9PQ", "TB-A7K3-M9PQ"],
    ["tb-a7k3-m9pq", "TB-A7K3-M9PQ"],
    ["  TB A7K3 M9PQ ", "TB-A7K3-M9PQ"],
    ["TBA7K3M9PQ", "TB-A7K3-M9PQ"],
    ["A7K3-M9PQ", "TB-A7K3-M9PQ"],
    ["a7k3m9pq", "TB-A7K3-M9PQ"],
    ["TB–A7K3–M9PQ", "TB-A7K3-M9PQ"], // en dashes from autocorrect
    ["TB.A7K3.M9PQ", "TB-A7K3-M9PQ"],
    ["ＴＢ－Ａ７Ｋ３－Ｍ９ＰＱ", "TB-A7K3-M9PQ"], // full-width
    ["TBXY-2345", "TB-TBXY-2345"], // a code that itself starts with TB, typed without prefix
    ["TB-TBXY-2345", "TB-TBXY-2345"],
  ])("%j → %j", (input, expected) => {
    expect(parseReceiptCode(input)).toBe(expected);
  });

  it.each(["TB-0000-1111", "TB-A7K3-M9PO", "TB-A7K3-M9PI", "TB-A7K3-M9PL", "TB-A7K3-M9PU", "TB-ABC", "TB-A7K3-M9PQ2", "", "TB", "XX-A7K3-M9PQ", "TB-A7K3-M9PẠ"])(
    "rejects %j",
    (input) => {
      expect(parseReceiptCode(input)).toBeNull();
    },
  );
});

describe("parseTipReference", () => {
  it.each([
    ["#A7K3", "A7K3"],
    ["a7k3", "A7K3"],
    [" #a7k3 ", "A7K3"],
    ["#A7K", null],
    ["#A0K3", null],
    ["TB-A7K3", null],
  ])("%j → %j", (input, expected) => {
    expect(parseTipReference(input)).toBe(expected);
  });
});
