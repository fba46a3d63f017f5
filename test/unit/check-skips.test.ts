// The CI check of skipped tests (test/support/check-skips.ts) reads vitest's
// JUnit XML as vitest writes it and fails on a skip nobody expected.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSkips, type ExpectedSkips, skippedTests } from "../support/check-skips.js";

const junit = `<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="vitest tests" tests="4" failures="0" errors="0" time="1">
    <testsuite name="test/e2e/faults.test.ts" timestamp="2026-12-05T21:35:20.166Z" hostname="vm" tests="3" failures="0" errors="0" skipped="2" time="1">
        <testcase classname="test/e2e/faults.test.ts" name="Bot API faults in bursts &gt; a tip flow still ends with one tip" time="0.5">
        </testcase>
        <testcase classname="test/e2e/faults.test.ts" name="database faults (SQLite) &gt; the tip&apos;s write is refused &amp; kept" time="0">
            <skipped/>
        </testcase>
        <testcase classname="test/e2e/faults.test.ts" name="database faults (SQLite) &gt; &quot;locked&quot; &lt;5 s&gt;" time="0">
            <skipped/>
        </testcase>
    </testsuite>
    <testsuite name="test/unit/a.test.ts" tests="1" failures="1" errors="0" skipped="0" time="0">
        <testcase classname="test/unit/a.test.ts" name="fails with &lt;skipped&gt; in its message" time="0">
            <failure message="expected &lt;skipped/&gt;">x</failure>
        </testcase>
    </testsuite>
</testsuites>`;

describe("skipped tests in CI", () => {
  it("lists each skipped test case by file and name, and nothing else", () => {
    expect(skippedTests(junit)).toEqual([
      "test/e2e/faults.test.ts > database faults (SQLite) > the tip's write is refused & kept",
      'test/e2e/faults.test.ts > database faults (SQLite) > "locked" <5 s>',
    ]);
  });

  it("fails on a skip that is not expected, and on an expected one that ran", () => {
    const skipped = skippedTests(junit);
    expect(checkSkips(skipped, { [skipped[0]!]: "why", [skipped[1]!]: "why" })).toEqual({ unexpected: [], stale: [] });
    expect(checkSkips(skipped, { [skipped[0]!]: "why", "test/x.test.ts > gone": "why" })).toEqual({ unexpected: [skipped[1]], stale: ["test/x.test.ts > gone"] });
  });

  it("expects, per database, only tests that exist under those names", () => {
    const expected = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../expected-skips.json"), "utf8")) as ExpectedSkips;
    expect(Object.keys(expected).sort()).toEqual(["postgresql", "sqlite"]);
    for (const name of [...Object.keys(expected.sqlite), ...Object.keys(expected.postgresql)]) {
      const [file, ...titles] = name.split(" > ");
      const source = readFileSync(path.resolve(import.meta.dirname, "../..", file!), "utf8");
      for (const title of titles) expect(source, name).toContain(JSON.stringify(title).slice(1, -1));
    }
  });
});
