// Where the report's check-in block comes from: the weekly check-in's own
// figures — each quarter's stocks as of the period's end (stocksAt: the latest
// figure a head confirmed, never a sum) and its flows summed over the period
// (flowsBetween) — beside how many weeks were asked and answered.
import type { Database } from "../db.js";
import { readStoredAnswers, UNKNOWN_STOCKS, zeroFlows } from "../domain/check-in.js";
import { type CheckInBlock, ResponseTally } from "../domain/check-in-figures.js";
import type { ReportPeriod } from "../domain/report-period.js";
import type { CheckInService } from "./check-ins.js";

const PAGE = 5_000;

export interface CheckInFigureSource {
  /** `asOf`: the period's end, or today while it runs; `weeks`: the ISO weeks the period covers. */
  block(wardId: string, quarterIds: readonly string[], period: ReportPeriod, asOf: string, weeks: { firstWeek: string; lastWeek: string }): Promise<CheckInBlock>;
}

export class CheckInServiceFigures implements CheckInFigureSource {
  constructor(
    private readonly db: Database,
    private readonly checkIns: Pick<CheckInService, "stocksAt" | "flowsBetween">,
  ) {}

  async block(wardId: string, quarterIds: readonly string[], period: ReportPeriod, asOf: string, weeks: { firstWeek: string; lastWeek: string }): Promise<CheckInBlock> {
    const responses = new ResponseTally(quarterIds);
    for (let cursor: string | undefined; ; ) {
      const page = await this.db.checkIn.findMany({
        where: { wardId, week: { gte: weeks.firstWeek, lte: weeks.lastWeek } },
        select: { id: true, quarterId: true, status: true, urgent: true, answers: true },
        orderBy: { id: "asc" },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      for (const c of page) responses.add({ quarterId: c.quarterId, status: c.status, urgent: c.urgent, answers: c.status === "answered" ? readStoredAnswers(c.answers) : null });
      if (page.length < PAGE) break;
      cursor = page[page.length - 1]!.id;
    }
    const stocks = new Map((await this.checkIns.stocksAt(wardId, asOf)).map((r) => [r.quarterId, r.stocks]));
    const flows = new Map((await this.checkIns.flowsBetween(wardId, period.from, asOf)).map((r) => [r.quarterId, r.flows]));
    return {
      quarters: quarterIds.map((quarterId) => ({
        quarterId,
        ...responses.of(quarterId),
        stocks: stocks.get(quarterId) ?? { ...UNKNOWN_STOCKS },
        flows: flows.get(quarterId) ?? zeroFlows(),
      })),
    };
  }
}
