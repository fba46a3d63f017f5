// Zalo's side of webhook mode: queued updates are POSTed to the bot's URL one
// at a time, in order, as {"ok":true,"result":<update>} with the secret in
// X-Bot-Api-Secret-Token. A non-2xx answer or a connection error is retried
// with doubling delays while the later updates wait behind it; after the last
// attempt the update is given up, since Zalo delivers at most once.
import type { ZaloUpdateQueue } from "./updates.js";
import type { ZaloUpdate, ZaloWebhookStats } from "./types.js";

export interface WebhookTarget {
  url: string;
  secretToken: string;
}

export interface WebhookRetry {
  firstDelayMs: number;
  maxAttempts: number;
}

/** A receiver that never answers must not stall the queue for ever. */
const DELIVERY_TIMEOUT_MS = 30_000;

export class ZaloWebhookPusher {
  readonly stats: Omit<ZaloWebhookStats, "pending"> = { delivered: 0, failedAttempts: 0, dropped: 0, lastError: null };
  private target: WebhookTarget | null = null;
  private running = false;
  private wakeUp: (() => void) | null = null;
  private inFlight: AbortController | null = null;

  constructor(
    private readonly queue: ZaloUpdateQueue,
    private readonly retry: WebhookRetry,
  ) {
    queue.onPush(() => this.wake());
  }

  get url(): string {
    return this.target?.url ?? "";
  }

  get active(): boolean {
    return this.target !== null;
  }

  set(target: WebhookTarget | null): void {
    this.target = target;
    if (!target) this.inFlight?.abort();
    if (target && !this.running) void this.loop();
    this.wake();
  }

  stop(): void {
    this.set(null);
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    wakeUp?.();
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      while (this.target) {
        const next = this.queue.peek();
        if (!next) {
          await new Promise<void>((resolve) => (this.wakeUp = resolve));
          continue;
        }
        await this.deliverWithRetries(next);
      }
    } finally {
      this.running = false;
    }
  }

  private async deliverWithRetries(update: ZaloUpdate): Promise<void> {
    for (let attempt = 1; this.target; attempt++) {
      const error = await this.deliver(this.target, update);
      if (!this.target) return; // deleted meanwhile: the update stays queued for getUpdates
      if (error === null) {
        this.queue.remove(update);
        this.stats.delivered++;
        return;
      }
      this.stats.failedAttempts++;
      this.stats.lastError = error;
      if (attempt >= this.retry.maxAttempts) {
        this.queue.remove(update);
        this.stats.dropped++;
        return;
      }
      await this.pause(this.retry.firstDelayMs * 2 ** (attempt - 1));
    }
  }

  /** Waits out a retry delay; only deleting the webhook cuts it short, new updates wait their turn. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      const onWake = () => {
        if (this.target) {
          this.wakeUp = onWake;
          return;
        }
        clearTimeout(timer);
        resolve();
      };
      this.wakeUp = onWake;
    });
  }

  /** Null when the receiver answered 2xx; otherwise what went wrong. */
  private async deliver(target: WebhookTarget, update: ZaloUpdate): Promise<string | null> {
    const controller = new AbortController();
    this.inFlight = controller;
    const timer = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
    try {
      const res = await fetch(target.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-bot-api-secret-token": target.secretToken },
        body: JSON.stringify({ ok: true, result: update }),
        signal: controller.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok ? null : `HTTP ${res.status}`;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timer);
      if (this.inFlight === controller) this.inFlight = null;
    }
  }
}
