// The Zalo channel, bridged into the same bot: Zalo updates become
// Telegram-shaped updates for the same flows, and the flows' Bot API calls for
// Zalo chats ("z:<id>") are answered here with Zalo calls. So each flow has one
// source of questions and validation, whichever app the person uses.
//
// Calls are routed at the HTTP client (grammY's `client.fetch`), the one place
// every Api instance shares, conversations' included: a call for a Zalo chat
// never reaches Telegram, and a Telegram call never reaches Zalo.
import { randomBytes } from "node:crypto";
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.js";
import type { OfferedChoices } from "../../services/offered-choices.js";
import { ZaloApiError, type ZaloApi } from "./api.js";
import {
  type Choice,
  choicesOf,
  isZaloChat,
  photoUrlOf,
  plainText,
  renderChoices,
  splitText,
  toTelegramUpdate,
  ZALO_CHAT_PREFIX,
  zaloChatOf,
  type ZaloUpdate,
} from "./translate.js";

export interface ChoiceHints {
  byNumber(max: number): string;
  byWord(words: string): string;
}

/** What the bridge keeps about offered choices (services/offered-choices.ts). */
export interface ChoiceStore {
  offer(chatId: string, messageId: number, choices: Choice[]): Promise<void>;
  withdraw(chatId: string, messageId?: number): Promise<void>;
  current(chatId: string): Promise<OfferedChoices | null>;
}

const DEFAULT_HINTS: ChoiceHints = {
  byNumber: (max) => `👉 Nhắn số (1–${max}) để chọn.`,
  byWord: (words) => `👉 Nhắn ${words} để chọn.`,
};

/** The bot's own recent texts per message, for edits: Zalo cannot edit, so only what changed is sent. Bounded. */
class RecentTexts {
  private readonly texts = new Map<string, string>();
  constructor(private readonly max = 5_000) {}
  get(chatId: string, messageId: number): string | undefined {
    return this.texts.get(`${chatId}\u0000${messageId}`);
  }
  set(chatId: string, messageId: number, text: string): void {
    const key = `${chatId}\u0000${messageId}`;
    this.texts.delete(key);
    this.texts.set(key, text);
    if (this.texts.size > this.max) this.texts.delete(this.texts.keys().next().value!);
  }
}

/** A Bot API error in Telegram's words, so grammY raises the GrammyError the flows expect (403 = blocked). */
class BotApiAnswerError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(description);
  }
}

type Payload = Record<string, unknown>;

export class ZaloBridge {
  private hints: (botChatId: string) => Promise<ChoiceHints> = () => Promise.resolve(DEFAULT_HINTS);
  private readonly recent = new RecentTexts();
  private callbacks = 0;
  private welcomeChoices: (botChatId: string) => Promise<Choice[]> = () => Promise.resolve([]);

  constructor(
    readonly api: ZaloApi,
    private readonly choices: ChoiceStore,
    private readonly logger: Logger,
  ) {}

  /** The welcome menu's choices in the chat's language: what a typed number means when nothing else is on offer. */
  useWelcomeChoices(choices: (botChatId: string) => Promise<Choice[]>): void {
    this.welcomeChoices = choices;
  }

  /** The hint lines under a list of choices, in the chat's language. */
  useHints(hints: (botChatId: string) => Promise<ChoiceHints>): void {
    this.hints = hints;
  }

  /** grammY's HTTP client: calls for Zalo chats are answered here, the rest go on to Telegram. */
  routingFetch(telegram: typeof fetch): typeof fetch {
    return async (input, init) => {
      const body = init?.body;
      if (typeof body === "string" && body.includes(ZALO_CHAT_PREFIX)) {
        const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        const method = url.slice(url.lastIndexOf("/") + 1);
        const payload = JSON.parse(body) as Payload;
        if (this.isForZalo(method, payload)) return Response.json(await this.answer(method, payload));
      }
      return telegram(input, init);
    };
  }

  private isForZalo(method: string, payload: Payload): boolean {
    if (isZaloChat(payload.chat_id)) return true;
    if (method === "answerCallbackQuery") return isZaloChat(payload.callback_query_id);
    if (method === "getFile") return isZaloChat(payload.file_id);
    return false;
  }

  private async answer(method: string, payload: Payload): Promise<{ ok: true; result: unknown } | { ok: false; error_code: number; description: string }> {
    try {
      return { ok: true, result: await this.call(method, payload) };
    } catch (err) {
      if (err instanceof BotApiAnswerError) return { ok: false, error_code: err.errorCode, description: err.description };
      if (err instanceof ZaloApiError) {
        // Zalo's own words stay in the log; the flows see Telegram's meaning.
        this.logger.warn({ method: err.method, code: err.errorCode }, "Zalo call failed");
        if (err.errorCode === 403) return { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" };
        return { ok: false, error_code: err.errorCode >= 500 ? 502 : 400, description: `Bad Request: Zalo ${err.method} failed (${err.errorCode})` };
      }
      throw err;
    }
  }

  /** One Bot API method for a Zalo chat; the result is what Telegram would return. */
  async call(method: string, p: Payload): Promise<unknown> {
    switch (method) {
      case "sendMessage": {
        const chatId = String(p.chat_id);
        const { choices, links, removesKeyboard } = choicesOf(p.reply_markup);
        if (removesKeyboard) await this.withdrawTextChoices(chatId);
        const text = plainText(typeof p.text === "string" ? p.text : "", p.parse_mode as string | undefined);
        const messageId = await this.send(chatId, [text, ...links].join("\n"), choices);
        this.recent.set(chatId, messageId, text);
        return this.message(chatId, messageId, text);
      }
      case "editMessageText": {
        const chatId = String(p.chat_id);
        const messageId = Number(p.message_id);
        const text = plainText(typeof p.text === "string" ? p.text : "", p.parse_mode as string | undefined);
        const before = this.recent.get(chatId, messageId);
        // "Question\n\n✔️ Answer" after "Question": only the answer is news.
        const news = before !== undefined && text.startsWith(before) ? text.slice(before.length).trim() : text;
        const { choices, links } = choicesOf(p.reply_markup);
        await this.choices.withdraw(chatId, messageId);
        await this.send(chatId, [news, ...links].filter(Boolean).join("\n"), choices, messageId);
        this.recent.set(chatId, messageId, text);
        return this.message(chatId, messageId, text);
      }
      case "editMessageReplyMarkup": {
        const chatId = String(p.chat_id);
        const messageId = Number(p.message_id);
        const { choices } = choicesOf(p.reply_markup);
        await this.choices.withdraw(chatId, messageId);
        if (choices.length > 0) await this.send(chatId, "", choices, messageId);
        return this.message(chatId, messageId, this.recent.get(chatId, messageId) ?? "");
      }
      case "deleteMessage":
        await this.choices.withdraw(String(p.chat_id), Number(p.message_id));
        return true;
      case "answerCallbackQuery": {
        // Telegram shows this as a passing toast; on Zalo it is a message, and only when there is something to say.
        const text = typeof p.text === "string" ? p.text.trim() : "";
        if (text) await this.sendText(chatOfCallback(String(p.callback_query_id)), text);
        return true;
      }
      case "sendChatAction":
        await this.api.call("sendChatAction", { chat_id: zaloChatOf(String(p.chat_id)), action: p.action === "upload_photo" ? "upload_photo" : "typing" });
        return true;
      case "getFile": {
        const fileId = String(p.file_id);
        const url = photoUrlOf(fileId);
        if (!url) throw new BotApiAnswerError(400, "Bad Request: invalid file_id");
        // An absolute address: photos.ts downloads it as it is.
        return { file_id: fileId, file_unique_id: fileId.slice(-16), file_path: url };
      }
      case "setMessageReaction":
      case "pinChatMessage":
      case "unpinChatMessage":
        return true;
      default:
        throw new BotApiAnswerError(400, `Bad Request: ${method} is not available on Zalo`);
    }
  }

  /** A Zalo update as the bot's flows understand it; null when it is nothing for them. */
  async toUpdate(update: ZaloUpdate): Promise<Update | null> {
    const zaloChat = update.message?.chat.id;
    if (!zaloChat) return null;
    const chatId = `${ZALO_CHAT_PREFIX}${zaloChat}`;
    // Nothing on offer: the welcome menu's choices, which are never stored.
    const current = (await this.choices.current(chatId)) ?? { messageId: WELCOME_MESSAGE_ID, choices: await this.welcomeChoices(chatId) };
    const callbackId = `${ZALO_CHAT_PREFIX}${zaloChat}:${++this.callbacks}${randomBytes(3).toString("hex")}`;
    return toTelegramUpdate(update, { current, callbackId });
  }

  /** Sends text with its choices under it (split to Zalo's limit); the choices are kept for the typed answer. */
  private async send(chatId: string, text: string, choices: Choice[], messageId = this.nextMessageId()): Promise<number> {
    const list = choices.length > 0 ? renderChoices(choices, await this.hints(chatId)) : "";
    const whole = [text.trim(), list].filter(Boolean).join("\n\n");
    if (whole) await this.sendText(chatId, whole);
    // The welcome menu is the same for everyone: kept nowhere (a row written right after a tip would date the chat's tip).
    if (isWelcomeMenu(choices)) await this.choices.withdraw(chatId);
    else if (choices.length > 0) await this.choices.offer(chatId, messageId, choices);
    return messageId;
  }

  private async sendText(chatId: string, text: string): Promise<void> {
    for (const piece of splitText(text)) await this.api.call("sendMessage", { chat_id: zaloChatOf(chatId), text: piece });
  }

  /** A reply keyboard taken away (remove_keyboard): its typed choices go with it. */
  private async withdrawTextChoices(chatId: string): Promise<void> {
    const current = await this.choices.current(chatId);
    if (current?.choices.some((c) => c.kind === "text")) await this.choices.withdraw(chatId, current.messageId);
  }

  /** Random (48 bits): unique enough across restarts and instances, and telling nothing of when it was sent. */
  private nextMessageId(): number {
    return randomBytes(6).readUIntBE(0, 6) + 1;
  }

  private message(chatId: string, messageId: number, text: string) {
    return { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private", first_name: "Zalo" }, text };
  }
}

/** The bot message id the welcome menu's typed choices answer: any number will do, the menu's handlers do not check it. */
const WELCOME_MESSAGE_ID = 1;

/** The welcome's buttons (start.ts): "menu:…" data only. */
function isWelcomeMenu(choices: Choice[]): boolean {
  return choices.length > 0 && choices.every((c) => c.kind === "callback" && c.value.startsWith("menu:"));
}

function chatOfCallback(callbackId: string): string {
  const rest = callbackId.slice(ZALO_CHAT_PREFIX.length);
  return `${ZALO_CHAT_PREFIX}${rest.slice(0, rest.lastIndexOf(":"))}`;
}
