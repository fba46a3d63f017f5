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
    const form = await new Request("http://stand-in/", { method: "POST", headers: { "content-type": type }, body }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === "string") params[key] = value;
      else files.set(key, { filename: value.name, mimeType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
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
