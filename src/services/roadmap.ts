// The drug-free roadmap: the decisions recorded per quarter, and the ward's
// yearly targets with where each came from.
import type { Database } from "../db.js";
import { type Decision, defaultTargets, type QuarterStatus, roadmapProgress, type TargetOrigin, targetOrigins, type YearProgress } from "../domain/roadmap.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import type { ActiveMember } from "./members.js";
import { upsertRacing } from "./write-races.js";

export const DECISION_NUMBER_MAX = 60;
export const ISSUER_MAX = 120;

export class RoadmapService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Records a quarter's status as a decision set it; who decided is the decision's business, not the bot's. */
  async record(member: ActiveMember, quarterPosition: number, status: QuarterStatus, decision: Decision): Promise<string> {
    const quarter = await this.db.quarter.findFirst({ where: { wardId: member.wardId, position: quarterPosition } });
    if (!quarter) throw new ServiceError("invalid_input", "no such quarter");
    const number = decision.number?.trim().slice(0, DECISION_NUMBER_MAX) || null;
    const issuer = decision.issuer?.trim().slice(0, ISSUER_MAX) || null;
    await this.db.quarterStatusRecord.create({
      data: { wardId: member.wardId, quarterId: quarter.id, status, decidedOn: decision.decidedOn, decisionNumber: number, issuer, recordedByMemberId: member.id },
    });
    await this.audit.record({
      wardId: member.wardId,
      action: "roadmap.status_recorded",
      actorMemberId: member.id,
      detail: { quarter: quarter.name, status, decidedOn: decision.decidedOn, decisionNumber: number, issuer },
    });
    return quarter.name;
  }

  /** An admin sets or confirms a year's target: from then on it is the ward's own. */
  async setTarget(admin: ActiveMember, year: number, count: number): Promise<void> {
    if (admin.role !== "admin") throw new ServiceError("not_admin");
    const quarters = await this.ensureTargets(admin.wardId);
    if (count < 0 || count > quarters) throw new ServiceError("invalid_input", "target above the ward's quarters");
    const data = { count, source: "ward", setByMemberId: admin.id, setAt: this.clock() };
    await upsertRacing(() => this.db.roadmapTarget.upsert({ where: { wardId_year: { wardId: admin.wardId, year } }, create: { wardId: admin.wardId, year, ...data }, update: data }));
    await this.audit.record({ wardId: admin.wardId, action: "roadmap.target_set", actorMemberId: admin.id, detail: { year, count } });
  }

  /**
   * The plan's targets scaled to the ward's quarters, stored as "plan" (not yet
   * confirmed) when the ward has none; wards get them when they are created.
   * Returns the ward's number of quarters.
   */
  async ensureTargets(wardId: string): Promise<number> {
    const quarters = await this.db.quarter.count({ where: { wardId } });
    if ((await this.db.roadmapTarget.count({ where: { wardId } })) > 0) return quarters;
    for (const t of defaultTargets(quarters)) {
      await upsertRacing(() => this.db.roadmapTarget.upsert({ where: { wardId_year: { wardId, year: t.year } }, create: { wardId, ...t, source: "plan" }, update: {} }));
    }
    return quarters;
  }

  /** Every year's target with where it came from (the plan's figures it was scaled from, or the ward's own), and when the ward set it. */
  async targets(wardId: string): Promise<{ quarters: number; targets: (TargetOrigin & { setOn: Date | null })[] }> {
    const quarters = await this.ensureTargets(wardId);
    const rows = await this.db.roadmapTarget.findMany({ where: { wardId }, orderBy: { year: "asc" } });
    const setAt = new Map(rows.map((r) => [r.year, r.setAt]));
    return { quarters, targets: targetOrigins(rows, quarters).map((t) => ({ ...t, setOn: setAt.get(t.year) ?? null })) };
  }

  async progress(wardId: string): Promise<{ total: number; years: YearProgress[] }> {
    const { quarters: total, targets } = await this.targets(wardId);
    const [quarters, records] = await Promise.all([
      this.db.quarter.findMany({ where: { wardId }, orderBy: { position: "asc" } }),
      this.db.quarterStatusRecord.findMany({ where: { wardId }, orderBy: [{ decidedOn: "asc" }, { createdAt: "asc" }] }),
    ]);
    return {
      total,
      years: roadmapProgress(quarters, targets, records.map((r) => ({ quarterId: r.quarterId, status: r.status as QuarterStatus, decidedOn: r.decidedOn }))),
    };
  }
}
