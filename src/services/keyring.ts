// Encryption at rest of what residents wrote (tip text, places, photo
// references, answers) and of unfinished flows. AES-256-GCM with 16-byte tags;
// every sealed value names its key, so old keys can stay readable while
// rotate-key re-seals rows. The table, the column and the row are authenticated
// too: a value copied to another column or another row does not open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export interface DataKey {
  id: string;
  key: Buffer;
}

/** Where a sealed value lives; with the row's reference, its associated data. */
export interface SealedColumn {
  table: string;
  column: string;
  /** The associated data of the format before v2 (column only, no row). */
  legacyPurpose: string;
}

/** Every sealed column: what seal/open bind to, what rotate-key walks and what the anonymity scans open. */
export const SEALED = {
  description: { table: "Tip", column: "description", legacyPurpose: "tip.description" },
  place: { table: "Tip", column: "placeText", legacyPurpose: "tip.placeText" },
  location: { table: "Tip", column: "location", legacyPurpose: "tip.location" },
  photo: { table: "TipPhoto", column: "fileId", legacyPurpose: "tipPhoto.fileId" },
  addendumText: { table: "TipAddendum", column: "text", legacyPurpose: "tipAddendum.text" },
  addendumPhotos: { table: "TipAddendum", column: "photoFileIds", legacyPurpose: "tipAddendum.photoFileIds" },
  question: { table: "TipQuestion", column: "question", legacyPurpose: "tipQuestion.question" },
  answer: { table: "TipQuestion", column: "answer", legacyPurpose: "tipQuestion.answer" },
  flow: { table: "ConversationState", column: "value", legacyPurpose: "conversationState.value" },
  flowActivity: { table: "ConversationState", column: "activity", legacyPurpose: "conversationState.activity" },
  offeredChoices: { table: "OfferedChoice", column: "value", legacyPurpose: "offeredChoice.choices" },
} as const satisfies Record<string, SealedColumn>;

/**
 * The column of each table whose value names the row in the associated data:
 * the primary key, so a value cannot be moved to another row either.
 */
export const SEALED_ROW_KEY: Record<string, string> = {
  Tip: "id",
  TipPhoto: "id",
  TipAddendum: "id",
  TipQuestion: "id",
  ConversationState: "key",
  OfferedChoice: "chatKey",
};

const FORMAT = "v2";
const LEGACY_FORMAT = "v1";
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED_VALUE = /^(v[12])\.([A-Za-z0-9_-]{1,16})\.([A-Za-z0-9_-]+)$/;

/** A stored value in a format the keyring no longer reads by default: in clear, or sealed without its row (v1). */
export class LegacySealedValue extends Error {
  constructor(readonly column: SealedColumn) {
    super(`${column.table}.${column.column} holds a value in clear or in the old sealed format: run npm run rotate-key`);
  }
}

export class Keyring {
  private readonly keys = new Map<string, Buffer>();
  readonly currentId: string;
  /** rotate-key reads legacy values to re-seal them; the bot never does (a plaintext value could be planted). */
  private readonly acceptLegacy: boolean;

  /** The first key encrypts; the others only decrypt (until rotate-key has re-sealed their rows). */
  constructor(keys: DataKey[], options: { acceptLegacy?: boolean } = {}) {
    const [current] = keys;
    if (!current) throw new Error("TIP_KEYS needs at least one key");
    for (const { id, key } of keys) {
      if (!KEY_ID.test(id)) throw new Error(`TIP_KEYS: key id "${id}" must be 1–16 letters, digits, _ or -`);
      if (key.length !== 32) throw new Error(`TIP_KEYS: key "${id}" must be 32 bytes, base64`);
      if (this.keys.has(id)) throw new Error(`TIP_KEYS: key id "${id}" appears twice`);
      this.keys.set(id, key);
    }
    this.currentId = current.id;
    this.acceptLegacy = options.acceptLegacy ?? false;
  }

  /** "k2:BASE64,k1:BASE64" — current key first. */
  static parse(spec: string, options: { acceptLegacy?: boolean } = {}): Keyring {
    const keys = spec
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part.length > 0)
      .map((part) => {
        const colon = part.indexOf(":");
        if (colon < 1) throw new Error('TIP_KEYS must look like "k1:BASE64KEY[,k0:OLDKEY]"');
        return { id: part.slice(0, colon), key: Buffer.from(part.slice(colon + 1), "base64") };
      });
    return new Keyring(keys, options);
  }

  /** The same keys, reading legacy values too (for rotate-key). */
  withLegacy(): Keyring {
    return new Keyring(
      [...this.keys].map(([id, key]) => ({ id, key })),
      { acceptLegacy: true },
    );
  }

  seal(column: SealedColumn, row: string, plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.keyFor(this.currentId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(column, row));
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return `${FORMAT}.${this.currentId}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
  }

  /** Decrypts a value sealed for this column and row; anything else (moved, altered, truncated, in clear) is refused. */
  open(column: SealedColumn, row: string, stored: string): string {
    const parsed = SEALED_VALUE.exec(stored);
    if (!parsed) {
      if (!this.acceptLegacy) throw new LegacySealedValue(column);
      return stored;
    }
    const [, format, keyId, body] = parsed as unknown as [string, string, string, string];
    if (format === LEGACY_FORMAT && !this.acceptLegacy) throw new LegacySealedValue(column);
    const box = Buffer.from(body, "base64url");
    if (box.length < IV_BYTES + TAG_BYTES) throw new Error(`${column.table}.${column.column}: sealed value too short`);
    const decipher = createDecipheriv("aes-256-gcm", this.keyFor(keyId), box.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(format === LEGACY_FORMAT ? Buffer.from(column.legacyPurpose) : associatedData(column, row));
    decipher.setAuthTag(box.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(box.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  }

  sealOrNull(column: SealedColumn, row: string, plaintext: string | null): string | null {
    return plaintext === null ? null : this.seal(column, row, plaintext);
  }

  openOrNull(column: SealedColumn, row: string, stored: string | null): string | null {
    return stored === null ? null : this.open(column, row, stored);
  }

  /** True when the value is in clear, in the old format, or under a key other than the current one. */
  isStale(stored: string): boolean {
    const parsed = SEALED_VALUE.exec(stored);
    return !parsed || parsed[1] !== FORMAT || parsed[2] !== this.currentId;
  }

  private keyFor(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`data sealed under key "${id}", which TIP_KEYS does not hold`);
    return key;
  }
}

/** True when a stored value is not in the current sealed format (in clear, or v1). */
export function isLegacySealed(stored: string): boolean {
  return !stored.startsWith(`${FORMAT}.`) || !SEALED_VALUE.test(stored);
}

function associatedData(column: SealedColumn, row: string): Buffer {
  return Buffer.from(`${FORMAT}\u0000${column.table}\u0000${column.column}\u0000${row}`);
}
