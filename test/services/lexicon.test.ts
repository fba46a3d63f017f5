// A ward's own words, at the service, against a real database: who may add,
// list and remove them, what is accepted, what is audited, and that the next
// tip is triaged with a word as soon as it is added (and without it once removed).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import type { ActiveMember } from "../../src/services/members.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";

const person = (id: string, name = `Người ${id}`) => ({ telegramUserId: id, displayName: name });

describe("a ward's lexicon", () => {
  let db: Database;
  let services: Services;
  let clock: FakeClock;
  let wardA: string;
  let wardB: string;
  let admin: ActiveMember;
  let officer: ActiveMember;
  let otherOfficer: ActiveMember;
  let adminB: ActiveMember;

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock();
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now });
    const a = await services.wards.ensureWard({ slug: "a", name: "Phường A", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP 1"] });
    const b = await services.wards.ensureWard({ slug: "b", name: "Phường B", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP B"] });
    wardA = a.wardId;
    wardB = b.wardId;
    await services.members.claimAdmin(a.adminCode!, person("1000", "Admin A"));
    admin = (await services.members.findActive(wardA, "1000"))!;
    await services.members.claimAdmin(b.adminCode!, person("3000", "Admin B"));
    adminB = (await services.members.findActive(wardB, "3000"))!;
    const invite = async (who: string) => (await services.members.acceptInvite((await services.members.createInvite(admin, "officer")).payload, person(who))).member;
    officer = await invite("2000");
    otherOfficer = await invite("2001");
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  it("keeps a word folded, once per ward, audited with its word and kind and no tip", async () => {
    expect(await services.lexicon.add(officer, "  Kẹo BAY ", "drug")).toEqual({ phrase: "keo bay", kind: "drug", added: true });
    expect(await services.lexicon.add(admin, "keo bay", "drug")).toMatchObject({ added: false });
    expect(await services.lexicon.add(admin, "kẹo bay", "now")).toEqual({ phrase: "keo bay", kind: "now", added: false, previousKind: "drug" });
    expect(await services.lexicon.list(officer)).toEqual([{ phrase: "keo bay", kind: "now", createdByMemberId: officer.id }]);
    expect(await services.lexicon.list(adminB)).toEqual([]);
    expect(await services.lexicon.terms(wardA)).toEqual([{ phrase: "keo bay", kind: "now" }]);
    const audit = await db.auditEntry.findMany({ where: { action: { in: ["lexicon.term_added", "lexicon.term_removed"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.wardId, a.actorMemberId, a.tipId, JSON.parse(a.detail ?? "{}") as unknown])).toEqual([
      [wardA, officer.id, null, { phrase: "keo bay", kind: "drug" }],
      [wardA, admin.id, null, { phrase: "keo bay", kind: "now", previousKind: "drug" }],
    ]);
  });

  it("refuses what is no word, an unknown kind, and anyone no longer staff", async () => {
    for (const phrase of ["", "   ", "123 !!", "a b c d e f", "x".repeat(61)]) {
      await expect(services.lexicon.add(officer, phrase, "drug"), phrase).rejects.toMatchObject({ code: "invalid_input" });
    }
    await expect(services.lexicon.add(officer, "hàng trắng", "weather" as never)).rejects.toMatchObject({ code: "invalid_input" });
    await services.members.remove(admin, officer.id);
    await expect(services.lexicon.add(officer, "hàng trắng", "drug")).rejects.toMatchObject({ code: "not_staff" });
    await expect(services.lexicon.list(officer)).rejects.toMatchObject({ code: "not_staff" });
    await expect(services.lexicon.add({ ...adminB, wardId: wardA }, "hàng trắng", "drug")).rejects.toMatchObject({ code: "not_staff" });
    expect(await db.wardTerm.count()).toBe(0);
  });

  it("lets the admin or the officer who added a word remove it, no other officer", async () => {
    await services.lexicon.add(officer, "kẹo bay", "drug");
    await services.lexicon.add(otherOfficer, "đồ bay", "drug");
    await expect(services.lexicon.remove(otherOfficer, "keo bay")).rejects.toMatchObject({ code: "not_term_owner" });
    await expect(services.lexicon.remove(adminB, "keo bay")).rejects.toMatchObject({ code: "not_found" });
    await expect(services.lexicon.remove(officer, "chưa có")).rejects.toMatchObject({ code: "not_found" });
    expect(await services.lexicon.remove(officer, "KẸO BAY")).toEqual({ phrase: "keo bay", kind: "drug" });
    expect(await services.lexicon.remove(admin, "do bay")).toEqual({ phrase: "do bay", kind: "drug" });
    expect(await db.wardTerm.count()).toBe(0);
    const removed = await db.auditEntry.findMany({ where: { action: "lexicon.term_removed" }, orderBy: { createdAt: "asc" } });
    expect(removed.map((a) => [a.actorMemberId, JSON.parse(a.detail ?? "{}") as unknown])).toEqual([
      [officer.id, { phrase: "keo bay", kind: "drug" }],
      [admin.id, { phrase: "do bay", kind: "drug" }],
    ]);
  });

  it("triages the next tip with a word as soon as it is added, and without it once removed", async () => {
    const file = async () =>
      (await services.tips.submit(wardA, { category: "other", timing: "ongoing", description: "có người chơi kẹo bay trong phòng trọ số 5", place: null, quarterId: null, photoFileIds: [] } as never)).priority;
    const before = await file();
    expect(await services.lexicon.terms(wardA)).toEqual([]);
    await services.lexicon.add(officer, "kẹo bay", "drug");
    const withWord = await file();
    expect(["low", "normal", "high", "urgent"].indexOf(withWord)).toBeGreaterThan(["low", "normal", "high", "urgent"].indexOf(before));
    await services.lexicon.remove(officer, "kẹo bay");
    expect(await file()).toBe(before);
    // Another ward does not get ward A's words.
    await services.lexicon.add(officer, "kẹo bay", "drug");
    const inB = (await services.tips.submit(wardB, { category: "other", timing: "ongoing", description: "có người chơi kẹo bay trong phòng trọ số 5", place: null, quarterId: null, photoFileIds: [] } as never)).priority;
    expect(inB).toBe(before);
  });

  it("keeps one array per ward until a change here, and sees another instance's change within a minute", async () => {
    const other = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now });
    const first = await services.lexicon.terms(wardA);
    expect(await services.lexicon.terms(wardA)).toBe(first);
    expect(await other.lexicon.terms(wardA)).toEqual([]);
    await services.lexicon.add(officer, "kẹo bay", "drug");
    const changed = await services.lexicon.terms(wardA);
    expect(changed).not.toBe(first);
    expect(changed).toEqual([{ phrase: "keo bay", kind: "drug" }]);
    // The other instance's copy is stale until its minute is up.
    clock.advance(59_000);
    expect(await other.lexicon.terms(wardA)).toEqual([]);
    clock.advance(2_000);
    expect(await other.lexicon.terms(wardA)).toEqual([{ phrase: "keo bay", kind: "drug" }]);
    expect(await services.lexicon.terms(wardB)).toEqual([]);
  });
});
