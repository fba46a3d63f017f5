// Storage for @grammyjs/conversations in the database, so a restart mid-flow
// resumes it. Shaped like the plugin's VersionedStateStorage without importing
// grammY. Keys are already pseudonymous (see Secrets.chatKey).
import type { Database } from "../db.js";
import type { Clock } from "./clock.js";

export class ConversationStore {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  read = async <State>(key: string): Promise<State | undefined> => {
    const row = await this.db.conversationState.findUnique({ where: { key } });
    return row ? (JSON.parse(row.value) as State) : undefined;
  };

  write = async <State>(key: string, state: State): Promise<void> => {
    const value = JSON.stringify(state);
    const updatedAt = this.clock();
    await this.db.conversationState.upsert({ where: { key }, create: { key, value, updatedAt }, update: { value, updatedAt } });
  };

  delete = async (key: string): Promise<void> => {
    await this.db.conversationState.deleteMany({ where: { key } });
  };

  /** Drops flows idle for longer than the timeout: they hold raw updates. */
  async deleteIdle(olderThan: Date): Promise<number> {
    const { count } = await this.db.conversationState.deleteMany({ where: { updatedAt: { lt: olderThan } } });
    return count;
  }
}
