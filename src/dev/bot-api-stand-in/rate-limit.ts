// Telegram's global broadcast limit, played by the stand-in when asked: a bot
// may send about 30 messages a second in all; beyond that Telegram answers 429
// "Too Many Requests: retry after N" and the message is not delivered.
//
// What counts: requests that create messages in a chat (sendMessage,
// sendPhoto, sendDocument, sendLocation, copyMessage, forwardMessage; an album
// or copyMessages counts each message it creates). What does not: edits
// (editMessageText, editMessageCaption, editMessageReplyMarkup change a message
// already delivered; Telegram limits them separately and undocumentedly),
// deletions, chat actions, callback answers, getUpdates and the rest.
// Telegram's per-chat limits are played apart (ChatRateLimiter, below).
//
// The window slides over the last 1,000 ms of the stand-in's clock; only
// requests let through fill it (a refused one costs nothing but the refusal).
import type { Params } from "./params.js";

export interface SendRateLimit {
  /** Messages allowed in any 1-second window. */
  perSecond: number;
}

export interface RateLimitStats {
  /** The limit in force (null: none). */
  perSecond: number | null;
  /** Message-sending requests let through (counted with or without a limit). */
  accepted: number;
  /** Messages those requests create (an album of 3 is 3). */
  acceptedMessages: number;
  /** Message-sending requests refused with 429 (nothing delivered). */
  refused429: number;
}

/** How many messages each sending method creates. */
const SENDING: Record<string, (p: Params) => number> = {
  sendMessage: () => 1,
  sendPhoto: () => 1,
  sendDocument: () => 1,
  sendLocation: () => 1,
  copyMessage: () => 1,
  forwardMessage: () => 1,
  sendMediaGroup: (p) => (Array.isArray(p.media) && p.media.length > 0 ? p.media.length : 1),
  copyMessages: (p) => (Array.isArray(p.message_ids) && p.message_ids.length > 0 ? p.message_ids.length : 1),
};

/** True for methods the limit applies to (canonical names, as the stand-in resolves them). */
export function isSendingMethod(method: string): boolean {
  return Object.hasOwn(SENDING, method);
}

export function checkSendRateLimit(limit: SendRateLimit | null | undefined): SendRateLimit | null {
  if (limit === null || limit === undefined) return null;
  if (!Number.isFinite(limit.perSecond) || limit.perSecond < 1) throw new RangeError(`sendRateLimit.perSecond must be a number ≥ 1, not ${String(limit.perSecond)}`);
  return { perSecond: limit.perSecond };
}

export class SendRateLimiter {
  private limit: SendRateLimit | null = null;
  /** Sends let through in the last second: times (ms) and message counts, oldest first, from `head` on. */
  private times: number[] = [];
  private weights: number[] = [];
  private head = 0;
  private inWindow = 0;
  private stats = { accepted: 0, acceptedMessages: 0, refused429: 0 };

  set(limit: SendRateLimit | null | undefined): void {
    this.limit = checkSendRateLimit(limit);
  }

  get perSecond(): number | null {
    return this.limit?.perSecond ?? null;
  }

  /**
   * Lets a request through (recording it) and returns null, or refuses it and
   * returns the seconds to wait (≥ 1, Telegram's retry_after is whole seconds).
   * Methods that send nothing always pass and are not counted.
   */
  admit(method: string, params: Params, nowMs: number): number | null {
    const weigh = SENDING[method];
    if (!weigh) return null;
    const messages = weigh(params);
    if (this.limit) {
      this.expire(nowMs);
      // One request larger than the whole limit still passes into an empty window.
      const needed = Math.min(messages, this.limit.perSecond);
      if (this.inWindow + needed > this.limit.perSecond) {
        this.stats.refused429++;
        return this.retryAfter(nowMs, needed);
      }
      this.times.push(nowMs);
      this.weights.push(needed);
      this.inWindow += needed;
    }
    this.stats.accepted++;
    this.stats.acceptedMessages += messages;
    return null;
  }

  snapshot(): RateLimitStats {
    return { perSecond: this.perSecond, ...this.stats };
  }

  /** Forgets the window and the counters; the limit stays. */
  clear(): void {
    this.times = [];
    this.weights = [];
    this.head = 0;
    this.inWindow = 0;
    this.stats = { accepted: 0, acceptedMessages: 0, refused429: 0 };
  }

  private expire(nowMs: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= nowMs - 1000) {
      this.inWindow -= this.weights[this.head]!;
      this.head++;
    }
    // Compact now and then so the arrays do not grow over a long run.
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.weights = this.weights.slice(this.head);
      this.head = 0;
    }
  }

  /** When enough of the window has expired for `needed` more messages, in whole seconds (at least 1). */
  private retryAfter(nowMs: number, needed: number): number {
    const limit = this.limit!.perSecond;
    let free = limit - this.inWindow;
    let at = nowMs;
    for (let i = this.head; i < this.times.length && free < needed; i++) {
      free += this.weights[i]!;
      at = this.times[i]! + 1000;
    }
    return Math.max(1, Math.ceil((at - nowMs) / 1000));
  }
}

// Telegram's per-chat limits, played when asked (StandInOptions.chatRateLimits):
// "avoid sending more than one message per second in a particular chat. We may
// allow short bursts that go over this limit" and "bots are not able to send
// more than 20 messages per minute to the same group" (Bots FAQ). The burst a
// private chat allows is not documented: the stand-in lets 5 messages through
// in any 5 seconds (one a second on average, a short burst allowed).
export const GROUP_MESSAGES_PER_MINUTE = 20;
export const PRIVATE_BURST = { messages: 5, windowMs: 5_000 };

/** Which chats' limits are played: none, groups only (20 a minute), or groups and private chats. */
export type ChatLimits = "off" | "groups" | "all";

export class ChatRateLimiter {
  private mode: ChatLimits = "off";
  /** Messages sent to each chat in its window: sliding, in real time (milliseconds of a monotonic clock). */
  private readonly sent = new Map<number, number[]>();
  private refused = 0;

  set(mode: ChatLimits): void {
    this.mode = mode;
  }

  get enabled(): boolean {
    return this.mode !== "off";
  }

  /**
   * Null when the send may go, or the whole seconds to wait (a refusal is
   * counted). Nothing is recorded: `record` does that once every limit let
   * the send through, so a send another limit refused costs the chat nothing.
   */
  wait(method: string, params: Params, chatId: number, isGroup: boolean, nowMs: number): number | null {
    const window = this.windowFor(method, params, isGroup);
    if (!window) return null;
    const times = (this.sent.get(chatId) ?? []).filter((t) => t > nowMs - window.windowMs);
    this.sent.set(chatId, times);
    if (times.length + window.needed <= window.limit) return null;
    this.refused++;
    // The oldest sends leave the window first; wait until enough of them have.
    const freeAt = times[times.length + window.needed - window.limit - 1]! + window.windowMs;
    return Math.max(1, Math.ceil((freeAt - nowMs) / 1000));
  }

  /** Counts a send every limit let through. */
  record(method: string, params: Params, chatId: number, isGroup: boolean, nowMs: number): void {
    const window = this.windowFor(method, params, isGroup);
    if (!window) return;
    const times = this.sent.get(chatId) ?? [];
    for (let i = 0; i < window.needed; i++) times.push(nowMs);
    this.sent.set(chatId, times);
  }

  private windowFor(method: string, params: Params, isGroup: boolean): { limit: number; windowMs: number; needed: number } | null {
    const weigh = SENDING[method];
    if (!weigh || this.mode === "off" || (this.mode === "groups" && !isGroup)) return null;
    const { messages: limit, windowMs } = isGroup ? { messages: GROUP_MESSAGES_PER_MINUTE, windowMs: 60_000 } : PRIVATE_BURST;
    return { limit, windowMs, needed: Math.min(weigh(params), limit) };
  }

  /** Sends refused with 429 by a chat's limit since the start (or the last reset). */
  get refused429(): number {
    return this.refused;
  }

  clear(): void {
    this.sent.clear();
    this.refused = 0;
  }
}
