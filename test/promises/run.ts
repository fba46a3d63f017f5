/**
 * `npm run test:promises [filter]`: for each mutation in ./catalog.ts (or those
 * whose promise or file contains `filter`), change the product code, run the
 * promise's test, and put the code back. A mutation the test does not notice
 * is a promise the tests do not hold: the run ends with exit code 1.
 *
 * Each test first runs on the unchanged code and must pass there, so a test
 * that fails for another reason (a slow machine, a broken test) is not taken
 * for a caught mutation. The change is made in this working tree and undone
 * afterwards (also on Ctrl-C), so run it on a clean checkout. Results:
 * test-output/promise-mutations.json.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import process from "node:process";
import { PROMISE_MUTATIONS } from "./catalog.js";
import type { PromiseMutation } from "./mutation.js";

interface Outcome {
  promise: string;
  breaks: string;
  file: string;
  test: string;
  result: "caught" | "missed" | "baseline failed";
  seconds: number;
}

function runTest(mutation: PromiseMutation): boolean {
  const args = ["vitest", "run", mutation.test, "--reporter=dot", ...(mutation.name ? ["-t", mutation.name] : [])];
  return spawnSync("npx", args, { stdio: ["ignore", "ignore", "ignore"], env: process.env }).status === 0;
}
const baselines = new Map<string, boolean>();
function passesUnchanged(mutation: PromiseMutation): boolean {
  const key = `${mutation.test}\0${mutation.name ?? ""}`;
  if (!baselines.has(key)) baselines.set(key, runTest(mutation));
  return baselines.get(key)!;
}

const filter = process.argv[2];
const chosen = PROMISE_MUTATIONS.filter(
  (mutation) => !filter || mutation.promise.includes(filter) || mutation.file.includes(filter) || mutation.test.includes(filter),
);

let restore: (() => void) | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    restore?.();
    process.exit(130);
  });
}

function mutate(mutation: PromiseMutation): () => void {
  const original = fs.readFileSync(mutation.file, "utf8");
  const occurrences = original.split(mutation.find).length - 1;
  if (occurrences !== 1) throw new Error(`${mutation.file}: "${mutation.find}" occurs ${occurrences} times, not once`);
  fs.writeFileSync(mutation.file, original.replace(mutation.find, () => mutation.replace));
  return () => fs.writeFileSync(mutation.file, original);
}

const outcomes: Outcome[] = [];
for (const [index, mutation] of chosen.entries()) {
  const started = Date.now();
  let result: Outcome["result"] = "baseline failed";
  if (passesUnchanged(mutation)) {
    restore = mutate(mutation);
    try {
      result = runTest(mutation) ? "missed" : "caught";
    } finally {
      restore();
      restore = undefined;
    }
  }
  const outcome: Outcome = {
    promise: mutation.promise,
    breaks: mutation.breaks,
    file: mutation.file,
    test: mutation.name ? `${mutation.test} -t "${mutation.name}"` : mutation.test,
    result,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  outcomes.push(outcome);
  process.stdout.write(
    `${index + 1}/${chosen.length} ${outcome.result.padEnd(15)} ${outcome.seconds}s  ${mutation.breaks}  (${mutation.file} → ${outcome.test})\n`,
  );
}

fs.mkdirSync("test-output", { recursive: true });
fs.writeFileSync("test-output/promise-mutations.json", JSON.stringify(outcomes, null, 2));
const caught = outcomes.filter((outcome) => outcome.result === "caught").length;
process.stdout.write(`${caught}/${outcomes.length} mutations caught by their promise's test\n`);
process.exitCode = caught === outcomes.length ? 0 : 1;
