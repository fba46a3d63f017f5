// TipService against a real (migrated) SQLite database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { createServices, Keyring, ServiceError, type Services } from "../../src/services/index.js";
import type { ActiveMember } from "../../src/services/members.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";

describe("TipService", () => {
  let db: Database;
  let services: Services;
  let clock: FakeClock;
  let wardId: string;
  let quarterIds: string[];
  let officer: ActiveMember;

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock();
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now });
    const ward = await services.wards.ensureWard({
      slug: "test-ward",
      name: "Phường Thử",
      timezone: "Asia/Ho_Chi_Minh",
      quarterNames: ["Khu phố 1", "Khu phố 2"],
    });
    wardId = ward.wardId;
    quarterIds = (await services.wards.listQuarters(wardId)).map((q) => q.id);
    const m = await db.member.create({ data: { wardId, telegramUserId: "5001", displayName: "Officer", role: "officer" } });
    officer = { id: m.id, wardId, role: "officer", displayName: "Officer" };
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  const draft = (over: Partial<Parameters<Services["tips"]["submit"]>[1]> = {}) => ({
    category: "dealing" as const,
    quarterId: quarterIds[0]!,
    place: { kind: "text" as const, text: "hẻm 12 Trần Phú, nhà số 5" },
    timing: "today" as const,
    description: "Có người bán ma túy ở đầu hẻm",
    photoFileIds: [],
    ...over,
  });

  it("stores a receipt only as a hash and returns distinct receipt and reference", async () => {
    const tip = await services.tips.submit(wardId, draft());
    expect(tip.receiptCode).toMatch(/^TB-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(tip.reference).toMatch(/^[2-9A-Z]{4}$/);
    const row = await db.tip.findUniqueOrThrow({ where: { id: tip.tipId } });
    expect(JSON.stringify(row)).not.toContain(tip.receiptCode);
    expect(row.receiptHash).toBe(await services.secrets.receiptHash(tip.receiptCode));
  });

  it("files a flow's tip once however often the same submission is replayed, with the same receipt", async () => {
    const first = await services.tips.submit(wardId, draft(), "nonce-of-one-flow");
    const again = await services.tips.submit(wardId, draft(), "nonce-of-one-flow");
    expect(again).toEqual({ ...first, alreadySubmitted: true });
    expect(first.alreadySubmitted).toBe(false);
    const racing = await Promise.all(Array.from({ length: 4 }, () => services.tips.submit(wardId, draft(), "nonce-of-another-flow")));
    expect(new Set(racing.map((t) => t.tipId)).size).toBe(1);
    expect(new Set(racing.map((t) => t.receiptCode)).size).toBe(1);
    expect(await db.tip.count()).toBe(2);
    expect((await services.tips.byReceipt(first.receiptCode))?.tipId).toBe(first.tipId);
    // The nonce itself is stored nowhere; its keyed hash is.
    const row = await db.tip.findUniqueOrThrow({ where: { id: first.tipId } });
    expect(JSON.stringify(row)).not.toContain("nonce-of-one-flow");
    const other = await services.tips.submit(wardId, draft(), "a-third-flow");
    expect(other.receiptCode).not.toBe(first.receiptCode);
  });

  it("groups a second tip about the same place in the same quarter within 14 days", async () => {
    const first = await services.tips.submit(wardId, draft());
    clock.advanceHours(24 * 3);
    const second = await services.tips.submit(wardId, draft({ place: { kind: "text", text: "Hem 12 Tran Phu nha so 5" } }));
    const [a, b] = await Promise.all([first, second].map((t) => db.tip.findUniqueOrThrow({ where: { id: t.tipId } })));
    expect(a!.duplicateGroup).not.toBeNull();
    expect(b!.duplicateGroup).toBe(a!.duplicateGroup);
    expect((await services.tips.view(second.tipId))?.duplicateOfReference).toBe(first.reference);

    clock.advanceHours(24 * 15);
    const late = await services.tips.submit(wardId, draft());
    expect((await db.tip.findUniqueOrThrow({ where: { id: late.tipId } })).duplicateGroup).toBeNull();

    const elsewhere = await services.tips.submit(wardId, draft({ quarterId: quarterIds[1]! }));
    expect((await db.tip.findUniqueOrThrow({ where: { id: elsewhere.tipId } })).duplicateGroup).toBeNull();
  });

  it("refuses a quarter of another ward and invalid drafts", async () => {
    const other = await services.wards.ensureWard({ slug: "other", name: "Khác", timezone: "UTC", quarterNames: ["X"] });
    const [foreign] = await services.wards.listQuarters(other.wardId);
    await expect(services.tips.submit(wardId, draft({ quarterId: foreign!.id }))).rejects.toBeInstanceOf(ServiceError);
    await expect(services.tips.submit(wardId, draft({ description: "" }))).rejects.toThrow();
    await expect(services.tips.submit(wardId, draft({ photoFileIds: ["1", "2", "3", "4", "5", "6"] }))).rejects.toThrow();
  });

  it("lets one officer claim, refuses another ward's officer, and freezes closed tips", async () => {
    const tip = await services.tips.submit(wardId, draft());
    const other = await services.wards.ensureWard({ slug: "other", name: "Khác", timezone: "UTC", quarterNames: ["X"] });
    const m = await db.member.create({ data: { wardId: other.wardId, telegramUserId: "6001", displayName: "O", role: "officer" } });
    const foreign: ActiveMember = { id: m.id, wardId: other.wardId, role: "officer", displayName: "O" };
    await expect(services.tips.claim(foreign, tip.tipId)).rejects.toMatchObject({ code: "wrong_ward" });

    await services.tips.claim(officer, tip.tipId);
    const m2 = await db.member.create({ data: { wardId, telegramUserId: "5002", displayName: "Second", role: "officer" } });
    const second: ActiveMember = { id: m2.id, wardId, role: "officer", displayName: "Second" };
    await expect(services.tips.claim(second, tip.tipId)).rejects.toMatchObject({ code: "already_claimed" });

    await services.tips.close(officer, tip.tipId, "unfounded");
    await expect(services.tips.setPriority(officer, tip.tipId, "low")).rejects.toMatchObject({ code: "tip_closed" });
    const audit = await services.audit.list(wardId, tip.tipId);
    expect(audit.map((a) => a.action)).toEqual(["tip.submitted", "tip.claimed", "tip.closed"]);
  });

  it("files a repeat of a text closed as spam quietly, whoever sends it", async () => {
    const first = await services.tips.submit(wardId, draft({ description: "BÁN ĐÁ giá rẻ liên hệ 09xx" }));
    expect(first.quietSpam).toBe(false);
    await services.tips.close(officer, first.tipId, "spam");
    const again = await services.tips.submit(wardId, draft({ description: "ban da gia re lien he 09xx!!" }));
    expect(again.quietSpam).toBe(true);
    expect(await db.tip.findUniqueOrThrow({ where: { id: again.tipId } })).toMatchObject({ status: "closed", closeReason: "spam" });
    const different = await services.tips.submit(wardId, draft({ description: "Có người bán đá ở hẻm 5" }));
    expect(different.quietSpam).toBe(false);
    expect(await db.scheduledJob.count({ where: { key: { contains: again.tipId } } })).toBe(0);
  });

  it("plans a job once even when two ticks plan it at the same moment", async () => {
    const job = { wardId, key: "test:same-key", kind: "checkin.open" as const, dueAt: clock.now(), payload: { week: "2026-W48" } };
    await Promise.all([services.jobs.schedule(job), services.jobs.schedule(job), services.jobs.schedule(job)]);
    expect(await db.scheduledJob.count({ where: { key: "test:same-key" } })).toBe(1);
  });

  it("keeps the audit trail append-only, whatever asks", async () => {
    const tip = await services.tips.submit(wardId, draft());
    const entry = await db.auditEntry.findFirstOrThrow({ where: { tipId: tip.tipId } });
    await expect(db.auditEntry.update({ where: { id: entry.id }, data: { action: "tip.closed" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(services.audit))).toEqual(expect.not.arrayContaining(["update", "delete", "remove"]));
    expect(await db.auditEntry.count({ where: { tipId: tip.tipId } })).toBe(1);
  });

  it("marks a duplicate into the original's group and closes it", async () => {
    const a = await services.tips.submit(wardId, draft({ quarterId: null, place: null }));
    const b = await services.tips.submit(wardId, draft({ quarterId: quarterIds[1]!, place: null }));
    const candidates = await services.tips.duplicateCandidates(officer, b.tipId);
    expect(candidates.map((c) => c.id)).toContain(a.tipId);
    await services.tips.markDuplicate(officer, b.tipId, a.tipId);
    const view = await services.tips.view(b.tipId);
    expect(view).toMatchObject({ status: "closed", closeReason: "duplicate", duplicateOfReference: a.reference });
  });
});
