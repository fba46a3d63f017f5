// Reads Bot API parameters the way Telegram does: JSON, urlencoded or multipart.
import type { IncomingMessage } from "node:http";

export interface UploadedFile {
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
}

export type Params = Record<string, unknown>;

// Fields grammY sends JSON-encoded in multipart and urlencoded bodies.
const JSON_FIELDS = new Set(["reply_markup", "entities", "caption_entities", "media", "reply_parameters", "link_preview_options", "commands", "scope", "allowed_updates", "message_ids", "reaction", "menu_button"]);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readParams(req: IncomingMessage, url: URL): Promise<{ params: Params; files: Map<string, UploadedFile> }> {
  const params: Params = Object.fromEntries(url.searchParams);
  const files = new Map<string, UploadedFile>();
  const type = req.headers["content-type"] ?? "";
  const body = req.method === "GET" || req.method === "HEAD" ? Buffer.alloc(0) : await readBody(req);
  if (body.length > 0 && type.includes("application/json")) {
    Object.assign(params, JSON.parse(body.toString("utf8")) as Params);
  } else if (body.length > 0 && type.includes("multipart/form-data")) {
    const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
    if (!boundary) throw new Error("multipart body without boundary");
    for (const part of parseMultipart(body, boundary)) {
      if (part.filename === undefined) params[part.name] = part.content.toString("utf8");
      else files.set(part.name, { filename: part.filename, mimeType: part.contentType ?? "application/octet-stream", bytes: new Uint8Array(part.content) });
    }
  } else if (body.length > 0) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  }
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (typeof value === "string" && JSON_FIELDS.has(key)) {
      try {
        params[key] = JSON.parse(value);
      } catch {
        // leave as given: Telegram would reject it where it matters
      }
    }
  }
  // A top-level upload is sent as a field of its own with the param set to attach://<field>.
  for (const key of files.keys()) if (params[key] === undefined) params[key] = `attach://${key}`;
  return { params, files };
}

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  content: Buffer;
}

/** multipart/form-data as grammY writes it (lower-case headers, no spaces). */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const from = start + delimiter.length;
    if (body.subarray(from, from + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, from);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF.
    const raw = body.subarray(from + 2, next - 2);
    const split = raw.indexOf("\r\n\r\n");
    if (split !== -1) {
      const headers = raw.subarray(0, split).toString("utf8");
      const name = /(?:^|[;\s])name="([^"]*)"/i.exec(headers)?.[1];
      // grammY writes the file name unquoted.
      const fileMatch = /filename=(?:"([^"]*)"|([^;\r\n]+))/i.exec(headers);
      const filename = fileMatch ? (fileMatch[1] ?? fileMatch[2]) : undefined;
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
      if (name !== undefined) {
        parts.push({ name, content: raw.subarray(split + 4), ...(filename !== undefined ? { filename } : {}), ...(contentType ? { contentType } : {}) });
      }
    }
    start = next;
  }
  return parts;
}
