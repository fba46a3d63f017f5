import type { Database } from "../db.js";
import { defaultTargets, type QuarterStatus, roadmapProgress, type YearProgress } from "../domain/roadmap.js";
import type { AuditService } from "./audit.js";
import { ServiceError } from "./errors.js";
import type { ActiveMember } from "./members.js";
import { upsertRacing } from "./write-races.js";

export class RoadmapService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async record(member: ActiveMember, quarterPosition: number, status: QuarterStatus, decidedOn: string, note: string | null): Promise<string> {
    const quarter = await this.db.quarter.findFirst({ where: { wardId: member.wardId, position: quarterPosition } });
    if (!quarter) throw new ServiceError("invalid_input", "no such quarter");
    await this.db.quarterStatusRecord.create({
      data: { wardId: member.wardId, quarterId: quarter.id, status, decidedOn, note, recordedByMemberId: member.id },
    });
    await this.audit.record({ wardId: member.wardId, action: "roadmap.status_recorded", actorMemberId: member.id, detail: { quarter: quarter.name, status, decidedOn } });
    return quarter.name;
  }

  async setTarget(admin: ActiveMember, year: number, count: number): Promise<void> {
    if (admin.role !== "admin") throw new ServiceError("not_admin");
    await this.ensureTargets(admin.wardId);
    await upsertRacing(() => this.db.roadmapTarget.upsert({ where: { wardId_year: { wardId: admin.wardId, year } }, create: { wardId: admin.wardId, year, count }, update: { count } }));
  }

  /** The plan's targets, scaled to the ward's number of quarters, until an admin sets its own. */
  private async ensureTargets(wardId: string): Promise<void> {
    if ((await this.db.roadmapTarget.count({ where: { wardId } })) > 0) return;
    const quarters = await this.db.quarter.count({ where: { wardId } });
    for (const t of defaultTargets(quarters)) {
      await upsertRacing(() => this.db.roadmapTarget.upsert({ where: { wardId_year: { wardId, year: t.year } }, create: { wardId, ...t }, update: {} }));
    }
  }

  async progress(wardId: string): Promise<{ total: number; years: YearProgress[] }> {
    await this.ensureTargets(wardId);
    const [quarters, targets, records] = await Promise.all([
      this.db.quarter.findMany({ where: { wardId }, orderBy: { position: "asc" } }),
      this.db.roadmapTarget.findMany({ where: { wardId } }),
      this.db.quarterStatusRecord.findMany({ where: { wardId } }),
    ]);
    return {
      total: quarters.length,
      years: roadmapProgress(quarters, targets, records.map((r) => ({ quarterId: r.quarterId, status: r.status as QuarterStatus, decidedOn: r.decidedOn }))),
    };
  }
}
