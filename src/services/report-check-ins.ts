// Where the report's check-in block comes from. The report asks one question —
// "this ward's check-ins for this period, as stocks at its end and flows summed"
// — and gets a typed CheckInBlock (domain/check-in-figures.ts), whatever the
// weekly check-in stores underneath.
import type { Database } from "../db.js";
import { type CheckInAnswers, checkInAnswersSchema } from "../domain/check-in.js";
import { type CheckInBlock, StoredCheckInAggregator } from "../domain/check-in-figures.js";
import type { ReportPeriod } from "../domain/report-period.js";

const PAGE = 5_000;

export interface CheckInFigureSource {
  block(wardId: string, quarterIds: readonly string[], period: ReportPeriod, weeks: { firstWeek: string; lastWeek: string }): Promise<CheckInBlock>;
}

/**
 * Today's check-in rows, page by page, through the StoredCheckInAggregator.
 * TODO(ward-data): replace with an adapter on the check-in service's stocksAt /
 * flowsBetween once the weekly check-in reports stocks and flows.
 */
export class StoredCheckInFigures implements CheckInFigureSource {
  constructor(private readonly db: Database) {}

  async block(wardId: string, quarterIds: readonly string[], _period: ReportPeriod, weeks: { firstWeek: string; lastWeek: string }): Promise<CheckInBlock> {
    const aggregator = new StoredCheckInAggregator(quarterIds);
    for (let cursor: string | undefined; ; ) {
      const page = await this.db.checkIn.findMany({
        where: { wardId, week: { gte: weeks.firstWeek, lte: weeks.lastWeek } },
        select: { id: true, quarterId: true, week: true, status: true, nothingToReport: true, urgent: true, answers: true },
        orderBy: { id: "asc" },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      for (const c of page) aggregator.add({ ...c, answers: c.status === "answered" ? parseAnswers(c.answers) : null });
      if (page.length < PAGE) break;
      cursor = page[page.length - 1]!.id;
    }
    return aggregator.finish();
  }
}

function parseAnswers(json: string): CheckInAnswers | null {
  try {
    const parsed = checkInAnswersSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
