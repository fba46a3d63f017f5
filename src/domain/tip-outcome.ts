// What came of a tip officers verified as true: the short list of results a
// ward reports up (cases opened, people handled administratively, dealing
// points and venues dismantled, plants destroyed, premises inspected, handed
// to another unit), each with a count where the report needs one. Counts only:
// nothing here can say who sent the tip.
import { z } from "zod";

export const OUTCOME_KINDS = [
  "case_opened",
  "administrative",
  "dealing_point_dismantled",
  "venue_dismantled",
  "plants_destroyed",
  "premises_inspected",
  "handed_over",
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/**
 * What an outcome's count counts, and whether the officer may leave it unknown:
 * a case is one case whatever its count (the count is the people arrested or
 * prosecuted, often not known yet when the tip closes); a hand-over has no count.
 */
export const OUTCOME_COUNTS: Record<OutcomeKind, { unit: "people" | "points" | "plants" | "premises"; optional: boolean } | null> = {
  case_opened: { unit: "people", optional: true },
  administrative: { unit: "people", optional: false },
  dealing_point_dismantled: { unit: "points", optional: false },
  venue_dismantled: { unit: "points", optional: false },
  plants_destroyed: { unit: "plants", optional: true },
  premises_inspected: { unit: "premises", optional: false },
  handed_over: null,
};

export const OUTCOME_COUNT_MAX = 100_000;

const countSchema = z.number().int().min(1).max(OUTCOME_COUNT_MAX);

/** An outcome as an officer gives it: refused when the count does not fit the kind. */
export const outcomeInputSchema = z
  .object({ kind: z.enum(OUTCOME_KINDS), count: countSchema.nullable() })
  .refine((o) => (OUTCOME_COUNTS[o.kind] === null ? o.count === null : o.count !== null || OUTCOME_COUNTS[o.kind]!.optional), "count does not fit the kind");
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

/** Only a tip closed as verified true has outcomes. */
export function acceptsOutcomes(tip: { status: string; closeReason: string | null }): boolean {
  return tip.status === "closed" && tip.closeReason === "confirmed";
}

/** Per kind: how many times it was recorded, and the sum of the counts given (unknown counts add nothing). */
export type OutcomeTotals = Record<OutcomeKind, { times: number; count: number; unknown: number }>;

export function zeroOutcomeTotals(): OutcomeTotals {
  return Object.fromEntries(OUTCOME_KINDS.map((k) => [k, { times: 0, count: 0, unknown: 0 }])) as OutcomeTotals;
}

export function addOutcome(totals: OutcomeTotals, outcome: { kind: string; count: number | null }): void {
  if (!(OUTCOME_KINDS as readonly string[]).includes(outcome.kind)) return;
  const t = totals[outcome.kind as OutcomeKind];
  t.times++;
  if (outcome.count === null) t.unknown++;
  else t.count += outcome.count;
}
