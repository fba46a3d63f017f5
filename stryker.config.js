// Mutation testing of the security core (npm run test:mutation): StrykerJS
// changes one thing at a time in the code below (a condition, a comparison, a
// string, a removed call) and runs the tests that reach it; a mutant no test
// notices is a promise the tests do not hold. Results: reports/mutation/.
//
// Only the security core is mutated, and only the tests written for it run:
// the whole suite per mutant would take days here.
// TipService is mutated where it authorises officers and where it forgets
// (retention, receipts' expiry, a flow's filed tip), found by method name so
// the ranges follow the file as it changes.
import fs from "node:fs";
import process from "node:process";
import { URL } from "node:url";

/** `file:start-end` for each named method of a class (two-space indent, closed by "  }"). */
function methods(file, names) {
  const lines = fs.readFileSync(new URL(file, import.meta.url), "utf8").split("\n");
  return names.map((name) => {
    const start = lines.findIndex((line) => new RegExp(`^  (?:private )?(?:async )?\\*?${name}\\(`).test(line));
    if (start < 0) throw new Error(`stryker.config.mjs: ${file} has no method ${name}`);
    const end = lines.findIndex((line, i) => i > start && line === "  }");
    return `${file}:${start + 1}-${end + 1}`;
  });
}

/**
 * Two runs, each with only the tests that can reach its code: the services
 * (unit and database tests, quick per mutant) and the bot's button handlers
 * (one end-to-end file that starts a bot, slower per mutant). Run by
 * `npm run test:mutation`; STRYKER_GROUP picks one.
 */
export const GROUPS = {
  services: {
    mutate: [
      "src/services/secrets.ts",
      "src/services/keyring.ts",
      "src/services/invites.ts",
      "src/services/attempt-limiter.ts",
      "src/services/members.ts",
      "src/services/stored-updates.ts",
      ...methods("src/services/tips.ts", [
        // Who may act on a tip, and on which ward's tips.
        "openTipFor",
        "claim",
        "setStatus",
        "setPriority",
        "duplicateCandidates",
        "markDuplicate",
        "close",
        "ask",
        "listOpen",
        "tipByReference",
        // What is forgotten, and when; a flow's tip filed once.
        "expireReceipts",
        "closedTipIds",
        "purgeClosed",
        "filedBy",
        "alreadyFiled",
      ]),
    ],
    testFiles: [
      "test/unit/secrets.test.ts",
      "test/unit/keyring.test.ts",
      "test/unit/attempt-limiter.test.ts",
      "test/unit/stored-updates.test.ts",
      "test/services/members.test.ts",
      "test/services/tip-authorization.test.ts",
      "test/services/tips.test.ts",
      "test/services/retention.test.ts",
      "test/services/triage-feedback.test.ts",
      "test/services/open-tips-list.test.ts",
      "test/services/officer-tip-actions.test.ts",
    ],
  },
  bot: {
    mutate: ["src/bot/staff-identity.ts", "src/bot/removal-buttons.ts", "src/bot/features/tip-cards/card-buttons.ts"],
    testFiles: ["test/e2e/card-actions.test.ts", "test/e2e/staff-checks.test.ts"],
  },
};

const name = process.env.STRYKER_GROUP ?? "services";
const group = GROUPS[name];
if (!group) throw new Error(`STRYKER_GROUP must be one of ${Object.keys(GROUPS).join(", ")}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.config.ts", related: false },
  // STRYKER_MUTATE narrows a run to some files (or line ranges) of its group.
  mutate: process.env.STRYKER_MUTATE ? process.env.STRYKER_MUTATE.split(",") : group.mutate,
  testFiles: group.testFiles,
  // Each mutant runs only the tests that reached it in the first (dry) run.
  coverageAnalysis: "perTest",
  // Two cores, shared: one test runner each.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  // A database round trip under load can stall; a mutant that loops forever still times out.
  timeoutMS: 30_000,
  dryRunTimeoutMinutes: 30,
  // Type errors a mutant would cause are not worth running (a mutant TypeScript refuses cannot ship).
  checkers: [],
  ignoreStatic: true,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // `--incremental` reruns only mutants whose code or tests changed since this file was written.
  incrementalFile: `reports/stryker-incremental-${name}.json`,
  thresholds: { high: 90, low: 85, break: Number(process.env.STRYKER_BREAK ?? 85) },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  // The sandbox needs the generated Prisma clients and the migrations, not build output or reports.
  ignorePatterns: ["dist", "reports", "coverage", "test-output", ".scratch", "data", "bench"],
};
