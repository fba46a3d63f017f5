// Issue 19's targets, each declared once, and how a benchmark judges and prints
// what it measured against them. Each bench ends with `reportTargets(...)`: one
// `TARGET met|missed: <name>: <value> (limit <limit>)` line a target, and, when
// BENCH_TARGETS_FILE is set (bench/all.ts sets it), the same as JSON lines
// appended to that file, from which all.ts prints one table over every bench.
import fs from "node:fs";

export type BenchDatabase = "SQLite" | "PostgreSQL";
export type Unit = "%" | "ms" | "MiB" | "s" | "×" | "errors";

export interface Target {
  id: string;
  name: string;
  limit: number;
  unit: Unit;
  /** "atLeast": the value must reach the limit; "atMost": it must not exceed it. */
  direction: "atLeast" | "atMost";
  bench: string;
  database: BenchDatabase;
  /** The size the target is stated at (a smaller run is judged too, and says so). */
  at: string;
}

type Declared = Omit<Target, "id" | "database">;
const onBoth = (key: string, declared: Declared, databases: BenchDatabase[] = ["SQLite", "PostgreSQL"]): Target[] =>
  databases.map((database) => ({ ...declared, id: `${key}.${database.toLowerCase()}`, name: `${declared.name} [${database}]`, database }));

const TIP_FLOW = "bench/tip-flow.ts";
const FLOWS = "bench/flows-in-flight.ts";
const TIP_FLOW_AT = "200 flows × 8 updates, 20 at a time";

export const TARGETS: readonly Target[] = [
  ...onBoth("tipFlow.shareOfCeiling", { name: "tip flow, share of the conversations ceiling", limit: 50, unit: "%", direction: "atLeast", bench: TIP_FLOW, at: TIP_FLOW_AT }, ["SQLite"]),
  ...onBoth("tipFlow.shareOfCeiling", { name: "tip flow, share of the conversations ceiling", limit: 35, unit: "%", direction: "atLeast", bench: TIP_FLOW, at: TIP_FLOW_AT }, ["PostgreSQL"]),
  ...onBoth("tipFlow.stepP99", { name: "tip flow, step p99", limit: 50, unit: "ms", direction: "atMost", bench: TIP_FLOW, at: TIP_FLOW_AT }, ["SQLite"]),
  ...onBoth("tipFlow.burstErrors", { name: "burst of residents starting a tip at once, errors", limit: 0, unit: "errors", direction: "atMost", bench: TIP_FLOW, at: "1,000 at once" }),
  ...onBoth("tipFlow.replayRatio", { name: "replay: review step at flow length 157 over one at 10", limit: 2, unit: "×", direction: "atMost", bench: TIP_FLOW, at: "157 and 10 updates" }),
  ...onBoth("flows.idle", { name: "production process idle, RSS", limit: 200, unit: "MiB", direction: "atMost", bench: FLOWS, at: "idle, 10 s after start" }),
  ...onBoth("flows.settled", { name: "production process with flows in flight, RSS settled", limit: 238, unit: "MiB", direction: "atMost", bench: FLOWS, at: "10,000 flows" }),
  ...onBoth("flows.peak", { name: "production process with flows in flight, peak RSS", limit: 300, unit: "MiB", direction: "atMost", bench: FLOWS, at: "10,000 flows" }),
  ...onBoth("broadcast.openingPeak", { name: "production process opening the check-ins, peak RSS", limit: 350, unit: "MiB", direction: "atMost", bench: "bench/broadcast.ts", at: "10,000 heads" }),
  ...onBoth("report.seconds", { name: "half-year report, aggregation + workbook", limit: 5, unit: "s", direction: "atMost", bench: "bench/report.ts", at: "100,000 tips" }, ["SQLite"]),
  ...onBoth("report.peak", { name: "half-year report, peak RSS", limit: 300, unit: "MiB", direction: "atMost", bench: "bench/report.ts", at: "100,000 tips" }),
];

export interface Judged {
  id: string;
  name: string;
  value: number;
  limit: number;
  unit: Unit;
  direction: Target["direction"];
  met: boolean;
  /** Set when the run was smaller or otherwise not the target's condition, e.g. "500 flows, not 10,000". */
  note?: string;
}

export function targetById(id: string, targets: readonly Target[] = TARGETS): Target {
  const target = targets.find((t) => t.id === id);
  if (!target) throw new Error(`no target ${id}`);
  return target;
}

/** The target `key` on `database` (e.g. "flows.peak", "SQLite"). */
export function targetFor(key: string, database: BenchDatabase, targets: readonly Target[] = TARGETS): Target {
  return targetById(`${key}.${database.toLowerCase()}`, targets);
}

export function judge(target: Target, value: number, note?: string): Judged {
  const met = Number.isFinite(value) && (target.direction === "atLeast" ? value >= target.limit : value <= target.limit);
  return { id: target.id, name: target.name, value, limit: target.limit, unit: target.unit, direction: target.direction, met, ...(note ? { note } : {}) };
}

/** 12.3 ms, 217 MiB, 1.8 ×, 13 %, 0 errors: whole numbers above 100, one decimal below. */
export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return "n/a";
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const number = value.toFixed(digits);
  return unit === "%" ? `${number} %` : `${number} ${unit}`;
}

export function formatLimit(target: Pick<Target, "limit" | "unit" | "direction">): string {
  return `${target.direction === "atLeast" ? "≥" : "≤"} ${formatValue(target.limit, target.unit)}`;
}

export function targetLine(judged: Judged): string {
  return `TARGET ${judged.met ? "met" : "missed"}: ${judged.name}: ${formatValue(judged.value, judged.unit)} (limit ${formatLimit(judged)})${judged.note ? ` — ${judged.note}` : ""}`;
}

/** A bench's ending: its targets' lines on stdout, and as JSON lines to BENCH_TARGETS_FILE when set. */
export function reportTargets(judged: Judged[], env: NodeJS.ProcessEnv = process.env, write: (text: string) => void = (t) => process.stdout.write(t)): void {
  if (judged.length === 0) return;
  write(judged.map((j) => `${targetLine(j)}\n`).join(""));
  if (env.BENCH_TARGETS_FILE) fs.appendFileSync(env.BENCH_TARGETS_FILE, judged.map((j) => `${JSON.stringify(j)}\n`).join(""));
}

/** JSON lines as reportTargets writes them; a line that is not one is skipped. */
export function parseJudged(text: string): Judged[] {
  const judged: Judged[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as Partial<Judged>;
      if (typeof value.id === "string" && typeof value.met === "boolean" && typeof value.value === "number") judged.push(value as Judged);
    } catch {
      // Not a judged target (a partial line from a bench that died mid-write).
    }
  }
  return judged;
}

/**
 * One row per target, in declaration order: met / missed with the value (the last one
 * reported if a target was measured twice), or "not measured" with why (`why(target)`).
 */
export function summaryTable(judged: Judged[], why: (target: Target) => string, targets: readonly Target[] = TARGETS): string {
  const latest = new Map(judged.map((j) => [j.id, j]));
  const rows = targets.map((t) => {
    const j = latest.get(t.id);
    return [j ? (j.met ? "met" : "MISSED") : "not measured", t.name, j ? formatValue(j.value, j.unit) : "—", formatLimit(t), t.at, j ? (j.note ?? "") : why(t)];
  });
  const header = ["status", "target", "value", "limit", "stated at", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  const met = rows.filter((r) => r[0] === "met").length;
  const missed = rows.filter((r) => r[0] === "MISSED").length;
  const total = `${met} met, ${missed} missed, ${rows.length - met - missed} not measured, of ${rows.length} targets`;
  return [line(header), ...rows.map(line), total, "(a note naming a size means a run smaller than the target's: only a full-size run decides that target)"].join("\n") + "\n";
}
