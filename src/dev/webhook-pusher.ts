// The platform's side of webhook mode, for both stand-ins: queued updates are
// POSTed to the bot's URL one at a time, in order (max_connections 1). A non-2xx
// answer, a refused or dropped connection, or no answer in time is retried with
// back-off while later updates wait behind it; each platform says how long to
// wait and when to give up (Telegram never does, Zalo after a few attempts).

export interface WebhookTarget {
  url: string;
  secretToken: string;
}

export interface PushedQueue<Update> {
  peek(): Update | undefined;
  onPush(listener: () => void): void;
}

export interface DeliveryRules<Update> {
  /** A receiver that never answers must not stall the queue for ever. */
  timeoutMs: number;
  /** The wait after the n-th failed attempt at one update. */
  retryDelayMs(failures: number): number;
  maxAttempts: number;
  request(target: WebhookTarget, update: Update): { headers: Record<string, string>; body: string };
  /** The bot took it: it leaves the queue. */
  delivered(update: Update): void;
  /** The last attempt failed too: it leaves the queue unseen. */
  givenUp(update: Update): void;
}

export interface WebhookStats {
  delivered: number;
  failedAttempts: number;
  /** Updates given up after the last attempt. */
  dropped: number;
  lastError: string | null;
}

export class WebhookPusher<Update> {
  readonly stats: WebhookStats = { delivered: 0, failedAttempts: 0, dropped: 0, lastError: null };
  private target: WebhookTarget | null = null;
  private running = false;
  private wakeUp: (() => void) | null = null;
  private inFlight: AbortController | null = null;

  constructor(
    private readonly queue: PushedQueue<Update>,
    private readonly rules: DeliveryRules<Update>,
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

  private async deliverWithRetries(update: Update): Promise<void> {
    for (let attempt = 1; this.target; attempt++) {
      const error = await this.deliver(this.target, update);
      if (!this.target) return; // deleted meanwhile: the update stays queued for getUpdates
      if (error === null) {
        this.rules.delivered(update);
        this.stats.delivered++;
        return;
      }
      this.stats.failedAttempts++;
      this.stats.lastError = error;
      if (attempt >= this.rules.maxAttempts) {
        this.rules.givenUp(update);
        this.stats.dropped++;
        return;
      }
      await this.pause(this.rules.retryDelayMs(attempt));
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
  private async deliver(target: WebhookTarget, update: Update): Promise<string | null> {
    const controller = new AbortController();
    this.inFlight = controller;
    const timer = setTimeout(() => controller.abort(), this.rules.timeoutMs);
    try {
      const { headers, body } = this.rules.request(target, update);
      const res = await fetch(target.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: controller.signal });
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
