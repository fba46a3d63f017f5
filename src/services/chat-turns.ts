// One private chat's updates handled one at a time across instances. Within a
// process grammY's sequentialize does it; two instances behind a load balancer
// (or both polling Zalo) can each get one of the same chat's updates at once,
// e.g. three photos sent together, and the later write of the flow's state
// would drop what the other did. A turn is a row under the chat's keyed hash,
// held while the update is handled and deleted after it.
//
// The row holds no time (see docs/security.md, "no time, order or id pairs a
// chat with a tip"): a holder that died leaves its row, and a waiter that has
// watched the same holder for longer than a turn may last takes it over.
import { randomUUID } from "node:crypto";
import { type Database, eraseDeleted } from "../db.js";
import { isUniqueViolation } from "./write-races.js";

export interface ChatTurnOptions {
  /** How often a waiter looks again (a random share of it, so waiters do not move in step). */
  pollMs?: number;
  /** A turn held longer than this was left by a process that died: the waiter takes it. */
  staleAfterMs?: number;
  /** Told when a dead holder's turn is taken over. */
  onTakeover?: () => void;
}

export class ChatTurns {
  private readonly pollMs: number;
  private readonly staleAfterMs: number;
  /** The turns held at the last sweep, as "key holder". */
  private heldAtLastSweep = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly options: ChatTurnOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 20;
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
  }

  /** Waits for the chat's turn, runs `work`, then gives the turn back (also when `work` throws). */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const holder = await this.take(key);
    try {
      return await work();
    } finally {
      await this.db.chatTurn.deleteMany({ where: { key, holder } });
      await eraseDeleted(this.db);
    }
  }

  /**
   * Deletes the turns dead holders left. A turn lasts one update, so one held by the same holder at two sweeps
   * minutes apart was left by a process that died; else it would stay until its chat writes again, showing
   * whoever holds the database which chat was mid-update when the process died (and, on PostgreSQL, when: the
   * row's xmin). Returns how many.
   */
  async forgetLeftBehind(): Promise<number> {
    const held = await this.db.chatTurn.findMany({ select: { key: true, holder: true } });
    const seen = (turn: { key: string; holder: string }) => `${turn.key}\u0000${turn.holder}`;
    const left = held.filter((turn) => this.heldAtLastSweep.has(seen(turn)));
    this.heldAtLastSweep = new Set(held.map(seen));
    let forgotten = 0;
    for (const turn of left) forgotten += (await this.db.chatTurn.deleteMany({ where: turn })).count;
    if (forgotten > 0) await eraseDeleted(this.db);
    return forgotten;
  }

  private async take(key: string): Promise<string> {
    const holder = randomUUID();
    // Real elapsed time, not the app's clock: tests move that clock, a dead holder's silence is real.
    let watched = null as { holder: string; since: number } | null;
    for (;;) {
      try {
        await this.db.chatTurn.create({ data: { key, holder } });
        return holder;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      const current = await this.db.chatTurn.findUnique({ where: { key } });
      if (!current) continue;
      const now = performance.now();
      if (watched?.holder !== current.holder) watched = { holder: current.holder, since: now };
      else if (now - watched.since > this.staleAfterMs) {
        // Only that holder's row: if it finished meanwhile and another took the turn, that one stays.
        const { count } = await this.db.chatTurn.deleteMany({ where: { key, holder: current.holder } });
        if (count > 0) {
          await eraseDeleted(this.db);
          this.options.onTakeover?.();
        }
        watched = null;
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs / 2 + Math.random() * this.pollMs));
    }
  }
}
