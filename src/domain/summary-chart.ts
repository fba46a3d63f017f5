// The weekly picture: a grid of quarters × the last weeks, each cell coloured
// by what the quarter's check-in said that week, with a legend for every
// status shown. Built from the same stored answers as the text summary.
import { type CheckInAnswers, hasSigns } from "./check-in.js";

export const CELL_STATUSES = ["nothing", "signs", "urgent", "missing", "noHead", "holiday", "notOpen"] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export const CELL_COLOURS: Record<CellStatus, string> = {
  nothing: "#3a9d5d",
  signs: "#e59a1c",
  urgent: "#c8372d",
  missing: "#8d979e",
  noHead: "#e1e5e8",
  holiday: "#b9d3ee",
  notOpen: "#ffffff",
};

/** A mark inside the cell, so the picture still reads in grey or for colour-blind eyes. */
const CELL_MARKS: Partial<Record<CellStatus, string>> = { signs: "!", urgent: "!!", missing: "?" };

export interface GridCell {
  status: CellStatus;
  /** Answered by a deputy (the head was away). */
  byDeputy: boolean;
}

export interface WeeklyGrid {
  /** Oldest first. `opensOn`: the local date the week's check-in opened (YYYY-MM-DD). */
  weeks: { week: string; opensOn: string }[];
  rows: { name: string; cells: GridCell[] }[];
}

export interface GridInput {
  /** Oldest first; `holiday`: the week was skipped for a holiday. */
  weeks: { week: string; opensOn: string; holiday: boolean }[];
  quarters: { id: string; name: string }[];
  checkIns: { quarterId: string; week: string; status: string; answers: CheckInAnswers | null; answeredByRole: string | null }[];
}

/**
 * A week with no check-in at all was not opened (a holiday, or before anyone
 * was asked); a quarter without a check-in in an opened week had no head.
 */
export function weeklyGrid(input: GridInput): WeeklyGrid {
  const byKey = new Map(input.checkIns.map((c) => [`${c.quarterId}\u0000${c.week}`, c]));
  const opened = new Set(input.checkIns.map((c) => c.week));
  return {
    weeks: input.weeks.map(({ week, opensOn }) => ({ week, opensOn })),
    rows: input.quarters.map((q) => ({
      name: q.name,
      cells: input.weeks.map((w): GridCell => {
        if (w.holiday) return { status: "holiday", byDeputy: false };
        if (!opened.has(w.week)) return { status: "notOpen", byDeputy: false };
        const c = byKey.get(`${q.id}\u0000${w.week}`);
        if (!c) return { status: "noHead", byDeputy: false };
        if (c.status !== "answered" || !c.answers) return { status: "missing", byDeputy: false };
        const status: CellStatus = c.answers.urgent.yes ? "urgent" : hasSigns(c.answers) ? "signs" : "nothing";
        return { status, byDeputy: c.answeredByRole === "deputy" };
      }),
    })),
  };
}

export interface GridLabels {
  title: string;
  subtitle: string;
  /** Column heading of a week: its ISO number, e.g. "tuần 23". */
  week: (n: number) => string;
  legend: Record<CellStatus, string>;
  byDeputy: string;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const FONT = `font-family="DejaVu Sans"`;
const CELL_W = 50;
const CELL_H = 22;
const GAP = 3;
const LABEL_W = 130;
const LEFT = 20;

/** The grid as SVG: one row per quarter, one column per week (oldest left), then the legend of what it shows. */
export function weeklyGridSvg(grid: WeeklyGrid, labels: GridLabels): string {
  const top = 96;
  const gridLeft = LEFT + LABEL_W;
  const gridWidth = grid.weeks.length * (CELL_W + GAP);
  const gridHeight = grid.rows.length * (CELL_H + GAP);
  const shown = CELL_STATUSES.filter((s) => grid.rows.some((r) => r.cells.some((c) => c.status === s)));
  const deputies = grid.rows.some((r) => r.cells.some((c) => c.byDeputy));
  const legendItems: { swatch: string; label: string; kind: string }[] = [
    ...shown.map((s) => ({ swatch: swatch(s), label: labels.legend[s], kind: s })),
    ...(deputies ? [{ swatch: `<rect width="18" height="16" rx="3" fill="${CELL_COLOURS.noHead}"/>${deputyDot(11, 6)}`, label: labels.byDeputy, kind: "byDeputy" }] : []),
  ];
  const width = Math.max(640, gridLeft + gridWidth + 20);
  const perLine = Math.max(1, Math.floor((width - 2 * LEFT) / 300));
  const legendTop = top + gridHeight + 24;
  const height = legendTop + Math.ceil(legendItems.length / perLine) * 24 + 16;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="32" ${FONT} font-size="20" font-weight="bold" fill="#1d2429">${escapeXml(labels.title)}</text>`,
    `<text x="${LEFT}" y="56" ${FONT} font-size="13" fill="#5b6770">${escapeXml(labels.subtitle)}</text>`,
  ];
  grid.weeks.forEach((w, i) => {
    const x = gridLeft + i * (CELL_W + GAP) + CELL_W / 2;
    const n = Number(w.week.slice(-2));
    const day = `${Number(w.opensOn.slice(8, 10))}/${Number(w.opensOn.slice(5, 7))}`;
    parts.push(`<text class="week" x="${x}" y="${top - 22}" ${FONT} font-size="10" text-anchor="middle" fill="#1d2429">${escapeXml(labels.week(n))}</text>`);
    parts.push(`<text x="${x}" y="${top - 8}" ${FONT} font-size="10" text-anchor="middle" fill="#5b6770">${day}</text>`);
  });
  grid.rows.forEach((row, r) => {
    const y = top + r * (CELL_H + GAP);
    const name = row.name.length > 18 ? `${row.name.slice(0, 17)}…` : row.name;
    parts.push(`<text class="quarter" x="${gridLeft - 8}" y="${y + CELL_H / 2 + 4}" ${FONT} font-size="12" text-anchor="end" fill="#1d2429">${escapeXml(name)}</text>`);
    row.cells.forEach((cell, c) => {
      const x = gridLeft + c * (CELL_W + GAP);
      const stroke = cell.status === "notOpen" ? ` stroke="#c9ced2" stroke-dasharray="3 2"` : "";
      parts.push(`<rect class="cell ${cell.status}" data-row="${r}" data-col="${c}" x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" rx="3" fill="${CELL_COLOURS[cell.status]}"${stroke}/>`);
      const mark = CELL_MARKS[cell.status];
      if (mark) parts.push(`<text x="${x + CELL_W / 2}" y="${y + CELL_H / 2 + 4}" ${FONT} font-size="12" font-weight="bold" text-anchor="middle" fill="#ffffff">${mark}</text>`);
      if (cell.byDeputy) parts.push(deputyDot(x + CELL_W - 7, y + 7));
    });
  });
  legendItems.forEach((item, i) => {
    const x = LEFT + (i % perLine) * 300;
    const y = legendTop + Math.floor(i / perLine) * 24;
    parts.push(`<g class="legend ${item.kind}" transform="translate(${x},${y})">${item.swatch}<text x="24" y="13" ${FONT} font-size="13" fill="#1d2429">${escapeXml(item.label)}</text></g>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}

function swatch(status: CellStatus): string {
  const stroke = status === "notOpen" || status === "noHead" ? ` stroke="#c9ced2"` : "";
  const mark = CELL_MARKS[status];
  return `<rect width="18" height="16" rx="3" fill="${CELL_COLOURS[status]}"${stroke}/>${mark ? `<text x="9" y="12" ${FONT} font-size="10" font-weight="bold" text-anchor="middle" fill="#ffffff">${mark}</text>` : ""}`;
}

function deputyDot(cx: number, cy: number): string {
  return `<circle cx="${cx}" cy="${cy}" r="4" fill="#1d2429" stroke="#ffffff" stroke-width="1.5"/>`;
}
