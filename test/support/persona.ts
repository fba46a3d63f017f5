// A person using Telegram, played through the stand-in's control API: sends
// what a user would send and waits for what the bot shows them.
import type { User } from "grammy/types";
import type { BotApiStandIn } from "../../src/dev/bot-api-stand-in/index.js";
import { until } from "./wait.js";

type Stored = ReturnType<BotApiStandIn["messages"]>[number];

function shown(m: Stored): string {
  return m.text ?? m.caption ?? "";
}

function buttonsOf(m: Stored): { text: string; callback_data?: string }[] {
  const markup = m.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

export class Persona {
  constructor(
    readonly standIn: BotApiStandIn,
    readonly user: User,
    readonly chatId: number,
  ) {}

  /** `started`: they wrote to the bot before the test began (otherwise the bot may not message them until they do). */
  static create(standIn: BotApiStandIn, profile: { first_name: string; last_name?: string; username?: string; id?: number; language_code?: string }, options: { started?: boolean } = {}) {
    const user = standIn.createUser(profile, options);
    return new Persona(standIn, user, user.id);
  }

  /** The same person in another chat (e.g. the police group). */
  in(chatId: number): Persona {
    return new Persona(this.standIn, this.user, chatId);
  }

  botMessages(): Stored[] {
    return this.standIn.messages(this.chatId).filter((m) => m.from_bot && !m.deleted);
  }

  /** The bot's messages this person received here: in a group, none sent after they left or were removed. */
  receivedBotMessages(): Stored[] {
    return this.standIn.messagesSeenBy(this.user.id, this.chatId).filter((m) => m.from_bot && !m.deleted);
  }

  lastBotText(): string {
    const all = this.botMessages();
    const last = all[all.length - 1];
    return last ? shown(last) : "";
  }

  /** What the person sees now: pass it to waitFor to wait for something new. */
  snapshot(): Set<string> {
    return new Set(this.botMessages().map((m) => `${m.message_id}\u0000${shown(m)}`));
  }

  /** Waits for a bot message (new, or an edit) matching `pattern` that was not shown before `seen`. */
  async waitFor(pattern: RegExp, seen: Set<string>, timeoutMs = 10_000): Promise<Stored> {
    return until(
      () => this.botMessages().find((m) => pattern.test(shown(m)) && !seen.has(`${m.message_id}\u0000${shown(m)}`)),
      () => `no bot message matching ${pattern} in chat ${this.chatId}; last ones:\n${this.botMessages().slice(-4).map(shown).join("\n---\n")}`,
      timeoutMs,
    );
  }

  async say(text: string, expect?: RegExp): Promise<Stored | undefined> {
    const seen = this.snapshot();
    this.standIn.sendText(this.user.id, this.chatId, text);
    return expect ? this.waitFor(expect, seen) : undefined;
  }

  async sendPhoto(expect?: RegExp, bytes?: Uint8Array): Promise<Stored | undefined> {
    const seen = this.snapshot();
    this.standIn.sendPhoto(this.user.id, this.chatId, bytes ? { bytes } : {});
    return expect ? this.waitFor(expect, seen) : undefined;
  }

  async sendDocument(fileName: string, bytes: Uint8Array, expect?: RegExp, mimeType = "application/octet-stream"): Promise<Stored | undefined> {
    const seen = this.snapshot();
    this.standIn.sendDocument(this.user.id, this.chatId, { file_name: fileName, mime_type: mimeType, bytes });
    return expect ? this.waitFor(expect, seen) : undefined;
  }

  async sendSticker(expect?: RegExp): Promise<Stored | undefined> {
    const seen = this.snapshot();
    this.standIn.sendSticker(this.user.id, this.chatId);
    return expect ? this.waitFor(expect, seen) : undefined;
  }

  async sendVoice(expect?: RegExp): Promise<Stored | undefined> {
    const seen = this.snapshot();
    this.standIn.sendVoice(this.user.id, this.chatId);
    return expect ? this.waitFor(expect, seen) : undefined;
  }

  async sendLocation(latitude: number, longitude: number, expect?: RegExp): Promise<Stored | undefined> {
    const seen = this.snapshot();
    this.standIn.sendLocation(this.user.id, this.chatId, latitude, longitude);
    return expect ? this.waitFor(expect, seen) : undefined;
  }

  /** Finds the newest bot message with a button whose label matches, and presses it. */
  async tap(label: RegExp | string, expect?: RegExp): Promise<{ answer: { text?: string; show_alert?: boolean }; message?: Stored }> {
    const matches = (text: string) => (typeof label === "string" ? text === label || text.includes(label) : label.test(text));
    const target = await until(
      () => [...this.botMessages()].reverse().find((m) => buttonsOf(m).some((b) => matches(b.text))),
      () => `no button ${String(label)} in chat ${this.chatId}; last: ${this.lastBotText()}`,
    );
    const button = buttonsOf(target).find((b) => matches(b.text));
    if (!button?.callback_data) throw new Error(`button ${String(label)} has no callback data`);
    return this.press(target.message_id, button.callback_data, expect);
  }

  /** Presses a callback button by its raw data (used to forge presses in tests). */
  async press(messageId: number, data: string, expect?: RegExp) {
    const seen = this.snapshot();
    const { callbackQueryId } = this.standIn.pressButton(this.user.id, this.chatId, messageId, data);
    const answer = (await this.standIn.waitForCallbackAnswer(callbackQueryId, 10_000)) as { text?: string; show_alert?: boolean };
    const message = expect ? await this.waitFor(expect, seen) : undefined;
    return { answer, ...(message ? { message } : {}) };
  }

  buttons(message: Stored): string[] {
    return buttonsOf(message).map((b) => b.text);
  }
}
