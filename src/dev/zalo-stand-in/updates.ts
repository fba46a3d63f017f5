// The update queue behind getUpdates, with Zalo's long-polling rules: there
// is no offset, so an update handed to a poll is gone (at most once). A poll
// gets one update, the oldest; polls waiting together are served in arrival
// order. A poll whose client hung up must not swallow an update, so each
// poll can tell whether its client is still there.
import type { ZaloUpdate } from "./types.js";

/** The client end of one getUpdates request. */
export interface PollClient {
  /** True once the client hung up (checked before handing it an update). */
  gone(): boolean;
  /** Aborted when the client hangs up. */
  signal: AbortSignal;
}

interface Poll {
  client: PollClient;
  resolve(update: ZaloUpdate | null): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class ZaloUpdateQueue {
  private queue: ZaloUpdate[] = [];
  private polls: Poll[] = [];
  private readonly listeners: (() => void)[] = [];

  get pending(): number {
    return this.queue.length;
  }

  /** getUpdates requests waiting for an update. */
  get waiting(): number {
    return this.polls.length;
  }

  push(update: ZaloUpdate): void {
    this.queue.push(update);
    this.serve();
    for (const listener of this.listeners) listener();
  }

  /** Called after each queued update (the webhook pusher waits on it). */
  onPush(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Every queued update, oldest first (webhook mode delivers from these). */
  queued(): readonly ZaloUpdate[] {
    return this.queue;
  }

  /** Takes one update out (delivered, or given up). */
  remove(update: ZaloUpdate): void {
    const at = this.queue.indexOf(update);
    if (at >= 0) this.queue.splice(at, 1);
  }

  /** Puts back an update whose poll's client vanished before the answer went out. */
  putBack(update: ZaloUpdate): void {
    this.queue.unshift(update);
    this.serve();
  }

  /** Resolves with the oldest update, or null when none came within `timeoutSeconds`. */
  take(timeoutSeconds: number, client: PollClient): Promise<ZaloUpdate | null> {
    if (this.polls.length === 0 && this.queue.length > 0) return Promise.resolve(this.queue.shift()!);
    if (timeoutSeconds <= 0 || client.gone()) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const poll: Poll = {
        client,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.finish(poll);
          resolve(null);
        }, timeoutSeconds * 1000),
      };
      this.polls.push(poll);
      // The client gave up: nobody to answer, and no update is spent on it.
      client.signal.addEventListener(
        "abort",
        () => {
          this.finish(poll);
          resolve(null);
        },
        { once: true },
      );
    });
  }

  /** Ends every waiting poll: with `error`, or as if it timed out (the server stops). */
  endPolls(error?: Error): void {
    const polls = this.polls;
    this.polls = [];
    for (const poll of polls) {
      clearTimeout(poll.timer);
      if (error) poll.reject(error);
      else poll.resolve(null);
    }
  }

  private serve(): void {
    while (this.queue.length > 0 && this.polls.length > 0) {
      const poll = this.polls.shift()!;
      clearTimeout(poll.timer);
      if (poll.client.gone()) {
        poll.resolve(null);
        continue;
      }
      poll.resolve(this.queue.shift()!);
    }
  }

  private finish(poll: Poll): void {
    clearTimeout(poll.timer);
    const at = this.polls.indexOf(poll);
    if (at >= 0) this.polls.splice(at, 1);
  }
}
