// Staff and their rights, at the service, against a real database: the first
// admin's code, invite links of every kind (one table, keyed hashes), who is
// staff where, removal and the police group's binding. Each rule is checked at
// its edge, so that a rule loosened by one character fails here.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../src/db.js";
import { createServices, Keyring, type Services } from "../../src/services/index.js";
import { InviteLinks } from "../../src/services/invites.js";
import { type ActiveMember, MemberService } from "../../src/services/members.js";
import { Secrets } from "../../src/services/secrets.js";
import { FakeClock } from "../support/clock.js";
import { freshDatabaseUrl, TEST_PEPPER, TEST_TIP_KEYS } from "../support/harness.js";

const HOUR = 3_600_000;
const person = (id: string, name = `Người ${id}`) => ({ telegramUserId: id, displayName: name });

describe("members, roles and invites", () => {
  let db: Database;
  let services: Services;
  let clock: FakeClock;
  let wardA: string;
  let wardB: string;
  let adminCodeB: string;
  let admin: ActiveMember;

  beforeEach(async () => {
    db = createDatabase(await freshDatabaseUrl());
    clock = new FakeClock();
    services = createServices({ db, pepper: TEST_PEPPER, notifyKey: Buffer.alloc(32, 7), keyring: Keyring.parse(TEST_TIP_KEYS), clock: clock.now, inviteTtlHours: 72 });
    const a = await services.wards.ensureWard({ slug: "a", name: "Phường A", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP 1"] });
    const b = await services.wards.ensureWard({ slug: "b", name: "Phường B", timezone: "Asia/Ho_Chi_Minh", quarterNames: ["KP B"] });
    wardA = a.wardId;
    wardB = b.wardId;
    adminCodeB = b.adminCode!;
    await services.members.claimAdmin(a.adminCode!, person("1000", "Admin A"));
    admin = (await services.members.findActive(wardA, "1000"))!;
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  const officerOf = async (who = "2000") => {
    const { payload } = await services.members.createInvite(admin, "officer");
    return (await services.members.acceptInvite(payload, person(who))).member;
  };

  describe("the first admin's code", () => {
    it("is taken as typed loosely, once, and makes its claimer the ward's admin", async () => {
      const claimed = await services.members.claimAdmin(`  ${adminCodeB.toLowerCase()} `, person("3000", "Admin B"));
      expect(claimed).toEqual({ wardId: wardB, wardName: "Phường B" });
      expect(await services.members.findActive(wardB, "3000")).toMatchObject({ role: "admin", displayName: "Admin B" });
      await expect(services.members.claimAdmin(adminCodeB, person("3001"))).rejects.toMatchObject({ code: "invalid_code" });
      expect((await db.ward.findUniqueOrThrow({ where: { id: wardB } })).adminCodeHash).toBeNull();
      expect(await db.auditEntry.count({ where: { wardId: wardB, action: "ward.admin_claimed" } })).toBe(1);
    });

    it("refuses a wrong code and changes nothing", async () => {
      await expect(services.members.claimAdmin("ADM-2222-3333-4444", person("3000"))).rejects.toMatchObject({ code: "invalid_code" });
      expect(await db.member.count({ where: { wardId: wardB } })).toBe(0);
      expect((await db.ward.findUniqueOrThrow({ where: { id: wardB } })).adminCodeHash).not.toBeNull();
    });

    it("makes an officer or a removed member who claims it the admin again", async () => {
      await db.member.create({ data: { wardId: wardB, telegramUserId: "3000", displayName: "Old", role: "officer", active: false } });
      await services.members.claimAdmin(adminCodeB, person("3000", "New Name"));
      expect(await services.members.findActive(wardB, "3000")).toMatchObject({ role: "admin", displayName: "New Name" });
    });
  });

  describe("staff invites", () => {
    it("are made by admins only, expire after the configured hours and store only a keyed hash", async () => {
      const officer = await officerOf();
      await expect(services.members.createInvite(officer, "officer")).rejects.toMatchObject({ code: "not_admin" });
      const { payload, expiresAt } = await services.members.createInvite(admin, "officer");
      expect(payload).toMatch(/^inv_[\w-]{22}$/);
      expect(MemberService.isInvitePayload(payload)).toBe(true);
      expect(MemberService.isInvitePayload(payload.slice(1))).toBe(false);
      expect(expiresAt.getTime()).toBe(clock.now().getTime() + 72 * HOUR);
      const stored = await db.invite.findFirstOrThrow({ where: { usedAt: null } });
      expect(JSON.stringify(stored)).not.toContain(payload.slice(4));
      expect(stored.tokenHash).toBe(services.secrets.keyedHash("invite", payload.slice(4)));
      expect(stored).toMatchObject({ wardId: wardA, role: "officer", createdByMemberId: admin.id });
    });

    it("work once, until the moment they expire", async () => {
      const { payload } = await services.members.createInvite(admin, "officer");
      clock.advance(72 * HOUR - 1);
      const acceptedAt = clock.now();
      const { member, wardName } = await services.members.acceptInvite(payload, person("2000", "Cán bộ"));
      expect(member).toMatchObject({ wardId: wardA, role: "officer", displayName: "Cán bộ" });
      expect(wardName).toBe("Phường A");
      await expect(services.members.acceptInvite(payload, person("2001"))).rejects.toMatchObject({ code: "invite_used" });

      const late = await services.members.createInvite(admin, "officer");
      clock.advance(72 * HOUR);
      await expect(services.members.acceptInvite(late.payload, person("2002"))).rejects.toMatchObject({ code: "invite_expired" });
      await expect(services.members.acceptInvite("inv_not-a-token", person("2002"))).rejects.toMatchObject({ code: "invite_invalid" });
      expect(await services.members.memberships("2002")).toEqual([]);
      expect((await db.invite.findFirstOrThrow({ where: { usedAt: { not: null } } })).usedAt).toEqual(acceptedAt);
    });

    it("of two acceptances at the same moment, only one goes through", async () => {
      const { payload } = await services.members.createInvite(admin, "officer");
      const results = await Promise.allSettled([services.members.acceptInvite(payload, person("2000")), services.members.acceptInvite(payload, person("2001"))]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await db.member.count({ where: { wardId: wardA, role: "officer" } })).toBe(1);
    });

    it("grant an admin invite's admin rights, and keep an admin an admin on an officer invite", async () => {
      const { payload } = await services.members.createInvite(admin, "admin");
      expect((await services.members.acceptInvite(payload, person("2000"))).member.role).toBe("admin");
      const again = await services.members.createInvite(admin, "officer");
      expect((await services.members.acceptInvite(again.payload, person("1000", "Admin A"))).member.role).toBe("admin");
    });

    it("bring back a removed officer, by the same record", async () => {
      const officer = await officerOf();
      await services.members.remove(admin, officer.id);
      expect(await services.members.findActive(wardA, "2000")).toBeNull();
      const back = await officerOf();
      expect(back.id).toBe(officer.id);
      expect(await services.members.findActive(wardA, "2000")).toMatchObject({ id: officer.id, role: "officer" });
    });

    it("are refused for links of another kind in the same table, without using them up", async () => {
      const links = new InviteLinks(db, services.secrets, (n) => new Uint8Array(n).map((_, i) => i * 7), clock.now, services.audit, 72);
      for (const role of ["quarter_head", "quarter_deputy", "agency_contact"]) {
        const { token } = await links.issue({ wardId: wardA, role, createdByMemberId: admin.id });
        await expect(services.members.acceptInvite(`inv_${token}`, person("2000"))).rejects.toMatchObject({ code: "invite_invalid" });
        expect(await db.invite.count({ where: { role, usedAt: null } })).toBe(1);
        await db.invite.deleteMany({ where: { role } });
      }
      expect(await services.members.memberships("2000")).toEqual([]);
    });
  });

  describe("InviteLinks", () => {
    it("finds an invite only by its token's keyed hash, and says why one cannot be used", async () => {
      const links = new InviteLinks(db, services.secrets, (n) => new Uint8Array(n).fill(1), clock.now, services.audit, 2);
      const { token, expiresAt } = await links.issue({ wardId: wardA, role: "officer", createdByMemberId: admin.id }, { note: "x" });
      expect(expiresAt.getTime()).toBe(clock.now().getTime() + 2 * HOUR);
      const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "invite.created" }, orderBy: { createdAt: "desc" } });
      expect(JSON.parse(audit.detail)).toMatchObject({ role: "officer", note: "x" });
      expect(audit.actorMemberId).toBe(admin.id);
      const all = () => true;
      expect((await links.usable(token, all)).wardId).toBe(wardA);
      await expect(links.usable(token, () => false)).rejects.toMatchObject({ code: "invite_invalid" });
      await expect(links.usable(`${token}x`, all)).rejects.toMatchObject({ code: "invite_invalid" });
      const other = new InviteLinks(db, new Secrets(`${TEST_PEPPER}-other`), (n) => new Uint8Array(n), clock.now, services.audit, 2);
      await expect(other.usable(token, all)).rejects.toMatchObject({ code: "invite_invalid" });
      clock.advance(2 * HOUR);
      await expect(links.usable(token, all)).rejects.toMatchObject({ code: "invite_expired" });
      const invite = await db.invite.findFirstOrThrow({ where: { tokenHash: services.secrets.keyedHash("invite", token) } });
      await InviteLinks.markUsed(db, invite.id, clock.now());
      await expect(InviteLinks.markUsed(db, invite.id, clock.now())).rejects.toMatchObject({ code: "invite_used" });
      await expect(links.usable(token, all)).rejects.toMatchObject({ code: "invite_used" });
    });
  });

  describe("who is staff where", () => {
    it("reads roles from the database on each call: removed members are nobody", async () => {
      const officer = await officerOf();
      expect(await services.members.findActive(wardA, "2000")).toEqual({ id: officer.id, wardId: wardA, role: "officer", displayName: "Người 2000" });
      expect(await services.members.findActive(wardB, "2000")).toBeNull();
      await services.members.remove(admin, officer.id);
      expect(await services.members.findActive(wardA, "2000")).toBeNull();
      expect(await services.members.memberships("2000")).toEqual([]);
    });

    it("in a group, is staff only of the ward bound to it; in an unbound group, of none; in private, of each ward in turn", async () => {
      await services.members.claimAdmin(adminCodeB, person("1000", "Admin A"));
      const adminB = (await services.members.findActive(wardB, "1000"))!;
      await services.members.bindPoliceGroup(admin, "-100");
      await services.members.bindPoliceGroup(adminB, "-200");
      expect((await services.members.memberships("1000", "-100")).map((m) => m.wardId)).toEqual([wardA]);
      expect((await services.members.memberships("1000", "-200")).map((m) => m.wardId)).toEqual([wardB]);
      expect(await services.members.memberships("1000", "-300")).toEqual([]);
      expect((await services.members.memberships("1000")).map((m) => m.wardId).sort()).toEqual([wardA, wardB].sort());
    });

    it("lists a ward's active staff to its admin only", async () => {
      const officer = await officerOf();
      const gone = await officerOf("2001");
      await services.members.remove(admin, gone.id);
      expect((await services.members.staff(admin)).map((m) => m.id).sort()).toEqual([admin.id, officer.id].sort());
      await expect(services.members.staff(officer)).rejects.toMatchObject({ code: "not_admin" });
    });
  });

  describe("removing staff", () => {
    it("is for the ward's admin, on an active member of the same ward, never the admin themself", async () => {
      const officer = await officerOf();
      const other = await officerOf("2001");
      await services.members.claimAdmin(adminCodeB, person("3000"));
      const adminB = (await services.members.findActive(wardB, "3000"))!;
      const before = await db.member.findMany({ orderBy: { id: "asc" } });
      await expect(services.members.remove(officer, other.id)).rejects.toMatchObject({ code: "not_admin" });
      await expect(services.members.remove(adminB, officer.id)).rejects.toMatchObject({ code: "not_staff" });
      await expect(services.members.remove(admin, "no-such-member")).rejects.toMatchObject({ code: "not_staff" });
      await expect(services.members.remove(admin, admin.id)).rejects.toMatchObject({ code: "invalid_input" });
      expect(await db.member.findMany({ orderBy: { id: "asc" } })).toEqual(before);

      expect(await services.members.remove(admin, officer.id)).toMatchObject({ ...officer, releasedTipIds: [] });
      await expect(services.members.remove(admin, officer.id)).rejects.toMatchObject({ code: "not_staff" });
      const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "member.removed" } });
      expect(audit.actorMemberId).toBe(admin.id);
      expect(JSON.parse(audit.detail)).toEqual({ memberId: officer.id, role: "officer" });
    });
  });

  describe("the police group", () => {
    it("is bound by the ward's admin only, and never taken from another ward", async () => {
      const officer = await officerOf();
      await expect(services.members.bindPoliceGroup(officer, "-100")).rejects.toMatchObject({ code: "not_admin" });
      await services.members.bindPoliceGroup(admin, "-100");
      expect((await db.ward.findUniqueOrThrow({ where: { id: wardA } })).policeChatId).toBe("-100");
      await services.members.claimAdmin(adminCodeB, person("3000"));
      const adminB = (await services.members.findActive(wardB, "3000"))!;
      await expect(services.members.bindPoliceGroup(adminB, "-100")).rejects.toMatchObject({ code: "wrong_ward" });
      expect((await db.ward.findUniqueOrThrow({ where: { id: wardA } })).policeChatId).toBe("-100");
      expect((await db.ward.findUniqueOrThrow({ where: { id: wardB } })).policeChatId).toBeNull();
      // Binding its own group again changes nothing; moving to another is a rebind, the admin's alone, from the group it is in.
      expect(await services.members.bindPoliceGroup(admin, "-100")).toEqual({ changed: false });
      await expect(services.members.bindPoliceGroup(admin, "-101")).rejects.toMatchObject({ code: "group_changed" });
      await expect(services.members.rebindPoliceGroup(officer, "-101", "-100")).rejects.toMatchObject({ code: "not_admin" });
      await expect(services.members.rebindPoliceGroup(admin, "-101", "-99")).rejects.toMatchObject({ code: "group_changed" });
      await expect(services.members.rebindPoliceGroup(adminB, "-100", "-100")).rejects.toMatchObject({ code: "wrong_ward" });
      await services.members.rebindPoliceGroup(admin, "-101", "-100");
      expect((await db.ward.findUniqueOrThrow({ where: { id: wardA } })).policeChatId).toBe("-101");
      expect(await db.auditEntry.count({ where: { wardId: wardA, action: "ward.police_group_bound", actorMemberId: admin.id } })).toBe(1);
      const rebound = await db.auditEntry.findFirstOrThrow({ where: { wardId: wardA, action: "ward.police_group_rebound", actorMemberId: admin.id } });
      expect(JSON.parse(rebound.detail)).toEqual({ fromChatId: "-100", chatId: "-101" });
    });
  });
});
