import { describe, expect, it } from "vitest";
import { ImageDecoder } from "../../src/services/images.js";

describe("ImageDecoder", () => {
  it("decodes at most `concurrency` pictures at once, and says when the line is full", async () => {
    const decoder = new ImageDecoder(2, 3);
    let running = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const work = () =>
      decoder.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
      });
    const all = Array.from({ length: 5 }, work);
    await new Promise((r) => setImmediate(r));
    expect(decoder.busy).toEqual({ running: 2, waiting: 3 });
    expect(decoder.full).toBe(true);
    while (gates.length > 0 || running > 0) {
      gates.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(all);
    expect(most).toBe(2);
    expect(decoder.full).toBe(false);
    expect(decoder.busy).toEqual({ running: 0, waiting: 0 });
  });

  it("frees its slot when a decode fails", async () => {
    const decoder = new ImageDecoder(1, 0);
    await expect(decoder.run(() => Promise.reject(new Error("unreadable")))).rejects.toThrow("unreadable");
    expect(await decoder.run(() => Promise.resolve(7))).toBe(7);
  });
});
