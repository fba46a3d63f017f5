// Storage for @grammyjs/conversations in the database, so a restart mid-flow
// resumes it. Keys are pseudonymous (Secrets.chatKey). Values are the flow's
// replay log with every sender detail stripped (stored-updates.ts), then sealed
// under TIP_KEYS and bound to their key. When the flow last moved is sealed too:
// no time is readable in the row without the keys.
import { type Database, updateStatementsOf } from "../db.js";
import type { UpdateStatements } from "../update-statements.js";
import type { Clock } from "./clock.js";
import { type Keyring, SEALED } from "./keyring.js";
import { restoreIdentity, stripIdentity } from "./stored-updates.js";

const SWEEP_PAGE = 500;

export class ConversationStore {
  private readonly statements: UpdateStatements;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly keyring: Keyring,
  ) {
    this.statements = updateStatementsOf(db);
  }

  /** The flow state of a chat, with the live chat id put back where it was stripped. */
  // Read and written on every private update: statements on the driver (update-statements.ts);
  // ON CONFLICT settles two instances writing one new key at once without a retry.
  read = async <State>(key: string, chatId: number | string): Promise<State | undefined> => {
    const value = await this.statements.readFlow(key);
    if (value === undefined) return undefined;
    return restoreIdentity(JSON.parse(this.keyring.open(SEALED.flow, key, value)) as State, chatId);
  };

  write = async <State>(key: string, chatId: number | string, state: State): Promise<void> => {
    const value = this.keyring.seal(SEALED.flow, key, JSON.stringify(stripIdentity(state, chatId)));
    const activity = this.keyring.seal(SEALED.flowActivity, key, String(this.clock().getTime()));
    await this.statements.writeFlow(key, value, activity);
  };

  /** Ends a chat's flow: its state and the choices it offered (chats without buttons) go together. */
  delete = async (key: string): Promise<void> => {
    await this.db.$transaction([this.db.conversationState.deleteMany({ where: { key } }), this.db.offeredChoice.deleteMany({ where: { chatKey: key } })]);
    await this.statements.eraseDeleted();
  };

  /** Drops flows idle for longer than the timeout, and what they offered: a resident who walked away leaves nothing. */
  async deleteIdle(olderThan: Date): Promise<number> {
    let dropped = 0;
    let after: string | undefined;
    for (;;) {
      const rows = await this.db.conversationState.findMany({
        select: { key: true, activity: true },
        orderBy: { key: "asc" },
        take: SWEEP_PAGE,
        ...(after ? { where: { key: { gt: after } } } : {}),
      });
      const idle = rows.filter((row) => Number(this.keyring.open(SEALED.flowActivity, row.key, row.activity)) < olderThan.getTime()).map((row) => row.key);
      if (idle.length > 0) {
        // A flow that moved on since it was read keeps its row: only the activity read here is deleted.
        for (const key of idle) {
          const row = rows.find((r) => r.key === key)!;
          const { count } = await this.db.conversationState.deleteMany({ where: { key, activity: row.activity } });
          if (count > 0) await this.db.offeredChoice.deleteMany({ where: { chatKey: key } });
          dropped += count;
        }
      }
      if (rows.length < SWEEP_PAGE) {
        if (dropped > 0) await this.statements.eraseDeleted();
        return dropped;
      }
      after = rows[rows.length - 1]!.key;
    }
  }
}
