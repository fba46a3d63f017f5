// For chats without buttons (Zalo): the choices the bot last offered in a chat,
// so that a typed "2" or "gửi" still means the right thing after a restart or
// on another instance. One row per chat, keyed by the chat's keyed hash; the
// message id and the bot's own labels and button data (never what a person
// wrote; button data can carry an invite token) sealed like flow state; only
// the UTC day in clear. A resident's choices go when their flow ends or is swept
// (conversation-store.ts); the welcome menu is never stored (the bridge falls
// back to it); what is left (a quarter head's prompt) is kept two days.
import { type Database, eraseDeleted } from "../db.js";
import type { Clock } from "./clock.js";
import { type Keyring, SEALED } from "./keyring.js";
import type { Secrets } from "./secrets.js";
import { upsertRacing } from "./write-races.js";

export interface OfferedChoice {
  label: string;
  kind: "callback" | "text";
  value: string;
}

export interface OfferedChoices {
  messageId: number;
  choices: OfferedChoice[];
}

const KEPT_DAYS = 2;

/** "YYYY-MM-DD" of a moment, in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export class OfferedChoiceStore {
  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly keyring: Keyring,
  ) {}

  async offer(chatId: string, messageId: number, choices: OfferedChoice[]): Promise<void> {
    const chatKey = this.secrets.chatKey(chatId);
    const data = { value: this.keyring.seal(SEALED.offeredChoices, chatKey, JSON.stringify({ messageId, choices })), offeredOn: utcDay(this.clock()) };
    await upsertRacing(() => this.db.offeredChoice.upsert({ where: { chatKey }, create: { chatKey, ...data }, update: data }));
  }

  /** Takes the chat's choices away: all of them, or only if they are still those of `messageId`. */
  async withdraw(chatId: string, messageId?: number): Promise<void> {
    const chatKey = this.secrets.chatKey(chatId);
    if (messageId === undefined) {
      await this.db.offeredChoice.deleteMany({ where: { chatKey } });
      return;
    }
    const row = await this.db.offeredChoice.findUnique({ where: { chatKey } });
    if (row && this.unseal(chatKey, row.value).messageId === messageId) await this.db.offeredChoice.deleteMany({ where: { chatKey, value: row.value } });
  }

  /** The choices still on offer in the chat. */
  async current(chatId: string): Promise<OfferedChoices | null> {
    const chatKey = this.secrets.chatKey(chatId);
    const row = await this.db.offeredChoice.findUnique({ where: { chatKey } });
    if (!row || row.offeredOn < this.oldestKeptDay()) return null;
    return this.unseal(chatKey, row.value);
  }

  async forgetOld(): Promise<number> {
    const { count } = await this.db.offeredChoice.deleteMany({ where: { offeredOn: { lt: this.oldestKeptDay() } } });
    if (count > 0) await eraseDeleted(this.db);
    return count;
  }

  private oldestKeptDay(): string {
    return utcDay(new Date(this.clock().getTime() - KEPT_DAYS * 86_400_000));
  }

  private unseal(chatKey: string, value: string): OfferedChoices {
    return JSON.parse(this.keyring.open(SEALED.offeredChoices, chatKey, value)) as OfferedChoices;
  }
}
