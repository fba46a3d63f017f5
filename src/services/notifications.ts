// Opt-in notifications for tipsters. The only place a tipster's chat id is
// kept, and only when they asked for it: encrypted (AES-256-GCM, bound to its
// row), under a key that is an HMAC of the tip id, so the table cannot be
// joined to tips without SECRET_PEPPER nor read without NOTIFY_KEY. No time is
// kept, and each opt-in is written among the other rows in random order
// (unordered-writes.ts), so neither a timestamp nor the rows' order pairs a
// target with the tip filed just before it. Deleted when the tip closes.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { type Database, eraseDeleted } from "../db.js";
import { DEFAULT_NOTIFY_HOURS, nextNotifyBatch } from "../domain/notify-batches.js";
import type { Clock } from "./clock.js";
import type { JobService } from "./jobs.js";
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

export const notificationTargets: UnorderedTable<TargetRow> = {
  name: "NotificationTarget",
  sample: async (tx, count, exceptKeys) => {
    const rows = await tx.$queryRaw<TargetRow[]>`SELECT "lookupKey", "ciphertext", "keyId" FROM "NotificationTarget" ORDER BY random() LIMIT ${count + exceptKeys.length}`;
    return rows.filter((row) => !exceptKeys.includes(row.lookupKey)).slice(0, count);
  },
  keyOf: (row) => row.lookupKey,
  deleteKeys: (tx, keys) => tx.notificationTarget.deleteMany({ where: { lookupKey: { in: keys } } }),
  insert: (tx, rows) => tx.notificationTarget.createMany({ data: rows }),
};

/** Decrypts a target with NOTIFY_KEY; the format before n2 bound no row (read only until its tip closes). */
export function openNotificationTarget(key: Buffer, lookupKey: string, stored: string): string {
  const current = stored.startsWith(FORMAT);
  const box = Buffer.from(current ? stored.slice(FORMAT.length) : stored, current ? "base64url" : "base64");
  if (box.length < IV_BYTES + TAG_BYTES) throw new Error("notification target too short");
  const decipher = createDecipheriv("aes-256-gcm", key, box.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  if (current) decipher.setAAD(Buffer.from(lookupKey));
  decipher.setAuthTag(box.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(box.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}

export type TipsterEvent = "question" | "closed";

/** Sends a notice to a tipster's chat, silently (no sound). Throws when Telegram refuses. */
export type TipsterMessenger = (chatId: string, event: TipsterEvent) => Promise<void>;

export class NotificationService {
  readonly keyId: string;
  private messenger: TipsterMessenger | null = null;

  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
    private readonly key: Buffer,
    private readonly jobs: JobService,
    private readonly clock: Clock,
    private readonly batchHours: readonly number[] = DEFAULT_NOTIFY_HOURS,
  ) {
    if (key.length !== 32) throw new Error("NOTIFY_KEY must be 32 bytes (base64)");
    // Identifies the key without revealing it, for rotation.
    this.keyId = createHash("sha256").update(key).digest("base64url").slice(0, 8);
    jobs.register("tipster.notify", (_job, p) => this.deliver(String(p.tipId), p.event === "closed" ? "closed" : "question"));
  }

  useMessenger(messenger: TipsterMessenger): void {
    this.messenger = messenger;
  }

  /**
   * Tells the tipster (if they opted in) that an officer asked something or
   * closed the tip — at the ward's next notice time, not now: the officer
   * does not pick the moment the phone lights up. Questions of one batch make
   * one notice. Nothing is written for a tipster who did not opt in.
   */
  async notifyLater(tipId: string, event: TipsterEvent): Promise<void> {
    const tip = await this.db.tip.findUnique({ where: { id: tipId }, select: { wardId: true, ward: { select: { timezone: true } } } });
    if (!tip) return;
    // Whether they opted in is not visible in the job: it is planned either way and finds no target at send time.
    const dueAt = nextNotifyBatch(this.clock(), tip.ward.timezone, this.batchHours);
    const key = event === "closed" ? `tipster.notify:${tipId}:closed` : `tipster.notify:${tipId}:question:${dueAt.toISOString()}`;
    await this.jobs.schedule({ wardId: tip.wardId, key, kind: "tipster.notify", dueAt, payload: { tipId, event } });
  }

  private async deliver(tipId: string, event: TipsterEvent): Promise<void> {
    const chatId = await this.target(tipId);
    // Forgotten before sending: a notice that cannot go (the bot blocked, the account gone) must not leave the chat id behind.
    if (event === "closed") await this.forget(tipId);
    if (chatId) await this.messenger?.(chatId, event);
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
    await writeAmongOthers(this.db, notificationTargets, [{ lookupKey, ciphertext: sealed, keyId: this.keyId }], COVER);
  }

  /** The chat to notify, or null when the tipster did not opt in (or it was forgotten). */
  async target(tipId: string): Promise<string | null> {
    const lookupKey = this.lookupKey(tipId);
    const row = await this.db.notificationTarget.findUnique({ where: { lookupKey } });
    if (!row || row.keyId !== this.keyId) return null;
    return this.open(lookupKey, row.ciphertext);
  }

  open(lookupKey: string, stored: string): string {
    return openNotificationTarget(this.key, lookupKey, stored);
  }

  async forget(tipId: string): Promise<void> {
    await this.forgetTips([tipId]);
  }

  /** Returns how many of these tips still had a way to reach their tipster. */
  async forgetTips(tipIds: string[]): Promise<number> {
    const { count } = await this.db.notificationTarget.deleteMany({ where: { lookupKey: { in: tipIds.map((id) => this.lookupKey(id)) } } });
    if (count > 0) await eraseDeleted(this.db);
    return count;
  }
}
