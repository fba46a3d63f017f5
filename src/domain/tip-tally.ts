// Tips deleted by retention live on as counts, so a period's report still
// counts them: per ward, reporting month, quarter, category, priority and where
// the tip ended. Nothing finer than the month, and nothing about any person.
import { localDateOf } from "./deadlines.js";
import { reportingMonthOf } from "./report-period.js";
import { type TipResult, tipResultOf } from "./report.js";

export interface TallyKey {
  wardId: string;
  /** Reporting month, "2026-03" (15 February – 14 March). */
  month: string;
  /** "" when the resident did not know the quarter. */
  quarterId: string;
  category: string;
  priority: string;
  result: TipResult;
}

export interface PurgedTip {
  wardId: string;
  timezone: string;
  createdAt: Date;
  quarterId: string | null;
  category: string;
  priority: string;
  status: string;
  closeReason: string | null;
}

/** Folds tips into tally rows (one per key, with the count). */
export function tallyTips(tips: readonly PurgedTip[]): (TallyKey & { count: number })[] {
  const rows = new Map<string, TallyKey & { count: number }>();
  for (const t of tips) {
    const key: TallyKey = {
      wardId: t.wardId,
      month: reportingMonthOf(localDateOf(t.createdAt, t.timezone)),
      quarterId: t.quarterId ?? "",
      category: t.category,
      priority: t.priority,
      result: tipResultOf(t),
    };
    const id = [key.wardId, key.month, key.quarterId, key.category, key.priority, key.result].join("\u0000");
    const row = rows.get(id);
    if (row) row.count++;
    else rows.set(id, { ...key, count: 1 });
  }
  return [...rows.values()];
}
