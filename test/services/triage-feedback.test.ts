// Officers' priority changes against a real (migrated) database: the bot's
// priority kept beside the officer's whatever they change next, a reason only
// for a tip ranked otherwise, the row's month from the tip's local date, the
// audit, and the figures kept through retention as the report's tips are.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { reportPeriod } from "../../src/domain/report-period.js";
import type { Priority } from "../../src/domain/tip.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import type { ActiveMember } from "../../src/services/members.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";

const local = (iso: string) => Date.parse(`${iso}+07:00`);

describe("feedback from officers' priority changes", () => {
  let db: Database;
  let services: Services;
  let clock: FakeClock;
  let wardId: string;
  let officer: ActiveMember;

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock(local("2026-02-14T23:50:00"));
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now });
    wardId = (await services.wards.ensureWard({ slug: "qnd", name: "Phường Quy Nhơn Đông", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["Khu phố 1"] })).wardId;
    const m = await db.member.create({ data: { wardId, telegramUserId: "5001", displayName: "Lê Văn An", role: "officer" } });
    officer = { id: m.id, wardId, role: "officer", displayName: "Lê Văn An" };
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  const at = (iso: string) => clock.advance(local(iso) - clock.now().getTime());
  const tip = () => services.tips.submit(wardId, { category: "dealing", quarterId: null, place: { kind: "text", text: "hẻm 7 Trần Phú" }, timing: "today", description: "Có người bán ma túy ở đầu hẻm 7", photoFileIds: [] });
  const overrideOf = (tipId: string) => db.triageOverride.findUniqueOrThrow({ where: { tipId } });

  it("keeps the bot's priority through every change, clears the reason when the officer changes their mind, and dates the row by the tip's reporting month", async () => {
    const filed = await tip(); // 14 Feb 23:50 local: February's figures, though it is the 14th's evening in UTC too
    const bot = (await db.tip.findUniqueOrThrow({ where: { id: filed.tipId } })).priority as Priority;
    const other = bot === "low" ? "high" : "low";
    at("2026-02-16T08:00:00"); // the change is made in March's figures: the row still counts in February's
    expect(await services.tips.setPriority(officer, filed.tipId, other)).toEqual({ botPriority: bot, differs: true });
    await services.tips.setPriorityReason(officer, filed.tipId, "stale_or_unclear");
    expect(await overrideOf(filed.tipId)).toMatchObject({ wardId, month: "2026-02", botPriority: bot, officerPriority: other, reason: "stale_or_unclear" });

    expect(await services.tips.setPriority(officer, filed.tipId, "urgent")).toEqual({ botPriority: bot, differs: bot !== "urgent" });
    expect(await overrideOf(filed.tipId)).toMatchObject({ botPriority: bot, officerPriority: "urgent", reason: null });
    // Back to the bot's: agreement, and no reason is taken.
    expect(await services.tips.setPriority(officer, filed.tipId, bot)).toEqual({ botPriority: bot, differs: false });
    await expect(services.tips.setPriorityReason(officer, filed.tipId, "other")).rejects.toMatchObject({ code: "priority_not_changed" });
    expect(await db.triageOverride.count()).toBe(1);

    const audit = await db.auditEntry.findMany({ where: { tipId: filed.tipId, action: { in: ["tip.priority_changed", "tip.priority_reason_given"] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audit.map((a) => [a.action, a.actorMemberId, JSON.parse(a.detail) as unknown])).toEqual([
      ["tip.priority_changed", officer.id, { from: bot, to: other }],
      ["tip.priority_reason_given", officer.id, { reason: "stale_or_unclear" }],
      ["tip.priority_changed", officer.id, { from: other, to: "urgent" }],
      ["tip.priority_changed", officer.id, { from: "urgent", to: bot }],
    ]);
  });

  it("takes the bot's priority from the audit for a tip changed before overrides were kept", async () => {
    const filed = await tip();
    const bot = (await db.tip.findUniqueOrThrow({ where: { id: filed.tipId } })).priority as Priority;
    const earlier = bot === "low" ? "normal" : "low";
    // As the old code did: the priority overwritten, only the audit row left.
    await db.tip.update({ where: { id: filed.tipId }, data: { priority: earlier } });
    await services.audit.record({ wardId, action: "tip.priority_changed", actorMemberId: officer.id, tipId: filed.tipId, detail: { from: bot, to: earlier } });
    await services.tips.setPriority(officer, filed.tipId, "urgent");
    expect(await overrideOf(filed.tipId)).toMatchObject({ botPriority: bot, officerPriority: "urgent" });
  });

  it("refuses a reason for another ward's tip, a closed tip, or one never changed", async () => {
    const filed = await tip();
    await expect(services.tips.setPriorityReason(officer, filed.tipId, "children")).rejects.toMatchObject({ code: "priority_not_changed" });
    const other = await services.wards.ensureWard({ slug: "khac", name: "Phường Khác", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP X"] });
    const m = await db.member.create({ data: { wardId: other.wardId, telegramUserId: "6001", displayName: "Người Khác", role: "officer" } });
    const stranger: ActiveMember = { id: m.id, wardId: other.wardId, role: "officer", displayName: "Người Khác" };
    await expect(services.tips.setPriority(stranger, filed.tipId, "urgent")).rejects.toMatchObject({ code: "wrong_ward" });
    await services.tips.setPriority(officer, filed.tipId, "urgent");
    await expect(services.tips.setPriorityReason(stranger, filed.tipId, "children")).rejects.toMatchObject({ code: "wrong_ward" });
    await services.tips.close(officer, filed.tipId, "unfounded");
    await expect(services.tips.setPriorityReason(officer, filed.tipId, "children")).rejects.toMatchObject({ code: "tip_closed" });
    expect((await overrideOf(filed.tipId)).reason).toBeNull();
  });

  it("counts the period's tips and overrides the same after retention deleted the tips", async () => {
    at("2026-01-10T10:00:00");
    const tips = [await tip(), await tip(), await tip(), await tip()];
    const bot = (await db.tip.findUniqueOrThrow({ where: { id: tips[0]!.tipId } })).priority as Priority;
    const other = bot === "low" ? "high" : "low";
    await services.tips.setPriority(officer, tips[0]!.tipId, other);
    await services.tips.setPriorityReason(officer, tips[0]!.tipId, "danger");
    await services.tips.setPriority(officer, tips[1]!.tipId, other);
    for (const t of tips.slice(0, 3)) await services.tips.close(officer, t.tipId, "unfounded");
    const period = reportPeriod("2026-01")!;
    const before = await services.triageFeedback.summary(wardId, period);
    expect(before).toMatchObject({ tips: 4, kept: 2, changed: 2, agreement: 0.5, corrections: [{ from: bot, to: other, count: 2 }], reasons: [{ reason: "danger", count: 1 }], withoutReason: 1 });
    expect((await services.reports.build(wardId, "2026-01", { unknownQuarter: "?" })).triage).toEqual(before);

    at("2026-09-01T10:00:00");
    expect((await services.tips.purgeClosed(180)).tips).toBe(3);
    const rows = await db.triageOverride.findMany();
    expect(rows.map((r) => r.tipId)).toEqual([null, null]);
    expect(await services.triageFeedback.summary(wardId, period)).toEqual(before);
    expect((await services.reports.build(wardId, "2026-01", { unknownQuarter: "?" })).triage).toEqual(before);
    // Another period holds none of them.
    expect(await services.triageFeedback.summary(wardId, reportPeriod("2026-02")!)).toMatchObject({ tips: 0, changed: 0, agreement: null });
  });
});
