// The officers' list of open tips (/tips) and the look-up by reference,
// against a real database: only the officer's own ward, the filters, most
// urgent first and newest first within a priority, paging with the total, and
// what each row shows.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import type { Priority } from "../../src/domain/tip.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import type { ActiveMember } from "../../src/services/members.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";
import { plainDraft } from "../support/tip-drafts.js";

describe("the list of open tips", () => {
  let db: Database;
  let services: Services;
  let clock: FakeClock;
  let wardA: string;
  let wardB: string;
  let quarters: { id: string; name: string; position: number }[];
  let officer: ActiveMember;
  let second: ActiveMember;

  const member = async (wardId: string, telegramUserId: string, displayName: string): Promise<ActiveMember> => {
    const m = await db.member.create({ data: { wardId, telegramUserId, displayName, role: "officer" } });
    return { id: m.id, wardId, role: "officer", displayName };
  };

  /** A tip filed a minute after the previous one, then given `priority` (the bot's triage is not what is tested here). */
  const tip = async (wardId: string, priority: Priority, quarterId: string | null = null) => {
    clock.advance(60_000);
    const filed = await services.tips.submit(wardId, plainDraft({ quarterId }));
    await db.tip.update({ where: { id: filed.tipId }, data: { priority } });
    return filed;
  };
  const list = (filter: { priority?: Priority; quarterPosition?: number; taken?: boolean; page?: number; pageSize?: number } = {}, who = officer) =>
    services.tips.listOpen(who, { page: 0, pageSize: 50, ...filter });
  const refs = async (filter: Parameters<typeof list>[0] = {}, who = officer) => (await list(filter, who)).items.map((i) => i.reference);

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock();
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now });
    wardA = (await services.wards.ensureWard({ slug: "a", name: "Phường A", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP 1", "KP 2"] })).wardId;
    wardB = (await services.wards.ensureWard({ slug: "b", name: "Phường B", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP B"] })).wardId;
    quarters = await services.wards.listQuarters(wardA);
    officer = await member(wardA, "5001", "Lê Văn An");
    second = await member(wardA, "5002", "Trần Thị Bình");
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  it("never lists another ward's tips, whatever the filter", async () => {
    const mine = await tip(wardA, "normal");
    const theirs = [await tip(wardB, "urgent"), await tip(wardB, "normal")];
    const officerB = await member(wardB, "6001", "Officer B");
    await services.tips.claim(officerB, theirs[1]!.tipId);
    for (const filter of [{}, { priority: "urgent" as const }, { taken: true }, { taken: false }, { quarterPosition: 0 }]) {
      const { total, items } = await list(filter);
      expect(items.map((i) => i.id)).not.toContain(theirs[0]!.tipId);
      expect(items.map((i) => i.id)).not.toContain(theirs[1]!.tipId);
      expect(total).toBe(items.length);
    }
    expect(await refs()).toEqual([mine.reference]);
    expect(await refs({}, officerB)).toEqual([theirs[0]!.reference, theirs[1]!.reference]);
  });

  it("puts the most urgent first and, within a priority, the newest first; closed tips are not open", async () => {
    const oldLow = await tip(wardA, "low");
    const oldNormal = await tip(wardA, "normal");
    const oldUrgent = await tip(wardA, "urgent");
    const newNormal = await tip(wardA, "normal");
    const high = await tip(wardA, "high");
    const newUrgent = await tip(wardA, "urgent");
    const closed = await tip(wardA, "urgent");
    await services.tips.close(officer, closed.tipId, "unfounded");
    const { total, items } = await list();
    expect(total).toBe(6);
    expect(items.map((i) => i.reference)).toEqual([newUrgent, oldUrgent, high, newNormal, oldNormal, oldLow].map((t) => t.reference));
  });

  it("filters by priority, by quarter position, and by taken or not", async () => {
    const [first, secondQuarter] = quarters;
    const urgentInFirst = await tip(wardA, "urgent", first!.id);
    const normalInFirst = await tip(wardA, "normal", first!.id);
    const urgentInSecond = await tip(wardA, "urgent", secondQuarter!.id);
    const nowhere = await tip(wardA, "normal");
    await services.tips.claim(officer, normalInFirst.tipId);
    await services.tips.setStatus(second, urgentInSecond.tipId, "verifying");
    const acted = await tip(wardA, "low");
    await services.tips.setStatus(officer, acted.tipId, "acted");

    expect(await refs({ priority: "urgent" })).toEqual([urgentInSecond.reference, urgentInFirst.reference]);
    expect(await refs({ quarterPosition: first!.position })).toEqual([urgentInFirst.reference, normalInFirst.reference]);
    expect(await refs({ quarterPosition: secondQuarter!.position })).toEqual([urgentInSecond.reference]);
    // Taken: claimed, verifying or acted on; not taken: still new.
    expect(await refs({ taken: true })).toEqual([urgentInSecond.reference, normalInFirst.reference, acted.reference]);
    expect(await refs({ taken: false })).toEqual([urgentInFirst.reference, nowhere.reference]);
    expect(await refs({ taken: false, priority: "normal" })).toEqual([nowhere.reference]);
    expect(await refs({ taken: true, quarterPosition: first!.position, priority: "normal" })).toEqual([normalInFirst.reference]);
    expect(await refs()).toHaveLength(5);
  });

  it("pages, with the total of every page", async () => {
    const filed = [];
    for (let i = 0; i < 5; i++) filed.push(await tip(wardA, "normal"));
    const newestFirst = filed.reverse().map((t) => t.reference);
    const page = async (n: number) => list({ page: n, pageSize: 2 });
    expect(await page(0)).toMatchObject({ total: 5 });
    expect((await page(0)).items.map((i) => i.reference)).toEqual(newestFirst.slice(0, 2));
    expect((await page(1)).items.map((i) => i.reference)).toEqual(newestFirst.slice(2, 4));
    expect((await page(2)).items.map((i) => i.reference)).toEqual(newestFirst.slice(4));
    expect(await page(3)).toEqual({ total: 5, items: [] });
  });

  it("shows each tip's reference, priority, category, quarter, time and who took it, and nothing of who sent it", async () => {
    const inQuarter = await tip(wardA, "high", quarters[1]!.id);
    const filedAt = clock.now();
    const loose = await tip(wardA, "normal");
    await services.tips.claim(second, inQuarter.tipId);
    const { items } = await list();
    expect(items).toEqual([
      { id: inQuarter.tipId, reference: inQuarter.reference, priority: "high", category: "dealing", quarterName: "KP 2", createdAt: filedAt, claimedByName: "Trần Thị Bình" },
      { id: loose.tipId, reference: loose.reference, priority: "normal", category: "dealing", quarterName: null, createdAt: clock.now(), claimedByName: null },
    ]);
  });

  it("finds a tip by its reference as an officer types it, only in the ward asked for", async () => {
    const filed = await tip(wardA, "normal");
    for (const typed of [filed.reference, `#${filed.reference}`, filed.reference.toLowerCase(), `#${filed.reference.toLowerCase()}`]) {
      expect((await services.tips.tipByReference(wardA, typed))?.id, typed).toBe(filed.tipId);
    }
    expect(await services.tips.tipByReference(wardB, filed.reference)).toBeNull();
    expect(await services.tips.tipByReference(wardA, `x${filed.reference}`)).toBeNull();
  });
});
