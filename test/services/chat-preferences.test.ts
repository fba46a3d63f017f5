// A chat's language choice outlives its flows, so it says nothing finer than a
// day about when the chat used the bot, and goes after CHAT_DATA_RETENTION_DAYS unused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";

const DAY = 86_400_000;

describe("chat preferences", () => {
  let db: Database;
  let clock: FakeClock;
  let services: Services;

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock(Date.parse("2026-12-01T10:17:23Z"));
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now });
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  it("keeps a day, not a time, and is not findable by chat id", async () => {
    await services.preferences.setLocale(1234567890, "en");
    const rows = await db.chatPreference.findMany();
    expect(rows).toEqual([{ keyHash: services.secrets.chatKey(1234567890), locale: "en", lastUsedOn: "2026-12-01" }]);
    expect(JSON.stringify(rows)).not.toContain("1234567890");
  });

  it("notes use in memory and writes it as a day in the daily batch; unused for the period, it goes", async () => {
    await services.preferences.setLocale(111, "en");
    await services.preferences.setLocale(222, "vi");
    clock.advance(60 * DAY);
    // Chat 111 uses the bot: nothing is written at that moment…
    expect(await services.preferences.locale(111)).toBe("en");
    expect((await db.chatPreference.findUnique({ where: { keyHash: services.secrets.chatKey(111) } }))?.lastUsedOn).toBe("2026-12-01");
    // …only by the daily run, as a day.
    expect(await services.preferences.flushUsage()).toBe(1);
    expect((await db.chatPreference.findUnique({ where: { keyHash: services.secrets.chatKey(111) } }))?.lastUsedOn).toBe("2027-01-30");
    clock.advance(40 * DAY);
    // 100 days after it was set, 222 (never used since) goes; 111, used 40 days ago, stays.
    expect(await services.preferences.forgetUnused(90)).toBe(1);
    expect(await services.preferences.locale(222)).toBeNull();
    expect(await services.preferences.locale(111)).toBe("en");
  });
});
