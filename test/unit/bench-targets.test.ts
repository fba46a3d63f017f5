// The benchmarks' targets (bench/targets.ts): judging a measured value and the
// lines and table printed from it. Pure: nothing here runs a benchmark or times anything.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatValue, judge, parseJudged, reportTargets, summaryTable, type Target, targetById, targetFor, targetLine, TARGETS } from "../../bench/targets.js";

const atMost: Target = { id: "x.sqlite", name: "x [SQLite]", limit: 238, unit: "MiB", direction: "atMost", bench: "bench/x.ts", database: "SQLite", at: "10,000 flows" };
const atLeast: Target = { id: "y.postgresql", name: "y [PostgreSQL]", limit: 35, unit: "%", direction: "atLeast", bench: "bench/y.ts", database: "PostgreSQL", at: "200 flows" };

describe("the issue's targets, declared once", () => {
  it("each has a unique id and names its bench, which exists", () => {
    expect(new Set(TARGETS.map((t) => t.id)).size).toBe(TARGETS.length);
    for (const t of TARGETS) expect(fs.existsSync(path.resolve(import.meta.dirname, "../..", t.bench)), t.bench).toBe(true);
  });

  it("hold the limits issue 19 states", () => {
    const limit = (key: string, database: "SQLite" | "PostgreSQL") => {
      const t = targetFor(key, database);
      return `${t.direction === "atLeast" ? "≥" : "≤"} ${t.limit} ${t.unit}`;
    };
    expect(limit("tipFlow.shareOfCeiling", "SQLite")).toBe("≥ 50 %");
    expect(limit("tipFlow.shareOfCeiling", "PostgreSQL")).toBe("≥ 35 %");
    expect(limit("tipFlow.stepP99", "SQLite")).toBe("≤ 50 ms");
    expect(limit("tipFlow.burstErrors", "SQLite")).toBe("≤ 0 errors");
    expect(limit("tipFlow.replayRatio", "PostgreSQL")).toBe("≤ 2 ×");
    expect(limit("flows.idle", "SQLite")).toBe("≤ 200 MiB");
    expect(limit("flows.settled", "SQLite")).toBe("≤ 238 MiB");
    expect(limit("flows.peak", "PostgreSQL")).toBe("≤ 300 MiB");
    expect(limit("broadcast.openingPeak", "SQLite")).toBe("≤ 350 MiB");
    expect(limit("report.seconds", "SQLite")).toBe("≤ 5 s");
    expect(limit("report.peak", "SQLite")).toBe("≤ 300 MiB");
    expect(() => targetFor("report.seconds", "PostgreSQL")).toThrow(/no target report.seconds.postgresql/);
  });
});

describe("judging a measured value", () => {
  it("an upper limit is met at or below it, missed above it", () => {
    expect(judge(atMost, 217).met).toBe(true);
    expect(judge(atMost, 238).met).toBe(true);
    expect(judge(atMost, 238.4).met).toBe(false);
  });

  it("a lower limit is met at or above it, missed below it", () => {
    expect(judge(atLeast, 35).met).toBe(true);
    expect(judge(atLeast, 90).met).toBe(true);
    expect(judge(atLeast, 34.9).met).toBe(false);
  });

  it("a value that could not be read is missed, never met", () => {
    expect(judge(atMost, NaN).met).toBe(false);
    expect(judge(atLeast, NaN).met).toBe(false);
    expect(judge(atLeast, Infinity).met).toBe(false);
  });

  it("keeps the value, the limit and a note, when given", () => {
    expect(judge(atMost, 480, "500 flows")).toEqual({ id: "x.sqlite", name: "x [SQLite]", value: 480, limit: 238, unit: "MiB", direction: "atMost", met: false, note: "500 flows" });
    expect(judge(atMost, 200)).not.toHaveProperty("note");
  });
});

describe("printing", () => {
  it("one line a target: met or missed, the value and the limit with its direction", () => {
    expect(targetLine(judge(atMost, 217.4))).toBe("TARGET met: x [SQLite]: 217 MiB (limit ≤ 238 MiB)");
    expect(targetLine(judge(atLeast, 13.26, "small run"))).toBe("TARGET missed: y [PostgreSQL]: 13.3 % (limit ≥ 35 %) — small run");
    expect(targetLine(judge(targetById("tipFlow.burstErrors.sqlite"), 0))).toBe("TARGET met: burst of residents starting a tip at once, errors [SQLite]: 0 errors (limit ≤ 0 errors)");
  });

  it("formats small values with decimals and large ones whole", () => {
    expect(formatValue(1.834, "×")).toBe("1.83 ×");
    expect(formatValue(42.25, "ms")).toBe("42.3 ms");
    expect(formatValue(510.6, "ms")).toBe("511 ms");
    expect(formatValue(NaN, "MiB")).toBe("n/a");
  });

  it("writes the judged targets to BENCH_TARGETS_FILE as JSON lines, which read back as written", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-targets-")), "t.jsonl");
    const printed: string[] = [];
    const judged = [judge(atMost, 300), judge(atLeast, 40, "note")];
    reportTargets(judged, { BENCH_TARGETS_FILE: file }, (t) => printed.push(t));
    reportTargets([judge(atMost, 100)], { BENCH_TARGETS_FILE: file }, () => undefined);
    expect(printed.join("")).toBe("TARGET missed: x [SQLite]: 300 MiB (limit ≤ 238 MiB)\nTARGET met: y [PostgreSQL]: 40 % (limit ≥ 35 %) — note\n");
    expect(parseJudged(fs.readFileSync(file, "utf8") + '{"id": "half')).toEqual([...judged, judge(atMost, 100)]);
  });

  it("prints nothing and writes nothing without a file or without targets", () => {
    const printed: string[] = [];
    reportTargets([], {}, (t) => printed.push(t));
    reportTargets([judge(atMost, 1)], {}, (t) => printed.push(t));
    expect(printed).toEqual(["TARGET met: x [SQLite]: 1 MiB (limit ≤ 238 MiB)\n"]);
  });
});

describe("the summary table", () => {
  const targets = [atMost, atLeast];

  it("lists every target: met or MISSED with its value, the last value reported winning", () => {
    const table = summaryTable([judge(atMost, 300), judge(atMost, 200), judge(atLeast, 20, "small run")], () => "unused", targets);
    const [header, first, second, total] = table.trimEnd().split("\n");
    expect(header).toMatch(/^status +target +value +limit +stated at +note$/);
    expect(first).toMatch(/^met +x \[SQLite\] +200 MiB +≤ 238 MiB +10,000 flows$/);
    expect(second).toMatch(/^MISSED +y \[PostgreSQL\] +20 % +≥ 35 % +200 flows +small run$/);
    expect(total).toBe("1 met, 1 missed, 0 not measured, of 2 targets");
  });

  it("says 'not measured' and why for a target no bench reported", () => {
    const table = summaryTable([judge(atMost, 100)], (t) => (t.database === "PostgreSQL" ? "BENCH_DATABASE_URL not set" : "failed"), targets);
    expect(table).toMatch(/^not measured +y \[PostgreSQL\] +— +≥ 35 % +200 flows +BENCH_DATABASE_URL not set$/m);
    expect(table).toContain("1 met, 0 missed, 1 not measured, of 2 targets");
  });

  it("over the real targets with nothing measured, every one is 'not measured'", () => {
    const table = summaryTable([], () => "not run");
    expect(table).toContain(`0 met, 0 missed, ${TARGETS.length} not measured, of ${TARGETS.length} targets`);
    expect(table.split("\n").filter((l) => l.startsWith("not measured"))).toHaveLength(TARGETS.length);
  });
});
