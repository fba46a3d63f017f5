// Where the report's check-in block comes from: the weekly check-in's own
// figures — each quarter's stocks as of the period's end (stocksAt: the latest
// figure a head confirmed, never a sum) and its flows summed over the period
// (flowsBetween) — beside how many weeks were asked and answered.
import type { Database } from "../db.js";
import { type CheckInAnswers, readStoredAnswers, UNKNOWN_STOCKS, zeroFlows } from "../domain/check-in.js";
import { type CheckInBlock, ResponseTally } from "../domain/check-in-figures.js";
import type { ReportPeriod } from "../domain/report-period.js";
import type { CheckInService } from "./check-ins.js";

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
    // Read grouped: "Không có gì mới" is one answer text, so a quarter's many such weeks are one row, parsed once.
    const groups = await this.db.checkIn.groupBy({
      by: ["quarterId", "status", "urgent", "answers"],
      where: { wardId, week: { gte: weeks.firstWeek, lte: weeks.lastWeek } },
      _count: { _all: true },
    });
    const parsed = new Map<string, CheckInAnswers | null>();
    for (const g of groups) {
      let answers = null;
      if (g.status === "answered") {
        answers = parsed.get(g.answers);
        if (answers === undefined) parsed.set(g.answers, (answers = readStoredAnswers(g.answers)));
      }
      responses.add({ quarterId: g.quarterId, status: g.status, urgent: g.urgent, answers }, g._count._all);
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
