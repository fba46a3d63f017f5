// Human-facing codes. The alphabet leaves out look-alikes (0/O, 1/I/L, U/V)
// so a code read aloud or copied by hand survives. Randomness is injected:
// production passes crypto.randomBytes, tests pass a scripted source.
export type RandomBytes = (length: number) => Uint8Array;

export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
// 240 = 8 × 30: bytes 240..255 would make the first 16 symbols likelier, so they are drawn again.
export const CODE_BYTE_LIMIT = 256 - (256 % CODE_ALPHABET.length);
// A working source almost never needs more than a couple of rounds; this only stops a broken one spinning forever.
const MAX_ROUNDS = 1000;

/** `count` symbols of CODE_ALPHABET, uniformly, by rejection sampling. */
export function randomSymbols(randomBytes: RandomBytes, count: number): string {
  let out = "";
  for (let round = 0; out.length < count; round++) {
    if (round >= MAX_ROUNDS) throw new Error("random source keeps returning unusable bytes");
    for (const byte of randomBytes(Math.max(count - out.length, 1) * 2)) {
      if (byte >= CODE_BYTE_LIMIT) continue;
      out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (out.length === count) break;
    }
  }
  return out;
}

/** The resident's key: `TB-XXXX-XXXX` (30^8, about 39 bits). */
export function generateReceiptCode(randomBytes: RandomBytes): string {
  const s = randomSymbols(randomBytes, 8);
  return `TB-${s.slice(0, 4)}-${s.slice(4)}`;
}

// What people put between groups: spaces, hyphens and dashes of every kind, dots, underscores, slashes.
const SEPARATORS = /[\s\p{Pd}_.·/\\]+/gu;

/**
 * Accepts what people type (lowercase, spaces, no dashes, no "TB" prefix) and
 * returns the canonical `TB-XXXX-XXXX`, or null. Look-alikes are not guessed:
 * 0, O, 1, I, L and U are never issued, so a code containing one is mistyped.
 */
export function parseReceiptCode(input: string): string | null {
  let compact = input.normalize("NFKC").toUpperCase().replace(SEPARATORS, "");
  // Only strip "TB" when it is a prefix: a bare code may itself start with "TB".
  if (compact.length === 10 && compact.startsWith("TB")) compact = compact.slice(2);
  if (compact.length !== 8) return null;
  for (const ch of compact) if (!CODE_ALPHABET.includes(ch)) return null;
  return `TB-${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/**
 * A receipt code sent as a message of its own, typed with its "TB" (otherwise
 * as loosely as parseReceiptCode reads it): how a flow tells a code from an
 * answer. Without the prefix, eight symbols are too often something else a
 * person types: a licence plate ("77C-234.56" reads as TB-77C2-3456), or a word
 * without its marks.
 */
export function receiptCodeTyped(input: string): string | null {
  const compact = input.normalize("NFKC").toUpperCase().replace(SEPARATORS, "");
  return compact.length === 10 && compact.startsWith("TB") ? parseReceiptCode(input) : null;
}

/** The tip's reference shown to officers (`#A7K3`); unique per ward by the caller's retries. */
export function generateTipReference(randomBytes: RandomBytes): string {
  return randomSymbols(randomBytes, 4);
}

/** `#a7k3`, `A7K3` → `A7K3`; null when it cannot be a reference. */
export function parseTipReference(input: string): string | null {
  const s = input.normalize("NFKC").trim().replace(/^#/, "").toUpperCase();
  return s.length === 4 && [...s].every((ch) => CODE_ALPHABET.includes(ch)) ? s : null;
}

/** `ADM-XXXX-XXXX-XXXX` (about 59 bits), printed once at first start. */
export function generateAdminCode(randomBytes: RandomBytes): string {
  const s = randomSymbols(randomBytes, 12);
  return `ADM-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** Telegram's start payload: A-Z a-z 0-9 _ -, at most 64 characters. */
export const TOKEN_MAX_LENGTH = 64;

/** URL-safe (base64url alphabet) token for deep links; 22 symbols carry 132 bits. 64 divides 256, so `byte & 63` is unbiased. */
export function generateToken(randomBytes: RandomBytes, length = 22): string {
  if (!Number.isInteger(length) || length < 1 || length > TOKEN_MAX_LENGTH) throw new RangeError(`token length must be 1..${TOKEN_MAX_LENGTH}`);
  let out = "";
  for (let round = 0; out.length < length; round++) {
    if (round >= MAX_ROUNDS) throw new Error("random source returns no bytes");
    for (const byte of randomBytes(length - out.length)) {
      out += TOKEN_ALPHABET[byte & 63];
      if (out.length === length) break;
    }
  }
  return out;
}
