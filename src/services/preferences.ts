import type { Database } from "../db.js";
import type { Secrets } from "./secrets.js";
import { upsertRacing } from "./write-races.js";

/** Per-chat language, keyed by a keyed hash of the chat id so residents stay unlisted. */
export class PreferenceService {
  private readonly cache = new Map<string, string | null>();

  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
  ) {}

  async locale(chatId: number | string): Promise<string | null> {
    const key = this.secrets.chatKey(chatId);
    if (this.cache.has(key)) return this.cache.get(key) ?? null;
    const row = await this.db.chatPreference.findUnique({ where: { keyHash: key } });
    this.cache.set(key, row?.locale ?? null);
    if (this.cache.size > 10_000) this.cache.clear();
    return row?.locale ?? null;
  }

  async setLocale(chatId: number | string, locale: string): Promise<void> {
    const key = this.secrets.chatKey(chatId);
    await upsertRacing(() => this.db.chatPreference.upsert({ where: { keyHash: key }, create: { keyHash: key, locale }, update: { locale } }));
    this.cache.set(key, locale);
  }
}
