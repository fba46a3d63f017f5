// What officers' priority changes say about triage, for a period: /triage and
// the report's sheet. The rows are written by TipService when an officer sets a
// priority on a card; here they are only read, with the period's tip count
// (tips still kept, and those retention folded into TipTally).
import type { Database } from "../db.js";
import { periodBounds, type ReportPeriod, reportingMonthsOf } from "../domain/report-period.js";
import { OVERRIDE_REASONS, type OverrideReason, summarizeTriageFeedback, type TriageFeedback, type TriageOverrideFact } from "../domain/triage-feedback.js";
import { PRIORITIES, type Priority } from "../domain/tip.js";

const isPriority = (p: string): p is Priority => (PRIORITIES as readonly string[]).includes(p);
const asReason = (r: string | null): OverrideReason | null => (r !== null && (OVERRIDE_REASONS as readonly string[]).includes(r) ? (r as OverrideReason) : null);

/** A stored JSON array of reason codes; anything else reads as none. */
export function signalsOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export class TriageFeedbackService {
  constructor(private readonly db: Database) {}

  /** The overrides of tips filed in the period (by the tip's reporting month). */
  async overrides(wardId: string, period: ReportPeriod): Promise<TriageOverrideFact[]> {
    const rows = await this.db.triageOverride.findMany({
      where: { wardId, month: { in: reportingMonthsOf(period) } },
      select: { botPriority: true, officerPriority: true, reason: true, signals: true },
    });
    return rows
      .filter((r) => isPriority(r.botPriority) && isPriority(r.officerPriority))
      .map((r) => ({ botPriority: r.botPriority as Priority, officerPriority: r.officerPriority as Priority, reason: asReason(r.reason), signals: signalsOf(r.signals) }));
  }

  /** The period's figures, counting tips as the report does (filed in the period, kept or folded into tallies). */
  async summary(wardId: string, period: ReportPeriod): Promise<TriageFeedback> {
    const ward = await this.db.ward.findUniqueOrThrow({ where: { id: wardId }, select: { timezone: true } });
    const bounds = periodBounds(period, ward.timezone);
    const kept = await this.db.tip.count({ where: { wardId, createdAt: { gte: bounds.start, lt: bounds.end } } });
    const tallied = await this.db.tipTally.aggregate({ where: { wardId, month: { in: reportingMonthsOf(period) } }, _sum: { count: true } });
    return summarizeTriageFeedback(kept + (tallied._sum.count ?? 0), await this.overrides(wardId, period));
  }
}
