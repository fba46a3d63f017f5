// The flood limiter's counts, kept on the services' clock rather than on timers,
// so a window ends when that clock says so (tests move it instead of waiting).
import type { Clock } from "../services/clock.js";

/** One fixed window per key, opened by its first hit; the store shape @grammyjs/ratelimiter takes (incr, pexpire). */
export class FloodWindows {
  private readonly windows = new Map<string, { hits: number; endsAt: number }>();
  private nextSweep = 0;

  constructor(
    private readonly clock: Clock,
    private readonly windowMs: number,
  ) {}

  incr(key: string): Promise<number> {
    const now = this.clock().getTime();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      this.forgetEnded(now);
      window = { hits: 0, endsAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.hits++;
    return Promise.resolve(window.hits);
  }

  pexpire(key: string, ms: number): Promise<number> {
    const window = this.windows.get(key);
    if (window) window.endsAt = this.clock().getTime() + ms;
    return Promise.resolve(window ? 1 : 0);
  }

  /** At most once a window, so memory holds only the chats active lately. */
  private forgetEnded(now: number): void {
    if (now < this.nextSweep) return;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    this.nextSweep = now + this.windowMs;
  }
}
