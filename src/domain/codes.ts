// Human-facing codes. The alphabet leaves out look-alikes (0/O, 1/I/L, U/V)
// so a code read aloud or copied by hand survives.
export type RandomBytes = (length: number) => Uint8Array;

export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const LIMIT = 256 - (256 % CODE_ALPHABET.length); // reject bytes >= LIMIT to stay unbiased

export function randomSymbols(randomBytes: RandomBytes, count: number): string {
  let out = "";
  while (out.length < count) {
    for (const byte of randomBytes(count * 2)) {
      if (byte >= LIMIT) continue;
      out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (out.length === count) break;
    }
  }
  return out;
}

/** The resident's key: `TB-XXXX-XXXX` (about 39 bits). */
export function generateReceiptCode(randomBytes: RandomBytes): string {
  const s = randomSymbols(randomBytes, 8);
  return `TB-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Accepts what people type (lowercase, spaces, no dashes, no prefix); returns the canonical code or null. */
export function parseReceiptCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-_.]/g, "").replace(/^TB/, "");
  if (compact.length !== 8) return null;
  for (const ch of compact) if (!CODE_ALPHABET.includes(ch)) return null;
  return `TB-${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** The tip's reference shown to officers (`#A7K3`); unique per ward by the caller's retries. */
export function generateTipReference(randomBytes: RandomBytes): string {
  return randomSymbols(randomBytes, 4);
}

/** `ADM-XXXX-XXXX-XXXX` (about 59 bits), printed once at first start. */
export function generateAdminCode(randomBytes: RandomBytes): string {
  const s = randomSymbols(randomBytes, 12);
  return `ADM-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** URL-safe token for deep links (Telegram start payloads allow A-Z a-z 0-9 _ -, up to 64). */
export function generateToken(randomBytes: RandomBytes, length = 22): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      out += alphabet[byte & 63];
      if (out.length === length) break;
    }
  }
  return out;
}
