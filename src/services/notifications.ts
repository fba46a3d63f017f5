// Opt-in notifications for tipsters. The only place a tipster's chat id is
// kept, and only when they asked for it: encrypted (AES-256-GCM), under a key
// that is an HMAC of the tip id, so the table cannot be joined to tips
// without SECRET_PEPPER nor read without NOTIFY_KEY. Deleted when the tip closes.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import type { Database } from "../db.js";
import type { Secrets } from "./secrets.js";
import { upsertRacing } from "./write-races.js";

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
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(String(chatId), "utf8"), cipher.final()]);
    const sealed = Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64");
    const lookupKey = this.lookupKey(tipId);
    await upsertRacing(() =>
      this.db.notificationTarget.upsert({
        where: { lookupKey },
        create: { lookupKey, ciphertext: sealed, keyId: this.keyId },
        update: { ciphertext: sealed, keyId: this.keyId },
      }),
    );
  }

  /** The chat to notify, or null when the tipster did not opt in (or it was forgotten). */
  async target(tipId: string): Promise<string | null> {
    const row = await this.db.notificationTarget.findUnique({ where: { lookupKey: this.lookupKey(tipId) } });
    if (!row || row.keyId !== this.keyId) return null;
    const sealed = Buffer.from(row.ciphertext, "base64");
    const decipher = createDecipheriv("aes-256-gcm", this.key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString("utf8");
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
