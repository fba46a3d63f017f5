// Each Telegram update is handled once, whichever instance or retry brings it.
// Claimed before handling (at most once): a crash mid-update loses that one
// update rather than running a half-done action twice. Flows are resumable, so
// the person simply sends it again.
import { type Database, updateStatementsOf } from "../db.js";
import type { Clock } from "./clock.js";

export class ProcessedUpdates {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** True the first time an update id is seen; false for any repeat. Runs on every update: on the driver (update-statements.ts). */
  claim(updateId: number): Promise<boolean> {
    return updateStatementsOf(this.db).claimUpdate(String(updateId), this.clock());
  }

  async forgetBefore(cutoff: Date): Promise<number> {
    const { count } = await this.db.processedUpdate.deleteMany({ where: { handledAt: { lt: cutoff } } });
    return count;
  }
}
