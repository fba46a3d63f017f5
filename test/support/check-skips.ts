// CI, after each run: every test the run skipped, by name, from vitest's JUnit
// XML, checked against test/expected-skips.json for that database. A skip not
// listed fails the run (a test must not silently stop running), and so does a
// listed one that ran (the list stays true).
//   npx tsx test/support/check-skips.ts sqlite|postgresql [test-output/junit.xml]
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { DatabaseKind } from "./database.js";

/** Per database: "file > describe > test" → why it is skipped there. */
export type ExpectedSkips = Record<DatabaseKind, Record<string, string>>;

const entities: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
const decode = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : (entities[e] ?? m)));
const attribute = (attrs: string, key: string) => decode(new RegExp(`\\b${key}="([^"]*)"`).exec(attrs)?.[1] ?? "");

/** Every skipped test case, as "file > describe > test". */
export function skippedTests(junitXml: string): string[] {
  const skipped: string[] = [];
  for (const m of junitXml.matchAll(/<testcase\s([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    if (!/<skipped\b/.test(m[2] ?? "")) continue;
    skipped.push(`${attribute(m[1]!, "classname")} > ${attribute(m[1]!, "name")}`);
  }
  return skipped;
}

export function checkSkips(skipped: string[], expected: Record<string, string>): { unexpected: string[]; stale: string[] } {
  return {
    unexpected: skipped.filter((name) => !(name in expected)),
    stale: Object.keys(expected).filter((name) => !skipped.includes(name)),
  };
}

function main(kind: string | undefined, junitPath = "test-output/junit.xml"): number {
  if (kind !== "sqlite" && kind !== "postgresql") {
    process.stderr.write("usage: check-skips.ts sqlite|postgresql [junit.xml]\n");
    return 2;
  }
  if (!fs.existsSync(junitPath)) {
    process.stderr.write(`${junitPath} not found: vitest writes it when CI is set\n`);
    return 2;
  }
  const expected = (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../expected-skips.json"), "utf8")) as ExpectedSkips)[kind];
  const skipped = skippedTests(fs.readFileSync(junitPath, "utf8"));
  const { unexpected, stale } = checkSkips(skipped, expected);
  const lines = [`skipped on ${kind}: ${skipped.length}`, ...skipped.map((name) => `  - ${name}${name in expected ? ` (expected: ${expected[name]})` : "  <- NOT EXPECTED"}`)];
  if (unexpected.length > 0) lines.push(`${unexpected.length} skipped test(s) not in test/expected-skips.json for ${kind}: make them run, or list them there with the reason`);
  if (stale.length > 0) lines.push(`listed as skipped on ${kind} but ran (remove from test/expected-skips.json):`, ...stale.map((name) => `  - ${name}`));
  process.stdout.write(`${lines.join("\n")}\n`);
  return unexpected.length > 0 || stale.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv[2], process.argv[3]);
