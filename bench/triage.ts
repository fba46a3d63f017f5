// `npx tsx bench/triage.ts`: how triage and duplicate grouping agree with
// people on the labelled corpora (test/fixtures), against the figures committed
// in test/fixtures/corpus-results.json; `--json` prints the figures in that
// file's shape, to update its "after" blocks after an improvement.
// No database, no timing: the figures are counts.
import { execFileSync } from "node:child_process";
import os from "node:os";
import { percent } from "../src/domain/triage-metrics.js";
import results from "../test/fixtures/corpus-results.json" with { type: "json" };
import { DUPLICATES_CORPUS, DUPLICATES_HOLDOUT } from "../test/fixtures/duplicates-corpus.js";
import { type GroupingFigures, groupingOnCorpus, type TriageFigures, triageOnCorpus } from "../test/fixtures/measure-corpora.js";
import { TRIAGE_CORPUS, TRIAGE_HOLDOUT } from "../test/fixtures/triage-corpus.js";

const triage = { corpus: triageOnCorpus(TRIAGE_CORPUS), holdout: triageOnCorpus(TRIAGE_HOLDOUT) };
const grouping = { corpus: groupingOnCorpus(DUPLICATES_CORPUS), holdout: groupingOnCorpus(DUPLICATES_HOLDOUT) };

if (process.argv.includes("--json")) {
  const figures = {
    triage: { corpus: triage.corpus.figures, holdout: triage.holdout.figures },
    duplicates: { corpus: grouping.corpus.figures, holdout: grouping.holdout.figures },
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  process.exit(0);
}

const out = (line = "") => process.stdout.write(`${line}\n`);
let commit = "unknown";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
} catch {
  // Not a git checkout.
}
out(`${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, commit ${commit}`);

const triageRow = (name: string, f: TriageFigures) =>
  `| ${name} | ${f.tips} | ${f.exact} (${percent(f.exact, f.tips)}) | ${f.concordant} (${percent(f.concordant, f.pairs)}) | ${f.discordant} (${percent(f.discordant, f.pairs)}) | ${f.tied} (${percent(f.tied, f.pairs)}) | ${f.urgentBelowHigh} of ${f.urgent} |`;
out("\nTriage against a ward officer (targets: no urgent below high; discordant < 3 %; tied < 20 %)");
out("| set | tips | exact | concordant pairs | discordant | tied | urgent below high |");
out("|---|---|---|---|---|---|---|");
out(triageRow("corpus, before (135d83e)", results.triage.corpus.before));
out(triageRow("corpus, committed after", results.triage.corpus.after));
out(triageRow("corpus, now", triage.corpus.figures));
out(triageRow("hold-out, before (135d83e)", results.triage.holdout.before));
out(triageRow("hold-out, committed after", results.triage.holdout.after));
out(triageRow("hold-out, now", triage.holdout.figures));

for (const [name, run] of Object.entries(triage)) {
  out(`\nTriage misses, ${name} (officer → bot):`);
  for (const m of run.misses) out(`  #${m.tip.id} ${m.tip.category}/${m.tip.timing} ${m.tip.officer} → ${m.bot}: ${m.tip.description}`);
}

const groupingRow = (name: string, f: GroupingFigures) => {
  const grouped = f.truePositives + f.falsePositives;
  const same = f.truePositives + f.falseNegatives;
  return `| ${name} | ${f.pairs} | ${f.truePositives}/${grouped} (${percent(f.truePositives, grouped)}) | ${f.truePositives}/${same} (${percent(f.truePositives, same)}) | ${f.falsePositives} | ${f.falseNegatives} |`;
};
out("\nDuplicate grouping against a person");
out("| set | pairs | precision | recall | wrongly grouped | missed |");
out("|---|---|---|---|---|---|");
out(groupingRow("corpus, before (135d83e)", results.duplicates.corpus.before));
out(groupingRow("corpus, committed after", results.duplicates.corpus.after));
out(groupingRow("corpus, now", grouping.corpus.figures));
out(groupingRow("hold-out, before (135d83e)", results.duplicates.holdout.before));
out(groupingRow("hold-out, committed after", results.duplicates.holdout.after));
out(groupingRow("hold-out, now", grouping.holdout.figures));
for (const [name, run] of Object.entries(grouping)) {
  out(`\nGrouping misses, ${name}:`);
  for (const m of run.misses) out(`  #${m.pair.id} ${m.pair.same ? "missed" : "wrongly grouped"}: ${m.pair.a.place} | ${m.pair.b.place}`);
}
