/** A clock tests can move. */
export class FakeClock {
  private current: number;
  constructor(start = Date.parse("2026-11-25T02:00:00Z")) {
    this.current = start;
  }
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current += ms;
  }
  advanceHours(hours: number): void {
    this.advance(hours * 3_600_000);
  }
}
