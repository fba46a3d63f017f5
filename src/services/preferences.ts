// Per-chat language, keyed by a keyed hash of the chat id so residents stay
// unlisted. The row outlives flows, so it says nothing finer than a day about
// when the chat used the bot: the locale is written among other rows in random
// order (unordered-writes.ts), use is noted in memory and written as a day in a
// daily batch, and a row unused for the retention period is deleted.
import { type Database, eraseDeleted } from "../db.js";
import type { Clock } from "./clock.js";
import { utcDay } from "./offered-choices.js";
import type { Secrets } from "./secrets.js";
import { type UnorderedTable, writeAmongOthers } from "./unordered-writes.js";

/** How many other rows each write hides among. */
const COVER = 255;
const CACHE_MAX = 10_000;

interface PreferenceRow {
  keyHash: string;
  locale: string;
  lastUsedOn: string;
}

export const chatPreferences: UnorderedTable<PreferenceRow> = {
  name: "ChatPreference",
  sample: async (tx, count, exceptKeys) => {
    const rows = await tx.$queryRaw<PreferenceRow[]>`SELECT "keyHash", "locale", "lastUsedOn" FROM "ChatPreference" ORDER BY random() LIMIT ${count + exceptKeys.length}`;
    return rows.filter((row) => !exceptKeys.includes(row.keyHash)).slice(0, count);
  },
  keyOf: (row) => row.keyHash,
  deleteKeys: (tx, keys) => tx.chatPreference.deleteMany({ where: { keyHash: { in: keys } } }),
  insert: (tx, rows) => tx.chatPreference.createMany({ data: rows }),
};

export class PreferenceService {
  private readonly cache = new Map<string, string | null>();
  /** Chats with a stored preference seen since the last flush (keyed hashes, in memory only). */
  private readonly usedSinceFlush = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
  ) {}

  async locale(chatId: number | string): Promise<string | null> {
    const key = this.secrets.chatKey(chatId);
    let locale = this.cache.get(key);
    if (locale === undefined) {
      const row = await this.db.chatPreference.findUnique({ where: { keyHash: key } });
      locale = row?.locale ?? null;
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(key, locale);
    }
    if (locale !== null) this.usedSinceFlush.add(key);
    return locale;
  }

  async setLocale(chatId: number | string, locale: string): Promise<void> {
    const key = this.secrets.chatKey(chatId);
    await writeAmongOthers(this.db, chatPreferences, [{ keyHash: key, locale, lastUsedOn: utcDay(this.clock()) }], COVER);
    this.cache.set(key, locale);
  }

  /**
   * Writes down, as today's date, which chats used their preference since the
   * last flush: all in one batch, among others, in random order. Run daily (and
   * on stop); returns how many rows it touched.
   */
  async flushUsage(): Promise<number> {
    const keys = [...this.usedSinceFlush];
    this.usedSinceFlush.clear();
    if (keys.length === 0) return 0;
    const today = utcDay(this.clock());
    let touched = 0;
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db.chatPreference.findMany({ where: { keyHash: { in: keys.slice(i, i + 500) } } });
      await writeAmongOthers(this.db, chatPreferences, rows.map((row) => ({ ...row, lastUsedOn: today })), COVER);
      touched += rows.length;
    }
    return touched;
  }

  /** Deletes preferences of chats that have not used the bot for `days` days. */
  async forgetUnused(days: number): Promise<number> {
    const cutoff = utcDay(new Date(this.clock().getTime() - days * 86_400_000));
    const { count } = await this.db.chatPreference.deleteMany({ where: { lastUsedOn: { lt: cutoff } } });
    if (count > 0) {
      this.cache.clear();
      await eraseDeleted(this.db);
    }
    return count;
  }
}
