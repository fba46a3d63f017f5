// The report's words, shared by the workbook, the .docx draft and the chat:
// the period's name, the ward's word for its quarters, the figure table by
// section, and the sentences an officer pastes into the written report. Every
// text comes from the locale files; every number from the same ReportFigures.
import { displayDate } from "../domain/deadlines.js";
import { FLOW_KEYS, STOCK_KINDS, type StockKind } from "../domain/check-in-figures.js";
import { percent, type ReportFigures, TIP_RESULTS } from "../domain/report.js";
import { type ReportPeriod, romanQuarter } from "../domain/report-period.js";
import { PRIORITIES, TIP_CATEGORIES } from "../domain/tip.js";
import { OUTCOME_KINDS } from "../domain/tip-outcome.js";
import type { Report } from "./reports.js";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function periodLabel(t: Translate, period: ReportPeriod): string {
  const year = String(period.year);
  switch (period.kind) {
    case "month":
      return t("rp-period-month", { month: String(period.index), year });
    case "quarter":
      return t("rp-period-quarter", { quarter: romanQuarter(period.index!), year });
    case "half_year":
      return t("rp-period-half", { year });
    case "year":
      return t("rp-period-year", { year });
  }
}

export interface UnitWords {
  /** "khu phố" — the ward's word for one of its quarters, as inside a sentence. */
  unit: string;
  /** "khu phố" (Vietnamese does not inflect) / "quarters". */
  units: string;
  /** "Khu phố" / "Quarters": at the start of a line. */
  Units: string;
  /** "KHU PHỐ" / "QUARTERS": in a section title. */
  UNITS: string;
}

/**
 * The one place the report takes the word for a ward's quarters from, so a
 * per-ward setting (khu phố / tổ dân phố / thôn) can replace it here alone.
 */
export function unitWords(t: Translate, _report?: Pick<Report, "wardName">): UnitWords {
  const unit = t("rp-unit");
  const units = t("rp-units");
  return { unit, units, Units: units.charAt(0).toLocaleUpperCase("vi") + units.slice(1), UNITS: units.toLocaleUpperCase("vi") };
}

/** A figure inside a sentence: the number, or "…" for the officer to fill in when it is not known. */
function say(value: number | null): string | number {
  return value === null ? "…" : value;
}

/** A ward's stock at the period's end: the sum of the quarters that gave it, or null when none has. */
export function wardStock(f: ReportFigures, kind: StockKind): number | null {
  return f.checkIns.stocks.known[kind] > 0 ? f.checkIns.stocks.totals[kind] : null;
}

/** "a, b và c". */
function joinList(t: Translate, items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${t("rp-and")} ${items.at(-1)}`;
}

// ---- The figure table -------------------------------------------------------

export interface FigureLine {
  label: string;
  /** null: not known (printed as "—"): no quarter has given it. */
  value: number | null;
  /** A line that details the one above it. */
  detail?: boolean;
  /** A percentage: does not add up across wards. */
  rate?: boolean;
}

export interface FigureSection {
  title: string;
  lines: FigureLine[];
}

export function figureSections(report: Report, t: Translate): FigureSection[] {
  const f = report.figures;
  const words = unitWords(t, report);
  const asOf = displayDate(report.asOf);
  const out = f.outcomes.totals;
  return [
    {
      title: t("rp-sec-tips"),
      lines: [
        { label: t("rp-fig-tips-total"), value: f.tips.total },
        ...TIP_RESULTS.map((r) => ({ label: t(`rp-fig-result-${r}`), value: f.tips.byResult[r], detail: true })),
        ...PRIORITIES.map((p) => ({ label: t("rp-fig-priority", { label: t(`priority-${p}`) }), value: f.tips.byPriority[p].total, detail: true })),
        ...TIP_CATEGORIES.map((c) => ({ label: t("rp-fig-category", { label: t(`category-${c}`) }), value: f.tips.byCategory[c].total, detail: true })),
      ],
    },
    {
      title: t("rp-sec-outcomes"),
      lines: [
        { label: t("rp-fig-out-tips"), value: f.outcomes.tips },
        { label: t("rp-fig-out-cases"), value: out.case_opened.times },
        { label: t("rp-fig-out-case-people"), value: out.case_opened.count, detail: true },
        { label: t("rp-fig-out-case-unknown"), value: out.case_opened.unknown, detail: true },
        { label: t("rp-fig-out-administrative"), value: out.administrative.count },
        { label: t("rp-fig-out-dealing-points"), value: out.dealing_point_dismantled.count },
        { label: t("rp-fig-out-venues"), value: out.venue_dismantled.count },
        { label: t("rp-fig-out-plant-sites"), value: out.plants_destroyed.times },
        { label: t("rp-fig-out-plants"), value: out.plants_destroyed.count, detail: true },
        { label: t("rp-fig-out-premises"), value: out.premises_inspected.count },
        { label: t("rp-fig-out-handed-over"), value: out.handed_over.times },
      ],
    },
    {
      title: t("rp-sec-checkins", { UNITS: words.UNITS }),
      lines: [
        { label: t("rp-fig-ci-expected"), value: f.checkIns.expected },
        { label: t("rp-fig-ci-answered"), value: f.checkIns.answered },
        { label: t("rp-fig-ci-rate"), value: percent(f.checkIns.rate), rate: true },
        { label: t("rp-fig-ci-signs"), value: f.checkIns.withSigns },
        { label: t("rp-fig-ci-urgent"), value: f.checkIns.urgent },
        // The check-in's own words for what it asks (stock-*, flow-*), so a figure means what the head was asked.
        ...STOCK_KINDS.map((k) => ({ label: t("rp-fig-stock", { label: t(`stock-${k}`), asOf, known: f.checkIns.stocks.known[k], quarters: f.checkIns.stocks.quarters, units: words.units }), value: wardStock(f, k) })),
        ...FLOW_KEYS.map((k) => ({ label: t(`flow-${k}`), value: f.checkIns.flows[k] })),
      ],
    },
    {
      title: t("rp-sec-roadmap", { UNITS: words.UNITS }),
      lines: [
        { label: t("rp-fig-roadmap-actual", { Units: words.Units, asOf }), value: f.roadmap.actual },
        { label: t("rp-fig-roadmap-target", { year: String(f.roadmap.year) }), value: f.roadmap.target },
        { label: t("rp-fig-roadmap-total", { units: words.units, Units: words.Units }), value: f.roadmap.quarters.length },
      ],
    },
    {
      title: t("rp-sec-deadlines"),
      lines: (["on_time", "late", "overdue", "pending"] as const).map((s) => ({ label: t(`rp-fig-dl-${s}`), value: f.deadlines.counts[s] })),
    },
  ];
}

// ---- Sentences ---------------------------------------------------------------

export interface SentenceSection {
  title: string;
  sentences: string[];
}

/** Outcome parts of a sentence, in the order a report lists them, only those that happened. */
function outcomeParts(t: Translate, f: ReportFigures): string[] {
  const parts: string[] = [];
  for (const kind of OUTCOME_KINDS) {
    const o = f.outcomes.totals[kind];
    if (o.times === 0) continue;
    const shape = o.unknown === 0 ? "known" : o.unknown === o.times ? "unknown" : "some";
    parts.push(t(`rp-say-out-${kind}`, { times: o.times, count: o.count, unknown: o.unknown, shape }));
  }
  return parts;
}

export function reportSentences(report: Report, t: Translate): SentenceSection[] {
  const f = report.figures;
  const words = unitWords(t, report);
  const asOf = displayDate(report.asOf);
  const r = f.tips.byResult;

  const tips = [
    t("rp-say-tips", { total: f.tips.total, urgent: f.tips.byPriority.urgent.total, confirmed: r.confirmed, unfounded: r.unfounded, spam: r.spam, duplicate: r.duplicate, acted: r.acted, open: r.open }),
  ];
  const categories = TIP_CATEGORIES.filter((c) => f.tips.byCategory[c].total > 0).map((c) => t(`rp-say-cat-${c}`, { count: f.tips.byCategory[c].total }));
  if (categories.length > 0) tips.push(t("rp-say-categories", { list: joinList(t, categories) }));

  const parts = outcomeParts(t, f);
  const outcomes = [parts.length > 0 ? t("rp-say-outcomes", { list: joinList(t, parts) }) : t("rp-say-outcomes-none")];

  const ci = f.checkIns;
  const checkIns =
    ci.expected === 0
      ? [t("rp-say-checkins-none", { units: words.units })]
      : [
          t("rp-say-checkins", { units: words.units, answered: ci.answered, expected: ci.expected, rate: percent(ci.rate), signs: ci.withSigns, urgent: ci.urgent }),
          t("rp-say-stocks", { units: words.units, asOf, addicts: say(wardStock(f, "addicts")), users: say(wardStock(f, "users")), postRehab: say(wardStock(f, "postRehab")) }),
          t("rp-say-flows", {
            units: words.units,
            newSuspectedUsers: say(ci.flows.newSuspectedUsers),
            backFromRehab: say(ci.flows.backFromRehab),
            backFromPrison: say(ci.flows.backFromPrison),
            relapsed: say(ci.flows.relapsed),
            movedAway: say(ci.flows.movedAway),
            incidents: say(ci.flows.incidents),
          }),
          t("rp-say-found", { units: words.units, dealingPoints: say(ci.flows.dealingPoints), venues: say(ci.flows.useVenues), plantSites: say(ci.flows.plantSites) }),
        ];
  const awareness = [t("rp-say-awareness", { units: words.units, sessions: say(ci.flows.awarenessSessions), participants: say(ci.flows.awarenessParticipants) })];

  const rm = f.roadmap;
  const roadmap = [t("rp-say-roadmap", { asOf, actual: rm.actual, total: rm.quarters.length, units: words.units, year: String(rm.year), target: rm.target, short: Math.max(0, rm.target - rm.actual) })];

  const dl = f.deadlines.counts;
  const owed = dl.on_time + dl.late + dl.overdue + dl.pending;
  const deadlines = [owed === 0 ? t("rp-say-deadlines-none") : t("rp-say-deadlines", { total: owed, onTime: dl.on_time, late: dl.late, overdue: dl.overdue, pending: dl.pending })];

  return [
    { title: t("rp-say-sec-tips"), sentences: tips },
    { title: t("rp-say-sec-outcomes"), sentences: outcomes },
    { title: t("rp-say-sec-checkins", { units: words.units }), sentences: checkIns },
    { title: t("rp-say-sec-awareness"), sentences: awareness },
    { title: t("rp-say-sec-roadmap", { units: words.units }), sentences: roadmap },
    { title: t("rp-say-sec-deadlines"), sentences: deadlines },
  ];
}
