// For chats without buttons (Zalo): the choices the bot offered under each of
// its messages, so that a typed "2" or "gửi" still means the right thing after a
// restart or on another instance. Keyed by the chat's keyed hash, never its id;
// only the bot's own labels and button data are kept (never what a person
// wrote), sealed like flow state (button data can carry an invite token), for two days.
import type { Database } from "../db.js";
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
  sentAt: Date;
  choices: OfferedChoice[];
}

const KEPT_MS = 2 * 86_400_000;

export class OfferedChoiceStore {
  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly keyring: Keyring,
  ) {}

  async offer(chatId: string, messageId: number, choices: OfferedChoice[]): Promise<void> {
    const chatKey = this.secrets.chatKey(chatId);
    const id = { chatKey, messageId: String(messageId) };
    const data = { choices: this.keyring.seal(SEALED.offeredChoices, JSON.stringify(choices)), sentAt: this.clock() };
    await upsertRacing(() => this.db.offeredChoice.upsert({ where: { chatKey_messageId: id }, create: { ...id, ...data }, update: data }));
  }

  async withdraw(chatId: string, messageId?: number): Promise<void> {
    const chatKey = this.secrets.chatKey(chatId);
    await this.db.offeredChoice.deleteMany({ where: messageId === undefined ? { chatKey } : { chatKey, messageId: String(messageId) } });
  }

  /** The latest choices still on offer in the chat. */
  async current(chatId: string): Promise<OfferedChoices | null> {
    const row = await this.db.offeredChoice.findFirst({
      where: { chatKey: this.secrets.chatKey(chatId), sentAt: { gte: new Date(this.clock().getTime() - KEPT_MS) } },
      // Ties (a stopped test clock) go to the later message.
      orderBy: [{ sentAt: "desc" }, { messageId: "desc" }],
    });
    if (!row) return null;
    return { messageId: Number(row.messageId), sentAt: row.sentAt, choices: JSON.parse(this.keyring.open(SEALED.offeredChoices, row.choices)) as OfferedChoice[] };
  }

  async forgetOld(): Promise<number> {
    const { count } = await this.db.offeredChoice.deleteMany({ where: { sentAt: { lt: new Date(this.clock().getTime() - KEPT_MS) } } });
    return count;
  }
}
