// The flood limiter's windows run on the clock they are given: a window ends when that clock passes it, never by a timer.
import { describe, expect, it } from "vitest";
import { FloodWindows } from "../../src/bot/flood-windows.js";
import { FakeClock } from "../support/clock.js";

describe("flood windows", () => {
  it("counts a chat's hits in a window opened by its first hit, and starts over once the clock passes it", async () => {
    const clock = new FakeClock();
    const windows = new FloodWindows(clock.now, 1_000);
    expect([await windows.incr("a"), await windows.incr("a"), await windows.incr("b")]).toEqual([1, 2, 1]);
    clock.advance(999);
    expect(await windows.incr("a")).toBe(3);
    clock.advance(1);
    expect(await windows.incr("a")).toBe(1);
    expect(await windows.incr("b")).toBe(1);
  });

  it("takes the window length the limiter sets on a first hit", async () => {
    const clock = new FakeClock();
    const windows = new FloodWindows(clock.now, 1_000);
    expect(await windows.incr("a")).toBe(1);
    expect(await windows.pexpire("a", 5_000)).toBe(1);
    clock.advance(4_999);
    expect(await windows.incr("a")).toBe(2);
    clock.advance(1);
    expect(await windows.incr("a")).toBe(1);
    expect(await windows.pexpire("unknown", 5_000)).toBe(0);
  });
});
