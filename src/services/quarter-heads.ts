// Quarter heads and deputies: invited per quarter by staff, one head and any
// number of deputies per quarter; a new head replaces the old one.
import type { Database } from "../db.js";
import { type WardWords, wardWords } from "../domain/ward-units.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import type { ActiveMember, StaffIdentity } from "./members.js";
import { InviteLinks } from "./invites.js";

export type HeadRole = "head" | "deputy";
const PREFIX = "qh_";

export interface HeadInvitePreview {
  wardName: string;
  quarterName: string;
  role: HeadRole;
  /** What the ward calls the quarter and its head, for the invitee's messages. */
  words: WardWords;
}

/** A head or deputy as the admin's list shows them. */
export interface HeadView {
  id: string;
  displayName: string;
  role: HeadRole;
  quarterName: string;
}

const headView = (row: { id: string; displayName: string; role: string; quarter: { name: string } }): HeadView => ({
  id: row.id,
  displayName: row.displayName,
  role: row.role === "deputy" ? "deputy" : "head",
  quarterName: row.quarter.name,
});

export class QuarterHeadService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly invites: InviteLinks,
  ) {}

  static isInvitePayload(payload: string): boolean {
    return payload.startsWith(PREFIX);
  }

  async createInvite(staff: ActiveMember, quarterPosition: number, role: HeadRole): Promise<{ payload: string; quarterName: string; expiresAt: Date }> {
    const quarter = await this.db.quarter.findFirst({ where: { wardId: staff.wardId, position: quarterPosition } });
    if (!quarter) throw new ServiceError("invalid_input", "no such quarter");
    const { token, expiresAt } = await this.invites.issue({
      wardId: staff.wardId,
      quarterId: quarter.id,
      role: role === "head" ? "quarter_head" : "quarter_deputy",
      createdByMemberId: staff.id,
    });
    return { payload: `${PREFIX}${token}`, quarterName: quarter.name, expiresAt };
  }

  private async usableInvite(payload: string) {
    const invite = await this.invites.usable(payload.slice(PREFIX.length), (i) => i.role.startsWith("quarter_") && i.quarter !== null);
    if (!invite.quarter) throw new ServiceError("invite_invalid");
    return { ...invite, quarter: invite.quarter };
  }

  async preview(payload: string): Promise<HeadInvitePreview> {
    const invite = await this.usableInvite(payload);
    return { wardName: invite.ward.name, quarterName: invite.quarter.name, role: invite.role === "quarter_head" ? "head" : "deputy", words: wardWords(invite.ward.wardUnit, invite.ward.headTitle) };
  }

  /** Active heads and deputies of the admin's ward, or of one quarter (its position, from 0). */
  async active(admin: ActiveMember, quarterPosition?: number): Promise<HeadView[]> {
    if (admin.role !== "admin") throw new ServiceError("not_admin");
    const rows = await this.db.quarterHead.findMany({
      where: { wardId: admin.wardId, active: true, ...(quarterPosition === undefined ? {} : { quarter: { position: quarterPosition } }) },
      include: { quarter: true },
      orderBy: [{ quarter: { position: "asc" } }, { role: "asc" }, { createdAt: "asc" }],
    });
    return rows.map(headView);
  }

  /** Steps a head or deputy down: no more prompts or reminders, and their next press is refused (read from the database). */
  async remove(admin: ActiveMember, headId: string): Promise<HeadView> {
    if (admin.role !== "admin") throw new ServiceError("not_admin");
    const row = await this.db.quarterHead.findUnique({ where: { id: headId }, include: { quarter: true } });
    if (!row || row.wardId !== admin.wardId || !row.active) throw new ServiceError("not_found");
    await this.db.quarterHead.update({ where: { id: row.id }, data: { active: false } });
    await this.audit.record({ wardId: admin.wardId, action: "quarter_head.removed", actorMemberId: admin.id, detail: { headId: row.id, role: row.role } });
    return headView(row);
  }

  async accept(payload: string, who: StaffIdentity): Promise<HeadInvitePreview & { quarterId: string }> {
    const invite = await this.usableInvite(payload);
    const role: HeadRole = invite.role === "quarter_head" ? "head" : "deputy";
    const now = this.clock();
    await this.db.$transaction(async (tx) => {
      await InviteLinks.markUsed(tx, invite.id, now);
      if (role === "head") {
        // Reassignment: the previous head steps down (kept for history).
        await tx.quarterHead.updateMany({
          where: { quarterId: invite.quarter.id, role: "head", NOT: { telegramUserId: who.telegramUserId } },
          data: { active: false },
        });
      }
      await tx.quarterHead.upsert({
        where: { quarterId_telegramUserId: { quarterId: invite.quarter.id, telegramUserId: who.telegramUserId } },
        create: { wardId: invite.wardId, quarterId: invite.quarter.id, telegramUserId: who.telegramUserId, displayName: who.displayName, role },
        update: { role, active: true, away: false, blockedAt: null, displayName: who.displayName },
      });
    });
    await this.audit.record({ wardId: invite.wardId, action: "invite.accepted", detail: { role: invite.role, inviteId: invite.id } });
    return { wardName: invite.ward.name, quarterName: invite.quarter.name, quarterId: invite.quarter.id, role, words: wardWords(invite.ward.wardUnit, invite.ward.headTitle) };
  }

  /** Active head/deputy records of a Telegram user (they may serve several quarters). */
  byTelegramUser(telegramUserId: string) {
    return this.db.quarterHead.findMany({ where: { telegramUserId, active: true }, include: { quarter: true } });
  }

  /** What the ward of someone's (first) active head or deputy record calls its quarters and heads; null for someone who is neither. */
  async wordsOf(telegramUserId: string): Promise<WardWords | null> {
    const head = await this.db.quarterHead.findFirst({ where: { telegramUserId, active: true }, orderBy: { createdAt: "asc" }, include: { ward: { select: { wardUnit: true, headTitle: true } } } });
    return head ? wardWords(head.ward.wardUnit, head.ward.headTitle) : null;
  }

  async setAway(telegramUserId: string, away: boolean): Promise<number> {
    const { count } = await this.db.quarterHead.updateMany({ where: { telegramUserId, active: true }, data: { away } });
    return count;
  }

  /** Who gets this week's prompt for a quarter: the head, or the deputies while the head is away or unreachable. */
  async recipients(quarterId: string) {
    const people = await this.db.quarterHead.findMany({ where: { quarterId, active: true, blockedAt: null }, orderBy: { createdAt: "asc" } });
    const heads = people.filter((p) => p.role === "head" && !p.away);
    return heads.length > 0 ? heads : people.filter((p) => p.role === "deputy" && !p.away);
  }

  async markBlocked(headId: string): Promise<void> {
    await this.db.quarterHead.update({ where: { id: headId }, data: { blockedAt: this.clock() } });
  }

  async markReachable(telegramUserId: string): Promise<void> {
    await this.db.quarterHead.updateMany({ where: { telegramUserId, blockedAt: { not: null } }, data: { blockedAt: null } });
  }
}
