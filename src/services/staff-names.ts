// One name per staff member (officer, admin, quarter head or deputy, agency
// contact), kept on each of their records: chosen once, shown everywhere, and
// kept when the same person accepts another invite.
import type { Database } from "../db.js";
import type { AuditService } from "./audit.js";
import type { StaffIdentity } from "./members.js";

export class StaffNameService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /** The name this person already goes by on any staff record, or null for someone new. */
  async known(telegramUserId: string): Promise<string | null> {
    const where = { telegramUserId };
    const member = await this.db.member.findFirst({ where, orderBy: { active: "desc" }, select: { displayName: true } });
    if (member) return member.displayName;
    const head = await this.db.quarterHead.findFirst({ where, orderBy: { active: "desc" }, select: { displayName: true } });
    if (head) return head.displayName;
    const contact = await this.db.agencyContact.findFirst({ where, orderBy: { active: "desc" }, select: { displayName: true } });
    return contact?.displayName ?? null;
  }

  /** Who accepts an invite, under the name they already go by (else Telegram's). */
  async resolve(who: StaffIdentity): Promise<StaffIdentity> {
    return { ...who, displayName: (await this.known(who.telegramUserId)) ?? who.displayName };
  }

  /** Sets the name on every active record of this person; false when they are no staff. Audited per ward, without the name. */
  async rename(telegramUserId: string, name: string): Promise<boolean> {
    const where = { telegramUserId, active: true };
    const members = await this.db.member.findMany({ where, select: { id: true, wardId: true } });
    const heads = await this.db.quarterHead.findMany({ where, select: { wardId: true } });
    const contacts = await this.db.agencyContact.findMany({ where, select: { wardId: true } });
    if (members.length + heads.length + contacts.length === 0) return false;
    await this.db.$transaction([
      this.db.member.updateMany({ where: { telegramUserId }, data: { displayName: name } }),
      this.db.quarterHead.updateMany({ where: { telegramUserId }, data: { displayName: name } }),
      this.db.agencyContact.updateMany({ where: { telegramUserId }, data: { displayName: name } }),
    ]);
    const wards = new Map<string, string | null>();
    for (const m of members) wards.set(m.wardId, m.id);
    for (const r of [...heads, ...contacts]) if (!wards.has(r.wardId)) wards.set(r.wardId, null);
    for (const [wardId, actorMemberId] of wards) await this.audit.record({ wardId, action: "staff.renamed", actorMemberId });
    return true;
  }
}
