// Reading back the files the bot sends, as another program would: a minimal
// ZIP reader (node:zlib, no dependency) and a reader of a .docx's paragraphs
// and tables from word/document.xml.
import { inflateRawSync } from "node:zlib";

/** Every file in a ZIP archive, by name (stored or deflated entries, as Office files use). */
export function unzip(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const eocd = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a ZIP archive");
  const entries = archive.readUInt16LE(eocd + 10);
  let at = archive.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory");
    const method = archive.readUInt16LE(at + 10);
    const compressed = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString("utf8", at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(dataStart, dataStart + compressed);
    files.set(name.replace(/^\//, ""), method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  font: string | null;
  /** Half-points. */
  size: number | null;
}

export interface DocxParagraph {
  text: string;
  alignment: string | null;
  runs: DocxRun[];
  /** Inside a table cell. */
  inTable: boolean;
}

function runsOf(paragraphXml: string): DocxRun[] {
  const runs: DocxRun[] = [];
  for (const m of paragraphXml.matchAll(/<w:r>([\s\S]*?)<\/w:r>|<w:r [^>]*>([\s\S]*?)<\/w:r>/g)) {
    const xml = m[1] ?? m[2] ?? "";
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => unescapeXml(t[1]!));
    const fldSimple = /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(xml) ? ["{PAGE}"] : [];
    const props = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml)?.[1] ?? "";
    runs.push({
      text: [...texts, ...fldSimple].join(""),
      bold: /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(props),
      italic: /<w:i\/>|<w:i w:val="(true|1|on)"\/>/.test(props),
      font: /<w:rFonts [^>]*w:ascii="([^"]+)"/.exec(props)?.[1] ?? null,
      size: Number(/<w:sz w:val="(\d+)"\/>/.exec(props)?.[1] ?? NaN) || null,
    });
  }
  return runs;
}

/** The paragraphs of a .docx body in order, each with its runs' text and formatting. */
export function docxParagraphs(documentXml: string): DocxParagraph[] {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? "";
  const paragraphs: DocxParagraph[] = [];
  // Table depth at each paragraph: count <w:tc> opened before it and not closed.
  const tokens = body.matchAll(/<w:tc>|<w:tc [^>]*>|<\/w:tc>|<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>|<w:p\/>/g);
  let depth = 0;
  for (const [token] of tokens) {
    if (token.startsWith("<w:tc")) depth++;
    else if (token === "</w:tc>") depth--;
    else {
      const runs = runsOf(token);
      paragraphs.push({ text: runs.map((r) => r.text).join(""), alignment: /<w:jc w:val="(\w+)"\/>/.exec(token)?.[1] ?? null, runs, inTable: depth > 0 });
    }
  }
  return paragraphs;
}
