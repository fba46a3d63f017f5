// Reads Bot API parameters the way Telegram does: from the query string and a
// JSON, urlencoded or multipart body. Also lenient readers for single params,
// since form bodies carry every value as a string.
import type { IncomingMessage } from "node:http";
import { badRequest, BotApiError } from "./errors.js";
import { boundaryOf, parseMultipart } from "./multipart.js";

export type Params = Record<string, unknown>;

export interface UploadedFile {
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Telegram takes up to 50 MB uploads; a little more for the form around them. */
const MAX_BODY = 60 * 1024 * 1024;

// Object-valued fields, which form bodies carry JSON-encoded.
const JSON_FIELDS = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "media",
  "reply_parameters",
  "link_preview_options",
  "commands",
  "scope",
  "allowed_updates",
  "message_ids",
  "reaction",
  "menu_button",
]);

export async function readBody(req: IncomingMessage, max = MAX_BODY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new BotApiError({ error_code: 413, description: "Request Entity Too Large" });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readParams(req: IncomingMessage, url: URL): Promise<{ params: Params; files: Map<string, UploadedFile> }> {
  const params: Params = Object.fromEntries(url.searchParams);
  const files = new Map<string, UploadedFile>();
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  const body = req.method === "GET" || req.method === "HEAD" ? Buffer.alloc(0) : await readBody(req);
  if (body.length > 0 && type.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) Object.assign(params, parsed);
  } else if (body.length > 0 && type.includes("multipart/form-data")) {
    const boundary = boundaryOf(req.headers["content-type"] ?? "");
    if (!boundary) throw badRequest("multipart body without a boundary");
    for (const part of parseMultipart(body, boundary)) {
      if (part.filename === undefined) params[part.name] = part.content.toString("utf8");
      else files.set(part.name, { filename: part.filename, mimeType: part.contentType ?? "application/octet-stream", bytes: new Uint8Array(part.content) });
    }
  } else if (body.length > 0) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  }
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && JSON_FIELDS.has(key)) {
      try {
        params[key] = JSON.parse(value);
      } catch {
        // Left as given: the method refuses it where it matters.
      }
    }
  }
  // A file sent straight under a parameter's name (browser style) is that parameter.
  for (const key of files.keys()) if (params[key] === undefined) params[key] = `attach://${key}`;
  return { params, files };
}

/** The params as recorded in `calls`: each upload replaced by `{ filename, size }`. */
export function describeUploads(params: Params, files: Map<string, UploadedFile>): Params {
  if (files.size === 0) return params;
  const used = new Set<string>();
  const describe = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const name = value.slice("attach://".length);
      const file = files.get(name);
      if (file) {
        used.add(name);
        return { filename: file.filename, size: file.bytes.length };
      }
    }
    return value;
  };
  const out: Params = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = Array.isArray(value)
      ? value.map((item: unknown) => (typeof item === "object" && item !== null ? mapValues(item as Params, describe) : item))
      : describe(value);
  }
  for (const [name, file] of files) if (!used.has(name)) out[name] = { filename: file.filename, size: file.bytes.length };
  return out;
}

function mapValues(object: Params, f: (value: unknown) => unknown): Params {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, f(v)]));
}

// ---- lenient readers --------------------------------------------------------

export function str(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

export function bool(value: unknown): boolean {
  return value === true || value === "true" || value === 1 || value === "1";
}

/** A required integer parameter, refused like Telegram when missing. */
export function requireInt(p: Params, name: string): number {
  const value = num(p[name]);
  if (value === undefined || !Number.isInteger(value)) throw badRequest(`${name} is empty`);
  return value;
}
