// A local stand-in for the Telegram Bot API: an HTTP server speaking the
// subset of methods this bot uses, with private chats and groups, and a
// control API that plays users (send text, photos, locations, press buttons)
// and reads back what the bot did. Used by `npm start` without a token and by
// every end-to-end test; grammY, the runner, conversations and auto-retry run
// against it unchanged.
import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Chat, InlineKeyboardMarkup, Message, MessageEntity, PhotoSize, Update, User, UserFromGetMe } from "grammy/types";
import { EntityParseError, parseHtml } from "./html.js";
import { type Params, readParams, type UploadedFile } from "./params.js";

export interface StoredMessage {
  message_id: number;
  chat_id: number;
  from_bot: boolean;
  from?: User;
  date: number;
  text?: string;
  /** What the bot sent before HTML parsing. */
  rawText?: string;
  entities?: MessageEntity[];
  caption?: string;
  photo?: PhotoSize[];
  document?: { file_id: string; file_unique_id: string; file_name?: string; mime_type?: string; file_size: number };
  location?: { latitude: number; longitude: number };
  sticker?: boolean;
  voice?: boolean;
  contact?: { phone_number: string; first_name: string };
  reply_markup?: unknown;
  reply_to_message_id?: number;
  media_group_id?: string;
  forward_origin?: unknown;
  edited: boolean;
  deleted: boolean;
}

export interface ApiCall {
  method: string;
  params: Params;
  at: number;
}

interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  bytes: Uint8Array;
  mimeType: string;
}

interface ApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

class BotApiError extends Error {
  constructor(readonly body: ApiError) {
    super(body.description);
  }
}

const bad = (description: string) => new BotApiError({ error_code: 400, description: `Bad Request: ${description}` });

// A 1×1 JPEG: the default bytes of a user's photo.
const TINY_JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=",
  "base64",
);

export interface StandInOptions {
  /** Only this token is accepted; any token otherwise. */
  token?: string;
  botInfo?: Partial<UserFromGetMe>;
  /** Clock for message dates, in milliseconds. */
  now?: () => number;
}

export class BotApiStandIn {
  readonly calls: ApiCall[] = [];
  /** Emits "message", "edit", "delete" (StoredMessage) and "update" (Update). */
  readonly events = new EventEmitter();
  readonly botInfo: UserFromGetMe;

  private server: http.Server | null = null;
  private baseUrl = "";
  private readonly now: () => number;
  private readonly users = new Map<number, User>();
  private readonly chats = new Map<number, Chat>();
  private readonly members = new Map<number, Map<number, string>>();
  private readonly blocked = new Set<number>();
  private readonly chatMessages = new Map<number, StoredMessage[]>();
  private readonly nextMessageId = new Map<number, number>();
  private readonly files = new Map<string, StoredFile>();
  private readonly updates: Update[] = [];
  private nextUpdateId = 1;
  private nextUserId = 100_001;
  private nextGroupId = 1;
  private nextFile = 1;
  private nextCallback = 1;
  private readonly pollers = new Set<() => void>();
  private readonly callbackAnswers = new Map<string, Params>();
  private readonly callbackWaiters = new Map<string, (answer: Params) => void>();
  private readonly faults = new Map<string, { error: ApiError; times: number }>();
  private readonly commands = new Map<string, unknown>();

  constructor(private readonly options: StandInOptions = {}) {
    this.now = options.now ?? Date.now;
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
  }

  // ---- lifecycle ----------------------------------------------------------

  async start(port = 0, host = "127.0.0.1"): Promise<string> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${address.port}`;
    return this.baseUrl;
  }

  get url(): string {
    return this.baseUrl;
  }

  get apiRoot(): string {
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    for (const wake of this.pollers) wake();
    this.pollers.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // ---- people and chats ---------------------------------------------------

  createUser(profile: { id?: number; first_name: string; last_name?: string; username?: string; language_code?: string }): User {
    const id = profile.id ?? this.nextUserId++;
    const user: User = { is_bot: false, ...profile, id };
    this.users.set(id, user);
    const chat: Chat.PrivateChat = { id, type: "private", first_name: user.first_name };
    if (user.last_name) chat.last_name = user.last_name;
    if (user.username) chat.username = user.username;
    this.chats.set(id, chat);
    return user;
  }

  createGroup(options: { id?: number; title: string; type?: "group" | "supergroup" }): Chat.GroupChat | Chat.SupergroupChat {
    const type = options.type ?? "supergroup";
    const id = options.id ?? (type === "supergroup" ? -1_001_000_000_000 - this.nextGroupId++ : -1000 - this.nextGroupId++);
    const chat = { id, type, title: options.title } as Chat.GroupChat | Chat.SupergroupChat;
    this.chats.set(id, chat);
    this.members.set(id, new Map([[this.botInfo.id, "administrator"]]));
    return chat;
  }

  addMember(chatId: number, userId: number, status: "creator" | "administrator" | "member" | "left" = "member"): void {
    this.members.get(chatId)?.set(userId, status);
  }

  blockBot(userId: number): void {
    this.blocked.add(userId);
  }

  // ---- playing users ------------------------------------------------------

  sendText(userId: number, chatId: number, text: string): Message {
    const entities: MessageEntity[] = [];
    const command = /^\/[a-zA-Z0-9_]+(@\w+)?/.exec(text);
    if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
    return this.userMessage(userId, chatId, { text, ...(entities.length ? { entities } : {}) });
  }

  replyTo(userId: number, chatId: number, messageId: number, text: string): Message {
    return this.userMessage(userId, chatId, { text, reply_to_message_id: messageId });
  }

  sendPhoto(userId: number, chatId: number, options: { caption?: string; bytes?: Uint8Array; width?: number; height?: number } = {}): Message {
    const file = this.storeFile(options.bytes ?? TINY_JPEG, "image/jpeg", "photos", "jpg");
    return this.userMessage(userId, chatId, {
      photo: this.photoSizes(file, options.width ?? 800, options.height ?? 600),
      ...(options.caption !== undefined ? { caption: options.caption } : {}),
    });
  }

  sendDocument(userId: number, chatId: number, options: { file_name: string; mime_type: string; bytes: Uint8Array }): Message {
    const file = this.storeFile(options.bytes, options.mime_type, "documents", options.file_name.split(".").pop() ?? "bin");
    return this.userMessage(userId, chatId, {
      document: {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_name: options.file_name,
        mime_type: options.mime_type,
        file_size: file.bytes.length,
      },
    });
  }

  sendLocation(userId: number, chatId: number, latitude: number, longitude: number): Message {
    return this.userMessage(userId, chatId, { location: { latitude, longitude } });
  }

  sendSticker(userId: number, chatId: number): Message {
    return this.userMessage(userId, chatId, { sticker: true });
  }

  sendVoice(userId: number, chatId: number): Message {
    return this.userMessage(userId, chatId, { voice: true });
  }

  sendContact(userId: number, chatId: number, phone: string): Message {
    return this.userMessage(userId, chatId, { contact: { phone_number: phone, first_name: this.user(userId).first_name } });
  }

  pressButton(userId: number, chatId: number, messageId: number, data: string): { callbackQueryId: string } {
    const message = this.find(chatId, messageId);
    const id = `cbq${this.nextCallback++}`;
    this.enqueue({
      update_id: 0,
      callback_query: {
        id,
        from: this.user(userId),
        message: this.toMessage(message),
        chat_instance: String(chatId),
        data,
      },
    });
    return { callbackQueryId: id };
  }

  waitForCallbackAnswer(callbackQueryId: string, timeoutMs = 5000): Promise<Params> {
    const done = this.callbackAnswers.get(callbackQueryId);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.callbackWaiters.delete(callbackQueryId);
        reject(new Error(`callback query ${callbackQueryId} was not answered within ${timeoutMs} ms`));
      }, timeoutMs);
      this.callbackWaiters.set(callbackQueryId, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  }

  // ---- reading what happened ----------------------------------------------

  messages(chatId: number): StoredMessage[] {
    return [...(this.chatMessages.get(chatId) ?? [])];
  }

  botMessages(chatId: number): StoredMessage[] {
    return this.messages(chatId).filter((m) => m.from_bot && !m.deleted);
  }

  lastBotMessage(chatId: number): StoredMessage | undefined {
    return this.botMessages(chatId).at(-1);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  fileBytes(fileId: string): Uint8Array | undefined {
    return this.files.get(fileId)?.bytes;
  }

  registeredCommands(): Map<string, unknown> {
    return this.commands;
  }

  inlineButtons(message: StoredMessage): { text: string; callback_data?: string; url?: string }[] {
    return (message.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard?.flat() ?? [];
  }

  /** Makes the next `times` calls of `method` fail with `error` (e.g. a 429 with retry_after). */
  failNext(method: string, error: ApiError, times = 1): void {
    this.faults.set(method.toLowerCase(), { error, times });
  }

  // ---- internals: storage -------------------------------------------------

  private user(id: number): User {
    const user = this.users.get(id);
    if (!user) throw new Error(`unknown user ${id}`);
    return user;
  }

  private chat(id: number): Chat {
    const chat = this.chats.get(id);
    if (!chat) throw bad("chat not found");
    return chat;
  }

  private find(chatId: number, messageId: number): StoredMessage {
    const message = this.chatMessages.get(chatId)?.find((m) => m.message_id === messageId && !m.deleted);
    if (!message) throw bad("message to edit not found");
    return message;
  }

  private store(chatId: number, fields: Omit<StoredMessage, "message_id" | "chat_id" | "date" | "edited" | "deleted">): StoredMessage {
    const messageId = this.nextMessageId.get(chatId) ?? 1;
    this.nextMessageId.set(chatId, messageId + 1);
    const message: StoredMessage = {
      message_id: messageId,
      chat_id: chatId,
      date: Math.floor(this.now() / 1000),
      edited: false,
      deleted: false,
      ...fields,
    };
    const list = this.chatMessages.get(chatId) ?? [];
    list.push(message);
    this.chatMessages.set(chatId, list);
    this.events.emit("message", message);
    return message;
  }

  private userMessage(userId: number, chatId: number, fields: Partial<StoredMessage>): Message {
    const from = this.user(userId);
    this.chat(chatId);
    const stored = this.store(chatId, { from_bot: false, from, ...fields });
    const message = this.toMessage(stored);
    if (fields.reply_to_message_id !== undefined) {
      const original = this.chatMessages.get(chatId)?.find((m) => m.message_id === fields.reply_to_message_id);
      if (original) (message as Message & { reply_to_message?: Message }).reply_to_message = this.toMessage(original) as Message & { reply_to_message: undefined };
    }
    this.enqueue({ update_id: 0, message } as Update);
    return message;
  }

  private storeFile(bytes: Uint8Array, mimeType: string, folder: string, extension: string): StoredFile {
    const n = this.nextFile++;
    const file: StoredFile = {
      file_id: `AgAD${n.toString(36).padStart(6, "0")}standin`,
      file_unique_id: `AQAD${n.toString(36)}`,
      file_path: `${folder}/file_${n}.${extension}`,
      bytes,
      mimeType,
    };
    this.files.set(file.file_id, file);
    return file;
  }

  private photoSizes(file: StoredFile, width: number, height: number): PhotoSize[] {
    // Two sizes, as Telegram sends: a thumbnail and the full picture.
    const thumbId = `${file.file_id}_s`;
    this.files.set(thumbId, { ...file, file_id: thumbId });
    return [
      { file_id: thumbId, file_unique_id: `${file.file_unique_id}s`, width: 90, height: Math.round((90 * height) / width), file_size: file.bytes.length },
      { file_id: file.file_id, file_unique_id: file.file_unique_id, width, height, file_size: file.bytes.length },
    ];
  }

  private enqueue(update: Update): void {
    update.update_id = this.nextUpdateId++;
    this.updates.push(update);
    this.events.emit("update", update);
    for (const wake of this.pollers) wake();
    this.pollers.clear();
  }

  private toMessage(m: StoredMessage): Message {
    const message: Record<string, unknown> = {
      message_id: m.message_id,
      date: m.date,
      chat: this.chat(m.chat_id),
      from: m.from_bot ? this.botInfo : m.from,
    };
    if (m.edited) message.edit_date = m.date;
    for (const key of ["text", "entities", "caption", "photo", "document", "location", "contact", "reply_markup", "media_group_id", "forward_origin"] as const) {
      if (m[key] !== undefined) message[key] = m[key];
    }
    if (m.sticker) message.sticker = { file_id: "sticker", file_unique_id: "sticker", type: "regular", width: 512, height: 512, is_animated: false, is_video: false };
    if (m.voice) message.voice = { file_id: "voice", file_unique_id: "voice", duration: 3 };
    return message as unknown as Message;
  }

  // ---- internals: HTTP ----------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const send = (status: number, body: unknown, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(type === "application/json" ? JSON.stringify(body) : (body as Buffer));
    };
    try {
      const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (file) {
        const stored = [...this.files.values()].find((f) => f.file_path === decodeURIComponent(file[2]!));
        if (!stored) return send(404, { ok: false, error_code: 404, description: "Not Found" });
        return send(200, Buffer.from(stored.bytes), stored.mimeType);
      }
      if (url.pathname === "/_control/events") return this.streamEvents(req, res);
      const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!route) return send(404, { ok: false, error_code: 404, description: "Not Found" });
      const [, token, rawMethod] = route;
      if (this.options.token && token !== this.options.token) return send(401, { ok: false, error_code: 401, description: "Unauthorized" });
      const { params, files } = await readParams(req, url);
      const method = rawMethod!.toLowerCase();
      this.calls.push({ method: rawMethod!, params: describeFiles(params, files), at: this.now() });
      const fault = this.faults.get(method);
      if (fault && fault.times > 0) {
        fault.times--;
        return send(fault.error.error_code, { ok: false, ...fault.error });
      }
      const result = await this.dispatch(method, params, files, req);
      send(200, { ok: true, result });
    } catch (err) {
      if (err instanceof BotApiError) return send(err.body.error_code, { ok: false, ...err.body });
      if (err instanceof EntityParseError) return send(400, { ok: false, error_code: 400, description: `Bad Request: can't parse entities: ${err.message}` });
      send(500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
    }
  }

  private streamEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const forward = (event: string) => (data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const handlers = { message: forward("message"), edit: forward("edit"), delete: forward("delete"), update: forward("update") };
    for (const [event, handler] of Object.entries(handlers)) this.events.on(event, handler);
    req.on("close", () => {
      for (const [event, handler] of Object.entries(handlers)) this.events.off(event, handler);
    });
  }

  private async dispatch(method: string, p: Params, files: Map<string, UploadedFile>, req: http.IncomingMessage): Promise<unknown> {
    switch (method) {
      case "getme":
        return this.botInfo;
      case "getupdates":
        return this.getUpdates(p, req);
      case "deletewebhook":
      case "setwebhook":
      case "setchatmenubutton":
      case "setmessagereaction":
      case "sendchataction":
      case "leavechat":
        return true;
      case "getwebhookinfo":
        return { url: "", has_custom_certificate: false, pending_update_count: this.updates.length };
      case "setmycommands":
        this.commands.set(String((p.language_code as string | undefined) ?? ""), p.commands);
        return true;
      case "getmycommands":
        return this.commands.get(String((p.language_code as string | undefined) ?? "")) ?? [];
      case "deletemycommands":
        this.commands.delete(String((p.language_code as string | undefined) ?? ""));
        return true;
      case "sendmessage":
        return this.sendMessage(p);
      case "sendphoto":
        return this.sendPhotoMethod(p, files);
      case "senddocument":
        return this.sendDocumentMethod(p, files);
      case "sendmediagroup":
        return this.sendMediaGroup(p, files);
      case "sendlocation":
        return this.toMessage(
          this.botStore(p, { location: { latitude: Number(p.latitude), longitude: Number(p.longitude) } }),
        );
      case "copymessage":
        return { message_id: this.copy(p, Number(p.message_id)).message_id };
      case "copymessages":
        return (p.message_ids as number[]).map((id) => ({ message_id: this.copy(p, id).message_id }));
      case "forwardmessage":
        return this.toMessage(this.forward(p));
      case "editmessagetext":
        return this.editText(p);
      case "editmessagecaption":
        return this.edit(p, () => ({ caption: this.formatted(asText(p.caption), p.parse_mode, 1024).text }), m0 => m0.caption);
      case "editmessagereplymarkup":
        return this.edit(p, () => ({}), () => undefined);
      case "deletemessage": {
        const message = this.find(Number(p.chat_id), Number(p.message_id));
        message.deleted = true;
        this.events.emit("delete", message);
        return true;
      }
      case "answercallbackquery": {
        const id = String(p.callback_query_id);
        this.callbackAnswers.set(id, p);
        this.callbackWaiters.get(id)?.(p);
        this.callbackWaiters.delete(id);
        return true;
      }
      case "getchat":
        return this.chat(Number(p.chat_id));
      case "getchatmember":
        return this.chatMember(Number(p.chat_id), Number(p.user_id));
      case "getchatadministrators":
        return [...(this.members.get(Number(p.chat_id)) ?? new Map<number, string>())]
          .filter(([, status]) => status === "administrator" || status === "creator")
          .map(([userId]) => this.chatMember(Number(p.chat_id), userId));
      case "getfile": {
        const file = this.files.get(String(p.file_id));
        if (!file) throw bad("invalid file_id");
        return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes.length, file_path: file.file_path };
      }
      default:
        throw new BotApiError({ error_code: 404, description: "Not Found" });
    }
  }

  private getUpdates(p: Params, req: http.IncomingMessage): Promise<Update[]> {
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(Math.max(Number(p.limit ?? 100), 1), 100);
    const timeout = Math.max(Number(p.timeout ?? 0), 0);
    // Confirmed updates are gone for good, as on Telegram.
    if (offset > 0) while (this.updates.length > 0 && this.updates[0]!.update_id < offset) this.updates.shift();
    const pending = () => this.updates.filter((u) => u.update_id >= offset).slice(0, limit);
    const ready = pending();
    if (ready.length > 0 || timeout === 0 || !this.server) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.pollers.delete(finish);
        resolve(pending());
      };
      const timer = setTimeout(finish, timeout * 1000);
      this.pollers.add(finish);
      req.once("close", () => {
        clearTimeout(timer);
        this.pollers.delete(finish);
      });
    });
  }

  private chatMember(chatId: number, userId: number) {
    const chat = this.chat(chatId);
    const user = userId === this.botInfo.id ? this.botInfo : this.users.get(userId);
    if (!user) throw bad("user not found");
    const status = chat.type === "private" ? (chatId === userId ? "member" : "left") : (this.members.get(chatId)?.get(userId) ?? "left");
    return { status, user };
  }

  private target(p: Params): number {
    const chatId = Number(p.chat_id);
    const chat = this.chat(chatId);
    if (chat.type === "private" && this.blocked.has(chatId)) {
      throw new BotApiError({ error_code: 403, description: "Forbidden: bot was blocked by the user" });
    }
    return chatId;
  }

  private formatted(raw: string, parseMode: unknown, max: number): { text: string; entities?: MessageEntity[] } {
    const parsed = parseMode === "HTML" ? parseHtml(raw) : { text: raw, entities: [] };
    if (parsed.text.length > max) throw bad(max === 4096 ? "message is too long" : "message caption is too long");
    return parsed.entities.length > 0 ? parsed : { text: parsed.text };
  }

  private checkMarkup(markup: unknown): void {
    const rows = (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard;
    for (const button of rows?.flat() ?? []) {
      if ("callback_data" in button && Buffer.byteLength(button.callback_data) > 64) throw bad("BUTTON_DATA_INVALID");
    }
  }

  private replyTarget(p: Params): number | undefined {
    const parameters = p.reply_parameters as { message_id?: number } | undefined;
    const id = parameters?.message_id ?? p.reply_to_message_id;
    return id === undefined ? undefined : Number(id);
  }

  private botStore(p: Params, fields: Partial<StoredMessage>): StoredMessage {
    const chatId = this.target(p);
    this.checkMarkup(p.reply_markup);
    const replyTo = this.replyTarget(p);
    return this.store(chatId, {
      from_bot: true,
      ...fields,
      ...(p.reply_markup !== undefined ? { reply_markup: p.reply_markup } : {}),
      ...(replyTo !== undefined ? { reply_to_message_id: replyTo } : {}),
    });
  }

  private sendMessage(p: Params): Message {
    const raw = asText(p.text);
    if (raw.trim().length === 0) throw bad("message text is empty");
    const { text, entities } = this.formatted(raw, p.parse_mode, 4096);
    return this.toMessage(this.botStore(p, { text, rawText: raw, ...(entities ? { entities } : {}) }));
  }

  private resolveFile(value: unknown, files: Map<string, UploadedFile>, kind: "photo" | "document"): StoredFile {
    const ref = asText(value);
    if (ref.startsWith("attach://")) {
      const upload = files.get(ref.slice("attach://".length));
      if (!upload) throw bad(`file attach://${ref} not found`);
      return this.storeFile(upload.bytes, upload.mimeType || "application/octet-stream", kind === "photo" ? "photos" : "documents", upload.filename.split(".").pop() ?? "bin");
    }
    const known = this.files.get(ref);
    if (known) return known;
    if (/^https?:\/\//.test(ref)) return this.storeFile(new Uint8Array(), "application/octet-stream", kind, "bin");
    throw bad("wrong file identifier/HTTP URL specified");
  }

  private captionFields(p: Params): Partial<StoredMessage> {
    if (p.caption === undefined) return {};
    const { text, entities } = this.formatted(asText(p.caption), p.parse_mode, 1024);
    return { caption: text, ...(entities ? { entities } : {}) };
  }

  private sendPhotoMethod(p: Params, files: Map<string, UploadedFile>): Message {
    const file = this.resolveFile(p.photo, files, "photo");
    return this.toMessage(this.botStore(p, { photo: this.photoSizes(file, 800, 600), ...this.captionFields(p) }));
  }

  private sendDocumentMethod(p: Params, files: Map<string, UploadedFile>): Message {
    const file = this.resolveFile(p.document, files, "document");
    const upload = [...files.values()][0];
    return this.toMessage(
      this.botStore(p, {
        document: {
          file_id: file.file_id,
          file_unique_id: file.file_unique_id,
          file_size: file.bytes.length,
          ...(upload ? { file_name: upload.filename, mime_type: upload.mimeType } : {}),
        },
        ...this.captionFields(p),
      }),
    );
  }

  private sendMediaGroup(p: Params, files: Map<string, UploadedFile>): Message[] {
    const media = p.media as { type: string; media: string; caption?: string; parse_mode?: string }[] | undefined;
    if (!Array.isArray(media) || media.length < 1 || media.length > 10) throw bad("wrong number of media in the album");
    const group = `mg${this.nextFile}`;
    return media.map((item) => {
      const file = this.resolveFile(item.media, files, item.type === "photo" ? "photo" : "document");
      const caption = item.caption !== undefined ? this.formatted(item.caption, item.parse_mode, 1024).text : undefined;
      const fields: Partial<StoredMessage> =
        item.type === "photo"
          ? { photo: this.photoSizes(file, 800, 600) }
          : { document: { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes.length } };
      return this.toMessage(this.botStore({ ...p, reply_markup: undefined }, { ...fields, media_group_id: group, ...(caption !== undefined ? { caption } : {}) }));
    });
  }

  /** A copy carries the content only: no sender, no forward origin. */
  private copy(p: Params, messageId: number): StoredMessage {
    const source = this.find(Number(p.from_chat_id), messageId);
    const fields: Partial<StoredMessage> = {};
    for (const key of ["text", "entities", "caption", "photo", "document", "location", "sticker", "voice", "contact"] as const) {
      if (source[key] !== undefined) (fields as Record<string, unknown>)[key] = source[key];
    }
    if (p.caption !== undefined) Object.assign(fields, this.captionFields(p));
    return this.botStore(p, fields);
  }

  /** Implemented honestly so a test can prove the bot never calls it: it names the original sender. */
  private forward(p: Params): StoredMessage {
    const source = this.find(Number(p.from_chat_id), Number(p.message_id));
    const copy = this.copy({ ...p, reply_markup: undefined }, source.message_id);
    copy.forward_origin = source.from_bot
      ? { type: "user", date: source.date, sender_user: this.botInfo }
      : { type: "user", date: source.date, sender_user: source.from };
    return copy;
  }

  private editText(p: Params): Message {
    const raw = asText(p.text);
    if (raw.trim().length === 0) throw bad("message text is empty");
    const formatted = this.formatted(raw, p.parse_mode, 4096);
    return this.edit(p, () => ({ text: formatted.text, rawText: raw, entities: formatted.entities }), (m) => m.text);
  }

  private edit(p: Params, change: (m: StoredMessage) => Partial<StoredMessage>, current: (m: StoredMessage) => string | undefined): Message {
    const message = this.find(Number(p.chat_id), Number(p.message_id));
    if (!message.from_bot) throw bad("message can't be edited");
    this.checkMarkup(p.reply_markup);
    const fields = change(message);
    const nextMarkup = p.reply_markup;
    const sameContent = Object.keys(fields).length === 0 || fields.text === current(message) || fields.caption === current(message);
    if (sameContent && JSON.stringify(nextMarkup ?? null) === JSON.stringify(message.reply_markup ?? null)) {
      throw bad(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    Object.assign(message, fields, { edited: true });
    if (fields.entities === undefined && "entities" in fields) delete message.entities;
    if (nextMarkup === undefined) delete message.reply_markup;
    else message.reply_markup = nextMarkup;
    this.events.emit("edit", message);
    return this.toMessage(message);
  }
}

/** A parameter as text; objects are not text. */
function asText(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

function describeFiles(params: Params, files: Map<string, UploadedFile>): Params {
  if (files.size === 0) return params;
  const described: Params = { ...params };
  for (const [key, file] of files) described[key] = { filename: file.filename, size: file.bytes.length };
  return described;
}
