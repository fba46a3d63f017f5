// The ward's periodic report (month, quarter, half-year, year) and the roll-up
// across wards: the period's tips and check-ins are counted grouped in the
// database, outcomes read page by page, into the pure ReportBuilder, so time
// and memory stay flat however many tips a ward has.
import type { Database } from "../db.js";
import { addDays, dueRuleOf, localDateOf } from "../domain/deadlines.js";
import { type ReportFigures, ReportBuilder } from "../domain/report.js";
import { currentPeriod, periodBounds, type ReportPeriod, reportingMonthsOf, reportPeriod } from "../domain/report-period.js";
import type { QuarterStatus } from "../domain/roadmap.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import type { CheckInFigureSource } from "./report-check-ins.js";
import type { RoadmapService } from "./roadmap.js";
import { summarizeTriageFeedback, type TriageFeedback } from "../domain/triage-feedback.js";
import type { TriageFeedbackService } from "./triage-feedback.js";

const PAGE = 5_000;

export interface Report {
  wardName: string;
  timezone: string;
  period: ReportPeriod;
  /** Figures run to this local date: the period's end, or today while it is running. */
  asOf: string;
  generatedAt: Date;
  figures: ReportFigures;
  /** How often officers kept the bot's priority for the period's tips (domain/triage-feedback.ts). */
  triage: TriageFeedback;
}

export interface RollUp {
  period: ReportPeriod;
  generatedAt: Date;
  /** One report per ward, in name order. Counts only: the roll-up prints no quarter, tip or person. */
  wards: Report[];
}

export class ReportService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly roadmap: RoadmapService,
    private readonly audit: AuditService,
    private readonly checkIns: CheckInFigureSource,
    private readonly triageFeedback: TriageFeedbackService,
  ) {}

  /** The period a key names ("2026-03", "2026-Q1", "2026-H1", "2026"), or the one the next recurring deadline closes. */
  async periodFor(wardId: string, periodKey: string | null): Promise<ReportPeriod> {
    const ward = await this.db.ward.findUniqueOrThrow({ where: { id: wardId }, select: { timezone: true } });
    return this.resolve(periodKey, localDateOf(this.clock(), ward.timezone));
  }

  private resolve(periodKey: string | null, today: string): ReportPeriod {
    const period = periodKey ? reportPeriod(periodKey) : currentPeriod(today);
    if (!period) throw new ServiceError("invalid_input", "period");
    return period;
  }

  async build(wardId: string, periodKey: string | null, options: { unknownQuarter: string; actorMemberId?: string }): Promise<Report> {
    const ward = await this.db.ward.findUniqueOrThrow({ where: { id: wardId } });
    const today = localDateOf(this.clock(), ward.timezone);
    const report = await this.figuresFor(ward, this.resolve(periodKey, today), today, options.unknownQuarter);
    await this.audit.record({ wardId, action: "report.generated", actorMemberId: options.actorMemberId ?? null, detail: { period: report.period.key } });
    return report;
  }

  /** Every ward's figures for one period, for the level above the wards (a super-admin asks; each ward's audit says so). */
  async rollUp(periodKey: string | null, options: { unknownQuarter: string }): Promise<RollUp> {
    const wards = await this.db.ward.findMany({ orderBy: { name: "asc" } });
    const first = wards[0];
    const period = this.resolve(periodKey, localDateOf(this.clock(), first?.timezone ?? "Asia/Ho_Chi_Minh"));
    const reports: Report[] = [];
    for (const ward of wards) {
      reports.push(await this.figuresFor(ward, period, localDateOf(this.clock(), ward.timezone), options.unknownQuarter));
      await this.audit.record({ wardId: ward.id, action: "report.generated", actorMemberId: null, detail: { period: period.key, rollUp: true } });
    }
    return { period, generatedAt: this.clock(), wards: reports };
  }

  private async figuresFor(ward: { id: string; name: string; timezone: string }, period: ReportPeriod, today: string, unknownQuarter: string): Promise<Report> {
    const wardId = ward.id;
    const bounds = periodBounds(period, ward.timezone);
    const asOf = today < period.to ? today : period.to;

    const quarters = await this.db.quarter.findMany({ where: { wardId }, orderBy: { position: "asc" }, select: { id: true, name: true } });
    const builder = new ReportBuilder(quarters, unknownQuarter);

    // Only what the report counts is read, already counted: no description, place or photo.
    const tipGroups = await this.db.tip.groupBy({
      by: ["category", "quarterId", "status", "closeReason", "priority"],
      where: { wardId, createdAt: { gte: bounds.start, lt: bounds.end } },
      _count: { _all: true },
    });
    for (const { _count, ...tip } of tipGroups) builder.addTip(tip, _count._all);
    // Tips retention deleted, still counted (by the month they came in).
    const tallies = await this.db.tipTally.findMany({ where: { wardId, month: { in: reportingMonthsOf(period) } } });
    for (const t of tallies) builder.addTally({ ...t, quarterId: t.quarterId || null });
    for (let cursor: string | undefined; ; ) {
      const page = await this.db.tipOutcome.findMany({
        where: { wardId, recordedOn: { gte: period.from, lte: period.to } },
        select: { id: true, tipId: true, quarterId: true, kind: true, count: true },
        orderBy: { id: "asc" },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      for (const o of page) builder.addOutcome(o);
      if (page.length < PAGE) break;
      cursor = page[page.length - 1]!.id;
    }
    builder.setCheckIns(await this.checkIns.block(wardId, quarters.map((q) => q.id), period, asOf, bounds));

    // The deadlines this period closes: the recurring one falls the day after the period's end.
    const deadlines = await this.db.deadline.findMany({
      where: { wardId, dueOn: { gt: period.from, lte: addDays(period.to, 1) } },
      orderBy: { dueOn: "asc" },
      include: { submissions: { include: { agency: true } } },
    });
    const submissions = deadlines.flatMap((d) =>
      d.submissions
        // The ward police collect the reports: not one of the reporters.
        .filter((s) => (s.agency.active || s.submittedAt) && s.agency.kind !== "police")
        .sort((a, b) => a.agency.position - b.agency.position)
        .map((s) => ({ deadline: d.title, dueOn: d.dueOn, dueRule: dueRuleOf(d.dueRule), agency: s.agency.name, position: s.agency.position, submittedOn: s.submittedOn, withFile: s.fileId !== null })),
    );

    const { years } = await this.roadmap.progress(wardId);
    const records = await this.db.quarterStatusRecord.findMany({ where: { wardId, decidedOn: { lte: asOf } }, orderBy: [{ decidedOn: "asc" }, { createdAt: "asc" }] });
    const latest = new Map<string, { status: QuarterStatus; decidedOn: string; decisionNumber: string | null; issuer: string | null; note: string | null }>();
    for (const r of records) latest.set(r.quarterId, { status: r.status as QuarterStatus, decidedOn: r.decidedOn, decisionNumber: r.decisionNumber, issuer: r.issuer, note: r.note });
    const roadmap = {
      year: period.year,
      target: years.find((y) => y.year === period.year)?.target ?? 0,
      quarters: quarters.map((q) => {
        const d = latest.get(q.id);
        return { name: q.name, status: d?.status ?? ("unassessed" as const), decidedOn: d?.decidedOn ?? null, decisionNumber: d?.decisionNumber ?? null, issuer: d?.issuer ?? null, note: d?.note ?? null };
      }),
    };

    const figures = builder.finish(submissions, roadmap, today);
    const triage = summarizeTriageFeedback(figures.tips.total, await this.triageFeedback.overrides(wardId, period));
    return { wardName: ward.name, timezone: ward.timezone, period, asOf, generatedAt: this.clock(), figures, triage };
  }
}
