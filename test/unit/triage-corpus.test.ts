// Triage judged against a ward officer on the labelled corpus: the issue's
// targets, and no figure worse than the committed ones (corpus-results.json).
import { describe, expect, it } from "vitest";
import { PRIORITIES, TIP_CATEGORIES, TIP_TIMINGS } from "../../src/domain/tip.js";
import results from "../fixtures/corpus-results.json" with { type: "json" };
import { type TriageFigures, triageOnCorpus } from "../fixtures/measure-corpora.js";
import { type CorpusTip, TRIAGE_CORPUS, TRIAGE_HOLDOUT } from "../fixtures/triage-corpus.js";

const TARGET_DISCORDANT = 0.03;
const TARGET_TIED = 0.2;

const sets: [string, readonly CorpusTip[], TriageFigures][] = [
  ["corpus", TRIAGE_CORPUS, results.triage.corpus.after],
  ["hold-out", TRIAGE_HOLDOUT, results.triage.holdout.after],
];

describe("the triage corpus", () => {
  it("has at least 150 tips over every category, timing and priority, each with a reason", () => {
    expect(TRIAGE_CORPUS.length).toBeGreaterThanOrEqual(150);
    const all = [...TRIAGE_CORPUS, ...TRIAGE_HOLDOUT];
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    expect(new Set(all.map((t) => `${t.category} ${t.timing} ${t.description.trim().toLowerCase()}`)).size).toBe(all.length);
    for (const category of TIP_CATEGORIES) {
      for (const timing of TIP_TIMINGS) {
        expect(TRIAGE_CORPUS.some((t) => t.category === category && t.timing === timing), `${category} ${timing}`).toBe(true);
      }
    }
    for (const priority of PRIORITIES) expect(TRIAGE_CORPUS.filter((t) => t.officer === priority).length, priority).toBeGreaterThanOrEqual(20);
    for (const tip of all) expect(tip.why.trim(), String(tip.id)).not.toBe("");
  });
});

describe.each(sets)("triage on the %s", (_, corpus, committed) => {
  const { figures, misses } = triageOnCorpus(corpus);
  const missList = misses.map((m) => `#${m.tip.id} officer ${m.tip.officer}, bot ${m.bot}: ${m.tip.description}`).join("\n");

  it("ranks no urgent tip below high", () => {
    expect(figures.urgent).toBeGreaterThan(0);
    expect(figures.urgentBelowHigh, missList).toBe(0);
  });

  it("orders fewer than 3 % of the pairs the officer ranks differently the other way round", () => {
    expect(figures.discordant / figures.pairs, missList).toBeLessThan(TARGET_DISCORDANT);
  });

  it("ties fewer than 20 % of the pairs the officer ranks differently", () => {
    expect(figures.tied / figures.pairs, missList).toBeLessThan(TARGET_TIED);
  });

  it("does no worse than the committed figures (update corpus-results.json after an improvement)", () => {
    expect(figures.tips, "the set changed: print the figures with `npx tsx bench/triage.ts --json` and update corpus-results.json").toBe(committed.tips);
    expect(figures.pairs).toBe(committed.pairs);
    expect(figures.exact, missList).toBeGreaterThanOrEqual(committed.exact);
    expect(figures.discordant, missList).toBeLessThanOrEqual(committed.discordant);
    expect(figures.tied, missList).toBeLessThanOrEqual(committed.tied);
    expect(figures.urgentBelowHigh, missList).toBeLessThanOrEqual(committed.urgentBelowHigh);
  });
});
