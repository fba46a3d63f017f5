// Opt-in notifications for tipsters. The only place a tipster's chat id is
// kept, and only when they asked for it: encrypted (AES-256-GCM, bound to its
// row), under a key that is an HMAC of the tip id, so the table cannot be
// joined to tips without SECRET_PEPPER nor read without NOTIFY_KEY. No time is
// kept, and each opt-in is written among the other rows in random order
// (unordered-writes.ts), so neither a timestamp nor the rows' order pairs a
// target with the tip filed just before it. Deleted when the tip closes.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import type { Database } from "../db.js";
import type { Secrets } from "./secrets.js";
import { type UnorderedTable, writeAmongOthers } from "./unordered-writes.js";

const FORMAT = "n2.";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** How many other targets each opt-in is written among. */
const COVER = 1000;

interface TargetRow {
  lookupKey: string;
  ciphertext: string;
  keyId: string;
}

const targets: UnorderedTable<TargetRow> = {
  sample: async (tx, count, exceptKeys) => {
    const rows = await tx.$queryRaw<TargetRow[]>`SELECT "lookupKey", "ciphertext", "keyId" FROM "NotificationTarget" ORDER BY random() LIMIT ${count + exceptKeys.length}`;
    return rows.filter((row) => !exceptKeys.includes(row.lookupKey)).slice(0, count);
  },
  keyOf: (row) => row.lookupKey,
  deleteKeys: (tx, keys) => tx.notificationTarget.deleteMany({ where: { lookupKey: { in: keys } } }),
  insert: (tx, rows) => tx.notificationTarget.createMany({ data: rows }),
};

export class NotificationService {
  readonly keyId: string;

  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
    private readonly key: Buffer,
  ) {
    if (key.length !== 32) throw new Error("NOTIFY_KEY must be 32 bytes (base64)");
    // Identifies the key without revealing it, for rotation.
    this.keyId = createHash("sha256").update(key).digest("base64url").slice(0, 8);
  }

  private lookupKey(tipId: string): string {
    return this.secrets.keyedHash("notify", tipId);
  }

  async optIn(tipId: string, chatId: number | string): Promise<void> {
    const lookupKey = this.lookupKey(tipId);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(lookupKey));
    const ciphertext = Buffer.concat([cipher.update(String(chatId), "utf8"), cipher.final()]);
    const sealed = `${FORMAT}${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
    await writeAmongOthers(this.db, targets, [{ lookupKey, ciphertext: sealed, keyId: this.keyId }], COVER);
  }

  /** The chat to notify, or null when the tipster did not opt in (or it was forgotten). */
  async target(tipId: string): Promise<string | null> {
    const lookupKey = this.lookupKey(tipId);
    const row = await this.db.notificationTarget.findUnique({ where: { lookupKey } });
    if (!row || row.keyId !== this.keyId) return null;
    return this.open(lookupKey, row.ciphertext);
  }

  /** Decrypts a target; the format before n2 bound no row (read only until its tip closes). */
  open(lookupKey: string, stored: string): string {
    const current = stored.startsWith(FORMAT);
    const box = Buffer.from(current ? stored.slice(FORMAT.length) : stored, current ? "base64url" : "base64");
    if (box.length < IV_BYTES + TAG_BYTES) throw new Error("notification target too short");
    const decipher = createDecipheriv("aes-256-gcm", this.key, box.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    if (current) decipher.setAAD(Buffer.from(lookupKey));
    decipher.setAuthTag(box.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(box.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  }

  async forget(tipId: string): Promise<void> {
    await this.forgetTips([tipId]);
  }

  /** Returns how many of these tips still had a way to reach their tipster. */
  async forgetTips(tipIds: string[]): Promise<number> {
    const { count } = await this.db.notificationTarget.deleteMany({ where: { lookupKey: { in: tipIds.map((id) => this.lookupKey(id)) } } });
    return count;
  }
}
