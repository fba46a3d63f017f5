// Who may act on a tip, at the service: every officer action refuses another
// ward's tip (even when the bot's own check before it is gone), a missing one
// and a closed one, and changes nothing when it refuses.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import type { ActiveMember } from "../../src/services/members.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";
import { plainDraft } from "../support/tip-drafts.js";

describe("officers' actions on tips", () => {
  let db: Database;
  let services: Services;
  let clock: FakeClock;
  let wardA: string;
  let wardB: string;
  let quarterA: string[];
  let officerA: ActiveMember;
  let secondA: ActiveMember;
  let officerB: ActiveMember;

  const member = async (wardId: string, telegramUserId: string, displayName: string): Promise<ActiveMember> => {
    const m = await db.member.create({ data: { wardId, telegramUserId, displayName, role: "officer" } });
    return { id: m.id, wardId, role: "officer", displayName };
  };
  const submit = (wardId: string, over: { quarterId?: string | null; description?: string } = {}) =>
    services.tips.submit(wardId, plainDraft(over));

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock();
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now });
    wardA = (await services.wards.ensureWard({ slug: "a", name: "Phường A", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP 1", "KP 2"] })).wardId;
    wardB = (await services.wards.ensureWard({ slug: "b", name: "Phường B", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP B"] })).wardId;
    quarterA = (await services.wards.listQuarters(wardA)).map((q) => q.id);
    officerA = await member(wardA, "5001", "Officer A");
    secondA = await member(wardA, "5002", "Second A");
    officerB = await member(wardB, "6001", "Officer B");
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  /** Everything a refused action could have touched. */
  const everything = async () =>
    JSON.stringify([
      await db.tip.findMany({ orderBy: { id: "asc" } }),
      await db.auditEntry.count(),
      await db.tipQuestion.count(),
      await db.spamFingerprint.count(),
      await db.scheduledJob.findMany({ orderBy: { key: "asc" } }),
    ]);

  const actions = (tipId: string, otherTipId: string) => ({
    claim: (m: ActiveMember) => services.tips.claim(m, tipId),
    verifying: (m: ActiveMember) => services.tips.setStatus(m, tipId, "verifying"),
    acted: (m: ActiveMember) => services.tips.setStatus(m, tipId, "acted"),
    priority: (m: ActiveMember) => services.tips.setPriority(m, tipId, "urgent"),
    candidates: (m: ActiveMember) => services.tips.duplicateCandidates(m, tipId),
    duplicate: (m: ActiveMember) => services.tips.markDuplicate(m, tipId, otherTipId),
    confirmed: (m: ActiveMember) => services.tips.close(m, tipId, "confirmed"),
    spam: (m: ActiveMember) => services.tips.close(m, tipId, "spam"),
    ask: (m: ActiveMember) => services.tips.ask(m, tipId, "Mấy giờ?"),
  });

  it("refuses another ward's officer every action on a tip, and changes nothing", async () => {
    const tipA = await submit(wardA);
    const otherA = await submit(wardA, { description: "Một tin khác" });
    const before = await everything();
    for (const [name, act] of Object.entries(actions(tipA.tipId, otherA.tipId))) {
      await expect(act(officerB), name).rejects.toMatchObject({ code: "wrong_ward" });
    }
    expect(await everything()).toBe(before);
  });

  it("refuses marking one's own tip a duplicate of another ward's, and itself", async () => {
    const tipA = await submit(wardA);
    const tipB = await submit(wardB);
    const before = await everything();
    await expect(services.tips.markDuplicate(officerA, tipA.tipId, tipB.tipId)).rejects.toMatchObject({ code: "tip_not_found" });
    await expect(services.tips.markDuplicate(officerA, tipA.tipId, tipA.tipId)).rejects.toMatchObject({ code: "tip_not_found" });
    await expect(services.tips.markDuplicate(officerA, tipA.tipId, "no-such-tip")).rejects.toMatchObject({ code: "tip_not_found" });
    expect(await everything()).toBe(before);
    // Another ward's tips are never offered as candidates either.
    expect((await services.tips.duplicateCandidates(officerA, tipA.tipId)).map((c) => c.id)).not.toContain(tipB.tipId);
  });

  it("refuses a tip that does not exist, and a closed one", async () => {
    const open = await submit(wardA);
    const closed = await submit(wardA, { description: "Tin đã đóng" });
    await services.tips.close(officerA, closed.tipId, "unfounded");
    for (const [name, act] of Object.entries(actions("no-such-tip", open.tipId))) {
      await expect(act(officerA), name).rejects.toMatchObject({ code: "tip_not_found" });
    }
    const before = await everything();
    for (const [name, act] of Object.entries(actions(closed.tipId, open.tipId))) {
      await expect(act(officerA), name).rejects.toMatchObject({ code: "tip_closed" });
    }
    expect(await everything()).toBe(before);
  });

  it("lets the officer who took a tip move it on, and no other officer of the ward", async () => {
    const tip = await submit(wardA);
    await services.tips.setStatus(officerA, tip.tipId, "verifying");
    expect(await db.tip.findUniqueOrThrow({ where: { id: tip.tipId } })).toMatchObject({ status: "verifying", claimedByMemberId: officerA.id });
    const before = await everything();
    await expect(services.tips.claim(secondA, tip.tipId)).rejects.toMatchObject({ code: "already_claimed" });
    await expect(services.tips.setStatus(secondA, tip.tipId, "acted")).rejects.toMatchObject({ code: "already_claimed" });
    expect(await everything()).toBe(before);
    await services.tips.claim(officerA, tip.tipId);
    await services.tips.setStatus(officerA, tip.tipId, "acted");
    expect(await db.tip.findUniqueOrThrow({ where: { id: tip.tipId } })).toMatchObject({ status: "acted", claimedByMemberId: officerA.id });
    // Anyone of the ward may still set the priority, ask, or close.
    await services.tips.setPriority(secondA, tip.tipId, "low");
    await services.tips.ask(secondA, tip.tipId, "Mấy giờ?");
    await services.tips.close(secondA, tip.tipId, "confirmed");
    // (One clock instant: compared without their order.)
    const audit = (await services.audit.list(wardA, tip.tipId)).map((e) => [e.action, e.actorMemberId]).sort();
    expect(audit).toEqual([
      ["tip.submitted", null],
      ["tip.status_changed", officerA.id],
      ["tip.claimed", officerA.id],
      ["tip.status_changed", officerA.id],
      ["tip.priority_changed", secondA.id],
      ["tip.question_asked", secondA.id],
      ["tip.closed", secondA.id],
    ].sort());
  });

  it("offers at most six candidates of the last 30 days, the same quarter first", async () => {
    const tip = await submit(wardA, { quarterId: quarterA[0]! });
    const old = await submit(wardA, { quarterId: quarterA[0]!, description: "cũ" });
    await db.tip.update({ where: { id: old.tipId }, data: { createdAt: new Date(clock.now().getTime() - 31 * 86_400_000) } });
    const elsewhere = [];
    for (let i = 0; i < 6; i++) elsewhere.push(await submit(wardA, { quarterId: quarterA[1]!, description: `khác ${i}` }));
    const same = await submit(wardA, { quarterId: quarterA[0]!, description: "cùng khu phố" });
    const candidates = (await services.tips.duplicateCandidates(officerA, tip.tipId)).map((c) => c.id);
    expect(candidates).toHaveLength(6);
    expect(candidates[0]).toBe(same.tipId);
    expect(candidates).not.toContain(tip.tipId);
    expect(candidates).not.toContain(old.tipId);
  });
});
