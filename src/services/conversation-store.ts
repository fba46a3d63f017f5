// Storage for @grammyjs/conversations in the database, so a restart mid-flow
// resumes it. Shaped like the plugin's VersionedStateStorage without importing
// grammY. Keys are already pseudonymous (see Secrets.chatKey); values hold raw
// updates (the sender included), so they are sealed under TIP_KEYS.
import type { Database } from "../db.js";
import type { Clock } from "./clock.js";
import { type Keyring, SEALED } from "./keyring.js";
import { upsertRacing } from "./write-races.js";

export class ConversationStore {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly keyring: Keyring,
  ) {}

  read = async <State>(key: string): Promise<State | undefined> => {
    const row = await this.db.conversationState.findUnique({ where: { key } });
    return row ? (JSON.parse(this.keyring.open(SEALED.flow, row.value)) as State) : undefined;
  };

  write = async <State>(key: string, state: State): Promise<void> => {
    const value = this.keyring.seal(SEALED.flow, JSON.stringify(state));
    const updatedAt = this.clock();
    await upsertRacing(() => this.db.conversationState.upsert({ where: { key }, create: { key, value, updatedAt }, update: { value, updatedAt } }));
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
