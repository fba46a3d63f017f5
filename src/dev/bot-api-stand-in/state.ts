// The stand-in's world: users, chats, memberships, every chat's messages,
// files and the update queue, and how a stored message looks on the wire.
import { EventEmitter } from "node:events";
import type { Chat, ChatMember, Message, Update, User, UserFromGetMe } from "grammy/types";
import { badRequest, ControlError } from "./errors.js";
import { FileStore } from "./files.js";
import { ChatRateLimiter, SendRateLimiter } from "./rate-limit.js";
import { UpdateQueue } from "./updates.js";
import type { WebhookPusher } from "../webhook-pusher.js";
import { telegramWebhookPusher } from "./webhook.js";
import type { AdminRights, ApiCall, ApiErrorBody, CallbackAnswer, MemberStatus, ReplyMarkup, StoredMessage } from "./types.js";

/**
 * Telegram does not document how long a press can wait for its answer; bots
 * see "query is too old and response timeout expired" after some 10–20 s (a
 * slow handler, updates handled after a restart). The stand-in refuses answers
 * given more than 15 s after the press, by its clock.
 */
export const CALLBACK_ANSWER_WINDOW_MS = 15_000;

/** Telegram's getFile serves files up to 20 MB to bots (Bot API, getFile). */
export const GET_FILE_MAX_BYTES = 20 * 1024 * 1024;

type NewMessage = Omit<StoredMessage, "message_id" | "chat_id" | "date" | "edited" | "deleted">;

interface ChatLog {
  list: StoredMessage[];
  byId: Map<number, StoredMessage>;
  nextId: number;
}

// Fixed files behind every sticker and voice note users send.
const STICKER = { file_id: "CAACAgIAAxkBAAEstand-in-sticker", file_unique_id: "AgADstand-in-sticker" };
const VOICE = { file_id: "AwACAgIAAxkBAAEstand-in-voice", file_unique_id: "AgADstand-in-voice" };

export class StandInState {
  /**
   * "message", "edit", "delete" (StoredMessage): every message stored (users'
   * and the bot's), edited or deleted; "update" (Update): every update queued.
   */
  readonly events = new EventEmitter();
  readonly files = new FileStore();
  readonly updates: UpdateQueue;
  readonly webhook: WebhookPusher<Update>;
  readonly calls: ApiCall[] = [];
  readonly users = new Map<number, User>();
  readonly chats = new Map<number, Chat>();
  /** Status of each member (the bot included) of each group. */
  readonly members = new Map<number, Map<number, MemberStatus>>();
  /** Users who blocked the bot. */
  readonly blocked = new Set<number>();
  /**
   * Users who wrote to the bot in private (a /start, any message): only they
   * can be messaged; Telegram answers 403 "bot can't initiate conversation
   * with a user" to the rest.
   */
  readonly started = new Set<number>();
  /** Rights an administrator was given other than all of them, by "chatId:userId". */
  readonly rights = new Map<string, AdminRights>();
  /** Groups upgraded to a supergroup: old id → the supergroup's id. */
  readonly upgraded = new Map<number, number>();
  readonly faults = new Map<string, { error: ApiErrorBody; times: number; match?: (params: Record<string, unknown>) => boolean }[]>();
  /** Calls held back for `ms` (see BotApiStandIn.holdCalls); dropped if the client died meanwhile. */
  readonly holds: { method: string; match: (params: Record<string, unknown>) => boolean; ms: number; times: number }[] = [];
  readonly commands = new Map<string, unknown[]>();
  /** Telegram's global send limit, when one is set (see rate-limit.ts). */
  readonly rateLimit = new SendRateLimiter();
  /** Telegram's per-chat limits, when on (see rate-limit.ts). */
  readonly chatRateLimit = new ChatRateLimiter();
  readonly menuButtons = new Map<number | "default", unknown>();
  /** The reply keyboard each chat shows, from the bot's last message that set or removed one. */
  readonly keyboards = new Map<number, ReplyMarkup>();
  private readonly logs = new Map<number, ChatLog>();
  private readonly answers = new Map<string, CallbackAnswer | null>();
  /** When each button was pressed (the stand-in's clock): answers come too late after CALLBACK_ANSWER_WINDOW_MS. */
  private readonly pressedAt = new Map<string, number>();
  /** How long after a press Telegram still takes its answer (see StandInOptions.callbackAnswerWindowMs). */
  callbackAnswerWindowMs = CALLBACK_ANSWER_WINDOW_MS;
  private readonly answerWaiters = new Map<string, (answer: CallbackAnswer) => void>();
  private nextCallback = 1;

  constructor(
    readonly botInfo: UserFromGetMe,
    private readonly clock: () => number | Date,
    firstUpdateId = 1,
  ) {
    this.events.setMaxListeners(0);
    this.updates = new UpdateQueue(firstUpdateId);
    this.webhook = telegramWebhookPusher(this.updates);
  }

  nowMs(): number {
    const now = this.clock();
    return typeof now === "number" ? now : now.getTime();
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** The bot as it appears in `from` (getMe's extra fields left out). */
  get botUser(): User {
    const { id, is_bot, first_name, last_name, username } = this.botInfo;
    return { id, is_bot, first_name, ...(last_name !== undefined ? { last_name } : {}), ...(username !== undefined ? { username } : {}) };
  }

  // ---- people and chats -----------------------------------------------------

  user(id: number): User {
    const user = this.users.get(id);
    if (!user) throw new ControlError(`unknown user ${id}: create it with createUser first`);
    return user;
  }

  /** A chat, or Telegram's "chat not found". */
  chat(id: unknown): Chat {
    const chat = typeof id === "number" || typeof id === "string" ? this.chats.get(Number(id)) : undefined;
    if (!chat) throw badRequest(id === undefined || id === "" ? "chat_id is empty" : "chat not found");
    return chat;
  }

  memberStatus(chatId: number, userId: number): MemberStatus {
    const chat = this.chat(chatId);
    if (chat.type === "private") {
      if (userId === this.botInfo.id) return this.blocked.has(chatId) ? "kicked" : "member";
      return userId === chatId ? "member" : "left";
    }
    return this.members.get(chatId)?.get(userId) ?? "left";
  }

  /** Whether an administrator (or the owner) holds a right; plain members hold none. */
  hasRight(chatId: number, userId: number, right: keyof AdminRights): boolean {
    const status = this.memberStatus(chatId, userId);
    if (status === "creator") return true;
    return status === "administrator" && this.rights.get(`${chatId}:${userId}`)?.[right] !== false;
  }

  chatMember(chatId: number, userId: number): ChatMember {
    const user = userId === this.botInfo.id ? this.botUser : this.users.get(userId);
    if (!user) throw badRequest("user not found");
    const status = this.memberStatus(chatId, userId);
    const isBot = userId === this.botInfo.id;
    switch (status) {
      case "creator":
        return { status, user, is_anonymous: false };
      case "administrator":
        return {
          status,
          user,
          can_be_edited: false,
          is_anonymous: false,
          can_manage_chat: true,
          can_delete_messages: true,
          can_manage_video_chats: true,
          can_restrict_members: true,
          can_promote_members: !isBot,
          can_change_info: true,
          can_invite_users: true,
          can_post_stories: true,
          can_edit_stories: true,
          can_delete_stories: true,
          can_pin_messages: true,
          can_manage_topics: false,
          can_send_welcome_messages: true,
          ...this.rights.get(`${chatId}:${userId}`),
        };
      case "kicked":
        return { status, user, until_date: 0 };
      default:
        return { status, user };
    }
  }

  /**
   * Changes the bot's own status in a chat (in a private chat: "kicked" is
   * blocked) and tells the bot with a my_chat_member update, as Telegram does.
   */
  setBotStatus(chatId: number, status: MemberStatus, by: User): void {
    const chat = this.chat(chatId);
    const old = this.chatMember(chatId, this.botInfo.id);
    if (chat.type === "private") {
      if (status === "kicked") this.blocked.add(chatId);
      else this.blocked.delete(chatId);
    } else {
      const members = this.members.get(chatId) ?? new Map<number, MemberStatus>();
      members.set(this.botInfo.id, status);
      this.members.set(chatId, members);
    }
    const now = this.chatMember(chatId, this.botInfo.id);
    if (old.status === now.status) return;
    this.enqueue({ my_chat_member: { chat, from: by, date: this.nowSeconds(), old_chat_member: old, new_chat_member: now } });
  }

  // ---- messages -------------------------------------------------------------

  private log(chatId: number): ChatLog {
    let log = this.logs.get(chatId);
    if (!log) {
      log = { list: [], byId: new Map(), nextId: 1 };
      this.logs.set(chatId, log);
    }
    return log;
  }

  messages(chatId: number): StoredMessage[] {
    return [...(this.logs.get(chatId)?.list ?? [])];
  }

  message(chatId: number, messageId: number): StoredMessage | undefined {
    const message = this.logs.get(chatId)?.byId.get(messageId);
    return message && !message.deleted ? message : undefined;
  }

  store(chatId: number, fields: NewMessage): StoredMessage {
    const log = this.log(chatId);
    const message: StoredMessage = { message_id: log.nextId++, chat_id: chatId, date: this.nowSeconds(), edited: false, deleted: false, ...fields };
    // A group's message reaches those in it now; whoever left or was removed gets nothing more.
    const members = this.members.get(chatId);
    if (members && this.chats.get(chatId)?.type !== "private") {
      message.recipients = [...members].filter(([id, status]) => id !== this.botInfo.id && status !== "left" && status !== "kicked").map(([id]) => id);
    }
    log.list.push(message);
    log.byId.set(message.message_id, message);
    this.events.emit("message", message);
    return message;
  }

  edited(message: StoredMessage): void {
    message.edited = true;
    message.edit_date = this.nowSeconds();
    this.events.emit("edit", message);
  }

  deleted(message: StoredMessage): void {
    message.deleted = true;
    this.events.emit("delete", message);
  }

  enqueue(update: Omit<Update, "update_id">): Update | null {
    const queued = this.updates.push(update);
    if (queued) this.events.emit("update", queued);
    return queued;
  }

  /** A stored message as Telegram sends it. */
  toMessage(m: StoredMessage, withReply = true): Message {
    const out: Record<string, unknown> = {
      message_id: m.message_id,
      from: m.from_bot ? this.botUser : m.from,
      chat: this.chat(m.chat_id),
      date: m.date,
    };
    if (m.sender_chat) out.sender_chat = m.sender_chat;
    if (m.edit_date !== undefined) out.edit_date = m.edit_date;
    if (m.forward_origin) out.forward_origin = m.forward_origin;
    if (withReply && m.reply_to_message_id !== undefined) {
      const original = this.logs.get(m.chat_id)?.byId.get(m.reply_to_message_id);
      if (original && !original.deleted) out.reply_to_message = this.toMessage(original, false);
    }
    if (m.media_group_id !== undefined) out.media_group_id = m.media_group_id;
    if (m.migrate_to_chat_id !== undefined) out.migrate_to_chat_id = m.migrate_to_chat_id;
    if (m.migrate_from_chat_id !== undefined) out.migrate_from_chat_id = m.migrate_from_chat_id;
    if (m.text !== undefined) {
      out.text = m.text;
      if (m.entities?.length) out.entities = m.entities;
    }
    if (m.photo) out.photo = m.photo;
    if (m.document) out.document = m.document;
    if (m.location) out.location = m.location;
    if (m.contact) out.contact = m.contact;
    if (m.sticker) out.sticker = { ...STICKER, type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "🙂" };
    if (m.voice) out.voice = { ...VOICE, duration: 3, mime_type: "audio/ogg", file_size: 4096 };
    if (m.video) out.video = { file_id: "BAACAgUAAxkBAAIvideo", file_unique_id: "AgADvideo", width: 640, height: 360, duration: 5, mime_type: "video/mp4", file_size: 200_000 };
    if (m.forwardedFromChannel) {
      const channel = { id: -1001999000001, type: "channel", title: m.forwardedFromChannel.title };
      out.forward_origin = { type: "channel", chat: channel, message_id: m.forwardedFromChannel.messageId, date: m.date - 60 };
    }
    if (m.caption !== undefined && m.text === undefined) {
      out.caption = m.caption;
      if (m.entities?.length) out.caption_entities = m.entities;
    }
    // Only inline keyboards belong to a message; reply keyboards belong to the chat.
    if (m.reply_markup && "inline_keyboard" in m.reply_markup) out.reply_markup = m.reply_markup;
    // Built field by field above; the shape matches Message for every kind stored here.
    return out as unknown as Message;
  }

  // ---- callback queries -----------------------------------------------------

  newCallbackQueryId(): string {
    const id = `${this.botInfo.id}${String(this.nextCallback++).padStart(8, "0")}`;
    this.answers.set(id, null);
    this.pressedAt.set(id, this.nowMs());
    return id;
  }

  /** False when the id is unknown, already answered or the press is too old (Telegram refuses all three). */
  answerCallback(answer: CallbackAnswer): boolean {
    if (this.answers.get(answer.callback_query_id) !== null) return false;
    const pressed = this.pressedAt.get(answer.callback_query_id);
    if (pressed !== undefined && this.nowMs() - pressed > this.callbackAnswerWindowMs) return false;
    this.answers.set(answer.callback_query_id, answer);
    this.answerWaiters.get(answer.callback_query_id)?.(answer);
    this.answerWaiters.delete(answer.callback_query_id);
    return true;
  }

  waitForCallbackAnswer(callbackQueryId: string, timeoutMs: number): Promise<CallbackAnswer> {
    const done = this.answers.get(callbackQueryId);
    if (done) return Promise.resolve(done);
    if (done === undefined) return Promise.reject(new ControlError(`no callback query ${callbackQueryId}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.answerWaiters.delete(callbackQueryId);
        reject(new ControlError(`callback query ${callbackQueryId} was not answered within ${timeoutMs} ms`));
      }, timeoutMs);
      this.answerWaiters.set(callbackQueryId, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  }

  // ---- reset ----------------------------------------------------------------

  /** Forgets everything but users and their (now empty) private chats. */
  reset(): void {
    for (const [id, chat] of this.chats) if (chat.type !== "private") this.chats.delete(id);
    this.members.clear();
    this.blocked.clear();
    this.rights.clear();
    this.upgraded.clear();
    this.logs.clear();
    this.files.clear();
    // Update ids keep counting up, so a bot that keeps polling stays in step.
    this.updates.drop();
    this.calls.length = 0;
    this.faults.clear();
    this.holds.length = 0;
    this.rateLimit.clear();
    this.chatRateLimit.clear();
    this.commands.clear();
    this.menuButtons.clear();
    this.keyboards.clear();
    this.webhook.stop();
    this.answers.clear();
    this.pressedAt.clear();
  }
}
