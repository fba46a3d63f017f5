// Each Telegram update is handled once, whichever instance or retry brings it.
// Claimed before handling (at most once): a crash mid-update loses that one
// update rather than running a half-done action twice. Flows are resumable, so
// the person simply sends it again.
import type { Database } from "../db.js";
import type { Clock } from "./clock.js";
import { isUniqueViolation } from "./write-races.js";

export class ProcessedUpdates {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** True the first time an update id is seen; false for any repeat. */
  async claim(updateId: number): Promise<boolean> {
    try {
      await this.db.processedUpdate.create({ data: { updateId: String(updateId), handledAt: this.clock() } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  async forgetBefore(cutoff: Date): Promise<number> {
    const { count } = await this.db.processedUpdate.deleteMany({ where: { handledAt: { lt: cutoff } } });
    return count;
  }
}
