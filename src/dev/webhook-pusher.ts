// The platform's side of webhook mode, for both stand-ins. Queued updates are
// taken in order and each is POSTed on its own connection, up to
// `maxConnections` at once. Updates of one lane (the rules say which: Telegram's
// server keeps one per chat for messages) go one after another: the next waits
// until the one before was accepted or given up. A non-2xx answer, a refused or
// dropped connection, or no answer in time is retried with back-off; the
// connection is free meanwhile, so updates of other lanes go on. Each platform
// says how long to wait and when to give up (Telegram never does, Zalo after a
// few attempts).

export interface WebhookTarget {
  url: string;
  secretToken: string;
  /** Requests in flight at once (Telegram's max_connections); 1 when left out. */
  maxConnections?: number;
}

export interface PushedQueue<Update> {
  /** Every queued update, oldest first; the pusher leaves out those it is already delivering. */
  queued(): readonly Update[];
  onPush(listener: () => void): void;
}

export interface DeliveryRules<Update> {
  /** A receiver that never answers must not stall the queue for ever. */
  timeoutMs: number;
  /** The wait after the n-th failed attempt at one update. */
  retryDelayMs(failures: number): number;
  maxAttempts: number;
  /** Updates of one lane go one after another; undefined: a lane of its own. */
  laneOf(update: Update): string | undefined;
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

/** One update being delivered: on the wire, waiting out a retry delay, or due again. */
interface Delivery {
  failures: number;
  request: AbortController | null;
  retry: NodeJS.Timeout | null;
}

export class WebhookPusher<Update> {
  readonly stats: WebhookStats = { delivered: 0, failedAttempts: 0, dropped: 0, lastError: null };
  private target: WebhookTarget | null = null;
  private readonly deliveries = new Map<Update, Delivery>();
  private sending = 0;

  constructor(
    private readonly queue: PushedQueue<Update>,
    private readonly rules: DeliveryRules<Update>,
  ) {
    queue.onPush(() => this.pump());
  }

  get url(): string {
    return this.target?.url ?? "";
  }

  get active(): boolean {
    return this.target !== null;
  }

  get maxConnections(): number {
    return Math.max(1, this.target?.maxConnections ?? 1);
  }

  /** A new target takes over the deliveries under way (their retries go to it); none cuts them all, their updates stay queued. */
  set(target: WebhookTarget | null): void {
    this.target = target;
    if (!target) {
      for (const delivery of this.deliveries.values()) {
        delivery.request?.abort();
        if (delivery.retry) clearTimeout(delivery.retry);
      }
      this.deliveries.clear();
      this.sending = 0;
    }
    this.pump();
  }

  stop(): void {
    this.set(null);
  }

  /** Starts the next updates that may go, while connections are free. */
  private pump(): void {
    while (this.target && this.sending < this.maxConnections) {
      const next = this.nextToSend();
      if (next === undefined) return;
      const delivery = this.deliveries.get(next) ?? { failures: 0, request: null, retry: null };
      this.deliveries.set(next, delivery);
      void this.attempt(next, delivery);
    }
  }

  /** The oldest queued update not on the wire, not waiting out a retry, and first of its lane. */
  private nextToSend(): Update | undefined {
    const lanesAhead = new Set<string>();
    for (const update of this.queue.queued()) {
      const lane = this.rules.laneOf(update);
      if (lane !== undefined) {
        if (lanesAhead.has(lane)) continue;
        lanesAhead.add(lane);
      }
      const delivery = this.deliveries.get(update);
      if (!delivery || (delivery.request === null && delivery.retry === null)) return update;
    }
    return undefined;
  }

  private async attempt(update: Update, delivery: Delivery): Promise<void> {
    const target = this.target!;
    const controller = new AbortController();
    delivery.request = controller;
    this.sending++;
    const error = await this.deliver(target, update, controller);
    // Deleted meanwhile (set(null) cut this request): the update stays queued for getUpdates.
    if (this.deliveries.get(update) !== delivery) return;
    delivery.request = null;
    this.sending--;
    if (error === null) {
      this.deliveries.delete(update);
      this.rules.delivered(update);
      this.stats.delivered++;
    } else {
      delivery.failures++;
      this.stats.failedAttempts++;
      this.stats.lastError = error;
      if (delivery.failures >= this.rules.maxAttempts) {
        this.deliveries.delete(update);
        this.rules.givenUp(update);
        this.stats.dropped++;
      } else {
        delivery.retry = setTimeout(() => {
          delivery.retry = null;
          // Dropped from the queue meanwhile (drop_pending_updates): nothing left to retry.
          if (!this.queue.queued().includes(update)) this.deliveries.delete(update);
          this.pump();
        }, this.rules.retryDelayMs(delivery.failures));
      }
    }
    this.pump();
  }

  /** Null when the receiver answered 2xx; otherwise what went wrong. */
  private async deliver(target: WebhookTarget, update: Update, controller: AbortController): Promise<string | null> {
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
    }
  }
}
