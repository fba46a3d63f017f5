// The half-year / year report: reads the period's rows page by page into the
// pure ReportBuilder, so memory stays flat however many tips a ward has.
import type { Database } from "../db.js";
import { readStoredAnswers } from "../domain/check-in.js";
import { addDays, dueRuleOf, localDateOf } from "../domain/deadlines.js";
import { currentPeriod, periodBounds, ReportBuilder, type ReportFigures, type ReportPeriod, reportPeriod } from "../domain/report.js";
import type { QuarterStatus } from "../domain/roadmap.js";
import type { AuditService } from "./audit.js";
import type { CheckInService } from "./check-ins.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import type { RoadmapService } from "./roadmap.js";

const PAGE = 5_000;

export interface Report {
  wardName: string;
  timezone: string;
  period: ReportPeriod;
  /** Figures run to this local date: the period's end, or today while it is running. */
  asOf: string;
  generatedAt: Date;
  figures: ReportFigures;
}

export class ReportService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly roadmap: RoadmapService,
    private readonly audit: AuditService,
    private readonly checkIns: CheckInService,
  ) {}

  /** The period named ("2026-H1", "2026"), or the one the next recurring deadline closes. */
  async build(wardId: string, periodKey: string | null, options: { unknownQuarter: string; actorMemberId?: string }): Promise<Report> {
    const ward = await this.db.ward.findUniqueOrThrow({ where: { id: wardId } });
    const today = localDateOf(this.clock(), ward.timezone);
    const period = periodKey ? reportPeriod(periodKey) : currentPeriod(today);
    if (!period) throw new ServiceError("invalid_input", "period");
    const bounds = periodBounds(period, ward.timezone);
    const asOf = today < period.to ? today : period.to;

    const quarters = await this.db.quarter.findMany({ where: { wardId }, orderBy: { position: "asc" }, select: { id: true, name: true } });
    const builder = new ReportBuilder(quarters, options.unknownQuarter);

    // Only what the report counts is read: no description, place or photo.
    for (let cursor: string | undefined; ; ) {
      const page = await this.db.tip.findMany({
        where: { wardId, createdAt: { gte: bounds.start, lt: bounds.end } },
        select: { id: true, category: true, quarterId: true, status: true, closeReason: true, priority: true },
        orderBy: { id: "asc" },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      for (const tip of page) builder.addTip(tip);
      if (page.length < PAGE) break;
      cursor = page[page.length - 1]!.id;
    }
    for (let cursor: string | undefined; ; ) {
      const page = await this.db.checkIn.findMany({
        where: { wardId, week: { gte: bounds.firstWeek, lte: bounds.lastWeek } },
        select: { id: true, quarterId: true, status: true, urgent: true, answers: true },
        orderBy: { id: "asc" },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      for (const c of page) builder.addCheckIn({ quarterId: c.quarterId, status: c.status, urgent: c.urgent, answers: c.status === "answered" ? readStoredAnswers(c.answers) : null });
      if (page.length < PAGE) break;
      cursor = page[page.length - 1]!.id;
    }
    // Stocks are taken at the period's end (or today), flows summed over it.
    builder.addStocks(await this.checkIns.stocksAt(wardId, asOf));
    builder.addFlows(await this.checkIns.flowsBetween(wardId, period.from, asOf));

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
    await this.audit.record({ wardId, action: "report.generated", actorMemberId: options.actorMemberId ?? null, detail: { period: period.key } });
    return { wardName: ward.name, timezone: ward.timezone, period, asOf, generatedAt: this.clock(), figures };
  }
}
