// The update queue behind getUpdates, with Telegram's long-polling rules:
// an offset confirms (and forgets) every older update, a waiting request is
// answered as soon as an update arrives, and a second request while one
// waits ends the first with 409 Conflict.
import type { Update } from "grammy/types";
import { conflict } from "./errors.js";

export type UpdateType = Exclude<keyof Update, "update_id">;

/** Telegram's default when allowed_updates was never set (or set to []). */
const NOT_BY_DEFAULT = new Set<string>(["chat_member", "message_reaction", "message_reaction_count"]);

interface Poll {
  offset: number;
  limit: number;
  resolve(updates: Update[]): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export function typeOf(update: Update): UpdateType | undefined {
  return Object.keys(update).find((key) => key !== "update_id") as UpdateType | undefined;
}

export class UpdateQueue {
  private queue: Update[] = [];
  private nextId: number;
  private allowed: Set<string> | null = null;
  private poll: Poll | null = null;
  private readonly listeners: (() => void)[] = [];

  constructor(firstUpdateId = 1) {
    this.nextId = firstUpdateId;
  }

  get pending(): number {
    return this.queue.length;
  }

  get allowedUpdates(): string[] {
    return this.allowed ? [...this.allowed] : [];
  }

  /** Sets allowed_updates as getUpdates/setWebhook do: an empty list means the default. */
  setAllowed(types: unknown): void {
    if (!Array.isArray(types)) return;
    this.allowed = types.length === 0 ? null : new Set(types.map(String));
  }

  isAllowed(type: UpdateType): boolean {
    return this.allowed ? this.allowed.has(type) : !NOT_BY_DEFAULT.has(type);
  }

  /** Queues an update; returns it with its id, or null when the bot does not take that type. */
  push(update: Omit<Update, "update_id">): Update | null {
    const full: Update = { update_id: this.nextId++, ...update };
    const type = typeOf(full);
    if (type === undefined || !this.isAllowed(type)) return null;
    this.queue.push(full);
    this.wake();
    for (const listener of this.listeners) listener();
    return full;
  }

  /** Called after each queued update (the webhook pusher waits on it). */
  onPush(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Every unconfirmed update, oldest first (webhook mode delivers from these). */
  queued(): readonly Update[] {
    return this.queue;
  }

  /**
   * Confirms that one update, wherever it is in the queue (the bot answered its
   * webhook call): with several in flight, a later one may be accepted first.
   */
  ack(updateId: number): void {
    const at = this.queue.findIndex((update) => update.update_id === updateId);
    if (at >= 0) this.queue.splice(at, 1);
  }

  /** Forgets every queued update (deleteWebhook with drop_pending_updates, reset). */
  drop(): void {
    this.queue = [];
  }

  take(offset: number, limit: number, timeoutSeconds: number, signal: AbortSignal): Promise<Update[]> {
    this.confirm(offset);
    if (this.poll) {
      const previous = this.poll;
      this.finish(previous);
      previous.reject(conflict("terminated by other getUpdates request; make sure that only one bot instance is running"));
    }
    const ready = this.select(offset, limit);
    if (ready.length > 0 || timeoutSeconds <= 0 || signal.aborted) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const poll: Poll = {
        offset,
        limit,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.finish(poll);
          resolve(this.select(offset, limit));
        }, timeoutSeconds * 1000),
      };
      this.poll = poll;
      // The client gave up (aborted or disconnected): nobody to answer.
      signal.addEventListener("abort", () => this.finish(poll), { once: true });
    });
  }

  /** Answers a waiting getUpdates with nothing, as Telegram does when its server stops. */
  close(): void {
    const poll = this.poll;
    if (!poll) return;
    this.finish(poll);
    poll.resolve([]);
  }

  private wake(): void {
    const poll = this.poll;
    if (!poll) return;
    const ready = this.select(poll.offset, poll.limit);
    if (ready.length === 0) return;
    this.finish(poll);
    poll.resolve(ready);
  }

  private finish(poll: Poll): void {
    clearTimeout(poll.timer);
    if (this.poll === poll) this.poll = null;
  }

  private confirm(offset: number): void {
    if (offset < 0) {
      // A negative offset keeps only the last -offset updates.
      this.queue = this.queue.slice(offset);
      return;
    }
    let drop = 0;
    while (drop < this.queue.length && this.queue[drop]!.update_id < offset) drop++;
    if (drop > 0) this.queue = this.queue.slice(drop);
  }

  private select(offset: number, limit: number): Update[] {
    const from = offset < 0 ? 0 : offset;
    const out: Update[] = [];
    for (const update of this.queue) {
      if (update.update_id < from) continue;
      out.push(update);
      if (out.length >= limit) break;
    }
    return out;
  }
}
