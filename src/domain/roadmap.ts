// The drug-free roadmap: per year, how many quarters the police recognised as
// drug-free against the ward's target. The bot records decisions; it decides nothing.

export const QUARTER_STATUSES = ["drug_free", "building", "hotspot", "unassessed"] as const;
export type QuarterStatus = (typeof QUARTER_STATUSES)[number];

/** Quy Nhơn Đông's plan: share of quarters drug-free by the end of each year. */
export const DEFAULT_TARGET_SHARES: readonly { year: number; share: number }[] = [
  { year: 2025, share: 0.2 },
  { year: 2026, share: 10 / 19 },
  { year: 2027, share: 11 / 19 },
  { year: 2028, share: 13 / 19 },
  { year: 2029, share: 15 / 19 },
  { year: 2030, share: 1 },
];

/** Targets for a ward of `quarters` quarters (19 gives the plan's own 4, 10, 11, 13, 15, 19). */
export function defaultTargets(quarters: number): { year: number; count: number }[] {
  return DEFAULT_TARGET_SHARES.map(({ year, share }) => ({ year, count: Math.round(share * quarters) }));
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
  targets: readonly { year: number; count: number }[],
  records: readonly StatusRecord[],
): YearProgress[] {
  return [...targets]
    .sort((a, b) => a.year - b.year)
    .map(({ year, count }) => {
      const behind = quarters.filter((q) => statusAtYearEnd(records, q.id, year) !== "drug_free").map((q) => q.name);
      return { year, target: count, actual: quarters.length - behind.length, behind };
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
