// Secrets: every hash that could link a row to a person, or let a database
// reader use a secret, is keyed by SECRET_PEPPER. Each test here fails if the
// key were dropped (an empty HMAC key, the unkeyed SHA-256 of the value) or if
// purposes or peppers were mixed up.
import { createHash, createHmac, scrypt } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { Secrets } from "../../src/services/secrets.js";

const PEPPER = "pepper-one-0123456789-abcdefghijklmnopqrstuvwxyz";
const OTHER_PEPPER = "pepper-two-0123456789-abcdefghijklmnopqrstuvwxyz";
const CHAT_ID = 7_123_456_789;

/** What a database reader could compute from a value alone, with no key. */
function unkeyed(purpose: string, value: string): string[] {
  const forms = [value, `${purpose}\u0000${value}`, `${purpose}:${value}`];
  return forms.flatMap((form) => [
    createHash("sha256").update(form).digest("base64url"),
    createHash("sha256").update(form).digest("hex"),
    createHmac("sha256", "").update(form).digest("base64url"),
    createHmac("sha256", Buffer.alloc(0)).update(form).digest("hex"),
    createHmac("sha256", purpose).update(value).digest("base64url"),
  ]);
}

function scryptBase64(code: string, salt: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(code, salt, 32, { N: 1 << 14, r: 8, p: 1 }, (err, key) => (err ? reject(err) : resolve(key.toString("base64url")))),
  );
}

describe("Secrets", () => {
  // Made in each test, not once for the file: mutation tests switch a mutant on per test.
  let secrets: Secrets;
  let other: Secrets;
  beforeEach(() => {
    secrets = new Secrets(PEPPER);
    other = new Secrets(OTHER_PEPPER);
  });

  it("refuses a pepper shorter than 32 characters", () => {
    expect(() => new Secrets("x".repeat(31))).toThrow(/at least 32/);
    expect(() => new Secrets("x".repeat(32))).not.toThrow();
  });

  it("keys a chat's pseudonym by the pepper: another pepper, another key; never the unkeyed hash of the id", () => {
    const key = secrets.chatKey(CHAT_ID);
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(key).toBe(secrets.chatKey(String(CHAT_ID)));
    expect(key).toBe(new Secrets(PEPPER).chatKey(CHAT_ID));
    expect(other.chatKey(CHAT_ID)).not.toBe(key);
    expect(unkeyed("chat", String(CHAT_ID))).not.toContain(key);
    // Neighbouring ids, and Zalo's ids, do not collide.
    expect(secrets.chatKey(CHAT_ID + 1)).not.toBe(key);
    expect(secrets.chatKey(`z:${CHAT_ID}`)).not.toBe(key);
  });

  it("keeps purposes apart: the same value hashed for another purpose gives another hash", () => {
    const token = "Xk3v9QmR2pLw7nZt4bYc1d";
    const invite = secrets.keyedHash("invite", token);
    expect(secrets.keyedHash("admin-code", token)).not.toBe(invite);
    expect(secrets.keyedHash("chat", token)).not.toBe(invite);
    expect(secrets.chatKey(token)).toBe(secrets.keyedHash("chat", token));
    expect(other.keyedHash("invite", token)).not.toBe(invite);
    expect(unkeyed("invite", token)).not.toContain(invite);
  });

  it("hashes receipts slowly under a salt derived from the pepper: the same code under another pepper gives another hash", async () => {
    const code = "TB-A7K3-M9PQ";
    const hash = await secrets.receiptHash(code);
    expect(hash).toMatch(/^[\w-]{43}$/);
    expect(await secrets.receiptHash(code)).toBe(hash);
    expect(await other.receiptHash(code)).not.toBe(hash);
    expect(await secrets.receiptHash("TB-A7K3-M9PR")).not.toBe(hash);
    // Not scrypt with an empty, a public or the pepper-free salt, nor a fast hash of the code.
    for (const salt of ["", "receipt-salt", createHash("sha256").update("receipt-salt").digest()]) expect(await scryptBase64(code, salt)).not.toBe(hash);
    expect(unkeyed("receipt", code)).not.toContain(hash);
    // scrypt under the pepper's HMAC of "receipt-salt" is the construction documented in docs/security.md.
    expect(await scryptBase64(code, createHmac("sha256", PEPPER).update("receipt-salt").digest())).toBe(hash);
  });

  it("derives the same unpredictable bytes for the same value: keyed, per purpose and per value, one continuous stream", () => {
    const a = secrets.derivedBytes("receipt", "nonce-1");
    const first = Buffer.from(a(10));
    const next = Buffer.from(a(40));
    const whole = Buffer.from(secrets.derivedBytes("receipt", "nonce-1")(50));
    expect(Buffer.concat([first, next]).equals(whole)).toBe(true);
    // More than one HMAC block, and no block repeats.
    expect(whole.subarray(0, 32).equals(whole.subarray(32, 50))).toBe(false);
    expect(whole.subarray(32).equals(Buffer.from(secrets.derivedBytes("receipt", "nonce-1")(50)).subarray(32))).toBe(true);
    expect(Buffer.from(secrets.derivedBytes("receipt", "nonce-2")(50)).equals(whole)).toBe(false);
    expect(Buffer.from(secrets.derivedBytes("submission", "nonce-1")(50)).equals(whole)).toBe(false);
    expect(Buffer.from(other.derivedBytes("receipt", "nonce-1")(50)).equals(whole)).toBe(false);
    const emptyKey = createHmac("sha256", "").update("receipt\u0000nonce-1\u00000").digest();
    expect(whole.subarray(0, 32).equals(emptyKey)).toBe(false);
    // HMAC-SHA256 in counter mode, as documented: block n is HMAC(pepper, purpose ‖ value ‖ n).
    for (const n of [0, 1]) {
      expect(whole.subarray(32 * n, 32 * n + 32).equals(createHmac("sha256", PEPPER).update(`receipt\u0000nonce-1\u0000${n}`).digest().subarray(0, n === 0 ? 32 : 18))).toBe(true);
    }
    expect(a(0)).toHaveLength(0);
  });

  it("compares in constant time, and only equal strings are equal", () => {
    expect(Secrets.equal("abc", "abc")).toBe(true);
    expect(Secrets.equal("abc", "abd")).toBe(false);
    expect(Secrets.equal("abc", "abcd")).toBe(false);
    expect(Secrets.equal("", "")).toBe(true);
  });
});
