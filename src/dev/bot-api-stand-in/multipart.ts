// multipart/form-data, as grammY and browsers write it.
//
// Not Request#formData(): the undici in Node 20 refuses grammY's parts, which
// are written without spaces (`content-disposition:form-data;name="x"`) and
// with unquoted file names, so a small parser of our own it is.

export interface Part {
  name: string;
  /** Present for file parts. */
  filename?: string;
  contentType?: string;
  content: Buffer;
}

const HEADER_END = Buffer.from("\r\n\r\n");

export function boundaryOf(contentType: string): string | undefined {
  return /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)?.slice(1).find((b) => b !== undefined);
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const from = start + delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[from] === 0x2d && body[from + 1] === 0x2d) break;
    const next = body.indexOf(delimiter, from);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF (before the next delimiter).
    const raw = body.subarray(from + 2, next - 2);
    const split = raw.indexOf(HEADER_END);
    if (split !== -1) {
      const part = readPart(raw.subarray(0, split).toString("utf8"), raw.subarray(split + HEADER_END.length));
      if (part) parts.push(part);
    }
    start = next;
  }
  return parts;
}

function readPart(headers: string, content: Buffer): Part | undefined {
  const disposition = /content-disposition:\s*form-data\s*(;[^\r\n]*)/i.exec(headers)?.[1] ?? "";
  const name = /;\s*name="((?:[^"\\]|\\.)*)"/i.exec(disposition)?.[1];
  if (name === undefined) return undefined;
  // grammY writes the file name unquoted; browsers quote it.
  const file = /;\s*filename=(?:"((?:[^"\\]|\\.)*)"|([^;\r\n]*))/i.exec(disposition);
  const contentType = /(?:^|\r\n)content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
  const part: Part = { name: unescapeQuoted(name), content };
  if (file) part.filename = file[1] !== undefined ? unescapeQuoted(file[1]) : (file[2] ?? "").trim();
  if (contentType) part.contentType = contentType;
  return part;
}

function unescapeQuoted(value: string): string {
  return value.replace(/\\(.)/g, "$1").replace(/%22/g, '"');
}
