// Encryption at rest of what residents wrote (tip text, places, photo
// references, answers) and of unfinished flows. AES-256-GCM; every sealed value
// names its key, so old keys can stay readable while rotate-key re-seals rows.
// The purpose is authenticated too: a value cannot be moved to another column.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export interface DataKey {
  id: string;
  key: Buffer;
}

/** Purposes the keyring binds each sealed column to (also the list rotate-key walks). */
export const SEALED = {
  description: "tip.description",
  place: "tip.placeText",
  location: "tip.location",
  photo: "tipPhoto.fileId",
  addendumText: "tipAddendum.text",
  addendumPhotos: "tipAddendum.photoFileIds",
  question: "tipQuestion.question",
  answer: "tipQuestion.answer",
  flow: "conversationState.value",
  offeredChoices: "offeredChoice.choices",
} as const;

const PREFIX = "v1";
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

export class Keyring {
  private readonly keys = new Map<string, Buffer>();
  readonly currentId: string;

  /** The first key encrypts; the others only decrypt (until rotate-key has re-sealed their rows). */
  constructor(keys: DataKey[]) {
    const [current] = keys;
    if (!current) throw new Error("TIP_KEYS needs at least one key");
    for (const { id, key } of keys) {
      if (!KEY_ID.test(id)) throw new Error(`TIP_KEYS: key id "${id}" must be 1–16 letters, digits, _ or -`);
      if (key.length !== 32) throw new Error(`TIP_KEYS: key "${id}" must be 32 bytes, base64`);
      if (this.keys.has(id)) throw new Error(`TIP_KEYS: key id "${id}" appears twice`);
      this.keys.set(id, key);
    }
    this.currentId = current.id;
  }

  /** "k2:BASE64,k1:BASE64" — current key first. */
  static parse(spec: string): Keyring {
    const keys = spec
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part.length > 0)
      .map((part) => {
        const colon = part.indexOf(":");
        if (colon < 1) throw new Error('TIP_KEYS must look like "k1:BASE64KEY[,k0:OLDKEY]"');
        return { id: part.slice(0, colon), key: Buffer.from(part.slice(colon + 1), "base64") };
      });
    return new Keyring(keys);
  }

  seal(purpose: string, plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.keyFor(this.currentId), iv);
    cipher.setAAD(Buffer.from(purpose));
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return `${PREFIX}.${this.currentId}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
  }

  /** Decrypts a sealed value. Rows written before encryption existed are read as they are (rotate-key seals them). */
  open(purpose: string, stored: string): string {
    const parsed = parseSealed(stored);
    if (!parsed) return stored;
    const box = Buffer.from(parsed.body, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", this.keyFor(parsed.keyId), box.subarray(0, 12));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(box.subarray(12, 28));
    return Buffer.concat([decipher.update(box.subarray(28)), decipher.final()]).toString("utf8");
  }

  sealOrNull(purpose: string, plaintext: string | null): string | null {
    return plaintext === null ? null : this.seal(purpose, plaintext);
  }

  openOrNull(purpose: string, stored: string | null): string | null {
    return stored === null ? null : this.open(purpose, stored);
  }

  /** True when the value is in clear or under a key other than the current one. */
  isStale(stored: string): boolean {
    return parseSealed(stored)?.keyId !== this.currentId;
  }

  private keyFor(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`data sealed under key "${id}", which TIP_KEYS does not hold`);
    return key;
  }
}

function parseSealed(stored: string): { keyId: string; body: string } | null {
  const match = /^v1\.([A-Za-z0-9_-]{1,16})\.([A-Za-z0-9_-]+)$/.exec(stored);
  return match ? { keyId: match[1] as string, body: match[2] as string } : null;
}
