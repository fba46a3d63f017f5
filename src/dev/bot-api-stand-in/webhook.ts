// Telegram's side of webhook mode: queued updates are POSTed, in order and one
// at a time (max_connections 1), to the bot's URL with the secret token in
// X-Telegram-Bot-Api-Secret-Token. Anything but a 2xx answer — an error, a
// refused or dropped connection — is retried with back-off; an update leaves
// the queue only once the bot accepted it, so none is skipped.
import type { Update } from "grammy/types";
import type { UpdateQueue } from "./updates.js";

export interface WebhookTarget {
  url: string;
  secretToken: string;
}

export interface WebhookStats {
  delivered: number;
  failedAttempts: number;
  lastError: string | null;
}

const RETRY_MIN_MS = 50;
const RETRY_MAX_MS = 1_000;

export class WebhookPusher {
  readonly stats: WebhookStats = { delivered: 0, failedAttempts: 0, lastError: null };
  private target: WebhookTarget | null = null;
  private running = false;
  private wakeUp: (() => void) | null = null;
  private inFlight: AbortController | null = null;

  constructor(private readonly queue: UpdateQueue) {
    queue.onPush(() => this.wake());
  }

  get url(): string {
    return this.target?.url ?? "";
  }

  set(target: WebhookTarget | null): void {
    this.target = target;
    if (!target) this.inFlight?.abort();
    if (target && !this.running) void this.loop();
    this.wake();
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    wakeUp?.();
  }

  private async loop(): Promise<void> {
    this.running = true;
    let failures = 0;
    try {
      while (this.target) {
        const next = this.queue.peek();
        if (!next) {
          await new Promise<void>((resolve) => (this.wakeUp = resolve));
          continue;
        }
        const error = await this.deliver(this.target, next);
        if (error === null) {
          this.queue.ack(next.update_id);
          this.stats.delivered++;
          failures = 0;
          continue;
        }
        this.stats.failedAttempts++;
        this.stats.lastError = error;
        failures++;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(RETRY_MIN_MS * 2 ** (failures - 1), RETRY_MAX_MS));
          this.wakeUp = () => {
            // Only a change of target cuts the back-off short; new updates wait their turn.
            if (!this.target) {
              clearTimeout(timer);
              resolve();
            }
          };
        });
      }
    } finally {
      this.running = false;
    }
  }

  /** Null when the bot answered 2xx; otherwise what went wrong. */
  private async deliver(target: WebhookTarget, update: Update): Promise<string | null> {
    const controller = new AbortController();
    this.inFlight = controller;
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      const res = await fetch(target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(target.secretToken ? { "x-telegram-bot-api-secret-token": target.secretToken } : {}),
        },
        body: JSON.stringify(update),
        signal: controller.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok ? null : `HTTP ${res.status}`;
    } catch (err) {
      return String((err as Error).message ?? err);
    } finally {
      clearTimeout(timer);
      this.inFlight = null;
    }
  }

  stop(): void {
    this.set(null);
  }
}
