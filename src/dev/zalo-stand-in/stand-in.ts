// A local stand-in for the Zalo Bot API (bot-api.zaloplatforms.com): an HTTP
// server speaking the methods a Zalo bot uses — getMe, getUpdates (one
// update per poll, handed out once), sendMessage, sendPhoto, sendChatAction
// and the webhook methods — plus a test-facing side that plays users (text,
// images, stickers) and reads back what the bot did. Zalo bots only talk in
// private chats, and only to users who wrote to them first.
import { randomBytes } from "node:crypto";
import type { EventEmitter } from "node:events";
import { ZaloControlError } from "./errors.js";
import { type ZaloBotInfo, zaloMethods } from "./methods.js";
import { ZaloServer } from "./server.js";
import { ZaloState } from "./state.js";
import type {
  ZaloApiCall,
  ZaloEventName,
  ZaloFailure,
  ZaloMessage,
  ZaloStandInOptions,
  ZaloStoredMessage,
  ZaloUpdate,
  ZaloUpdateShape,
  ZaloUser,
  ZaloWebhookInfo,
  ZaloWebhookStats,
} from "./types.js";

const USER_ID = /^[0-9a-f]{20}$/;

export class ZaloStandIn {
  readonly token: string;
  readonly botInfo: ZaloBotInfo = { id: "4239057130946512807", account_name: "Tổ Dân Bot", account_type: "BASIC", can_join_groups: false };
  private readonly s: ZaloState;
  private readonly server: ZaloServer;

  private shape: ZaloUpdateShape = { photoField: "photo_url", nameField: "display_name", dateUnit: "milliseconds" };

  private constructor(options: ZaloStandInOptions) {
    this.token = options.token ?? "zalo-stand-in-token";
    this.s = new ZaloState(options.maxTextLength ?? 2000, options.now ?? Date.now, {
      firstDelayMs: options.webhookRetryMs ?? 250,
      maxAttempts: options.webhookMaxAttempts ?? 8,
    });
    this.server = new ZaloServer(this.s, zaloMethods(this.s, this.botInfo), this.token);
  }

  /** A started stand-in on `host:port` (127.0.0.1, any free port by default). */
  static async start(options: ZaloStandInOptions = {}): Promise<ZaloStandIn> {
    const standIn = new ZaloStandIn(options);
    await standIn.server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
    return standIn;
  }

  /** Base URL, e.g. http://127.0.0.1:43123: the bot calls `${apiRoot}/bot${token}/${method}`. */
  get apiRoot(): string {
    return this.server.url;
  }

  /** Answers waiting polls with 408, stops webhook deliveries and closes the server. */
  stop(): Promise<void> {
    return this.server.close();
  }

  /** "message" (every ZaloStoredMessage), "update" (every ZaloUpdate queued), "call" (each ZaloApiCall once answered). */
  get events(): EventEmitter {
    return this.s.events;
  }

  // ---- people ------------------------------------------------------------------

  /** A Zalo user; the id (20 lowercase hex characters) is made up when left out. */
  createUser(profile: { displayName: string; id?: string }): ZaloUser {
    const id = profile.id ?? randomBytes(10).toString("hex");
    if (!USER_ID.test(id)) throw new ZaloControlError(`a Zalo user id is 20 lowercase hex characters, not ${JSON.stringify(id)}`);
    if (this.s.users.has(id)) throw new ZaloControlError(`user ${id} already exists`);
    const user: ZaloUser = { id, displayName: profile.displayName };
    this.s.users.set(id, user);
    return user;
  }

  /** The user blocks (or unblocks) the bot: sending to them answers 403. */
  block(userId: string, blocked = true): void {
    this.user(userId);
    if (blocked) this.s.blocked.add(userId);
    else this.s.blocked.delete(userId);
  }

  // ---- playing users -------------------------------------------------------------

  sendText(userId: string, text: string): ZaloUpdate {
    return this.fromUser(userId, "message.text.received", { text }, { text });
  }

  /** An image the stand-in serves at `${apiRoot}/media/<random id>.jpg`, which is the update's photo_url. */
  sendImage(userId: string, image: Uint8Array, options: { caption?: string; contentType?: string } = {}): ZaloUpdate {
    const name = `${randomBytes(12).toString("hex")}.jpg`;
    this.s.media.set(name, { bytes: new Uint8Array(image), contentType: options.contentType ?? "image/jpeg" });
    const photoUrl = `${this.apiRoot}/media/${name}`;
    const caption = options.caption !== undefined ? { caption: options.caption } : {};
    return this.fromUser(userId, "message.image.received", { photo_url: photoUrl, ...caption }, { photo: photoUrl, ...caption });
  }

  sendSticker(userId: string, sticker = randomBytes(8).toString("hex")): ZaloUpdate {
    return this.fromUser(userId, "message.sticker.received", { sticker }, { sticker });
  }

  /** A message Zalo does not pass on (file, location…): the bot learns only that one came. */
  sendUnsupported(userId: string): ZaloUpdate {
    return this.fromUser(userId, "message.unsupported.received", {}, { unsupported: true });
  }

  /** A voice message: an event of its own, with nothing the bot can play. */
  sendVoice(userId: string): ZaloUpdate {
    return this.fromUser(userId, "message.voice.received", {}, { voice: true });
  }

  /** Words the following updates as one of the documented variants (see ZaloUpdateShape). */
  useShape(shape: Partial<ZaloUpdateShape>): void {
    this.shape = { ...this.shape, ...shape };
  }

  // ---- reading what the bot did ------------------------------------------------

  /** Everything in the user's chat, theirs and the bot's, in order. */
  messages(chatId: string): ZaloStoredMessage[] {
    return [...(this.s.chats.get(chatId) ?? [])];
  }

  botMessages(chatId: string): ZaloStoredMessage[] {
    return this.messages(chatId).filter((m) => m.from_bot);
  }

  /** Every API call the bot made (of one method, if given), in order of arrival. */
  calls(method?: string): ZaloApiCall[] {
    return method === undefined ? [...this.s.calls] : this.s.calls.filter((c) => c.method === method);
  }

  /** Updates queued and not yet handed to the bot. */
  pendingUpdates(): number {
    return this.s.updates.pending;
  }

  /** getUpdates requests waiting for an update right now. */
  waitingPolls(): number {
    return this.s.updates.waiting;
  }

  webhookInfo(): ZaloWebhookInfo {
    return { url: this.s.webhook.url, updated_at: this.s.webhookUpdatedAt };
  }

  webhookStats(): ZaloWebhookStats {
    return { ...this.s.webhook.stats, pending: this.s.updates.pending };
  }

  /** Bytes of a user's image by its URL (undefined if the stand-in did not serve it). */
  mediaBytes(photoUrl: string): Uint8Array | undefined {
    return this.s.media.get(photoUrl.slice(photoUrl.lastIndexOf("/") + 1))?.bytes;
  }

  // ---- faults ----------------------------------------------------------------------

  /**
   * The next `times` calls of `method` ("*": any method) fail: HTTP 500 with
   * error_code 500 unless told otherwise, or a dropped connection. A failed
   * getUpdates hands out no update.
   */
  failNext(method: string, times: number, failure: ZaloFailure = {}): void {
    if (!Number.isInteger(times) || times < 1) throw new ZaloControlError(`failNext needs a positive count, not ${times}`);
    this.s.addFault(method, failure, times);
  }

  // ---- internals -------------------------------------------------------------------

  private user(userId: string): ZaloUser {
    const user = this.s.users.get(userId);
    if (!user) throw new ZaloControlError(`no user ${userId}: create it with createUser first`);
    return user;
  }

  private fromUser(
    userId: string,
    event_name: ZaloEventName,
    content: Pick<ZaloMessage, "text" | "photo_url" | "caption" | "sticker">,
    stored: Pick<ZaloStoredMessage, "text" | "photo" | "caption" | "sticker" | "unsupported" | "voice">,
  ): ZaloUpdate {
    const user = this.user(userId);
    // Someone writing to the bot wants its answers: a block they set is lifted (an assumption, as on Telegram).
    this.s.blocked.delete(userId);
    this.s.reached.add(userId);
    const record = this.s.store(userId, { from_bot: false, ...stored });
    const { photo_url: photoUrl, ...rest } = content;
    const update: ZaloUpdate = {
      event_name,
      message: {
        message_id: record.message_id,
        from: { id: user.id, [this.shape.nameField]: user.displayName, is_bot: false },
        chat: { id: user.id, chat_type: "PRIVATE" },
        date: this.shape.dateUnit === "seconds" ? Math.floor(record.date / 1000) : record.date,
        ...rest,
        ...(photoUrl !== undefined ? { [this.shape.photoField]: photoUrl } : {}),
      },
    };
    this.s.updates.push(update);
    this.s.events.emit("update", update);
    return update;
  }
}
