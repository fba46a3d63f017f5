// The per-chat limits (tips per hour and day, wrong receipt codes, wrong
// /admin codes), counted once however many instances serve the bot.
//
// They stay in memory on purpose: a stored count of "this chat filed a tip
// today" would tell whoever holds the database and every key which person
// tipped, by hashing a suspect's chat id. So one instance keeps them for all:
// the one holding the scheduler lease. The others ask it over HTTP
// (app/limits-keeper.ts); an instance that cannot reach it counts alone, as
// one process would, and a new keeper starts from nothing, as a restart does.
import type { AttemptLimiter, SubmissionLimiter } from "./attempt-limiter.js";

export type AttemptKind = "receipt" | "admin";
export type TipVerdict = "ok" | "hour" | "day";

/** One question to the keeper; the key is always the chat's keyed hash. */
export type LimitRequest =
  | { op: "tip-check"; key: string }
  | { op: "tip-record"; key: string }
  | { op: "attempt-blocked"; kind: AttemptKind; key: string }
  | { op: "attempt-failed"; kind: AttemptKind; key: string };

export type LimitAnswer = TipVerdict | boolean | null;

/** Asks the keeper; null when this instance keeps the limits itself. */
export type FindKeeper = () => Promise<((request: LimitRequest) => Promise<LimitAnswer>) | null>;

export class ChatLimits {
  private findKeeper: FindKeeper = () => Promise.resolve(null);
  private onKeeperUnreachable: (err: unknown) => void = () => undefined;

  constructor(
    private readonly local: { tips: SubmissionLimiter; receipt: AttemptLimiter; admin: AttemptLimiter },
  ) {}

  /** Several instances: ask the keeper; when it does not answer, count here (and say so). */
  useKeeper(find: FindKeeper, onUnreachable: (err: unknown) => void): void {
    this.findKeeper = find;
    this.onKeeperUnreachable = onUnreachable;
  }

  /** "hour" or "day" when one more tip would be over that limit. */
  async tipCheck(key: string): Promise<TipVerdict> {
    const answer = await this.ask({ op: "tip-check", key });
    return answer === "hour" || answer === "day" ? answer : "ok";
  }

  async tipRecord(key: string): Promise<void> {
    await this.ask({ op: "tip-record", key });
  }

  async blocked(kind: AttemptKind, key: string): Promise<boolean> {
    return (await this.ask({ op: "attempt-blocked", kind, key })) === true;
  }

  async failed(kind: AttemptKind, key: string): Promise<void> {
    await this.ask({ op: "attempt-failed", kind, key });
  }

  /** The keeper's own answer (this instance's counts), also given to the others over HTTP. */
  answer(request: LimitRequest): LimitAnswer {
    switch (request.op) {
      case "tip-check":
        return this.local.tips.check(request.key);
      case "tip-record":
        this.local.tips.record(request.key);
        return null;
      case "attempt-blocked":
        return this.local[request.kind].blocked(request.key);
      case "attempt-failed":
        this.local[request.kind].fail(request.key);
        return null;
    }
  }

  private async ask(request: LimitRequest): Promise<LimitAnswer> {
    try {
      const keeper = await this.findKeeper();
      if (keeper) return await keeper(request);
    } catch (err) {
      this.onKeeperUnreachable(err);
    }
    return this.answer(request);
  }
}
