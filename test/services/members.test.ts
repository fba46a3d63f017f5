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

    it("expires at the very moment it was given for, and a code with no expiry is never valid", async () => {
      const expiresAt = (await db.ward.findUniqueOrThrow({ where: { id: wardB } })).adminCodeExpiresAt!;
      clock.advance(expiresAt.getTime() - clock.now().getTime());
      await expect(services.members.claimAdmin(adminCodeB, person("3000"))).rejects.toMatchObject({ code: "code_expired" });
      clock.advance(-1);
      await db.ward.update({ where: { id: wardB }, data: { adminCodeExpiresAt: null } });
      await expect(services.members.claimAdmin(adminCodeB, person("3000"))).rejects.toMatchObject({ code: "code_expired" });
      expect(await db.member.count({ where: { wardId: wardB } })).toBe(0);
    });

    it("of two people typing it at the same moment, makes one the admin", async () => {
      const results = await Promise.allSettled([services.members.claimAdmin(adminCodeB, person("3000")), services.members.claimAdmin(adminCodeB, person("3001"))]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected").map((r) => r.reason as unknown)).toEqual([expect.objectContaining({ code: "invalid_code" })]);
      expect(await db.member.count({ where: { wardId: wardB } })).toBe(1);
      expect(await db.auditEntry.count({ where: { wardId: wardB, action: "ward.admin_claimed" } })).toBe(1);
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

    it("make an officer who accepts an admin invite the admin, and record each acceptance with the role it gave", async () => {
      const officer = await officerOf();
      const { payload } = await services.members.createInvite(admin, "admin");
      const promoted = (await services.members.acceptInvite(payload, person("2000", "Tên mới"))).member;
      expect(promoted).toEqual({ id: officer.id, wardId: wardA, role: "admin", displayName: "Tên mới" });
      expect(await services.members.findActive(wardA, "2000")).toMatchObject({ role: "admin" });
      const accepted = await db.auditEntry.findMany({ where: { wardId: wardA, action: "invite.accepted" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      const invites = await db.invite.findMany({ where: { wardId: wardA } });
      const inviteOf = (role: string) => invites.find((i) => i.role === role)!.id;
      expect(accepted.map((a) => [a.actorMemberId, JSON.parse(a.detail) as unknown]).sort()).toEqual(
        [
          [officer.id, { role: "officer", inviteId: inviteOf("officer") }],
          [officer.id, { role: "admin", inviteId: inviteOf("admin") }],
        ].sort(),
      );
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

  it("an invite for a quarter's head or an agency's contact carries its quarter or its agency, for the check its taker makes", async () => {
    let draw = 0;
    const links = new InviteLinks(db, services.secrets, (n) => new Uint8Array(n).fill(++draw), clock.now, services.audit, 2);
    const [quarter] = await services.wards.listQuarters(wardA);
    const agency = await db.agency.create({ data: { wardId: wardA, name: "Trạm Y tế phường", kind: "health", position: 0 } });
    const forHead = await links.issue({ wardId: wardA, role: "quarter_head", quarterId: quarter!.id, createdByMemberId: admin.id });
    expect(await links.usable(forHead.token, (i) => i.quarter !== null)).toMatchObject({ role: "quarter_head", ward: { name: "Phường A" }, quarter: { id: quarter!.id, name: "KP 1" }, agency: null });
    const forAgency = await links.issue({ wardId: wardA, role: "agency_contact", agencyId: agency.id, createdByMemberId: admin.id });
    expect(await links.usable(forAgency.token, (i) => i.agency?.active === true)).toMatchObject({ role: "agency_contact", quarter: null, agency: { id: agency.id, name: "Trạm Y tế phường" } });
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

    it("in private, lists the oldest membership first, each with its ward's words", async () => {
      await services.members.claimAdmin(adminCodeB, person("1000", "Admin A"));
      // Ward B's membership is made the older one, though it was written last.
      await db.member.updateMany({ where: { wardId: wardB, telegramUserId: "1000" }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
      await db.ward.update({ where: { id: wardA }, data: { headTitle: "truong-khu-pho" } });
      await db.ward.update({ where: { id: wardB }, data: { wardUnit: "thon", headTitle: "truong-thon" } });
      const memberships = await services.members.memberships("1000");
      expect(memberships.map((m) => [m.wardId, m.role, m.words])).toEqual([
        [wardB, "admin", { wardUnit: "thon", headTitle: "truong-thon" }],
        [wardA, "admin", { wardUnit: "khu-pho", headTitle: "truong-khu-pho" }],
      ]);
    });

    it("names a ward's active admins, the oldest first, and no one else", async () => {
      const officer = await officerOf();
      const { payload } = await services.members.createInvite(admin, "admin");
      const second = (await services.members.acceptInvite(payload, person("2500", "Phó Admin"))).member;
      const { payload: third } = await services.members.createInvite(admin, "admin");
      const gone = (await services.members.acceptInvite(third, person("2600"))).member;
      await services.members.remove(admin, gone.id);
      await db.member.update({ where: { id: second.id }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
      expect(officer.role).toBe("officer");
      expect(await services.members.admins(wardA)).toEqual([
        { telegramUserId: "2500", displayName: "Phó Admin" },
        { telegramUserId: "1000", displayName: "Admin A" },
      ]);
      expect(await services.members.admins(wardB)).toEqual([]);
    });

    it("lists a ward's active staff to its admin only", async () => {
      const officer = await officerOf();
      const gone = await officerOf("2001");
      await services.members.remove(admin, gone.id);
      expect((await services.members.staff(admin)).map((m) => m.id).sort()).toEqual([admin.id, officer.id].sort());
      // The oldest first.
      await db.member.update({ where: { id: officer.id }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
      expect((await services.members.staff(admin)).map((m) => m.id)).toEqual([officer.id, admin.id]);
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

  it("of two admins removing the same officer at the same moment, one removes, with one audit row", async () => {
    const officer = await officerOf();
    const { payload } = await services.members.createInvite(admin, "admin");
    const other = (await services.members.acceptInvite(payload, person("2500"))).member;
    const results = await Promise.allSettled([services.members.remove(admin, officer.id), services.members.remove(other, officer.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => r.reason as unknown)).toEqual([expect.objectContaining({ code: "not_staff" })]);
    expect(await db.auditEntry.count({ where: { action: "member.removed" } })).toBe(1);
  });

  it("records what became of taking a removed member out of the police group", async () => {
    const officer = await officerOf();
    await services.members.recordGroupRemoval(admin, officer.id, { removed: true });
    await services.members.recordGroupRemoval(admin, officer.id, { removed: false, reason: "not_enough_rights" });
    const rows = await db.auditEntry.findMany({ where: { action: "member.removed_from_group" } });
    expect(rows.map((r) => [r.wardId, r.actorMemberId, JSON.parse(r.detail) as unknown]).sort()).toEqual(
      [
        [wardA, admin.id, { memberId: officer.id, removed: true }],
        [wardA, admin.id, { memberId: officer.id, removed: false, reason: "not_enough_rights" }],
      ].sort(),
    );
  });

  describe("the police group", () => {
    it("is bound by the ward's admin only, and never taken from another ward", async () => {
      const officer = await officerOf();
      await expect(services.members.bindPoliceGroup(officer, "-100")).rejects.toMatchObject({ code: "not_admin" });
      expect(await services.members.bindPoliceGroup(admin, "-100")).toEqual({ changed: true });
      expect((await db.ward.findUniqueOrThrow({ where: { id: wardA } })).policeChatId).toBe("-100");
      const bound = await db.auditEntry.findFirstOrThrow({ where: { wardId: wardA, action: "ward.police_group_bound" } });
      expect(JSON.parse(bound.detail)).toEqual({ chatId: "-100" });
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
      // "Moving" to the group it is in is no move: refused, nothing recorded.
      await expect(services.members.rebindPoliceGroup(admin, "-100", "-100")).rejects.toMatchObject({ code: "group_changed" });
      expect(await db.auditEntry.count({ where: { action: "ward.police_group_rebound" } })).toBe(0);
      await services.members.rebindPoliceGroup(admin, "-101", "-100");
      expect((await db.ward.findUniqueOrThrow({ where: { id: wardA } })).policeChatId).toBe("-101");
      expect(await db.auditEntry.count({ where: { wardId: wardA, action: "ward.police_group_bound", actorMemberId: admin.id } })).toBe(1);
      const rebound = await db.auditEntry.findFirstOrThrow({ where: { wardId: wardA, action: "ward.police_group_rebound", actorMemberId: admin.id } });
      expect(JSON.parse(rebound.detail)).toEqual({ fromChatId: "-100", chatId: "-101" });
    });
  });
});
