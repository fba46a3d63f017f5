// Everything the stand-in remembers, shared by the bot-facing methods and the
// test-facing ZaloStandIn.
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { ZaloApiCall, ZaloFailure, ZaloStoredMessage, ZaloUpdate, ZaloUser } from "./types.js";
import { ZaloUpdateQueue } from "./updates.js";
import type { WebhookPusher } from "../webhook-pusher.js";
import { type WebhookRetry, zaloWebhookPusher } from "./webhook.js";

export interface Media {
  bytes: Uint8Array;
  contentType: string;
}

interface Fault {
  failure: ZaloFailure;
  times: number;
}

/** Zalo's message ids: 32 hex characters. */
export const newMessageId = (): string => randomBytes(16).toString("hex");

export class ZaloState {
  readonly users = new Map<string, ZaloUser>();
  /** Users who wrote to the bot: Zalo lets a bot write only to them. */
  readonly reached = new Set<string>();
  readonly blocked = new Set<string>();
  readonly chats = new Map<string, ZaloStoredMessage[]>();
  readonly calls: ZaloApiCall[] = [];
  /** Users' images, served at /media/<name>. */
  readonly media = new Map<string, Media>();
  readonly updates = new ZaloUpdateQueue();
  readonly webhook: WebhookPusher<ZaloUpdate>;
  webhookUpdatedAt = 0;
  /** "message" (ZaloStoredMessage), "update" (ZaloUpdate), "call" (ZaloApiCall, when answered). */
  readonly events = new EventEmitter();
  private readonly faults = new Map<string, Fault[]>();

  constructor(
    readonly maxTextLength: number,
    readonly now: () => number,
    retry: WebhookRetry,
  ) {
    this.webhook = zaloWebhookPusher(this.updates, retry);
  }

  store(chatId: string, content: Omit<ZaloStoredMessage, "chat_id" | "date" | "message_id"> & { message_id?: string; date?: number }): ZaloStoredMessage {
    const stored: ZaloStoredMessage = { message_id: newMessageId(), chat_id: chatId, date: this.now(), ...content };
    const chat = this.chats.get(chatId) ?? [];
    chat.push(stored);
    this.chats.set(chatId, chat);
    this.events.emit("message", stored);
    return stored;
  }

  addFault(method: string, failure: ZaloFailure, times: number): void {
    const queue = this.faults.get(method) ?? [];
    queue.push({ failure, times });
    this.faults.set(method, queue);
  }

  /** The failure the next call of `method` must answer, if one is queued for it or for "*". */
  takeFault(method: string): ZaloFailure | undefined {
    for (const key of [method, "*"]) {
      const queue = this.faults.get(key);
      const next = queue?.[0];
      if (!queue || !next) continue;
      if (--next.times <= 0) queue.shift();
      if (queue.length === 0) this.faults.delete(key);
      return next.failure;
    }
    return undefined;
  }
}
