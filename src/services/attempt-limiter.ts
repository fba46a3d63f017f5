// Caps wrong receipt guesses per chat, keyed by the chat's pseudonymous key,
// so a receipt cannot be found by trying codes. Kept in memory on purpose:
// nothing about who tried is written anywhere.
import type { Clock } from "./clock.js";

export class AttemptLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures = 10,
    private readonly windowMs = 3_600_000,
  ) {}

  blocked(key: string): boolean {
    const entry = this.failures.get(key);
    if (!entry) return false;
    if (this.clock().getTime() - entry.since > this.windowMs) {
      this.failures.delete(key);
      return false;
    }
    return entry.count >= this.maxFailures;
  }

  fail(key: string): void {
    const now = this.clock().getTime();
    const entry = this.failures.get(key);
    if (!entry || now - entry.since > this.windowMs) this.failures.set(key, { count: 1, since: now });
    else entry.count += 1;
    if (this.failures.size > 100_000) this.failures.clear();
  }
}

/**
 * Caps tips per resident (per hour and per day), keyed by the chat's keyed
 * hash. In memory on purpose: a stored log of submission times per pseudonym
 * would let a database reader link one person's tips together.
 */
export class SubmissionLimiter {
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly perHour: number,
    private readonly perDay: number,
  ) {}

  private recent(key: string): number[] {
    const now = this.clock().getTime();
    const kept = (this.times.get(key) ?? []).filter((t) => now - t < 86_400_000);
    if (kept.length > 0) this.times.set(key, kept);
    else this.times.delete(key);
    return kept;
  }

  /** "hour" or "day" when one more tip would exceed that limit. */
  check(key: string): "ok" | "hour" | "day" {
    const now = this.clock().getTime();
    const day = this.recent(key);
    if (day.length >= this.perDay) return "day";
    return day.filter((t) => now - t < 3_600_000).length >= this.perHour ? "hour" : "ok";
  }

  record(key: string): void {
    this.times.set(key, [...this.recent(key), this.clock().getTime()]);
    if (this.times.size > 100_000) this.times.clear();
  }
}
