import { describe, expect, it } from "vitest";
import { APPROXIMATE_GRID_DEGREES, approximatePin, formatStoredPin, parseStoredPin } from "../../src/domain/location.js";

describe("approximatePin", () => {
  it("gives every point of a ~170 m cell the same pin, its centre", () => {
    const a = approximatePin({ latitude: 13.77601, longitude: 109.22301 });
    const b = approximatePin({ latitude: 13.77749, longitude: 109.22349 });
    expect(a).toEqual(b);
    expect(a).toEqual({ latitude: 13.77675, longitude: 109.22325 });
  });

  it("never moves a pin by more than one cell, and is stable", () => {
    for (const pin of [{ latitude: 10.823099, longitude: 106.629664 }, { latitude: 21.028511, longitude: 105.804817 }, { latitude: -33.8688, longitude: 151.2093 }]) {
      const rounded = approximatePin(pin);
      expect(Math.abs(rounded.latitude - pin.latitude)).toBeLessThanOrEqual(APPROXIMATE_GRID_DEGREES / 2 + 1e-9);
      expect(Math.abs(rounded.longitude - pin.longitude)).toBeLessThanOrEqual(APPROXIMATE_GRID_DEGREES / 2 + 1e-9);
      expect(approximatePin(rounded)).toEqual(rounded);
    }
  });

  it("stores whether a pin was rounded", () => {
    expect(parseStoredPin(formatStoredPin({ latitude: 13.1, longitude: 109.2, approximate: true }))).toEqual({ latitude: 13.1, longitude: 109.2, approximate: true });
    expect(parseStoredPin("13.1,109.2")).toEqual({ latitude: 13.1, longitude: 109.2, approximate: false });
    expect(parseStoredPin(null)).toBeNull();
  });
});
