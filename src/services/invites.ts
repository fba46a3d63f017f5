// Single-use invite links, one table for every kind (officers and admins,
// quarter heads and deputies, agency contacts): the link carries a random
// token, the database keeps only its keyed hash; a link works once, and only
// until it expires.
import type { Database } from "../db.js";
import { generateToken } from "../domain/codes.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import type { RandomSource, Secrets } from "./secrets.js";

export interface InviteTarget {
  wardId: string;
  /** "officer" | "admin" | "quarter_head" | "quarter_deputy" | "agency_contact" */
  role: string;
  createdByMemberId: string;
  quarterId?: string;
  agencyId?: string;
}

type InviteWithTargets = NonNullable<Awaited<ReturnType<InviteLinks["find"]>>>;

export class InviteLinks {
  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
    private readonly random: RandomSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly ttlHours: number,
  ) {}

  /** Stores a new invite and records who made it; the token goes into the link, never into the database. */
  async issue(target: InviteTarget, auditDetail: Record<string, unknown> = {}): Promise<{ token: string; expiresAt: Date }> {
    const token = generateToken(this.random);
    const expiresAt = new Date(this.clock().getTime() + this.ttlHours * 3_600_000);
    const invite = await this.db.invite.create({ data: { ...target, tokenHash: this.hash(token), expiresAt } });
    await this.audit.record({
      wardId: target.wardId,
      action: "invite.created",
      actorMemberId: target.createdByMemberId,
      detail: { role: target.role, inviteId: invite.id, ...auditDetail },
    });
    return { token, expiresAt };
  }

  /** The invite behind a token if it is of the kind `fits` accepts, not used and not expired; otherwise the reason, as a ServiceError. */
  async usable(token: string, fits: (invite: InviteWithTargets) => boolean): Promise<InviteWithTargets> {
    const invite = await this.find(token);
    if (!invite || !fits(invite)) throw new ServiceError("invite_invalid");
    if (invite.usedAt) throw new ServiceError("invite_used");
    if (invite.expiresAt.getTime() <= this.clock().getTime()) throw new ServiceError("invite_expired");
    return invite;
  }

  /** Inside the transaction that grants the role, so that of two acceptances at once only one goes through. */
  static async markUsed(tx: Pick<Database, "invite">, inviteId: string, at: Date): Promise<void> {
    const used = await tx.invite.updateMany({ where: { id: inviteId, usedAt: null }, data: { usedAt: at } });
    if (used.count !== 1) throw new ServiceError("invite_used");
  }

  private find(token: string) {
    return this.db.invite.findUnique({ where: { tokenHash: this.hash(token) }, include: { ward: true, quarter: true, agency: true } });
  }

  private hash(token: string): string {
    return this.secrets.keyedHash("invite", token);
  }
}
