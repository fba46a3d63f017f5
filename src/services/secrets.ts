// Keyed hashing. Everything that could link a stored row to a person or let a
// database reader use a secret (receipts, invite tokens, chat keys) is stored
// only as a keyed hash under SECRET_PEPPER, which never touches the database.
import { createHmac, randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export type RandomSource = (length: number) => Uint8Array;
export const secureRandom: RandomSource = (length) => randomBytes(length);

export class Secrets {
  private readonly receiptSalt: Buffer;

  constructor(private readonly pepper: string) {
    if (pepper.length < 32) throw new Error("SECRET_PEPPER must be at least 32 characters");
    this.receiptSalt = createHmac("sha256", pepper).update("receipt-salt").digest();
  }

  /** Fast keyed hash for high-entropy values (tokens) and pseudonymous keys. */
  keyedHash(purpose: string, value: string): string {
    return createHmac("sha256", this.pepper).update(`${purpose}\u0000${value}`).digest("base64url");
  }

  /**
   * A deterministic byte stream keyed by the pepper (HMAC-SHA256 in counter
   * mode): the same `value` always yields the same bytes, nobody without the
   * pepper can predict them.
   */
  derivedBytes(purpose: string, value: string): RandomSource {
    let counter = 0;
    let buffer = Buffer.alloc(0);
    return (length) => {
      while (buffer.length < length) {
        const block = createHmac("sha256", this.pepper).update(`${purpose}\u0000${value}\u0000${counter++}`).digest();
        buffer = Buffer.concat([buffer, block]);
      }
      const out = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      return out;
    };
  }

  /**
   * Slow hash for receipts, whose 40 bits would otherwise be cheap to enumerate.
   * Asynchronous: scrypt runs on libuv's thread pool, so its ~20–40 ms of work
   * per receipt does not stop every other chat's update meanwhile.
   */
  receiptHash(canonicalReceipt: string): Promise<string> {
    return new Promise((resolve, reject) => {
      scrypt(canonicalReceipt, this.receiptSalt, 32, { N: 1 << 14, r: 8, p: 1 }, (err, key) => (err ? reject(err) : resolve(key.toString("base64url"))));
    });
  }

  /** Pseudonymous key for a chat (language preference, flow state): not reversible without the pepper. */
  chatKey(chatId: number | string): string {
    return this.keyedHash("chat", String(chatId));
  }

  static equal(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  }
}
