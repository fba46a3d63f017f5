// Writing "among others" rewrites up to a thousand rows per write. Many
// residents opting in at the same moment, from two instances, must all be
// written: no deadlock, no transaction timing out behind the others.
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { notificationTargets } from "../../src/services/notifications.js";
import { chatPreferences } from "../../src/services/preferences.js";
import { writeAmongOthers } from "../../src/services/unordered-writes.js";
import { freshDatabaseUrl } from "../support/harness.js";

const key = () => randomBytes(16).toString("hex");

describe("writeAmongOthers under concurrent writers", () => {
  let a: Database;
  let b: Database;

  beforeEach(async () => {
    const url = await freshDatabaseUrl();
    a = createDatabase(url);
    b = createDatabase(url);
  });
  afterEach(async () => {
    await a.$disconnect();
    await b.$disconnect();
  });

  it("writes every opt-in when 60 arrive at once on two clients over a full table", async () => {
    await a.notificationTarget.createMany({ data: Array.from({ length: 1200 }, () => ({ lookupKey: key(), ciphertext: "x", keyId: "k" })) });
    const mine = Array.from({ length: 60 }, () => ({ lookupKey: key(), ciphertext: "mine", keyId: "k" }));
    const results = await Promise.allSettled(mine.map((row, i) => writeAmongOthers(i % 2 ? a : b, notificationTargets, [row], 1000)));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r).reason).slice(0, 300))).toEqual([]);
    expect(await a.notificationTarget.count()).toBe(1260);
    expect(await a.notificationTarget.count({ where: { ciphertext: "mine" } })).toBe(60);
  }, 120_000);

  it("writes every language choice when 60 arrive at once on two clients", async () => {
    await a.chatPreference.createMany({ data: Array.from({ length: 600 }, () => ({ keyHash: key(), locale: "vi", lastUsedOn: "2026-12-01" })) });
    const mine = Array.from({ length: 60 }, () => ({ keyHash: key(), locale: "en", lastUsedOn: "2026-12-05" }));
    const results = await Promise.allSettled(mine.map((row, i) => writeAmongOthers(i % 2 ? a : b, chatPreferences, [row], 255)));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r).reason).slice(0, 300))).toEqual([]);
    expect(await a.chatPreference.count({ where: { locale: "en" } })).toBe(60);
  }, 120_000);
});
