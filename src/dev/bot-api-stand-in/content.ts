// Reading what the bot sends: formatted text, reply markup and files, with
// Telegram's limits and refusals.
import type { Document, MessageEntity, PhotoSize } from "grammy/types";
import { badRequest } from "./errors.js";
import { type FileStore, imageSize, mimeTypeOf, type StoredFile, TINY_JPEG } from "./files.js";
import { EntityParseError, parseHtml, sortEntities, trimFormatted } from "./html.js";
import { type Params, str, type UploadedFile } from "./params.js";
import type { ReplyMarkup } from "./types.js";

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

export interface Formatted {
  text: string;
  entities?: MessageEntity[];
  rawText: string;
  parse_mode?: string;
}

/**
 * Text or caption as Telegram shows it: parsed (HTML fully, MarkdownV2
 * leniently: kept as written), trimmed, and checked against the limits.
 * Length counts UTF-16 units, the strictest reading of Telegram's limit.
 */
export function format(raw: unknown, parseMode: unknown, entities: unknown, kind: "text" | "caption"): Formatted {
  const rawText = str(raw) ?? "";
  const mode = str(parseMode) ?? "";
  let parsed: { text: string; entities: MessageEntity[] };
  switch (mode.toLowerCase()) {
    case "html":
      try {
        parsed = parseHtml(rawText);
      } catch (err) {
        if (err instanceof EntityParseError) throw badRequest(`can't parse entities: ${err.message}`);
        throw err;
      }
      break;
    case "markdownv2":
    case "markdown":
      parsed = { text: rawText, entities: [] };
      break;
    case "":
      parsed = { text: rawText, entities: Array.isArray(entities) ? sortEntities([...(entities as MessageEntity[])]) : [] };
      break;
    default:
      throw badRequest("unsupported parse_mode");
  }
  const { text, entities: kept } = trimFormatted(parsed.text, parsed.entities);
  if (kind === "text" && text.length === 0) throw badRequest("message text is empty");
  if (kind === "text" && text.length > TEXT_LIMIT) throw badRequest("message is too long");
  if (kind === "caption" && text.length > CAPTION_LIMIT) throw badRequest("message caption is too long");
  return { text, rawText, ...(kept.length > 0 ? { entities: kept } : {}), ...(mode ? { parse_mode: mode } : {}) };
}

/** Checks reply_markup as Telegram does; returns it typed, or undefined when absent. */
export function readMarkup(value: unknown, inlineOnly = false): ReplyMarkup | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw badRequest("can't parse reply keyboard markup JSON object");
  const markup = value as Record<string, unknown>;
  if ("inline_keyboard" in markup) {
    checkInlineKeyboard(markup.inline_keyboard);
    return markup as unknown as ReplyMarkup;
  }
  if (inlineOnly) throw badRequest("inline keyboard expected");
  if ("keyboard" in markup) {
    const rows = markup.keyboard;
    if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) throw badRequest("field \"keyboard\" must be an Array of Arrays");
    for (const button of (rows as unknown[][]).flat()) {
      const text = typeof button === "string" ? button : str((button as { text?: unknown } | null)?.text);
      if (!text) throw badRequest("keyboard button text is empty");
    }
    return markup as unknown as ReplyMarkup;
  }
  if (markup.remove_keyboard === true || markup.force_reply === true) return markup as unknown as ReplyMarkup;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

const BUTTON_ACTIONS = ["callback_data", "url", "login_url", "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text", "web_app", "callback_game", "pay"];

function checkInlineKeyboard(rows: unknown): void {
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) throw badRequest("field \"inline_keyboard\" must be an Array of Arrays");
  for (const raw of (rows as unknown[][]).flat()) {
    if (typeof raw !== "object" || raw === null) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
    const button = raw as Record<string, unknown>;
    if (typeof button.text !== "string") throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
    const actions = BUTTON_ACTIONS.filter((key) => button[key] !== undefined);
    if (actions.length === 0) throw badRequest("text buttons are unallowed in the inline keyboard");
    if (button.callback_data !== undefined) {
      const data = str(button.callback_data) ?? "";
      const bytes = Buffer.byteLength(data);
      if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
    }
    if (button.url !== undefined && !/^(https?|tg):\/\/\S+$/i.test(str(button.url) ?? "")) throw badRequest("BUTTON_URL_INVALID");
  }
}

// ---- files ------------------------------------------------------------------

function upload(value: unknown, files: Map<string, UploadedFile>): UploadedFile | undefined {
  const ref = str(value) ?? "";
  if (!ref.startsWith("attach://")) return undefined;
  const file = files.get(ref.slice("attach://".length));
  if (!file) throw badRequest(`can't parse InputFile: file "${ref}" not found`);
  return file;
}

const isUrl = (ref: string) => /^https?:\/\//i.test(ref);

const KIND_NAMES = { photo: "Photo", document: "Document", sticker: "Sticker", voice: "VoiceNote" } as const;

/** The `photo` of sendPhoto or an album item: an upload, a known file_id, or a URL. */
export function resolvePhoto(store: FileStore, value: unknown, files: Map<string, UploadedFile>): PhotoSize[] {
  const uploaded = upload(value, files);
  if (uploaded) {
    const size = imageSize(uploaded.bytes);
    if (!size) throw badRequest("IMAGE_PROCESS_FAILED");
    return store.addPhoto(uploaded.bytes, size.width, size.height);
  }
  const ref = str(value) ?? "";
  if (ref === "") throw badRequest("there is no photo in the request");
  const known = store.get(ref);
  if (known) {
    if (known.kind !== "photo" || !known.sizes) throw badRequest(`can't use file of type ${KIND_NAMES[known.kind]} as Photo`);
    return known.sizes;
  }
  // Nothing is fetched from the network: a URL stands for a small placeholder picture.
  if (isUrl(ref)) return store.addPhoto(TINY_JPEG, 800, 600);
  throw badRequest("wrong file identifier/HTTP URL specified");
}

export function resolveDocument(store: FileStore, value: unknown, files: Map<string, UploadedFile>): Document {
  const uploaded = upload(value, files);
  const ref = str(value) ?? "";
  let file: StoredFile;
  if (uploaded) {
    file = store.add("document", uploaded.bytes, { file_name: uploaded.filename, mime_type: mimeTypeOf(uploaded.filename, uploaded.mimeType) });
  } else if (ref === "") {
    throw badRequest("there is no document in the request");
  } else if (store.get(ref)) {
    file = store.get(ref)!;
    if (file.kind !== "document") throw badRequest(`can't use file of type ${KIND_NAMES[file.kind]} as Document`);
  } else if (isUrl(ref)) {
    const name = decodeURIComponent(new URL(ref).pathname.split("/").pop() || "file");
    file = store.add("document", new Uint8Array(), { file_name: name, mime_type: mimeTypeOf(name) });
  } else {
    throw badRequest("wrong file identifier/HTTP URL specified");
  }
  return {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    ...(file.file_name !== undefined ? { file_name: file.file_name } : {}),
    mime_type: file.mime_type,
    file_size: file.bytes.length,
  };
}

/** Reads sendMediaGroup's `media`, refusing what Telegram refuses. */
export function readAlbum(p: Params): { type: string; media: unknown; caption?: unknown; parse_mode?: unknown; caption_entities?: unknown }[] {
  const media = p.media;
  if (media === undefined) throw badRequest('parameter "media" is required');
  if (!Array.isArray(media)) throw badRequest("can't parse media JSON object");
  if (media.length === 0) throw badRequest("there are no messages to send");
  if (media.length > 10) throw badRequest("too many messages to send as an album");
  const items = media.map((item: unknown) => {
    if (typeof item !== "object" || item === null) throw badRequest("can't parse InputMedia: Object expected");
    const type = str((item as { type?: unknown }).type) ?? "";
    if (type !== "photo" && type !== "document") throw badRequest(`can't parse InputMedia: type "${type}" is unsupported`);
    return { ...(item as Record<string, unknown>), type, media: (item as { media?: unknown }).media };
  });
  const documents = items.filter((item) => item.type === "document").length;
  if (documents > 0 && documents < items.length) throw badRequest("document can't be mixed with other media types");
  return items;
}
