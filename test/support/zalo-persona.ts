// A person using Zalo, played through the Zalo stand-in: sends what a user
// would send and waits for what the bot shows them. Zalo messages are never
// edited, so "new" simply means a message id not seen before.
import type { ZaloStandIn, ZaloStoredMessage, ZaloUser } from "../../src/dev/zalo-stand-in/index.js";
import { until } from "./wait.js";

function shown(m: ZaloStoredMessage): string {
  return m.text ?? m.caption ?? "";
}

export class ZaloPersona {
  constructor(
    readonly standIn: ZaloStandIn,
    readonly user: ZaloUser,
  ) {}

  static create(standIn: ZaloStandIn, displayName: string, id?: string): ZaloPersona {
    return new ZaloPersona(standIn, standIn.createUser({ displayName, ...(id !== undefined ? { id } : {}) }));
  }

  /** In a private chat the chat id is the user's id. */
  get chatId(): string {
    return this.user.id;
  }

  botMessages(): ZaloStoredMessage[] {
    return this.standIn.botMessages(this.chatId);
  }

  lastBotText(): string {
    const last = this.botMessages().at(-1);
    return last ? shown(last) : "";
  }

  /** The ids of the bot messages shown so far, for waitFor. */
  seen(): Set<string> {
    return new Set(this.botMessages().map((m) => m.message_id));
  }

  /** Waits for a bot message not in `seen` whose text or caption matches `pattern`. */
  async waitFor(pattern: RegExp, seen: Set<string>, timeoutMs = 10_000): Promise<ZaloStoredMessage> {
    return until(
      () => this.botMessages().find((m) => !seen.has(m.message_id) && pattern.test(shown(m))),
      () => `no bot message matching ${pattern} for ${this.user.displayName}; last ones:\n${this.describeLast()}`,
      timeoutMs,
    );
  }

  async say(text: string, expect?: RegExp, timeoutMs = 10_000): Promise<ZaloStoredMessage | undefined> {
    const seen = this.seen();
    this.standIn.sendText(this.user.id, text);
    return expect ? this.waitFor(expect, seen, timeoutMs) : undefined;
  }

  async sendImage(bytes: Uint8Array, caption?: string, expect?: RegExp, timeoutMs = 10_000): Promise<ZaloStoredMessage | undefined> {
    const seen = this.seen();
    this.standIn.sendImage(this.user.id, bytes, caption !== undefined ? { caption } : {});
    return expect ? this.waitFor(expect, seen, timeoutMs) : undefined;
  }

  async sendSticker(expect?: RegExp, timeoutMs = 10_000): Promise<ZaloStoredMessage | undefined> {
    const seen = this.seen();
    this.standIn.sendSticker(this.user.id);
    return expect ? this.waitFor(expect, seen, timeoutMs) : undefined;
  }

  async sendVoice(expect?: RegExp, timeoutMs = 10_000): Promise<ZaloStoredMessage | undefined> {
    const seen = this.seen();
    this.standIn.sendVoice(this.user.id);
    return expect ? this.waitFor(expect, seen, timeoutMs) : undefined;
  }

  async sendUnsupported(expect?: RegExp, timeoutMs = 10_000): Promise<ZaloStoredMessage | undefined> {
    const seen = this.seen();
    this.standIn.sendUnsupported(this.user.id);
    return expect ? this.waitFor(expect, seen, timeoutMs) : undefined;
  }

  private describeLast(): string {
    const last = this.botMessages().slice(-4);
    if (last.length === 0) return "  (the bot has sent nothing to them)";
    return last.map((m) => `  ${JSON.stringify(m.photo ? `[photo ${m.photo}] ${shown(m)}` : shown(m))}`).join("\n");
  }
}

/** Picks a listed choice as a person would: by its number ("1. Gửi" → "1"), or by typing its words without accents. */
export async function choose(persona: ZaloPersona, label: string, expect: RegExp, by: "number" | "words" = "number"): Promise<ZaloStoredMessage | undefined> {
  const numbered = (m: ZaloStoredMessage) => (m.text ?? "").split("\n").find((line) => /^\d+\. /.test(line) && line.includes(label));
  const line = [...persona.botMessages()].reverse().map(numbered).find((l) => l !== undefined);
  const match = line ? /^(\d+)\. (.*)$/.exec(line) : null;
  if (!match) {
    if (by === "words") return persona.say(label, expect);
    throw new Error(`no numbered choice "${label}" for ${persona.user.displayName}; last: ${persona.lastBotText()}`);
  }
  if (by === "number") return persona.say(match[1]!, expect);
  const unaccented = match[2]!.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return persona.say(unaccented, expect);
}
