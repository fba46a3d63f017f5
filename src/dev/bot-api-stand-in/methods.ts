// The Bot API methods the stand-in speaks, applied to its state. Each returns
// the `result` Telegram would send, or throws a BotApiError.
import type { Chat, Message, MessageEntity, MessageId, Update } from "grammy/types";
import { CAPTION_LIMIT, format, readAlbum, readMarkup, resolveDocument, resolvePhoto } from "./content.js";
import { badRequest, conflict, forbidden, NOT_MODIFIED, upgradedGroup } from "./errors.js";
import { bool, num, type Params, requireInt, str, type UploadedFile } from "./params.js";
import { GET_FILE_MAX_BYTES, type StandInState } from "./state.js";
import { maxConnectionsOf } from "./webhook.js";
import type { CallbackAnswer, ReplyMarkup, StoredMessage } from "./types.js";

export interface CallContext {
  files: Map<string, UploadedFile>;
  /** Aborted when the client goes away (for long polls). */
  signal: AbortSignal;
}

type Handler = (p: Params, context: CallContext) => unknown;

type Content = Omit<StoredMessage, "message_id" | "chat_id" | "date" | "edited" | "deleted" | "from_bot">;

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
  "cancel",
]);

// Fields a copy carries over: the content only, never who sent it.
const COPIED = ["text", "entities", "caption", "photo", "document", "location", "sticker", "voice", "contact"] as const;

export class BotApiMethods {
  /** Handlers by canonical name; `canonical` maps lower-case names to them. */
  readonly handlers: Record<string, Handler>;
  private readonly canonical: Map<string, string>;
  private nextAlbum = 1;

  constructor(private readonly s: StandInState) {
    this.handlers = {
      getMe: () => s.botInfo,
      logOut: () => true,
      close: () => true,
      getUpdates: (p, c) => this.getUpdates(p, c),
      setWebhook: (p) => {
        const url = str(p.url) ?? "";
        const secretToken = str(p.secret_token) ?? "";
        // Telegram: 1-256 characters A-Z, a-z, 0-9, _ and -. (It also wants https; loopback http is allowed here.)
        if (secretToken && !/^[\w-]{1,256}$/.test(secretToken)) throw badRequest("secret token contains unallowed characters");
        if (url && !/^https?:\/\//.test(url)) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        s.updates.setAllowed(p.allowed_updates);
        if (bool(p.drop_pending_updates)) s.updates.drop();
        s.webhook.set(url ? { url, secretToken, maxConnections: maxConnectionsOf(p.max_connections) } : null);
        return true;
      },
      deleteWebhook: (p) => {
        s.webhook.set(null);
        if (bool(p.drop_pending_updates)) s.updates.drop();
        return true;
      },
      getWebhookInfo: () => ({
        url: s.webhook.url,
        ...(s.webhook.stats.lastError ? { last_error_message: s.webhook.stats.lastError } : {}),
        has_custom_certificate: false,
        pending_update_count: s.updates.pending,
        ...(s.webhook.active ? { max_connections: s.webhook.maxConnections } : {}),
        ...(s.updates.allowedUpdates.length > 0 ? { allowed_updates: s.updates.allowedUpdates } : {}),
      }),
      setMyCommands: (p) => this.setMyCommands(p),
      getMyCommands: (p) => s.commands.get(commandsKey(p)) ?? [],
      deleteMyCommands: (p) => {
        s.commands.delete(commandsKey(p));
        return true;
      },
      setChatMenuButton: (p) => {
        s.menuButtons.set(p.chat_id === undefined ? "default" : s.chat(p.chat_id).id, p.menu_button ?? { type: "default" });
        return true;
      },
      getChatMenuButton: (p) => s.menuButtons.get(p.chat_id === undefined ? "default" : s.chat(p.chat_id).id) ?? { type: "commands" },
      sendMessage: (p) => {
        const chatId = this.target(p);
        const formatted = format(p.text, p.parse_mode, p.entities, "text");
        return this.send(chatId, p, formatted);
      },
      sendPhoto: (p, c) => {
        const chatId = this.target(p);
        const photo = resolvePhoto(s.files, p.photo, c.files);
        return this.send(chatId, p, { photo, ...this.caption(p) });
      },
      sendDocument: (p, c) => {
        const chatId = this.target(p);
        const document = resolveDocument(s.files, p.document, c.files);
        return this.send(chatId, p, { document, ...this.caption(p) });
      },
      sendMediaGroup: (p, c) => this.sendMediaGroup(p, c),
      sendLocation: (p) => {
        const chatId = this.target(p);
        const latitude = num(p.latitude);
        const longitude = num(p.longitude);
        if (latitude === undefined) throw badRequest("latitude is empty");
        if (longitude === undefined) throw badRequest("longitude is empty");
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) throw badRequest("LOCATION_INVALID");
        return this.send(chatId, p, { location: { latitude, longitude } });
      },
      sendChatAction: (p) => {
        this.target(p);
        if (!CHAT_ACTIONS.has(str(p.action) ?? "")) throw badRequest("wrong parameter action in request");
        return true;
      },
      copyMessage: (p) => ({ message_id: this.copy(p, requireInt(p, "message_id")).message_id }),
      copyMessages: (p) => this.copyMessages(p),
      forwardMessage: (p) => this.forward(p),
      editMessageText: (p) => this.editText(p),
      editMessageCaption: (p) => this.editCaption(p),
      editMessageReplyMarkup: (p) => {
        const message = this.editable(p);
        return this.applyEdit(message, {}, readMarkup(p.reply_markup, true));
      },
      deleteMessage: (p) => {
        this.deleteOne(s.chat(p.chat_id), requireInt(p, "message_id"), true);
        return true;
      },
      deleteMessages: (p) => {
        const chat = s.chat(p.chat_id);
        const ids = Array.isArray(p.message_ids) ? p.message_ids.map(Number) : [];
        if (ids.length === 0 || ids.length > 100) throw badRequest("message_ids is empty or too long");
        for (const id of ids) this.deleteOne(chat, id, false);
        return true;
      },
      answerCallbackQuery: (p) => {
        const answer: CallbackAnswer = { callback_query_id: str(p.callback_query_id) ?? "" };
        if (p.text !== undefined) answer.text = str(p.text) ?? "";
        if (p.show_alert !== undefined) answer.show_alert = bool(p.show_alert);
        if (p.url !== undefined) answer.url = str(p.url) ?? "";
        if (p.cache_time !== undefined) answer.cache_time = num(p.cache_time) ?? 0;
        if ((answer.text?.length ?? 0) > 200) throw badRequest("MESSAGE_TOO_LONG");
        if (!s.answerCallback(answer)) throw badRequest("query is too old and response timeout expired or query ID is invalid");
        return true;
      },
      getChat: (p) => {
        const chat = s.chat(p.chat_id);
        return { ...chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false } };
      },
      getChatMember: (p) => s.chatMember(s.chat(p.chat_id).id, requireInt(p, "user_id")),
      getChatAdministrators: (p) => {
        const chat = s.chat(p.chat_id);
        if (chat.type === "private") throw badRequest("there are no administrators in the private chat");
        return [...(s.members.get(chat.id) ?? [])]
          .filter(([, status]) => status === "creator" || status === "administrator")
          .map(([userId]) => s.chatMember(chat.id, userId));
      },
      getChatMemberCount: (p) => {
        const chat = s.chat(p.chat_id);
        if (chat.type === "private") return 2;
        return [...(s.members.get(chat.id)?.values() ?? [])].filter((status) => status !== "left" && status !== "kicked").length;
      },
      leaveChat: (p) => {
        const chat = s.chat(p.chat_id);
        if (chat.type === "private") throw badRequest("chat member status can't be changed in private chats");
        this.target(p);
        s.setBotStatus(chat.id, "left", s.botUser);
        return true;
      },
      setMessageReaction: (p) => {
        const chat = s.chat(p.chat_id);
        if (!s.message(chat.id, requireInt(p, "message_id"))) throw badRequest("message to react not found");
        return true;
      },
      banChatMember: (p) => {
        const { chat, userId } = this.restrictable(p);
        const status = s.memberStatus(chat.id, userId);
        if (status === "creator") throw badRequest("can't remove chat owner");
        if (status === "administrator") throw badRequest("user is an administrator of the chat");
        s.members.get(chat.id)?.set(userId, "kicked");
        return true;
      },
      unbanChatMember: (p) => {
        const { chat, userId } = this.restrictable(p);
        // Basic groups keep no list of banned people: there is nothing to lift.
        if (chat.type !== "supergroup") throw badRequest("method is available for supergroup and channel chats only");
        const status = s.memberStatus(chat.id, userId);
        if (status === "kicked") {
          s.members.get(chat.id)?.set(userId, "left");
          return true;
        }
        // Without only_if_banned, Telegram makes sure the user is not a member afterwards: a member is removed.
        if (bool(p.only_if_banned) || status === "left") return true;
        if (status === "creator") throw badRequest("can't remove chat owner");
        if (status === "administrator") throw badRequest("user is an administrator of the chat");
        s.members.get(chat.id)?.set(userId, "left");
        return true;
      },
      getFile: (p) => {
        const file = s.files.get(str(p.file_id) ?? "");
        if (!file) throw badRequest("invalid file_id");
        if (file.bytes.length > GET_FILE_MAX_BYTES) throw badRequest("file is too big");
        return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes.length, file_path: file.file_path };
      },
    };
    // A group upgraded to a supergroup answers every call with the supergroup's id, as Telegram does.
    for (const [name, handler] of Object.entries(this.handlers)) {
      this.handlers[name] = (p, c) => {
        for (const key of ["chat_id", "from_chat_id"]) {
          const supergroup = typeof p[key] === "number" || typeof p[key] === "string" ? s.upgraded.get(Number(p[key])) : undefined;
          if (supergroup !== undefined) throw upgradedGroup(supergroup);
        }
        return handler(p, c);
      };
    }
    this.canonical = new Map(Object.keys(this.handlers).map((name) => [name.toLowerCase(), name]));
  }

  /** The group and user of a ban or unban, refused as Telegram refuses them. */
  private restrictable(p: Params): { chat: Chat; userId: number } {
    const chat = this.s.chat(p.chat_id);
    if (chat.type === "private") throw badRequest("chat member status can't be changed in private chats");
    this.target(p);
    const userId = requireInt(p, "user_id");
    if (!this.s.users.has(userId) && userId !== this.s.botInfo.id) throw badRequest("user not found");
    if (!this.s.hasRight(chat.id, this.s.botInfo.id, "can_restrict_members")) throw badRequest("not enough rights to restrict/ban chat member");
    return { chat, userId };
  }

  /** The canonical name of a method (Telegram ignores case), or undefined when unknown. */
  resolve(method: string): string | undefined {
    return this.canonical.get(method.toLowerCase());
  }

  // ---- updates --------------------------------------------------------------

  private getUpdates(p: Params, c: CallContext): Promise<Update[]> {
    if (this.s.webhook.url) throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    this.s.updates.setAllowed(p.allowed_updates);
    const limit = Math.min(Math.max(num(p.limit) ?? 100, 1), 100);
    const timeout = Math.min(Math.max(num(p.timeout) ?? 0, 0), 50);
    return this.s.updates.take(num(p.offset) ?? 0, limit, timeout, c.signal);
  }

  private setMyCommands(p: Params): true {
    const commands = p.commands;
    if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
    if (commands.length > 100) throw badRequest("too many commands");
    for (const command of commands as { command?: unknown; description?: unknown }[]) {
      const name = str(command?.command) ?? "";
      const description = str(command?.description) ?? "";
      if (!/^[a-z0-9_]{1,32}$/.test(name)) throw badRequest("BOT_COMMAND_INVALID");
      if (description.trim().length === 0 || description.length > 256) throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    if (commands.length === 0) this.s.commands.delete(commandsKey(p));
    else this.s.commands.set(commandsKey(p), commands);
    return true;
  }

  // ---- sending --------------------------------------------------------------

  /** The chat the bot sends to, refused as Telegram refuses it. */
  private target(p: Params): number {
    const chat = this.s.chat(p.chat_id);
    if (chat.type === "private") {
      if (this.s.blocked.has(chat.id)) throw forbidden("bot was blocked by the user");
      if (!this.s.started.has(chat.id)) throw forbidden("bot can't initiate conversation with a user");
      return chat.id;
    }
    const status = this.s.memberStatus(chat.id, this.s.botInfo.id);
    const kind = chat.type === "supergroup" ? "supergroup chat" : chat.type === "group" ? "group chat" : "channel chat";
    if (status === "kicked") throw forbidden(`bot was kicked from the ${kind}`);
    if (status === "left") throw forbidden(`bot is not a member of the ${kind}`);
    return chat.id;
  }

  private caption(p: Params): Partial<Content> {
    if (p.caption === undefined) return {};
    const { text, entities, rawText, parse_mode } = format(p.caption, p.parse_mode, p.caption_entities, "caption");
    if (text.length === 0) return {};
    return { caption: text, rawText, ...(entities ? { entities } : {}), ...(parse_mode ? { parse_mode } : {}) };
  }

  /** The message replied to, or undefined; refused when missing unless the bot allowed that. */
  private replyTo(p: Params, chatId: number): number | undefined {
    const parameters = (typeof p.reply_parameters === "object" && p.reply_parameters !== null ? p.reply_parameters : {}) as Params;
    const id = num(parameters.message_id) ?? num(p.reply_to_message_id);
    if (id === undefined) return undefined;
    if (parameters.chat_id !== undefined && this.s.chat(parameters.chat_id).id !== chatId) return undefined;
    if (this.s.message(chatId, id)) return id;
    if (bool(parameters.allow_sending_without_reply) || bool(p.allow_sending_without_reply)) return undefined;
    throw badRequest("message to be replied not found");
  }

  private store(chatId: number, p: Params, content: Partial<Content>, markup: ReplyMarkup | undefined): StoredMessage {
    const replyTo = this.replyTo(p, chatId);
    const message = this.s.store(chatId, {
      from_bot: true,
      ...content,
      ...(markup ? { reply_markup: markup } : {}),
      ...(replyTo !== undefined ? { reply_to_message_id: replyTo } : {}),
    });
    if (markup && "keyboard" in markup) this.s.keyboards.set(chatId, markup);
    if (markup && "remove_keyboard" in markup) this.s.keyboards.delete(chatId);
    return message;
  }

  private send(chatId: number, p: Params, content: Partial<Content>): Message {
    const markup = readMarkup(p.reply_markup);
    return this.s.toMessage(this.store(chatId, p, content, markup));
  }

  private sendMediaGroup(p: Params, c: CallContext): Message[] {
    const chatId = this.target(p);
    const items = readAlbum(p);
    // Read every item before sending any, so a bad one sends nothing.
    const contents = items.map((item): Partial<Content> => {
      const media = item.type === "photo" ? { photo: resolvePhoto(this.s.files, item.media, c.files) } : { document: resolveDocument(this.s.files, item.media, c.files) };
      return { ...media, ...this.caption({ caption: item.caption, parse_mode: item.parse_mode, caption_entities: item.caption_entities }) };
    });
    // A single item is sent as a plain message, without a media group.
    const group = contents.length > 1 ? { media_group_id: `${Date.now()}${this.nextAlbum++}` } : {};
    return contents.map((content) => this.s.toMessage(this.store(chatId, p, { ...content, ...group }, undefined)));
  }

  /** A copy carries the content only: no sender, no forward origin. */
  private copy(p: Params, messageId: number, source = this.s.message(this.s.chat(p.from_chat_id).id, messageId)): StoredMessage {
    const chatId = this.target(p);
    if (!source) throw badRequest("message to copy not found");
    const content: Partial<Content> = {};
    for (const key of COPIED) if (source[key] !== undefined) (content as Record<string, unknown>)[key] = source[key];
    if (content.caption !== undefined || content.photo || content.document) {
      if (bool(p.remove_caption)) {
        delete content.caption;
        delete content.entities;
      } else if (p.caption !== undefined) {
        delete content.caption;
        delete content.entities;
        Object.assign(content, this.caption(p));
      }
    }
    return this.store(chatId, p, content, readMarkup(p.reply_markup));
  }

  private copyMessages(p: Params): MessageId[] {
    const from = this.s.chat(p.from_chat_id).id;
    const ids = Array.isArray(p.message_ids) ? p.message_ids.map(Number).sort((a, b) => a - b) : [];
    if (ids.length === 0 || ids.length > 100) throw badRequest("message_ids is empty or too long");
    const sources = ids.map((id) => this.s.message(from, id)).filter((m): m is StoredMessage => m !== undefined);
    if (sources.length === 0) throw badRequest("there are no messages to copy");
    return sources.map((source) => ({ message_id: this.copy({ ...p, reply_markup: undefined, caption: undefined }, source.message_id, source).message_id }));
  }

  /** Implemented honestly, so a test can prove the bot never calls it: it names the original sender. */
  private forward(p: Params): Message {
    const chatId = this.target(p);
    const source = this.s.message(this.s.chat(p.from_chat_id).id, requireInt(p, "message_id"));
    if (!source) throw badRequest("message to forward not found");
    const content: Partial<Content> = {};
    for (const key of COPIED) if (source[key] !== undefined) (content as Record<string, unknown>)[key] = source[key];
    content.forward_origin = source.forward_origin ?? {
      type: "user",
      date: source.date,
      sender_user: source.from_bot || !source.from ? this.s.botUser : source.from,
    };
    return this.s.toMessage(this.s.store(chatId, { from_bot: true, ...content }));
  }

  // ---- editing and deleting -------------------------------------------------

  private editable(p: Params): StoredMessage {
    if (p.inline_message_id !== undefined && p.chat_id === undefined) throw badRequest("MESSAGE_ID_INVALID");
    const chat = this.s.chat(p.chat_id);
    const message = this.s.message(chat.id, requireInt(p, "message_id"));
    if (!message) throw badRequest("message to edit not found");
    if (!message.from_bot || message.forward_origin) throw badRequest("message can't be edited");
    return message;
  }

  private editText(p: Params): Message {
    const message = this.editable(p);
    const formatted = format(p.text, p.parse_mode, p.entities, "text");
    if (message.text === undefined) throw badRequest("there is no text in the message to edit");
    const { text, entities, rawText, parse_mode } = formatted;
    return this.applyEdit(message, { text, entities, rawText, parse_mode }, readMarkup(p.reply_markup, true));
  }

  private editCaption(p: Params): Message {
    const message = this.editable(p);
    if (message.text !== undefined || (!message.photo && !message.document)) throw badRequest("there is no caption in the message to edit");
    const { text, entities, rawText, parse_mode } = format(p.caption, p.parse_mode, p.caption_entities, "caption");
    if (text.length > CAPTION_LIMIT) throw badRequest("message caption is too long");
    return this.applyEdit(message, { caption: text.length > 0 ? text : undefined, entities, rawText, parse_mode }, readMarkup(p.reply_markup, true));
  }

  /**
   * Applies an edit: `body` replaces the shown text or caption (and its
   * entities) when given; the markup is replaced, and left out it is removed,
   * as Telegram does. Identical content and markup is "not modified".
   */
  private applyEdit(message: StoredMessage, body: { text?: string; caption?: string | undefined; entities?: MessageEntity[] | undefined; rawText?: string; parse_mode?: string | undefined }, markup: ReplyMarkup | undefined): Message {
    const inline = (m: ReplyMarkup | undefined) => (m && "inline_keyboard" in m ? m : undefined);
    const sameBody =
      !("rawText" in body) ||
      (("text" in body ? body.text === message.text : body.caption === message.caption) && same(body.entities ?? [], message.entities ?? []));
    if (sameBody && same(inline(markup) ?? null, inline(message.reply_markup) ?? null)) throw badRequest(NOT_MODIFIED);
    if ("rawText" in body) {
      if ("text" in body) message.text = body.text;
      else if (body.caption === undefined) delete message.caption;
      else message.caption = body.caption;
      message.rawText = body.rawText;
      if (body.entities?.length) message.entities = body.entities;
      else delete message.entities;
      if (body.parse_mode) message.parse_mode = body.parse_mode;
      else delete message.parse_mode;
    }
    if (markup) message.reply_markup = markup;
    else delete message.reply_markup;
    this.s.edited(message);
    return this.s.toMessage(message);
  }

  private deleteOne(chat: Chat, messageId: number, strict: boolean): void {
    const message = this.s.message(chat.id, messageId);
    if (!message) {
      if (strict) throw badRequest("message to delete not found");
      return;
    }
    // In groups, only an administrator bot may delete what others sent.
    if (!message.from_bot && chat.type !== "private") {
      const status = this.s.memberStatus(chat.id, this.s.botInfo.id);
      if (status !== "administrator" && status !== "creator") {
        if (strict) throw badRequest("message can't be deleted");
        return;
      }
    }
    this.s.deleted(message);
  }
}

function commandsKey(p: Params): string {
  return `${JSON.stringify(p.scope ?? { type: "default" })}|${str(p.language_code) ?? ""}`;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
