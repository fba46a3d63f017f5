// What came of a tip officers verified as true, recorded by an officer and
// audited. Like every tip service, nothing here receives a resident's id: an
// outcome holds a kind, a count, the tip's quarter and the day it was recorded.
import type { Database } from "../db.js";
import { localDateOf } from "../domain/deadlines.js";
import { acceptsOutcomes, type OutcomeInput, outcomeInputSchema, type OutcomeKind } from "../domain/tip-outcome.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import type { ActiveMember } from "./members.js";

export interface RecordedOutcome {
  id: string;
  kind: OutcomeKind;
  count: number | null;
  recordedOn: string;
}

/** One tip can have a handful of outcomes; a long list is a slip of the finger. */
export const OUTCOMES_PER_TIP_MAX = 20;

export class TipOutcomeService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  private async confirmedTipFor(member: ActiveMember, tipId: string) {
    const tip = await this.db.tip.findUnique({ where: { id: tipId }, select: { id: true, wardId: true, quarterId: true, status: true, closeReason: true, ward: { select: { timezone: true } } } });
    if (!tip) throw new ServiceError("tip_not_found");
    if (tip.wardId !== member.wardId) throw new ServiceError("wrong_ward");
    if (!acceptsOutcomes(tip)) throw new ServiceError("tip_not_confirmed");
    return tip;
  }

  /** Records an outcome of a tip closed as verified true, counted in today's period (the ward's date). */
  async record(member: ActiveMember, tipId: string, input: OutcomeInput): Promise<RecordedOutcome> {
    const parsed = outcomeInputSchema.safeParse(input);
    if (!parsed.success) throw new ServiceError("invalid_input", "outcome");
    const tip = await this.confirmedTipFor(member, tipId);
    if ((await this.db.tipOutcome.count({ where: { tipId: tip.id } })) >= OUTCOMES_PER_TIP_MAX) throw new ServiceError("invalid_input", "too many outcomes");
    const recordedOn = localDateOf(this.clock(), tip.ward.timezone);
    const row = await this.db.tipOutcome.create({
      data: { wardId: tip.wardId, tipId: tip.id, quarterId: tip.quarterId, kind: parsed.data.kind, count: parsed.data.count, recordedOn, recordedByMemberId: member.id },
    });
    await this.audit.record({ wardId: tip.wardId, action: "tip.outcome_recorded", actorMemberId: member.id, tipId: tip.id, detail: { kind: row.kind, count: row.count } });
    return { id: row.id, kind: row.kind as OutcomeKind, count: row.count, recordedOn };
  }

  /** Takes back an outcome recorded by mistake (any officer of the ward; audited). */
  async remove(member: ActiveMember, tipId: string, outcomeId: string): Promise<RecordedOutcome | null> {
    const tip = await this.confirmedTipFor(member, tipId);
    const row = await this.db.tipOutcome.findFirst({ where: { id: outcomeId, tipId: tip.id } });
    if (!row) return null;
    const { count } = await this.db.tipOutcome.deleteMany({ where: { id: row.id } });
    if (count === 0) return null;
    await this.audit.record({ wardId: tip.wardId, action: "tip.outcome_removed", actorMemberId: member.id, tipId: tip.id, detail: { kind: row.kind, count: row.count } });
    return { id: row.id, kind: row.kind as OutcomeKind, count: row.count, recordedOn: row.recordedOn };
  }

  async forTip(tipId: string): Promise<RecordedOutcome[]> {
    const rows = await this.db.tipOutcome.findMany({ where: { tipId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return rows.map((r) => ({ id: r.id, kind: r.kind as OutcomeKind, count: r.count, recordedOn: r.recordedOn }));
  }
}
