// What a ward's police group is still owed: a tip's card, or only the photos
// or the pin under a card that did land. Each failure is written down with
// what failed; the scheduler tries again with back-off until it lands. A ward
// keeps since when its cards fail, so its admin hears of it once per incident.
// Nothing here knows Telegram, and nothing here names a resident.
import type { Database } from "../db.js";
import type { Clock } from "./clock.js";
import { upsertRacing } from "./write-races.js";

export type CardPart = "card" | "photos" | "pin";
export const CARD_PARTS: readonly CardPart[] = ["card", "photos", "pin"];

export interface OwedDelivery {
  chatId: string;
  parts: CardPart[];
  attempts: number;
}

/** Back-off between tries: 1, 2, 4, 8, 16, then every 30 minutes until it lands. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0), 30);
}

export class CardDeliveries {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** What this tip still owes its police group, if a try failed. */
  async owed(tipId: string): Promise<OwedDelivery | null> {
    const row = await this.db.cardDelivery.findUnique({ where: { tipId } });
    return row ? { chatId: row.chatId, parts: CARD_PARTS.filter((p) => row[p]), attempts: row.attempts } : null;
  }

  /**
   * Writes down what failed (and only that) for the next try, after back-off.
   * True when this failure opens the ward's incident: its admin is to be told.
   */
  async failed(tip: { tipId: string; wardId: string }, chatId: string, parts: CardPart[], error: string): Promise<{ incidentOpened: boolean; attempts: number }> {
    const now = this.clock();
    const earlier = await this.db.cardDelivery.findUnique({ where: { tipId: tip.tipId }, select: { attempts: true, chatId: true } });
    // Tries count per group: a tip owed to a group the ward has since left starts again.
    const attempts = (earlier && earlier.chatId === chatId ? earlier.attempts : 0) + 1;
    const owed = { chatId, card: parts.includes("card"), photos: parts.includes("photos"), pin: parts.includes("pin"), attempts, lastError: error.slice(0, 300) };
    const retryAt = new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000);
    await upsertRacing(() => this.db.cardDelivery.upsert({ where: { tipId: tip.tipId }, create: { tipId: tip.tipId, ...owed, retryAt }, update: { ...owed, retryAt } }));
    const opened = await this.db.ward.updateMany({ where: { id: tip.wardId, undeliveredSince: null }, data: { undeliveredSince: now } });
    return { incidentOpened: opened.count === 1, attempts };
  }

  /**
   * Nothing more is owed for this tip (it all landed, or the tip closed).
   * True when that ends the ward's incident: nothing else is owed there.
   */
  async settled(tip: { tipId: string; wardId: string }): Promise<{ incidentClosed: boolean }> {
    await this.db.cardDelivery.deleteMany({ where: { tipId: tip.tipId } });
    const left = await this.db.cardDelivery.count({ where: { tip: { wardId: tip.wardId } } });
    if (left > 0) return { incidentClosed: false };
    const closed = await this.db.ward.updateMany({ where: { id: tip.wardId, undeliveredSince: { not: null } }, data: { undeliveredSince: null } });
    return { incidentClosed: closed.count === 1 };
  }

  /** Tips whose next try is due, oldest first. */
  async due(limit = 100): Promise<string[]> {
    const rows = await this.db.cardDelivery.findMany({ where: { retryAt: { lte: this.clock() } }, select: { tipId: true }, orderBy: { retryAt: "asc" }, take: limit });
    return rows.map((r) => r.tipId);
  }

  /** For /readyz: open tips whose card (or photos, or pin) has not reached their police group, across every ward. */
  async undelivered(): Promise<number> {
    return this.db.cardDelivery.count({ where: { tip: { status: { not: "closed" } } } });
  }
}
