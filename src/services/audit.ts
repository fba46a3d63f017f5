import type { Database } from "../db.js";

export type AuditAction =
  | "ward.created"
  | "ward.admin_claimed"
  | "ward.police_group_bound"
  | "invite.created"
  | "invite.accepted"
  | "checkin.opened_now"
  | "staff.renamed"
  | "member.removed"
  | "quarter_head.removed"
  | "agency_contact.removed"
  | "tip.submitted"
  | "tip.claimed"
  | "tip.status_changed"
  | "tip.priority_changed"
  | "tip.marked_duplicate"
  | "tip.closed"
  | "tip.information_added"
  | "tip.question_asked"
  | "tip.question_answered"
  | "tips.purged"
  | "checkin.answered"
  | "roadmap.status_recorded"
  | "roadmap.target_set"
  | "agency.added"
  | "agency.removed"
  | "deadline.created"
  | "deadline.submitted"
  | "report.generated";

export interface AuditInput {
  wardId: string;
  action: AuditAction;
  /** Staff member who acted; absent when a resident acted (residents are never identified). */
  actorMemberId?: string | null;
  tipId?: string | null;
  /** Small structured facts (codes, priorities): never tip text or identities. */
  detail?: Record<string, string | number | boolean | null>;
}

export class AuditService {
  constructor(private readonly db: Database) {}

  async record(entry: AuditInput): Promise<void> {
    await this.db.auditEntry.create({
      data: {
        wardId: entry.wardId,
        action: entry.action,
        actorMemberId: entry.actorMemberId ?? null,
        tipId: entry.tipId ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
      },
    });
  }

  /** A tip's history by its officers' reference (e.g. "A7K3"), oldest first, with who acted. */
  async forTip(wardId: string, reference: string) {
    const tip = await this.db.tip.findUnique({ where: { wardId_reference: { wardId, reference: reference.replace(/^#/, "").toUpperCase() } } });
    if (!tip) return null;
    const entries = await this.db.auditEntry.findMany({ where: { wardId, tipId: tip.id }, orderBy: { createdAt: "asc" }, include: { actor: true } });
    return {
      reference: tip.reference,
      entries: entries.map((e) => ({ at: e.createdAt, action: e.action, actor: e.actor?.displayName ?? null, detail: JSON.parse(e.detail) as Record<string, unknown> })),
    };
  }

  list(wardId: string, tipId?: string) {
    return this.db.auditEntry.findMany({
      where: { wardId, ...(tipId ? { tipId } : {}) },
      orderBy: { createdAt: "asc" },
    });
  }
}
