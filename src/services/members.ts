import { type WardWords, wardWords } from "../domain/ward-units.js";
import type { Database } from "../db.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import { InviteLinks } from "./invites.js";
import type { Secrets } from "./secrets.js";

export type StaffRole = "admin" | "officer";

/** A staff member's Telegram identity. Staff are known on purpose; residents never pass through here. */
export interface StaffIdentity {
  telegramUserId: string;
  displayName: string;
}

export interface ActiveMember {
  id: string;
  wardId: string;
  role: StaffRole;
  displayName: string;
}

/** A membership with what its ward calls its quarters and their heads, for the replies to its staff. */
export interface StaffMembership extends ActiveMember {
  words: WardWords;
}

const INVITE_PREFIX = "inv_";

/** Gives a removed officer's tips back to the others, inside the removal's transaction (TipService). */
export interface ClaimReleaser {
  releaseClaimsOf(tx: Pick<Database, "tip" | "auditEntry" | "scheduledJob">, actor: ActiveMember, memberId: string): Promise<string[]>;
}

export interface RemovedMember extends ActiveMember {
  /** To take them out of the police group. */
  telegramUserId: string;
  /** Their open tips, given back to the others ("new" again). */
  releasedTipIds: string[];
}

export class MemberService {
  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly invites: InviteLinks,
    private readonly claims: ClaimReleaser,
  ) {}

  /** `/admin CODE`: the first admin of a ward proves they were given its one-time code, before it expired. */
  async claimAdmin(code: string, who: StaffIdentity): Promise<{ wardId: string; wardName: string }> {
    const hash = this.secrets.keyedHash("admin-code", code.trim().toUpperCase());
    const ward = await this.db.ward.findFirst({ where: { adminCodeHash: hash } });
    if (!ward) throw new ServiceError("invalid_code");
    // A code without an expiry was printed by an older version at every start: never valid.
    if (!ward.adminCodeExpiresAt || ward.adminCodeExpiresAt.getTime() <= this.clock().getTime()) throw new ServiceError("code_expired");
    const member = await this.db.$transaction(async (tx) => {
      // Clearing the hash in the same transaction makes the code single-use.
      const cleared = await tx.ward.updateMany({ where: { id: ward.id, adminCodeHash: hash }, data: { adminCodeHash: null, adminCodeExpiresAt: null } });
      if (cleared.count !== 1) throw new ServiceError("invalid_code");
      return tx.member.upsert({
        where: { wardId_telegramUserId: { wardId: ward.id, telegramUserId: who.telegramUserId } },
        create: { wardId: ward.id, telegramUserId: who.telegramUserId, displayName: who.displayName, role: "admin" },
        update: { role: "admin", active: true, displayName: who.displayName },
      });
    });
    await this.audit.record({ wardId: ward.id, action: "ward.admin_claimed", actorMemberId: member.id });
    return { wardId: ward.id, wardName: ward.name };
  }

  /** Creates a single-use invite; returns the deep-link payload (`inv_…`). Only a hash is stored. */
  async createInvite(admin: ActiveMember, role: StaffRole): Promise<{ payload: string; expiresAt: Date }> {
    if (admin.role !== "admin") throw new ServiceError("not_admin");
    const { token, expiresAt } = await this.invites.issue({ wardId: admin.wardId, role, createdByMemberId: admin.id });
    return { payload: `${INVITE_PREFIX}${token}`, expiresAt };
  }

  static isInvitePayload(payload: string): boolean {
    return payload.startsWith(INVITE_PREFIX);
  }

  async acceptInvite(payload: string, who: StaffIdentity): Promise<{ member: ActiveMember; wardName: string }> {
    const invite = await this.invites.usable(payload.slice(INVITE_PREFIX.length), (i) => i.role === "officer" || i.role === "admin");
    const now = this.clock();
    const member = await this.db.$transaction(async (tx) => {
      await InviteLinks.markUsed(tx, invite.id, now);
      return tx.member.upsert({
        where: { wardId_telegramUserId: { wardId: invite.wardId, telegramUserId: who.telegramUserId } },
        create: { wardId: invite.wardId, telegramUserId: who.telegramUserId, displayName: who.displayName, role: invite.role },
        // An existing admin keeps admin rights when accepting an officer invite.
        update: { active: true, displayName: who.displayName, ...(invite.role === "admin" ? { role: "admin" } : {}) },
      });
    });
    await this.audit.record({
      wardId: invite.wardId,
      action: "invite.accepted",
      actorMemberId: member.id,
      detail: { role: member.role, inviteId: invite.id },
    });
    return { member: toActive(member), wardName: invite.ward.name };
  }

  /** Role check from the database, on every staff action. */
  async findActive(wardId: string, telegramUserId: string): Promise<ActiveMember | null> {
    const m = await this.db.member.findUnique({ where: { wardId_telegramUserId: { wardId, telegramUserId } } });
    return m && m.active ? toActive(m) : null;
  }

  /** Wards where this Telegram user is active staff (used in private chats). */
  /**
   * Active memberships. In a group, only the membership of the ward bound to
   * that group, and none in a group bound to no ward: someone on two wards'
   * staff must never pull ward A's data into ward B's (or any other) group.
   */
  async memberships(telegramUserId: string, inGroup?: string): Promise<StaffMembership[]> {
    let wardId: string | undefined;
    if (inGroup !== undefined) {
      const ward = await this.db.ward.findUnique({ where: { policeChatId: inGroup }, select: { id: true } });
      if (!ward) return [];
      wardId = ward.id;
    }
    const rows = await this.db.member.findMany({
      where: { telegramUserId, active: true, ...(wardId ? { wardId } : {}) },
      orderBy: { createdAt: "asc" },
      include: { ward: { select: { wardUnit: true, headTitle: true } } },
    });
    return rows.map((m) => ({ ...toActive(m), words: wardWords(m.ward.wardUnit, m.ward.headTitle) }));
  }

  /** The ward's active admins, to tell them in private what needs their hand (a police group the bot cannot reach). */
  async admins(wardId: string): Promise<{ telegramUserId: string; displayName: string }[]> {
    return this.db.member.findMany({ where: { wardId, role: "admin", active: true }, select: { telegramUserId: true, displayName: true }, orderBy: { createdAt: "asc" } });
  }

  /** Active staff of the admin's ward, for the admin's list. */
  async staff(admin: ActiveMember): Promise<ActiveMember[]> {
    if (admin.role !== "admin") throw new ServiceError("not_admin");
    const rows = await this.db.member.findMany({ where: { wardId: admin.wardId, active: true }, orderBy: { createdAt: "asc" } });
    return rows.map(toActive);
  }

  /**
   * Removes an officer: every later action is refused, since roles are read on
   * each one, and the tips they held go back to the others in the same
   * transaction (a corrupt officer cannot sit on claimed tips by leaving).
   * Taking them out of the police group is the chat layer's part.
   */
  async remove(admin: ActiveMember, memberId: string): Promise<RemovedMember> {
    if (admin.role !== "admin") throw new ServiceError("not_admin");
    const target = await this.db.member.findUnique({ where: { id: memberId } });
    if (!target || target.wardId !== admin.wardId || !target.active) throw new ServiceError("not_staff");
    if (target.id === admin.id) throw new ServiceError("invalid_input", "an admin cannot remove themselves");
    const releasedTipIds = await this.db.$transaction(async (tx) => {
      // Two admins pressing at once: one removal.
      const removed = await tx.member.updateMany({ where: { id: target.id, active: true }, data: { active: false } });
      if (removed.count !== 1) throw new ServiceError("not_staff");
      await this.audit.record({ wardId: admin.wardId, action: "member.removed", actorMemberId: admin.id, detail: { memberId: target.id, role: target.role } }, tx);
      return this.claims.releaseClaimsOf(tx, admin, target.id);
    });
    return { ...toActive(target), telegramUserId: target.telegramUserId, releasedTipIds };
  }

  /** What became of taking a removed member out of the police group, for the record. */
  async recordGroupRemoval(admin: ActiveMember, memberId: string, outcome: { removed: boolean; reason?: string }): Promise<void> {
    await this.audit.record({
      wardId: admin.wardId,
      action: "member.removed_from_group",
      actorMemberId: admin.id,
      detail: { memberId, removed: outcome.removed, ...(outcome.reason ? { reason: outcome.reason } : {}) },
    });
  }

  /**
   * Binds the ward's first police group. A ward that has one already is moved
   * only by rebindPoliceGroup, which needs the admin's confirmation of the
   * group it moves from. Binding the group the ward already has changes nothing.
   */
  async bindPoliceGroup(admin: ActiveMember, chatId: string): Promise<{ changed: boolean }> {
    await this.checkGroupFree(admin, chatId);
    const bound = await this.db.ward.updateMany({ where: { id: admin.wardId, policeChatId: null }, data: { policeChatId: chatId } });
    if (bound.count !== 1) {
      const ward = await this.db.ward.findUniqueOrThrow({ where: { id: admin.wardId }, select: { policeChatId: true } });
      if (ward.policeChatId === chatId) return { changed: false };
      throw new ServiceError("group_changed", "the ward has a police group: moving it needs rebindPoliceGroup");
    }
    await this.audit.record({ wardId: admin.wardId, action: "ward.police_group_bound", actorMemberId: admin.id, detail: { chatId } });
    return { changed: true };
  }

  /**
   * Moves the ward's tips from the group it is bound to (`fromChatId`, as the
   * admin confirmed it) to another. Refused when the ward has moved since.
   */
  async rebindPoliceGroup(admin: ActiveMember, chatId: string, fromChatId: string): Promise<void> {
    await this.checkGroupFree(admin, chatId);
    if (fromChatId === chatId) throw new ServiceError("group_changed");
    const moved = await this.db.ward.updateMany({ where: { id: admin.wardId, policeChatId: fromChatId }, data: { policeChatId: chatId } });
    if (moved.count !== 1) throw new ServiceError("group_changed");
    await this.audit.record({ wardId: admin.wardId, action: "ward.police_group_rebound", actorMemberId: admin.id, detail: { fromChatId, chatId } });
  }

  /** Only the ward's admin binds, and a group serves one ward: another ward's admin cannot take it (that would route ward A's tips into ward B's group). */
  private async checkGroupFree(admin: ActiveMember, chatId: string): Promise<void> {
    if (admin.role !== "admin") throw new ServiceError("not_admin");
    const boundTo = await this.db.ward.findUnique({ where: { policeChatId: chatId }, select: { id: true } });
    if (boundTo && boundTo.id !== admin.wardId) throw new ServiceError("wrong_ward");
  }
}

function toActive(m: { id: string; wardId: string; role: string; displayName: string }): ActiveMember {
  return { id: m.id, wardId: m.wardId, role: m.role === "admin" ? "admin" : "officer", displayName: m.displayName };
}
