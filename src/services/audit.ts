import type { Database } from "../db.js";

export type AuditAction =
  | "ward.created"
  | "ward.admin_claimed"
  | "ward.police_group_bound"
  | "ward.police_group_rebound"
  | "ward.police_group_migrated"
  | "ward.admin_code_issued"
  | "ward.words_changed"
  | "ward.contact_set"
  | "ward.contact_cleared"
  | "ward.family_page_set"
  | "ward.family_page_reset"
  | "invite.created"
  | "invite.accepted"
  | "checkin.opened_now"
  | "staff.renamed"
  | "member.removed"
  | "member.removed_from_group"
  | "quarter_head.removed"
  | "agency_contact.removed"
  | "tip.submitted"
  | "tip.claimed"
  | "tip.released"
  | "tip.reassigned"
  | "tip.status_changed"
  | "tip.priority_changed"
  | "tip.priority_reason_given"
  | "tip.marked_duplicate"
  | "tip.closed"
  | "tip.outcome_recorded"
  | "tip.outcome_removed"
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
  | "report.generated"
  | "lexicon.term_added"
  | "lexicon.term_removed";

export interface AuditInput {
  wardId: string;
  action: AuditAction;
  /** Staff member who acted; absent when a resident acted (residents are never identified). */
  actorMemberId?: string | null;
  tipId?: string | null;
  /** Small structured facts (codes, priorities): never tip text or identities. */
  detail?: Record<string, string | number | boolean | null>;
}

/** Detail keys that hold a staff member's id. */
const NAMES_A_MEMBER = /^(member|fromMember|toMember)Id$/;

export class AuditService {
  constructor(private readonly db: Database) {}

  /** Writes one row; pass a transaction's client to write it with the change it records. */
  async record(entry: AuditInput, client: Pick<Database, "auditEntry"> = this.db): Promise<void> {
    await client.auditEntry.create({
      data: {
        wardId: entry.wardId,
        action: entry.action,
        actorMemberId: entry.actorMemberId ?? null,
        tipId: entry.tipId ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
      },
    });
  }

  /**
   * A tip's history by its officers' reference (e.g. "A7K3"), oldest first, with
   * who acted; staff a row names by id (who was removed, to whom a tip was
   * handed) are shown by name. Residents are never named: no row holds one.
   */
  async forTip(wardId: string, reference: string) {
    const tip = await this.db.tip.findUnique({ where: { wardId_reference: { wardId, reference: reference.replace(/^#/, "").toUpperCase() } } });
    if (!tip) return null;
    const entries = await this.db.auditEntry.findMany({ where: { wardId, tipId: tip.id }, orderBy: { createdAt: "asc" }, include: { actor: true } });
    const details = entries.map((e) => JSON.parse(e.detail) as Record<string, unknown>);
    const ids = [...new Set(details.flatMap((d) => Object.entries(d).filter(([key, value]) => NAMES_A_MEMBER.test(key) && typeof value === "string").map(([, value]) => value as string)))];
    const staff = ids.length === 0 ? [] : await this.db.member.findMany({ where: { id: { in: ids }, wardId }, select: { id: true, displayName: true } });
    const names = new Map(staff.map((m) => [m.id, m.displayName]));
    return {
      reference: tip.reference,
      entries: entries.map((e, i) => ({
        at: e.createdAt,
        action: e.action,
        actor: e.actor?.displayName ?? null,
        detail: Object.fromEntries(Object.entries(details[i]!).map(([key, value]) => [key, NAMES_A_MEMBER.test(key) && typeof value === "string" ? (names.get(value) ?? value) : value])),
      })),
    };
  }

  list(wardId: string, tipId?: string) {
    return this.db.auditEntry.findMany({
      where: { wardId, ...(tipId ? { tipId } : {}) },
      orderBy: { createdAt: "asc" },
    });
  }
}
