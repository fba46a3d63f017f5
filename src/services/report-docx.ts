// A draft of the written report (.docx) in the layout of Decree 30/2020/NĐ-CP,
// appendix I: the issuing body and the national motto side by side, the number
// and symbol left for the officer ("Số: …/BC-…"), place and date, the title,
// sections with the period's sentences and figures filled in, "Nơi nhận" and
// the signature block. A4, Times New Roman 14 for the text, margins 20/20/30/15 mm.
// The officer completes what the bot cannot know ("…") and signs.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  type IBorderOptions,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { displayDate } from "../domain/deadlines.js";
import { figureSections, periodLabel, reportSentences, type Translate, unitWords } from "./report-text.js";
import type { Report } from "./reports.js";

export const DOCX_FONT = "Times New Roman";
/** Half-points, as Word counts font sizes: 14 pt for the text, 13 for the header lines, 12 for tables and "Nơi nhận". */
const SIZE = { text: 28, header: 26, small: 24, tiny: 22 } as const;
const A4 = { width: 11906, height: 16838 };
const CONTENT_WIDTH = A4.width - convertMillimetersToTwip(30) - convertMillimetersToTwip(15);

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: "000000" };

type RunStyle = { bold?: boolean; italics?: boolean; size?: number };

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: DOCX_FONT, size: style.size ?? SIZE.text, bold: style.bold ?? false, italics: style.italics ?? false });
}

function centered(text: string, style: RunStyle = {}, spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: spacing.before ?? 0, after: spacing.after ?? 0 }, children: [run(text, style)] });
}

/** The short rule under the issuing body, the motto and the title: an empty paragraph's bottom border, narrowed by indents. */
function rule(lengthMm: number, cellWidthMm: number): Paragraph {
  const side = convertMillimetersToTwip(Math.max(0, (cellWidthMm - lengthMm) / 2));
  return new Paragraph({ indent: { left: side, right: side }, border: { bottom: LINE }, spacing: { before: 0, after: 120 }, children: [] });
}

/** Body text: justified, first line indented 1.27 cm, 6 pt between paragraphs. */
function body(text: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(12.7) },
    spacing: { before: 60, after: 60, line: 300 },
    children: [run(text, style)],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: convertMillimetersToTwip(12.7) }, spacing: { before: 120, after: 60 }, keepNext: true, children: [run(text, { bold: true })] });
}

function cell(children: Paragraph[], widthTwips: number, options: { borders?: boolean; shade?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    // The masthead and signature tables use the whole width: the motto must stay on one line.
    ...(options.borders === false ? { margins: { left: 0, right: 0 } } : {}),
    verticalAlign: VerticalAlign.TOP,
    ...(options.borders === false ? { borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } } : {}),
    ...(options.shade ? { shading: { fill: "EDEDED" } } : {}),
    children,
  });
}

/** "Phường Quy Nhơn Đông" → "Quy Nhơn Đông": the place name of the date line. */
export function placeName(wardName: string): string {
  return wardName.replace(/^(phường|xã|thị trấn|đặc khu)\s+/iu, "").trim() || wardName;
}

export async function buildReportDocx(report: Report, t: Translate): Promise<Buffer> {
  const period = periodLabel(t, report.period);
  const words = unitWords(t, report);
  const wardUpper = report.wardName.toLocaleUpperCase("vi");
  const leftWidth = Math.round(CONTENT_WIDTH * 0.38);
  const rightWidth = CONTENT_WIDTH - leftWidth;
  const twipsToMm = (twips: number) => (twips / 1440) * 25.4;

  // Issuing body | national motto, with the number and the place and date under them.
  const masthead = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              centered(t("rp-doc-parent"), { size: SIZE.small }),
              centered(t("rp-doc-issuer", { WARD: wardUpper }), { bold: true, size: SIZE.header }),
              rule(22, twipsToMm(leftWidth)),
              centered(t("rp-doc-number"), { size: SIZE.header }),
            ],
            leftWidth,
            { borders: false },
          ),
          cell(
            [
              centered(t("rp-doc-nation"), { bold: true, size: SIZE.small }),
              centered(t("rp-doc-motto"), { bold: true, size: SIZE.header }),
              rule(60, twipsToMm(rightWidth)),
              centered(t("rp-doc-place-date", { place: placeName(report.wardName), year: String(report.period.year) }), { italics: true, size: SIZE.header }),
            ],
            rightWidth,
            { borders: false },
          ),
        ],
      }),
    ],
  });

  const title = [
    centered(t("rp-doc-kind"), { bold: true }, { before: 360 }),
    centered(t("rp-doc-title", { period }), { bold: true }),
    rule(40, twipsToMm(CONTENT_WIDTH)),
    centered(t("rp-doc-range", { from: displayDate(report.period.from), to: displayDate(report.period.to), asOf: displayDate(report.asOf) }), { italics: true }, { after: 240 }),
  ];

  const results = [heading(t("rp-doc-sec-results"))];
  reportSentences(report, t).forEach((section, i) => {
    results.push(heading(`${i + 1}. ${section.title}`));
    for (const s of section.sentences) results.push(body(s));
  });

  // The period's figures as a table (the summary sheet's own lines).
  const labelWidth = Math.round(CONTENT_WIDTH * 0.8);
  const figureRows = [
    new TableRow({
      tableHeader: true,
      children: [
        cell([centered(t("rp-col-item"), { bold: true, size: SIZE.small })], labelWidth, { shade: true }),
        cell([centered(t("rp-col-value"), { bold: true, size: SIZE.small })], CONTENT_WIDTH - labelWidth, { shade: true }),
      ],
    }),
  ];
  for (const section of figureSections(report, t)) {
    figureRows.push(new TableRow({ cantSplit: true, children: [cell([new Paragraph({ keepNext: true, children: [run(section.title, { bold: true, size: SIZE.small })] })], labelWidth), cell([new Paragraph({ children: [] })], CONTENT_WIDTH - labelWidth)] }));
    for (const line of section.lines) {
      figureRows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell([new Paragraph({ indent: { left: line.detail ? convertMillimetersToTwip(5) : 0 }, children: [run(line.label, { size: SIZE.small, italics: line.detail ?? false })] })], labelWidth),
            cell([new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(line.value === null ? "…" : line.value.toLocaleString("vi-VN"), { size: SIZE.small })] })], CONTENT_WIDTH - labelWidth),
          ],
        }),
      );
    }
  }
  const figures = [
    heading(t("rp-doc-figures")),
    new Table({ layout: TableLayoutType.FIXED, width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: [labelWidth, CONTENT_WIDTH - labelWidth], rows: figureRows }),
  ];

  const toWrite = [
    heading(t("rp-doc-sec-assessment")),
    body(t("rp-doc-strengths")),
    body(t("rp-doc-weaknesses")),
    heading(t("rp-doc-sec-next")),
    body(t("rp-doc-fill")),
    heading(t("rp-doc-sec-proposals")),
    body(t("rp-doc-fill")),
    body(t("rp-doc-closing", { period, ward: report.wardName.charAt(0).toLocaleLowerCase("vi") + report.wardName.slice(1), units: words.units })),
  ];

  // "Nơi nhận" | the signer's title, with room to sign and the name to fill in.
  const recipients = t("rp-doc-recipients")
    .split("\n")
    .map((line) => new Paragraph({ children: [run(line, { size: SIZE.tiny })] }));
  const signature = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell([new Paragraph({ spacing: { before: 240 }, children: [run(t("rp-doc-recipients-title"), { bold: true, italics: true, size: SIZE.small })] }), ...recipients], leftWidth, { borders: false }),
          cell(
            [
              centered(t("rp-doc-signer"), { bold: true }, { before: 240 }),
              centered(t("rp-doc-sign-hint"), { italics: true, size: SIZE.small }),
              ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })),
              centered(t("rp-doc-signer-name"), { bold: true }),
            ],
            rightWidth,
            { borders: false },
          ),
        ],
      }),
    ],
  });

  const doc = new Document({
    creator: "Tổ Dân Bot",
    title: `${t("rp-doc-kind")} ${t("rp-doc-title", { period })}`,
    styles: { default: { document: { run: { font: DOCX_FONT, size: SIZE.text } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: A4,
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) },
          },
        },
        // Page numbers at the top centre, from the second page on (Decree 30).
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: SIZE.header })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [masthead, ...title, ...results, ...figures, ...toWrite, signature],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
