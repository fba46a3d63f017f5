// What each officer action on a tip changes and records, against a real
// database (tip-authorization.test.ts proves who may act at all): the status a
// claim sets, the question as asked, the bot's priority beside the officer's and
// the claim timer it restarts, the candidates offered as duplicates, the audit
// row of each action, and the tip a flow already filed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import type { Priority } from "../../src/domain/tip.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import { SEALED } from "../../src/services/keyring.js";
import type { ActiveMember } from "../../src/services/members.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";
import { plainDraft } from "../support/tip-drafts.js";

const DAY = 86_400_000;

describe("officers' actions on a tip, and what they leave", () => {
  let db: Database;
  let services: Services;
  let keyring: Keyring;
  let clock: FakeClock;
  let wardId: string;
  let quarterIds: string[];
  let officer: ActiveMember;

  const submit = (over: { quarterId?: string | null; description?: string } = {}, nonce?: string) =>
    services.tips.submit(wardId, plainDraft(over), nonce);
  /** The detail of the tip's only audit row with this action. */
  const detailOf = async (tipId: string, action: string) => {
    const rows = await db.auditEntry.findMany({ where: { tipId, action } });
    expect(rows, action).toHaveLength(1);
    expect(rows[0]!.actorMemberId).toBe(officer.id);
    return JSON.parse(rows[0]!.detail) as unknown;
  };

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock();
    keyring = Keyring.parse(TEST_TIP_KEYS);
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring, clock: clock.now });
    wardId = (await services.wards.ensureWard({ slug: "a", name: "Phường A", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP 1", "KP 2"] })).wardId;
    quarterIds = (await services.wards.listQuarters(wardId)).map((q) => q.id);
    const m = await db.member.create({ data: { wardId, telegramUserId: "5001", displayName: "Lê Văn An", role: "officer" } });
    officer = { id: m.id, wardId, role: "officer", displayName: "Lê Văn An" };
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  it("a claim marks the tip claimed by the officer; a status change records from what to what", async () => {
    const tip = await submit();
    await services.tips.claim(officer, tip.tipId);
    expect(await db.tip.findUniqueOrThrow({ where: { id: tip.tipId } })).toMatchObject({ status: "claimed", claimedByMemberId: officer.id });
    await services.tips.setStatus(officer, tip.tipId, "verifying");
    expect(await detailOf(tip.tipId, "tip.status_changed")).toEqual({ from: "claimed", to: "verifying" });
  });

  it("asks the question as typed without its surrounding blanks, sealed to its row, and audits it", async () => {
    const tip = await submit();
    const asked = await services.tips.ask(officer, tip.tipId, "  Khoảng mấy giờ thì có người bán?\n");
    expect(asked).toEqual({ questionId: expect.any(String) as string, reference: tip.reference });
    const row = await db.tipQuestion.findUniqueOrThrow({ where: { id: asked.questionId } });
    expect(row).toMatchObject({ tipId: tip.tipId, askedByMemberId: officer.id, answer: null });
    expect(keyring.open(SEALED.question, row.id, row.question)).toBe("Khoảng mấy giờ thì có người bán?");
    expect(await detailOf(tip.tipId, "tip.question_asked")).toEqual({ questionId: asked.questionId });
    await expect(services.tips.ask(officer, tip.tipId, " \n ")).rejects.toThrow();
    await expect(services.tips.ask(officer, tip.tipId, "x".repeat(1001))).rejects.toThrow();
    await services.tips.ask(officer, tip.tipId, "x".repeat(1000));
    expect(await db.tipQuestion.count()).toBe(2);
  });

  describe("setting the priority", () => {
    const timersOf = (tipId: string) => db.scheduledJob.findMany({ where: { kind: "tip.claim_timer", key: { contains: tipId } }, orderBy: { key: "asc" } });

    it("changes the tip's priority and restarts the claim timer of a tip nobody took, from now, at the new priority's pace", async () => {
      const tip = await submit();
      const bot = (await db.tip.findUniqueOrThrow({ where: { id: tip.tipId } })).priority as Priority;
      expect(bot).not.toBe("urgent");
      clock.advance(5 * 60_000);
      expect(await services.tips.setPriority(officer, tip.tipId, "urgent")).toEqual({ botPriority: bot, differs: true });
      expect((await db.tip.findUniqueOrThrow({ where: { id: tip.tipId } })).priority).toBe("urgent");
      const urgent = (await timersOf(tip.tipId)).filter((j) => j.key.includes(":urgent:"));
      expect(urgent.map((j) => [j.key, j.dueAt.getTime()])).toEqual([[`tip.claim_timer:${tip.tipId}:urgent:1`, clock.now().getTime() + 15 * 60_000]]);
      expect(await detailOf(tip.tipId, "tip.priority_changed")).toEqual({ from: bot, to: "urgent" });
    });

    it("does not start a claim timer for a tip an officer has already taken", async () => {
      const tip = await submit();
      await services.tips.claim(officer, tip.tipId);
      const before = await timersOf(tip.tipId);
      await services.tips.setPriority(officer, tip.tipId, "urgent");
      await services.tips.setPriority(officer, tip.tipId, "high");
      expect(await timersOf(tip.tipId)).toEqual(before);
    });

    it("keeps the reason given when the officer presses the priority they already chose", async () => {
      const tip = await submit();
      const bot = (await db.tip.findUniqueOrThrow({ where: { id: tip.tipId } })).priority as Priority;
      const other = bot === "low" ? "high" : "low";
      await services.tips.setPriority(officer, tip.tipId, other);
      await services.tips.setPriorityReason(officer, tip.tipId, "danger");
      expect(await services.tips.setPriority(officer, tip.tipId, other)).toEqual({ botPriority: bot, differs: true });
      expect(await db.triageOverride.findUniqueOrThrow({ where: { tipId: tip.tipId } })).toMatchObject({ officerPriority: other, reason: "danger" });
    });

    it("takes the bot's priority from the earliest old change, whatever order its rows were written in", async () => {
      const tip = await submit();
      await db.tip.update({ where: { id: tip.tipId }, data: { priority: "high" } });
      const row = (from: string, to: string, minutesAgo: number) =>
        db.auditEntry.create({ data: { wardId, action: "tip.priority_changed", actorMemberId: officer.id, tipId: tip.tipId, detail: JSON.stringify({ from, to }), createdAt: new Date(clock.now().getTime() - minutesAgo * 60_000) } });
      await row("normal", "high", 5);
      await row("low", "normal", 10);
      expect(await services.tips.setPriority(officer, tip.tipId, "urgent")).toEqual({ botPriority: "low", differs: true });
    });

    it("takes the tip's priority as the bot's when an old audit row holds no known priority", async () => {
      const tip = await submit();
      await db.tip.update({ where: { id: tip.tipId }, data: { priority: "low" } });
      await services.audit.record({ wardId, action: "tip.priority_changed", actorMemberId: officer.id, tipId: tip.tipId, detail: { from: "rất gấp", to: "low" } });
      expect(await services.tips.setPriority(officer, tip.tipId, "low")).toEqual({ botPriority: "low", differs: false });
      expect(await db.triageOverride.findUniqueOrThrow({ where: { tipId: tip.tipId } })).toMatchObject({ botPriority: "low", officerPriority: "low" });
    });
  });

  describe("duplicates", () => {
    it("offers the ward's tips of the last 30 days, the same quarter first however old, then the newest", async () => {
      const tip = await submit({ quarterId: quarterIds[0]! });
      clock.advance(-29 * DAY);
      const sameQuarterOld = await submit({ quarterId: quarterIds[0]!, description: "cùng khu phố, 29 ngày trước" });
      clock.advance(-2 * DAY);
      const tooOld = await submit({ quarterId: quarterIds[0]!, description: "31 ngày trước" });
      clock.advance(31 * DAY);
      const others = [];
      for (let i = 0; i < 3; i++) {
        clock.advance(-DAY * (i + 1));
        others.push(await submit({ quarterId: quarterIds[1]!, description: `khu phố khác ${i}` }));
        clock.advance(DAY * (i + 1));
      }
      const candidates = await services.tips.duplicateCandidates(officer, tip.tipId);
      expect(candidates.map((c) => c.id)).toEqual([sameQuarterOld.tipId, others[0]!.tipId, others[1]!.tipId, others[2]!.tipId]);
      expect(candidates.map((c) => c.id)).not.toContain(tooOld.tipId);
      expect(candidates[0]).toEqual({ id: sameQuarterOld.tipId, reference: sameQuarterOld.reference, quarterId: quarterIds[0], createdAt: new Date(clock.now().getTime() - 29 * DAY) });
    });

    it("records which tip a duplicate is of", async () => {
      const original = await submit();
      const repeat = await submit({ description: "lại người đó" });
      await services.tips.markDuplicate(officer, repeat.tipId, original.tipId);
      expect(await detailOf(repeat.tipId, "tip.marked_duplicate")).toEqual({ of: original.reference });
    });
  });

  describe("closing", () => {
    it("records the reason, and remembers the text's fingerprint only when it is spam", async () => {
      const unfounded = await submit({ description: "BÁN ĐÁ giá rẻ liên hệ 09xx" });
      await services.tips.close(officer, unfounded.tipId, "unfounded");
      expect(await detailOf(unfounded.tipId, "tip.closed")).toEqual({ reason: "unfounded" });
      expect(await db.spamFingerprint.count()).toBe(0);
      expect((await submit({ description: "ban da gia re lien he 09xx" })).quietSpam).toBe(false);

      const spam = await submit({ description: "Quảng cáo vay tiền nhanh 09xx" });
      await services.tips.close(officer, spam.tipId, "spam");
      expect(await detailOf(spam.tipId, "tip.closed")).toEqual({ reason: "spam" });
      expect(await db.spamFingerprint.count()).toBe(1);
    });
  });

  describe("the tip a flow already filed", () => {
    it("is found by the flow's nonce, with the same receipt; an unknown nonce finds nothing", async () => {
      const filed = await submit({}, "nonce-of-the-flow");
      expect(await services.tips.filedBy("nonce-of-the-flow")).toEqual({ ...filed, alreadySubmitted: true });
      expect(await services.tips.filedBy("nonce-of-another-flow")).toBeNull();
    });

    it("says 'quiet spam' only of a tip closed as spam", async () => {
      const filed = await submit({}, "nonce-a");
      expect((await services.tips.filedBy("nonce-a"))?.quietSpam).toBe(false);
      await services.tips.close(officer, filed.tipId, "unfounded");
      expect((await services.tips.filedBy("nonce-a"))?.quietSpam).toBe(false);
      const spam = await submit({ description: "Quảng cáo vay tiền nhanh 09xx" }, "nonce-b");
      await services.tips.claim(officer, spam.tipId);
      expect((await services.tips.filedBy("nonce-b"))?.quietSpam).toBe(false);
      await services.tips.close(officer, spam.tipId, "spam");
      expect((await services.tips.filedBy("nonce-b"))?.quietSpam).toBe(true);
      // A repeat of that text is filed closed as spam at once: quiet too.
      const repeat = await submit({ description: "quang cao vay tien nhanh 09xx" }, "nonce-c");
      expect(repeat.quietSpam).toBe(true);
      expect((await services.tips.filedBy("nonce-c"))?.quietSpam).toBe(true);
    });
  });
});
