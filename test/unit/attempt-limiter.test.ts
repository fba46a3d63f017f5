// The caps behind the receipt and /admin lock-outs and the tips-per-resident
// limit, at their edges: how many, for how long, per key, and what a reset forgets.
import { describe, expect, it } from "vitest";
import { AttemptLimiter, SubmissionLimiter } from "../../src/services/attempt-limiter.js";
import { FakeClock } from "../support/clock.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("AttemptLimiter", () => {
  it("locks a key at exactly the tenth failure (by default) and not before", () => {
    const clock = new FakeClock();
    const limiter = new AttemptLimiter(clock.now);
    expect(limiter.blocked("chat")).toBe(false);
    for (let i = 0; i < 9; i++) limiter.fail("chat");
    expect(limiter.blocked("chat")).toBe(false);
    limiter.fail("chat");
    expect(limiter.blocked("chat")).toBe(true);
    // Other keys are not affected.
    expect(limiter.blocked("other")).toBe(false);
  });

  it("takes its limit and window from the caller (the /admin lock: 5 an hour)", () => {
    const clock = new FakeClock();
    const limiter = new AttemptLimiter(clock.now, 5, 10 * MINUTE);
    for (let i = 0; i < 4; i++) limiter.fail("chat");
    expect(limiter.blocked("chat")).toBe(false);
    limiter.fail("chat");
    expect(limiter.blocked("chat")).toBe(true);
    clock.advance(10 * MINUTE);
    expect(limiter.blocked("chat")).toBe(true);
    clock.advance(1);
    expect(limiter.blocked("chat")).toBe(false);
  });

  it("counts failures from the first in the window; the lock lasts until the hour after the first is over", () => {
    const clock = new FakeClock();
    const limiter = new AttemptLimiter(clock.now);
    limiter.fail("chat");
    clock.advance(50 * MINUTE);
    for (let i = 0; i < 9; i++) limiter.fail("chat");
    expect(limiter.blocked("chat")).toBe(true);
    clock.advance(10 * MINUTE);
    // Exactly an hour after the first failure: still locked.
    expect(limiter.blocked("chat")).toBe(true);
    clock.advance(1);
    expect(limiter.blocked("chat")).toBe(false);
    // The slate is clean: nine more do not lock again.
    for (let i = 0; i < 9; i++) limiter.fail("chat");
    expect(limiter.blocked("chat")).toBe(false);
  });

  it("starts a new count when a failure comes after the window, without asking blocked() first", () => {
    const clock = new FakeClock();
    const limiter = new AttemptLimiter(clock.now);
    for (let i = 0; i < 9; i++) limiter.fail("chat");
    clock.advance(HOUR + 1);
    limiter.fail("chat");
    expect(limiter.blocked("chat")).toBe(false);
    // Exactly at the window's end the old count still holds.
    const edge = new AttemptLimiter(clock.now);
    for (let i = 0; i < 9; i++) edge.fail("chat");
    clock.advance(HOUR);
    edge.fail("chat");
    expect(edge.blocked("chat")).toBe(true);
  });

  it("locks again on ten failures in a later window", () => {
    const clock = new FakeClock();
    const limiter = new AttemptLimiter(clock.now);
    for (let i = 0; i < 9; i++) limiter.fail("chat");
    clock.advance(HOUR + 1);
    for (let i = 0; i < 9; i++) limiter.fail("chat");
    expect(limiter.blocked("chat")).toBe(false);
    limiter.fail("chat");
    expect(limiter.blocked("chat")).toBe(true);
  });

  it("forgets everything past 100,000 keys rather than grow without end", () => {
    const clock = new FakeClock();
    const limiter = new AttemptLimiter(clock.now);
    for (let i = 0; i < 10; i++) limiter.fail("chat");
    expect(limiter.blocked("chat")).toBe(true);
    for (let i = 0; i < 99_999; i++) limiter.fail(`k${i}`);
    expect(limiter.blocked("chat")).toBe(true);
    limiter.fail("one-more");
    expect(limiter.blocked("chat")).toBe(false);
  });
});

describe("SubmissionLimiter", () => {
  it("allows perHour tips in an hour and perDay in a day, per key", () => {
    const clock = new FakeClock();
    const limiter = new SubmissionLimiter(clock.now, 2, 3);
    expect(limiter.check("r")).toBe("ok");
    limiter.record("r");
    expect(limiter.check("r")).toBe("ok");
    limiter.record("r");
    expect(limiter.check("r")).toBe("hour");
    expect(limiter.check("other")).toBe("ok");
    clock.advance(HOUR - 1);
    expect(limiter.check("r")).toBe("hour");
    clock.advance(1);
    expect(limiter.check("r")).toBe("ok");
    limiter.record("r");
    expect(limiter.check("r")).toBe("day");
    // The day counts from each tip: 24 hours after the first, one is free again.
    clock.advance(23 * HOUR - 1);
    expect(limiter.check("r")).toBe("day");
    clock.advance(1);
    expect(limiter.check("r")).toBe("ok");
  });

  it("says 'day' before 'hour' when both are reached", () => {
    const clock = new FakeClock();
    const limiter = new SubmissionLimiter(clock.now, 1, 1);
    limiter.record("r");
    expect(limiter.check("r")).toBe("day");
  });

  it("forgets a key's old tips and everything past 100,000 keys", () => {
    const clock = new FakeClock();
    const limiter = new SubmissionLimiter(clock.now, 1, 5);
    limiter.record("r");
    expect(limiter.check("r")).toBe("hour");
    for (let i = 0; i < 99_999; i++) limiter.record(`k${i}`);
    expect(limiter.check("r")).toBe("hour");
    limiter.record("one-more");
    expect(limiter.check("r")).toBe("ok");
    clock.advance(25 * HOUR);
    limiter.record("x");
    expect(limiter.check("x")).toBe("hour");
  });

  it("drops a key whose tips are all a day old when it is next looked at, so idle residents do not crowd out live ones", () => {
    const clock = new FakeClock();
    const limiter = new SubmissionLimiter(clock.now, 1, 5);
    for (let i = 0; i < 99_999; i++) limiter.record(`k${i}`);
    clock.advance(25 * HOUR);
    for (let i = 0; i < 99_999; i++) expect(limiter.check(`k${i}`)).toBe("ok");
    limiter.record("live");
    limiter.record("another");
    limiter.record("a third");
    expect(limiter.check("live")).toBe("hour");
  });
});
