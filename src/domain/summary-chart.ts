// The weekly summary as an SVG bar chart: one bar per quarter, coloured by
// status. Built from the same WeeklySummary as the text, so they cannot disagree.
import type { QuarterStatus, WeeklySummary } from "./check-in.js";

export const STATUS_COLOURS: Record<QuarterStatus, string> = {
  nothing: "#3a9d5d",
  signs: "#e59a1c",
  urgent: "#c8372d",
  missing: "#9aa5ad",
  skipped: "#e1e5e8",
};

export interface ChartLabels {
  title: string;
  legend: Record<QuarterStatus, string>;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function summaryChartSvg(summary: WeeklySummary, labels: ChartLabels): string {
  const n = Math.max(summary.quarters.length, 1);
  const barWidth = 36;
  const gap = 12;
  const left = 50;
  const top = 70;
  const plotHeight = 240;
  const width = Math.max(640, left + n * (barWidth + gap) + 30);
  const height = top + plotHeight + 120;
  const max = Math.max(4, ...summary.quarters.map((q) => q.weight));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${left}" y="34" font-family="DejaVu Sans" font-size="20" font-weight="bold" fill="#1d2429">${escapeXml(labels.title)}</text>`,
    `<line x1="${left}" y1="${top + plotHeight}" x2="${width - 20}" y2="${top + plotHeight}" stroke="#5b6770"/>`,
  ];
  for (let tick = 0; tick <= max; tick += Math.max(1, Math.ceil(max / 4))) {
    const y = top + plotHeight - (tick / max) * plotHeight;
    parts.push(`<text x="${left - 8}" y="${y + 4}" font-family="DejaVu Sans" font-size="11" text-anchor="end" fill="#5b6770">${tick}</text>`);
  }
  summary.quarters.forEach((q, i) => {
    const x = left + gap / 2 + i * (barWidth + gap);
    // Quarters with nothing to count still get a stub, so every status shows.
    const h = Math.max(6, (q.weight / max) * plotHeight);
    parts.push(`<rect x="${x}" y="${top + plotHeight - h}" width="${barWidth}" height="${h}" fill="${STATUS_COLOURS[q.status]}"/>`);
    const label = escapeXml(q.name.replace(/^(Khu phố|Tổ dân phố|KP)\s*/i, ""));
    parts.push(`<text x="${x + barWidth / 2}" y="${top + plotHeight + 16}" font-family="DejaVu Sans" font-size="11" text-anchor="middle" fill="#1d2429">${label}</text>`);
  });
  const legendY = top + plotHeight + 50;
  (["nothing", "signs", "urgent", "missing"] as const).forEach((status, i) => {
    const x = left + i * 150;
    parts.push(`<rect x="${x}" y="${legendY}" width="14" height="14" fill="${STATUS_COLOURS[status]}"/>`);
    parts.push(`<text x="${x + 20}" y="${legendY + 12}" font-family="DejaVu Sans" font-size="13" fill="#1d2429">${escapeXml(labels.legend[status])}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}
