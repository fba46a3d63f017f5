// Duplicate grouping judged against a person's "same place / different place"
// on the labelled pairs, with thresholds and the committed figures (corpus-results.json).
import { describe, expect, it } from "vitest";
import results from "../fixtures/corpus-results.json" with { type: "json" };
import { DUPLICATES_CORPUS, DUPLICATES_HOLDOUT, type PlacePair } from "../fixtures/duplicates-corpus.js";
import { type GroupingFigures, groupingOnCorpus } from "../fixtures/measure-corpora.js";

const sets: [string, readonly PlacePair[], GroupingFigures, { precision: number; recall: number }][] = [
  ["corpus", DUPLICATES_CORPUS, results.duplicates.corpus.after, { precision: 0.95, recall: 0.9 }],
  ["hold-out", DUPLICATES_HOLDOUT, results.duplicates.holdout.after, { precision: 0.9, recall: 0.85 }],
];

describe("the duplicates corpus", () => {
  it("has at least 40 pairs, both same and different, in one quarter and across quarters", () => {
    expect(DUPLICATES_CORPUS.length).toBeGreaterThanOrEqual(40);
    const all = [...DUPLICATES_CORPUS, ...DUPLICATES_HOLDOUT];
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(DUPLICATES_CORPUS.filter((p) => p.same).length).toBeGreaterThanOrEqual(20);
    expect(DUPLICATES_CORPUS.filter((p) => !p.same).length).toBeGreaterThanOrEqual(20);
    expect(DUPLICATES_CORPUS.some((p) => !p.same && p.a.quarter !== p.b.quarter)).toBe(true);
  });
});

describe.each(sets)("duplicate grouping on the %s", (_, pairs, committed, target) => {
  const { figures, agreement, misses } = groupingOnCorpus(pairs);
  const missList = misses.map((m) => `#${m.pair.id} ${m.pair.same ? "missed" : "wrongly grouped"}: ${m.pair.a.place} | ${m.pair.b.place}`).join("\n");

  it(`groups with precision ≥ ${target.precision} and recall ≥ ${target.recall}`, () => {
    expect(agreement.precision, missList).toBeGreaterThanOrEqual(target.precision);
    expect(agreement.recall, missList).toBeGreaterThanOrEqual(target.recall);
  });

  it("does no worse than the committed figures (update corpus-results.json after an improvement)", () => {
    expect(figures.pairs, "the set changed: print the figures with `npx tsx bench/triage.ts --json` and update corpus-results.json").toBe(committed.pairs);
    expect(figures.falsePositives, missList).toBeLessThanOrEqual(committed.falsePositives);
    expect(figures.falseNegatives, missList).toBeLessThanOrEqual(committed.falseNegatives);
  });
});
