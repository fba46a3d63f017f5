// A local stand-in for the Telegram Bot API: an HTTP server speaking the
// subset of methods a grammY bot uses, with private chats and groups, and a
// control API that plays users (send text, photos, locations, press buttons)
// and reads back what the bot did. grammY, the runner, conversations and
// auto-retry run against it unchanged. Used by `npm start` without a token,
// by every end-to-end test, the web simulator and benchmarks.
import type { EventEmitter } from "node:events";
import type { BotCommand, Chat, Message, ReplyKeyboardMarkup, User, UserFromGetMe } from "grammy/types";
import { Control } from "./control.js";
import { ControlError, LOSE_RESPONSE } from "./errors.js";
import { imageSize, TINY_JPEG } from "./files.js";
import { BotApiMethods } from "./methods.js";
import type { ChatLimits, RateLimitStats, SendRateLimit } from "./rate-limit.js";
import { StandInServer } from "./server.js";
import { StandInState } from "./state.js";
import type { AdminRights, ApiCall, ApiErrorBody, CallbackAnswer, InlineButton, MemberStatus, StandInOptions, StoredMessage, UserProfile } from "./types.js";

type NewContent = Omit<StoredMessage, "message_id" | "chat_id" | "date" | "edited" | "deleted" | "from_bot" | "from">;

/** Marks a fault that closes the connection instead of answering. */
export const DROP_CONNECTION: ApiErrorBody = { error_code: 0, description: "connection dropped" };

/** The sender Telegram puts on messages an anonymous group admin posts as the group. */
export const GROUP_ANONYMOUS_BOT: User = { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" };

export class BotApiStandIn {
  readonly botInfo: UserFromGetMe;
  private readonly s: StandInState;
  private readonly server: StandInServer;
  private nextUserId = 100_001;
  private nextGroup = 1;

  constructor(options: StandInOptions = {}) {
    this.botInfo = {
      id: 1_000_000_001,
      is_bot: true,
      first_name: "Tổ Dân Bot",
      username: "to_dan_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      ...options.botInfo,
    } as UserFromGetMe;
    this.s = new StandInState(this.botInfo, options.now ?? Date.now, options.firstUpdateId);
    this.s.rateLimit.set(options.sendRateLimit);
    this.s.chatRateLimit.set(options.chatRateLimits ?? "off");
    if (options.callbackAnswerWindowMs !== undefined) this.s.callbackAnswerWindowMs = options.callbackAnswerWindowMs;
    const methods = new BotApiMethods(this.s);
    this.server = new StandInServer(this.s, methods, new Control(this), {
      ...(options.token !== undefined ? { token: options.token } : {}),
      ...(options.controlCorsOrigin !== undefined ? { controlCorsOrigin: options.controlCorsOrigin } : {}),
    });
  }

  // ---- lifecycle ------------------------------------------------------------

  /** Listens on `host:port` (0: any free port); resolves with the base URL. */
  start(port = 0, host = "127.0.0.1"): Promise<string> {
    return this.server.listen(port, host);
  }

  /** Answers pending getUpdates with [] and closes the server. */
  stop(): Promise<void> {
    return this.server.close();
  }

  /** Base URL, e.g. http://127.0.0.1:43123 ("" before start). */
  get url(): string {
    return this.server.url;
  }

  /** The same as `url`: what grammY takes as `client.apiRoot`. */
  get apiRoot(): string {
    return this.server.url;
  }

  /**
   * "message", "edit", "delete" with a StoredMessage (users' messages too),
   * "update" with every Update queued for the bot.
   */
  get events(): EventEmitter {
    return this.s.events;
  }

  /** Every Bot API request the bot made, in order. */
  get calls(): ApiCall[] {
    return this.s.calls;
  }

  // ---- people and chats -----------------------------------------------------

  /**
   * A user (id assigned when left out) and their private chat with the bot,
   * whose id is theirs. The bot may message them only once they wrote to it
   * (Telegram's 403 "bot can't initiate conversation with a user"), unless
   * `started` says they did so before the test began.
   */
  createUser(profile: UserProfile, options: { started?: boolean } = {}): User {
    const id = profile.id ?? this.nextUserId++;
    if (options.started) this.s.started.add(id);
    const user: User = { id, is_bot: false, first_name: profile.first_name };
    for (const key of ["last_name", "username", "language_code"] as const) if (profile[key] !== undefined) user[key] = profile[key];
    this.s.users.set(id, user);
    const chat: Chat.PrivateChat = { id, type: "private", first_name: user.first_name };
    if (user.last_name !== undefined) chat.last_name = user.last_name;
    if (user.username !== undefined) chat.username = user.username;
    this.s.chats.set(id, chat);
    return user;
  }

  /** A group with the bot in it as an administrator (so it sees every message). */
  createGroup(options: { id?: number; title: string; type?: "group" | "supergroup" }): Chat.GroupChat | Chat.SupergroupChat {
    const type = options.type ?? "supergroup";
    const n = this.nextGroup++;
    const id = options.id ?? (type === "supergroup" ? -1_001_000_000_000 - n : -4_000_000_000 - n);
    const chat = type === "supergroup" ? ({ id, type, title: options.title } as Chat.SupergroupChat) : ({ id, type, title: options.title } as Chat.GroupChat);
    this.s.chats.set(id, chat);
    this.s.members.set(id, new Map([[this.botInfo.id, "administrator"]]));
    return chat;
  }

  /**
   * Sets a member's status in a group. Setting the bot's own status tells the
   * bot with a my_chat_member update, as Telegram does.
   */
  addMember(chatId: number, userId: number, status: MemberStatus = "member"): void {
    const chat = this.groupChat(chatId);
    if (userId === this.botInfo.id) return this.s.setBotStatus(chatId, status, this.anyAdmin(chat.id));
    this.s.user(userId);
    this.s.members.get(chatId)?.set(userId, status);
  }

  /** A member's status in a group now (in a private chat: "member" for its owner). */
  memberStatus(chatId: number, userId: number): MemberStatus {
    return this.s.memberStatus(chatId, userId);
  }

  /**
   * Gives an administrator of a group (the bot included) some rights only:
   * those set to false are withheld, as a group's owner may do.
   */
  setAdminRights(chatId: number, userId: number, rights: AdminRights): void {
    this.groupChat(chatId);
    this.s.rights.set(`${chatId}:${userId}`, { ...this.s.rights.get(`${chatId}:${userId}`), ...rights });
  }

  /**
   * Upgrades a basic group to a supergroup, as Telegram does when a group grows
   * or its owner changes certain settings: the supergroup gets a new id and the
   * members, the old group answers every call with 400 "group chat was upgraded
   * to a supergroup chat" and the new id, and the bot receives two service
   * messages (migrate_to_chat_id in the old group, migrate_from_chat_id in the
   * new). With `holdServiceMessages` they wait until `deliverServiceMessages()`
   * (the bot has not fetched them yet when it next sends).
   */
  upgradeGroup(chatId: number, options: { id?: number; by?: number; holdServiceMessages?: boolean } = {}): { supergroup: Chat.SupergroupChat; deliverServiceMessages: () => void } {
    const old = this.groupChat(chatId);
    if (old.type !== "group") throw new ControlError(`chat ${chatId} is a ${old.type}, not a basic group`);
    const by = options.by !== undefined ? this.s.user(options.by) : this.anyAdmin(chatId);
    const id = options.id ?? -1_001_000_000_000 - this.nextGroup++;
    const supergroup = { id, type: "supergroup", title: old.title } as Chat.SupergroupChat;
    this.s.chats.set(id, supergroup);
    this.s.members.set(id, new Map(this.s.members.get(chatId)));
    for (const [key, rights] of [...this.s.rights]) if (key.startsWith(`${chatId}:`)) this.s.rights.set(`${id}:${key.slice(`${chatId}:`.length)}`, rights);
    const botThere = !["left", "kicked"].includes(this.s.memberStatus(chatId, this.botInfo.id));
    const inOld = this.s.store(chatId, { from_bot: false, from: by, migrate_to_chat_id: id });
    this.s.upgraded.set(chatId, id);
    const inNew = this.s.store(id, { from_bot: false, from: by, migrate_from_chat_id: chatId });
    let delivered = false;
    const deliverServiceMessages = () => {
      if (delivered || !botThere) return;
      delivered = true;
      // Service messages reach the bot whatever its privacy mode.
      for (const m of [inOld, inNew]) this.s.enqueue({ message: this.s.toMessage(m) as Message & { from: User; chat: Chat.GroupChat } });
    };
    if (!options.holdServiceMessages) deliverServiceMessages();
    return { supergroup, deliverServiceMessages };
  }

  /** The user blocks the bot: sending to them answers 403, and the bot gets my_chat_member. */
  blockBot(userId: number): void {
    this.s.setBotStatus(userId, "kicked", this.s.user(userId));
  }

  unblockBot(userId: number): void {
    this.s.setBotStatus(userId, "member", this.s.user(userId));
  }

  users(): User[] {
    return [...this.s.users.values()];
  }

  chats(): Chat[] {
    return [...this.s.chats.values()];
  }

  // ---- playing users ----------------------------------------------------------

  /** A text message; a leading /command gets its bot_command entity, as Telegram adds it. */
  sendText(userId: number, chatId: number, text: string): Message {
    return this.fromUser(userId, chatId, { text, ...commandEntity(text) });
  }

  /**
   * A group admin with "Remain anonymous" on writes: Telegram sends it from
   * GroupAnonymousBot with `sender_chat` set to the group, never naming the admin.
   */
  sendTextAsAnonymousAdmin(userId: number, chatId: number, text: string, replyToMessageId?: number): Message {
    const status = this.s.memberStatus(chatId, userId);
    if (status !== "administrator" && status !== "creator") throw new ControlError(`user ${userId} is no admin of chat ${chatId}: they cannot post as the group`);
    return this.fromUser(userId, chatId, {
      text,
      ...commandEntity(text),
      ...(replyToMessageId !== undefined ? { reply_to_message_id: replyToMessageId } : {}),
      sender_chat: this.s.chat(chatId),
    });
  }

  replyTo(userId: number, chatId: number, messageId: number, text: string): Message {
    if (!this.s.message(chatId, messageId)) throw new ControlError(`no message ${messageId} in chat ${chatId} to reply to`);
    return this.fromUser(userId, chatId, { text, reply_to_message_id: messageId });
  }

  /** A photo (a tiny JPEG unless `bytes` are given), as two sizes like Telegram's. */
  sendPhoto(userId: number, chatId: number, options: { caption?: string; bytes?: Uint8Array; width?: number; height?: number } = {}): Message {
    const bytes = options.bytes ?? TINY_JPEG;
    const sniffed = options.bytes ? imageSize(options.bytes) : undefined;
    const photo = this.s.files.addPhoto(bytes, options.width ?? sniffed?.width ?? 800, options.height ?? sniffed?.height ?? 600);
    return this.fromUser(userId, chatId, { photo, ...(options.caption !== undefined ? { caption: options.caption } : {}) });
  }

  sendDocument(userId: number, chatId: number, options: { file_name: string; mime_type: string; bytes: Uint8Array; caption?: string }): Message {
    const file = this.s.files.add("document", options.bytes, { file_name: options.file_name, mime_type: options.mime_type });
    const document = { file_id: file.file_id, file_unique_id: file.file_unique_id, file_name: options.file_name, mime_type: options.mime_type, file_size: options.bytes.length };
    return this.fromUser(userId, chatId, { document, ...(options.caption !== undefined ? { caption: options.caption } : {}) });
  }

  sendLocation(userId: number, chatId: number, latitude: number, longitude: number): Message {
    return this.fromUser(userId, chatId, { location: { latitude, longitude } });
  }

  sendVideo(userId: number, chatId: number): Message {
    return this.fromUser(userId, chatId, { video: true });
  }

  /** A channel post the user forwards to the chat (text only). */
  forwardFromChannel(userId: number, chatId: number, text: string, channelTitle = "Tin tức 24h"): Message {
    return this.fromUser(userId, chatId, { text, forwardedFromChannel: { title: channelTitle, messageId: 77 } });
  }

  sendSticker(userId: number, chatId: number): Message {
    return this.fromUser(userId, chatId, { sticker: true });
  }

  sendVoice(userId: number, chatId: number): Message {
    return this.fromUser(userId, chatId, { voice: true });
  }

  /** Shares the user's own contact (the phone number given). */
  sendContact(userId: number, chatId: number, phone: string): Message {
    const user = this.s.user(userId);
    return this.fromUser(userId, chatId, { contact: { phone_number: phone, first_name: user.first_name, user_id: user.id } });
  }

  /**
   * Presses an inline button: a callback_query update carrying the message as
   * it is now. Any data may be sent, as a modified client could.
   */
  pressButton(userId: number, chatId: number, messageId: number, callbackData: string): { callbackQueryId: string } {
    const from = this.s.user(userId);
    this.checkCanWrite(userId, chatId);
    const message = this.s.message(chatId, messageId);
    if (!message) throw new ControlError(`no message ${messageId} in chat ${chatId}`);
    if (!message.from_bot) throw new ControlError(`message ${messageId} in chat ${chatId} is not the bot's: it has no buttons`);
    const id = this.s.newCallbackQueryId();
    this.s.enqueue({
      callback_query: { id, from, message: this.s.toMessage(message), chat_instance: chatInstance(chatId), data: callbackData },
    });
    return { callbackQueryId: id };
  }

  /** What the bot passed to answerCallbackQuery for that press (rejects after `timeoutMs`). */
  waitForCallbackAnswer(callbackQueryId: string, timeoutMs = 5000): Promise<CallbackAnswer> {
    return this.s.waitForCallbackAnswer(callbackQueryId, timeoutMs);
  }

  // ---- reading what the bot did -----------------------------------------------

  /** Every message of the chat in order, users' and the bot's, deleted ones flagged. Records are live. */
  messages(chatId: number): StoredMessage[] {
    return this.s.messages(chatId);
  }

  /**
   * What a user received in a chat: their private chat whole; in a group, the
   * messages sent while they were in it (nothing after they left or were removed).
   */
  messagesSeenBy(userId: number, chatId: number): StoredMessage[] {
    const chat = this.s.chats.get(chatId);
    if (!chat) throw new ControlError(`no chat ${chatId}`);
    if (chat.type === "private") return chatId === userId ? this.s.messages(chatId) : [];
    return this.s.messages(chatId).filter((m) => m.from?.id === userId || (m.recipients?.includes(userId) ?? false));
  }

  /** The bot's messages in the chat, deleted ones left out. */
  botMessages(chatId: number): StoredMessage[] {
    return this.s.messages(chatId).filter((m) => m.from_bot && !m.deleted);
  }

  lastBotMessage(chatId: number): StoredMessage | undefined {
    return this.botMessages(chatId).at(-1);
  }

  /**
   * The first bot message in the chat sent or edited from now on (and matching
   * `predicate`, a function or a pattern for its text or caption), as it was
   * then. Rejects after `timeoutMs` with the chat's last bot messages.
   */
  waitForBotMessage(chatId: number, predicate?: ((m: StoredMessage) => boolean) | RegExp, timeoutMs = 5000): Promise<StoredMessage> {
    const matches =
      predicate === undefined ? () => true : predicate instanceof RegExp ? (m: StoredMessage) => predicate.test(m.text ?? m.caption ?? "") : predicate;
    return new Promise((resolve, reject) => {
      const listener = (m: StoredMessage) => {
        if (m.chat_id !== chatId || !m.from_bot || m.deleted || !matches(m)) return;
        finish();
        resolve(structuredClone(m));
      };
      const finish = () => {
        clearTimeout(timer);
        this.s.events.off("message", listener);
        this.s.events.off("edit", listener);
      };
      const timer = setTimeout(() => {
        finish();
        const wanted = predicate instanceof RegExp ? ` matching ${String(predicate)}` : predicate ? " matching the predicate" : "";
        reject(new Error(`no bot message in chat ${chatId}${wanted} within ${timeoutMs} ms; the last ones:\n${this.describeLast(chatId)}`));
      }, timeoutMs);
      this.s.events.on("message", listener);
      this.s.events.on("edit", listener);
    });
  }

  /** The reply keyboard the chat shows now, if the bot set one. */
  replyKeyboard(chatId: number): ReplyKeyboardMarkup | undefined {
    const markup = this.s.keyboards.get(chatId);
    return markup && "keyboard" in markup ? markup : undefined;
  }

  /** The inline buttons of a message, row after row. */
  inlineButtons(message: { reply_markup?: unknown } | undefined): InlineButton[] {
    const markup = message?.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined;
    return (markup?.inline_keyboard ?? []).flat().map((b) => ({
      text: b.text,
      ...(b.callback_data !== undefined ? { callback_data: b.callback_data } : {}),
      ...(b.url !== undefined ? { url: b.url } : {}),
    }));
  }

  /** The first inline button whose label is `label` (else contains it), or matches it. */
  findButton(message: { reply_markup?: unknown } | undefined, label: string | RegExp): InlineButton | undefined {
    const buttons = this.inlineButtons(message);
    if (label instanceof RegExp) return buttons.find((b) => label.test(b.text));
    return buttons.find((b) => b.text === label) ?? buttons.find((b) => b.text.includes(label));
  }

  /** Calls of one method (any case: "sendMessage" or "sendmessage"). */
  callsTo(method: string): ApiCall[] {
    const wanted = method.toLowerCase();
    return this.s.calls.filter((c) => c.method.toLowerCase() === wanted);
  }

  /** Webhook mode: updates delivered, failed attempts (retried), the last error. */
  webhookStats(): { url: string; delivered: number; failedAttempts: number; lastError: string | null; pending: number } {
    return { url: this.s.webhook.url, ...this.s.webhook.stats, pending: this.s.updates.pending };
  }

  fileBytes(fileId: string): Uint8Array | undefined {
    return this.s.files.get(fileId)?.bytes;
  }

  /** The commands the bot set for a scope (default) and language (none). */
  myCommands(options: { language_code?: string; scope?: unknown } = {}): BotCommand[] {
    const key = `${JSON.stringify(options.scope ?? { type: "default" })}|${options.language_code ?? ""}`;
    return (this.s.commands.get(key) ?? []) as BotCommand[];
  }

  // ---- faults and reset -------------------------------------------------------

  /**
   * Holds the next `times` calls of `method` whose params match for `ms`
   * before handling them, and calls `onHeld` as each arrives: a test kills the
   * bot there. A held call whose client died meanwhile is dropped unhandled.
   */
  holdCalls(method: string, match: (params: Record<string, unknown>) => boolean, options: { ms: number; times: number; onHeld?: (params: Record<string, unknown>) => void }): void {
    this.s.holds.push({ method, match, ms: options.ms, times: options.times });
    if (options.onHeld) {
      const onHeld = options.onHeld;
      this.s.events.on("held", (e: { method: string; params: Record<string, unknown> }) => {
        if (e.method === method && match(e.params)) onHeld(e.params);
      });
    }
  }

  /**
   * Sets Telegram's global send limit (null: none), as the sendRateLimit
   * option does; sends already counted stay in the window.
   */
  setSendRateLimit(limit: SendRateLimit | null): void {
    this.s.rateLimit.set(limit);
  }

  /** Message-sending requests let through and refused with 429 since the start (or the last reset). */
  rateLimitStats(): RateLimitStats & { refusedByChatLimits: number } {
    return { ...this.s.rateLimit.snapshot(), refusedByChatLimits: this.s.chatRateLimit.refused429 };
  }

  /** Plays Telegram's per-chat limits: 20 a minute to a group ("groups"), and 5 in 5 s to a private chat ("all"), or none. */
  setChatRateLimits(mode: ChatLimits): void {
    this.s.chatRateLimit.set(mode);
  }

  /**
   * The next `times` calls of `method` ("*" for any) fail with `error`, e.g.
   * { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }.
   */
  failNext(method: string, error: ApiErrorBody, times = 1): void {
    this.queueFault(method, error, times);
  }

  /** The next `times` calls of `method` ("*": any) lose their connection before the stand-in handles them. */
  dropNext(method: string, times = 1): void {
    this.queueFault(method, DROP_CONNECTION, times);
  }

  /**
   * The next `times` calls of `method` ("*": any) take effect, and then the
   * connection closes before the answer: the bot cannot tell whether its
   * message went out, as when a network drops mid-response. `match` narrows
   * it to calls with those params (e.g. one chat).
   */
  loseResponseNext(method: string, times = 1, match?: (params: Record<string, unknown>) => boolean): void {
    this.queueFault(method, LOSE_RESPONSE, times, match);
  }

  /** Faults of one method are taken in the order they were queued. */
  private queueFault(method: string, error: ApiErrorBody, times: number, match?: (params: Record<string, unknown>) => boolean): void {
    const key = method.toLowerCase();
    const queue = this.s.faults.get(key) ?? [];
    queue.push({ error, times, ...(match ? { match } : {}) });
    this.s.faults.set(key, queue);
  }

  /** Users who may be messaged: they wrote to the bot in private at least once. */
  hasStarted(userId: number): boolean {
    return this.s.started.has(userId);
  }

  /**
   * Forgets groups, messages, files, pending updates, calls, faults and
   * commands; keeps users and their (emptied) private chats, and keeps update
   * ids counting so a bot that goes on polling stays in step. The send-rate
   * limit stays set; its window and counters start again.
   */
  reset(): void {
    this.s.reset();
  }

  // ---- internals --------------------------------------------------------------

  private groupChat(chatId: number): Chat {
    const chat = this.s.chats.get(chatId);
    if (!chat || chat.type === "private") throw new ControlError(`no group ${chatId}: create it with createGroup first`);
    return chat;
  }

  private anyAdmin(chatId: number): User {
    for (const [id, status] of this.s.members.get(chatId) ?? []) {
      const user = this.s.users.get(id);
      if (user && (status === "creator" || status === "administrator")) return user;
    }
    return this.s.botUser;
  }

  /** Only the owner writes in a private chat; in a group, anyone not gone (joining if new). */
  private checkCanWrite(userId: number, chatId: number): void {
    const chat = this.s.chats.get(chatId);
    if (!chat) throw new ControlError(`no chat ${chatId}`);
    if (chat.type === "private") {
      if (chatId !== userId) throw new ControlError(`user ${userId} can't write in the private chat of user ${chatId}`);
      return;
    }
    const supergroup = this.s.upgraded.get(chatId);
    if (supergroup !== undefined) throw new ControlError(`group ${chatId} was upgraded to the supergroup ${supergroup}: write there`);
    const members = this.s.members.get(chatId)!;
    const status = members.get(userId);
    if (status === undefined) members.set(userId, "member");
    else if (status === "left" || status === "kicked") throw new ControlError(`user ${userId} is not a member of chat ${chatId} (${status})`);
  }

  private fromUser(userId: number, chatId: number, content: NewContent): Message {
    const from = this.s.user(userId);
    this.checkCanWrite(userId, chatId);
    const chat = this.s.chat(chatId);
    // Writing to a bot one blocked unblocks it, as Telegram clients do; writing at all lets the bot write back.
    if (chat.type === "private" && this.s.blocked.has(chatId)) this.s.setBotStatus(chatId, "member", from);
    if (chat.type === "private") this.s.started.add(chatId);
    // Posted as the group: Telegram's placeholder sender, the same for every anonymous admin.
    const sender = content.sender_chat ? GROUP_ANONYMOUS_BOT : from;
    const stored = this.s.store(chatId, { from_bot: false, from: sender, ...content });
    const keyboard = this.s.keyboards.get(chatId);
    if (keyboard && "keyboard" in keyboard && keyboard.one_time_keyboard) this.s.keyboards.delete(chatId);
    const message = this.s.toMessage(stored);
    // Users' messages always have a sender and a non-channel chat, as Update.message requires.
    if (this.botSees(chat, stored)) this.s.enqueue({ message: message as Message & { from: User; chat: Chat.PrivateChat } });
    return message;
  }

  /** Privacy mode: in groups where it is no admin, the bot sees only commands, replies to it and mentions. */
  private botSees(chat: Chat, m: StoredMessage): boolean {
    if (chat.type === "private") return true;
    const status = this.s.memberStatus(chat.id, this.botInfo.id);
    if (status === "left" || status === "kicked") return false;
    if (status === "administrator" || status === "creator" || this.botInfo.can_read_all_group_messages) return true;
    const text = m.text ?? m.caption ?? "";
    const username = this.botInfo.username.toLowerCase();
    const command = /^\/[a-zA-Z0-9_]+(?:@(\w+))?/.exec(text);
    if (command) return command[1] === undefined || command[1].toLowerCase() === username;
    if (text.toLowerCase().includes(`@${username}`)) return true;
    const original = m.reply_to_message_id === undefined ? undefined : this.s.message(chat.id, m.reply_to_message_id);
    return original?.from_bot === true;
  }

  private describeLast(chatId: number): string {
    const last = this.botMessages(chatId).slice(-5);
    if (last.length === 0) return "  (the bot has sent nothing in this chat)";
    return last
      .map((m) => {
        const body = m.text ?? m.caption ?? (m.photo ? "[photo]" : m.document ? "[document]" : m.location ? "[location]" : "[message]");
        const buttons = this.inlineButtons(m).map((b) => b.text);
        return `  #${m.message_id}${m.edited ? " (edited)" : ""}: ${JSON.stringify(body.length > 300 ? `${body.slice(0, 300)}…` : body)}${buttons.length ? ` [${buttons.join(" | ")}]` : ""}`;
      })
      .join("\n");
  }
}

/** The bot_command entity Telegram marks on a text that starts with a command. */
function commandEntity(text: string): Pick<StoredMessage, "entities"> {
  const command = /^\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?(?![a-zA-Z0-9_@])/.exec(text);
  return command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {};
}

/** Telegram's chat_instance: an opaque id, stable for the chat. */
function chatInstance(chatId: number): string {
  return String(BigInt(chatId) * 6_364_136_223n + 1_442_695_041n);
}
