// Every message the code asks for exists in both languages, including the
// keys built from the domain's lists (flows, stocks, statuses, duties).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OVERRIDE_REASONS } from "../../src/domain/triage-feedback.js";
import { localesDirectory } from "../../src/bot/i18n.js";
import { CHECK_IN_STEPS, FLOW_KEYS, SIGN_KEYS, STOCK_KINDS } from "../../src/domain/check-in.js";
import { AGENCY_KINDS } from "../../src/domain/deadlines.js";
import { QUARTER_STATUSES } from "../../src/domain/roadmap.js";
import { FAMILY_TOPICS } from "../../src/domain/family-help.js";
import { CELL_STATUSES } from "../../src/domain/summary-chart.js";

const ids = (locale: string) => new Set([...fs.readFileSync(path.join(localesDirectory, `${locale}.ftl`), "utf8").matchAll(/^([a-z][a-zA-Z0-9_-]*) =/gm)].map((m) => m[1]!));
const vi = ids("vi");
const en = ids("en");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === "generated" ? [] : sources(path.join(dir, e.name))) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

describe("locales", () => {
  it("never put a unit's word before a quarter's name, which already holds it (no \"khu phố Khu phố 5\")", () => {
    for (const locale of ["vi", "en"]) {
      const text = fs.readFileSync(path.join(localesDirectory, `${locale}.ftl`), "utf8");
      const doubled = text.split("\n").filter((line) => /(khu phố|tổ dân phố|thôn|quarter)\s*\{\s*\$quarter\s*\}/iu.test(line));
      expect(doubled, locale).toEqual([]);
    }
  });

  it("speak for the bot in one register: never the casual \"Mình\" to residents or staff", () => {
    const text = fs.readFileSync(path.join(localesDirectory, "vi.ftl"), "utf8");
    expect(text.split("\n").filter((line) => /(^|[=.!?]\s*)Mình\b/u.test(line))).toEqual([]);
  });

  it("use one word for each thing: the bot (never \"chúng tôi\"), file (never \"tệp\"), and “…” quotes (never «…»)", () => {
    const text = fs.readFileSync(path.join(localesDirectory, "vi.ftl"), "utf8");
    expect(text.split("\n").filter((line) => !line.startsWith("#") && /chúng tôi|\btệp\b|[«»]/iu.test(line))).toEqual([]);
  });

  it("have the same messages in Vietnamese and English", () => {
    expect([...vi].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !vi.has(k))).toEqual([]);
  });

  it("hold every message the code names literally", () => {
    const used = new Set<string>();
    for (const file of sources(path.resolve(localesDirectory, "../src"))) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-z][a-z0-9]*(?:-[a-zA-Z0-9_]+)+)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !vi.has(k)).sort()).toEqual([]);
  });

  it("hold every message built from the domain's lists", () => {
    const keys = [
      ...FLOW_KEYS.map((k) => `flow-${k}`),
      ...STOCK_KINDS.flatMap((k) => [`stock-${k}`, `ci-stock-q-${k}`]),
      ...SIGN_KEYS.map((k) => `ci-sign-${k}`),
      ...CHECK_IN_STEPS.flatMap((s) => [`ci-q-${s.key}`, ...("counts" in s ? s.counts.map((c) => `ci-q-${c}`) : []), ...(s.kind === "count" && s.followUp ? [`ci-q-${s.followUp}`] : [])]),
      ...CELL_STATUSES.map((s) => `ci-legend-${s}`),
      ...QUARTER_STATUSES.flatMap((s) => [`qs-${s}`, `rp-qs-${s}`]),
      ...AGENCY_KINDS.filter((k) => k !== "other").map((k) => `ag-duty-${k}`),
      ...OVERRIDE_REASONS.map((r) => `override-reason-${r}`),
      ...FAMILY_TOPICS.flatMap((t) => [`family-btn-${t}`, ...(t === "contacts" ? [] : [`family-${t}`])]),
    ];
    expect(keys.filter((k) => !vi.has(k) || !en.has(k))).toEqual([]);
  });
});
