// The drug-free roadmap: per year, how many quarters were recognised as
// drug-free against the ward's target. A quarter's status follows the criteria
// of Decision 28/2025/QĐ-TTg and the procedure and competent authority of
// guidance 37/HD-BCA-C04: the bot records each decision (date, number, issuing
// body) as an officer typed it, and decides nothing.

/** "địa bàn có nguy cơ phát sinh phức tạp" (at_risk) is the plans' own category beside "trọng điểm phức tạp". */
export const QUARTER_STATUSES = ["drug_free", "building", "at_risk", "hotspot", "unassessed"] as const;
export type QuarterStatus = (typeof QUARTER_STATUSES)[number];

/** The decision behind a status, as typed: its date (YYYY-MM-DD), number and issuing body when given. */
export interface Decision {
  decidedOn: string;
  number: string | null;
  issuer: string | null;
}

/**
 * Quy Nhơn Đông's plan (19 quarters): "Năm 2025: Xây dựng 20% Khu phố không ma
 * túy", then 10/19 (52%) by 2026, 11/19 (58%), 13/19 (68%), 15/19 (79%), 100% by
 * 2030. The plan gives 2025 as a share only, and its own arithmetic (keep
 * 2025's and build at least one more to reach 10 in 2026) implies 9, not the 4
 * that 20% of 19 gives: the default follows the written 20% and asks the ward to confirm.
 */
export const PLAN_QUARTERS = 19;
/** `percent`: the share as the plan writes it ("đạt tỷ lệ 52%"). */
export const PLAN_TARGETS: readonly { year: number; share: number; percent: number; planCount: number | null; impliedCount?: number }[] = [
  { year: 2025, share: 0.2, percent: 20, planCount: null, impliedCount: 9 },
  { year: 2026, share: 10 / 19, percent: 52, planCount: 10 },
  { year: 2027, share: 11 / 19, percent: 58, planCount: 11 },
  { year: 2028, share: 13 / 19, percent: 68, planCount: 13 },
  { year: 2029, share: 15 / 19, percent: 79, planCount: 15 },
  { year: 2030, share: 1, percent: 100, planCount: 19 },
];

/** Targets for a ward of `quarters` quarters (19 gives the plan's own 4, 10, 11, 13, 15, 19). */
export function defaultTargets(quarters: number): { year: number; count: number }[] {
  return PLAN_TARGETS.map(({ year, share }) => ({ year, count: Math.round(share * quarters) }));
}

/** Where a ward's target came from: the plan scaled to its quarters (not yet confirmed), or the ward itself. */
export type TargetSource = "plan" | "ward";

export interface TargetOrigin {
  year: number;
  count: number;
  source: TargetSource;
  /** For "plan": the plan's figures this default was scaled from. */
  plan: { percent: number; planCount: number | null; impliedCount: number | null; scaledImplied: number | null } | null;
}

/**
 * Each stored target with where it came from. A target marked "plan" whose
 * count is no longer the plan's scaled figure was changed by the ward before
 * sources were recorded: it counts as the ward's own.
 */
export function targetOrigins(targets: readonly { year: number; count: number; source: string }[], quarters: number): TargetOrigin[] {
  const defaults = new Map(defaultTargets(quarters).map((t) => [t.year, t.count]));
  return [...targets]
    .sort((a, b) => a.year - b.year)
    .map((t) => {
      const plan = PLAN_TARGETS.find((p) => p.year === t.year);
      const fromPlan = t.source === "plan" && plan !== undefined && defaults.get(t.year) === t.count;
      return {
        year: t.year,
        count: t.count,
        source: fromPlan ? "plan" : "ward",
        plan:
          fromPlan && plan
            ? {
                percent: plan.percent,
                planCount: plan.planCount,
                impliedCount: plan.impliedCount ?? null,
                scaledImplied: plan.impliedCount === undefined ? null : Math.round((plan.impliedCount / PLAN_QUARTERS) * quarters),
              }
            : null,
      };
    });
}

export interface StatusRecord {
  quarterId: string;
  status: QuarterStatus;
  /** Local date of the decision, YYYY-MM-DD. */
  decidedOn: string;
}

export interface YearProgress {
  year: number;
  target: number;
  /** Whether the ward confirmed the target or it is still the plan's default. */
  source: TargetSource;
  actual: number;
  /** Quarters not drug-free at the end of that year (names). */
  behind: string[];
}

/** A quarter's status at the end of `year`: its latest decision on or before 31 December. */
export function statusAtYearEnd(records: readonly StatusRecord[], quarterId: string, year: number): QuarterStatus {
  const end = `${year}-12-31`;
  const latest = records
    .filter((r) => r.quarterId === quarterId && r.decidedOn <= end)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : 0))
    .at(-1);
  return latest?.status ?? "unassessed";
}

export function roadmapProgress(
  quarters: readonly { id: string; name: string }[],
  targets: readonly { year: number; count: number; source?: TargetSource }[],
  records: readonly StatusRecord[],
): YearProgress[] {
  return [...targets]
    .sort((a, b) => a.year - b.year)
    .map(({ year, count, source }) => {
      const behind = quarters.filter((q) => statusAtYearEnd(records, q.id, year) !== "drug_free").map((q) => q.name);
      return { year, target: count, source: source ?? "ward", actual: quarters.length - behind.length, behind };
    });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Bars for actual drug-free quarters per year, a line for the target. */
export function roadmapChartSvg(progress: readonly YearProgress[], total: number, labels: { title: string; target: string; actual: string }): string {
  const left = 50;
  const top = 60;
  const h = 240;
  const step = 90;
  const width = Math.max(820, left + progress.length * step + 40);
  const max = Math.max(total, 1);
  const y = (v: number) => top + h - (v / max) * h;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + h + 90}" viewBox="0 0 ${width} ${top + h + 90}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${left}" y="32" font-family="DejaVu Sans" font-size="20" font-weight="bold" fill="#1d2429">${escapeXml(labels.title)}</text>`,
    `<line x1="${left}" y1="${top + h}" x2="${width - 20}" y2="${top + h}" stroke="#5b6770"/>`,
  ];
  const points: string[] = [];
  progress.forEach((p, i) => {
    const x = left + 20 + i * step;
    parts.push(`<rect x="${x}" y="${y(p.actual)}" width="44" height="${top + h - y(p.actual)}" fill="#3a9d5d"/>`);
    parts.push(`<text x="${x + 22}" y="${y(p.actual) - 6}" font-family="DejaVu Sans" font-size="12" text-anchor="middle" fill="#1d2429">${p.actual}</text>`);
    parts.push(`<text x="${x + 22}" y="${top + h + 18}" font-family="DejaVu Sans" font-size="12" text-anchor="middle" fill="#1d2429">${p.year}</text>`);
    points.push(`${x + 22},${y(p.target)}`);
  });
  parts.push(`<polyline points="${points.join(" ")}" fill="none" stroke="#c8372d" stroke-width="3"/>`);
  for (const pt of points) {
    const [cx, cy] = pt.split(",");
    parts.push(`<circle cx="${cx}" cy="${cy}" r="4" fill="#c8372d"/>`);
  }
  const ly = top + h + 50;
  parts.push(`<rect x="${left}" y="${ly}" width="14" height="14" fill="#3a9d5d"/><text x="${left + 20}" y="${ly + 12}" font-family="DejaVu Sans" font-size="13">${escapeXml(labels.actual)}</text>`);
  parts.push(`<line x1="${left + 340}" y1="${ly + 7}" x2="${left + 366}" y2="${ly + 7}" stroke="#c8372d" stroke-width="3"/><text x="${left + 372}" y="${ly + 12}" font-family="DejaVu Sans" font-size="13">${escapeXml(labels.target)}</text>`);
  parts.push("</svg>");
  return parts.join("\n");
}

/**
 * The decision as an officer types it after the date: "Quyết định số
 * 15/QĐ-UBND của UBND phường Quy Nhơn Đông", "15/QĐ-UBND UBND phường", or only
 * the issuing body. A number has a slash followed by letters (15/QĐ-UBND), so
 * a date (12/11/2026) is never taken for one.
 */
export function parseDecisionText(text: string): { number: string | null; issuer: string | null } {
  const clean = text.trim().replace(/\s+/g, " ");
  const m = /(?:(?:quyết định|qđ|decision)\s+)?(?:(?:số|no\.?)\s*)?(\d+[\p{L}\d.]*\/[\p{L}][\p{L}\d./-]*)/iu.exec(clean);
  const number = m ? m[1]! : null;
  const rest = (m ? `${clean.slice(0, m.index)} ${clean.slice(m.index + m[0].length)}` : clean)
    // The date is recorded on its own: a "ngày 30/12" left in the text is not the issuer.
    .replace(/(?:^|\s)(?:ngày|dated|on)\s+\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?/giu, " ")
    .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, "")
    .replace(/^(?:của|do|by|of)\s+/iu, "")
    .trim();
  return { number, issuer: rest || null };
}
