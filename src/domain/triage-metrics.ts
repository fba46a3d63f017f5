// How far the bot's priorities agree with an officer's, and how well duplicate
// grouping agrees with a person's "same place / different place", measured on
// labelled corpora (test/fixtures). Pure counting; no rule lives here.
import { PRIORITIES, type Priority } from "./tip.js";

export interface PriorityPair {
  /** The officer's priority. */
  expected: Priority;
  /** The bot's. */
  actual: Priority;
}

export interface TriageAgreement {
  total: number;
  /** Same priority as the officer. */
  exact: number;
  /** Pairs of tips the officer ranks differently. */
  pairs: number;
  /** …that the bot orders the same way. */
  concordant: number;
  /** …that the bot orders the other way round. */
  discordant: number;
  /** …that the bot gives the same priority (it cannot tell which comes first). */
  tied: number;
  urgent: number;
  /** Urgent for the officer, normal or low for the bot. */
  urgentBelowHigh: number;
  /** confusion[officer][bot]: how many tips. */
  confusion: Record<Priority, Record<Priority, number>>;
}

const rank = (p: Priority) => PRIORITIES.indexOf(p);

export function measureTriage(items: readonly PriorityPair[]): TriageAgreement {
  const confusion = Object.fromEntries(PRIORITIES.map((o) => [o, Object.fromEntries(PRIORITIES.map((b) => [b, 0]))])) as Record<
    Priority,
    Record<Priority, number>
  >;
  for (const { expected, actual } of items) confusion[expected][actual]++;

  // Pairs counted from the confusion matrix: every (officer a, bot x) cell
  // against every (officer b, bot y) cell with a more urgent than b.
  let concordant = 0;
  let discordant = 0;
  let tied = 0;
  for (const a of PRIORITIES) {
    for (const b of PRIORITIES) {
      if (rank(a) >= rank(b)) continue;
      for (const x of PRIORITIES) {
        for (const y of PRIORITIES) {
          const n = confusion[a][x] * confusion[b][y];
          if (rank(x) < rank(y)) concordant += n;
          else if (rank(x) > rank(y)) discordant += n;
          else tied += n;
        }
      }
    }
  }
  const urgent = PRIORITIES.reduce((sum, p) => sum + confusion.urgent[p], 0);
  return {
    total: items.length,
    exact: PRIORITIES.reduce((sum, p) => sum + confusion[p][p], 0),
    pairs: concordant + discordant + tied,
    concordant,
    discordant,
    tied,
    urgent,
    urgentBelowHigh: confusion.urgent.normal + confusion.urgent.low,
    confusion,
  };
}

export interface PairJudgement {
  /** A person says the two tips are about the same place. */
  expected: boolean;
  /** The bot grouped them. */
  actual: boolean;
}

export interface GroupingAgreement {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** Of the pairs grouped, the share that are the same place (1 when none grouped). */
  precision: number;
  /** Of the pairs that are the same place, the share grouped (1 when there are none). */
  recall: number;
}

export function measureGrouping(items: readonly PairJudgement[]): GroupingAgreement {
  const count = (expected: boolean, actual: boolean) => items.filter((i) => i.expected === expected && i.actual === actual).length;
  const truePositives = count(true, true);
  const falsePositives = count(false, true);
  const falseNegatives = count(true, false);
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives: count(false, false),
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
  };
}

/** "12.3 %" with one decimal. */
export const percent = (part: number, whole: number): string => `${whole === 0 ? "0.0" : ((100 * part) / whole).toFixed(1)} %`;
