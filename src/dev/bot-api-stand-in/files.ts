// Stored files: users' photos and documents, the bot's uploads, served back
// through getFile and /file/bot<token>/<file_path>.
import type { PhotoSize } from "grammy/types";

export type FileKind = "photo" | "document" | "sticker" | "voice";

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  kind: FileKind;
  bytes: Uint8Array;
  mime_type: string;
  file_name?: string;
  /** For photos: every size of the photo this file belongs to. */
  sizes?: PhotoSize[];
}

// A 1×1 JPEG: the default bytes of a user's photo.
export const TINY_JPEG = new Uint8Array(
  Buffer.from(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=",
    "base64",
  ),
);

// Prefixes like Telegram's, so ids look familiar in logs.
const PREFIX: Record<FileKind, string> = { photo: "AgAC", document: "BQAC", sticker: "CAAC", voice: "AwAC" };
const FOLDER: Record<FileKind, string> = { photo: "photos", document: "documents", sticker: "stickers", voice: "voice" };

// Telegram guesses a document's type from its name, not from what the client says.
const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  zip: "application/zip",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ogg: "audio/ogg",
  mp4: "video/mp4",
};

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export function mimeTypeOf(name: string, fallback = "application/octet-stream"): string {
  return MIME_BY_EXTENSION[extensionOf(name)] ?? fallback;
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private next = 1;

  add(kind: FileKind, bytes: Uint8Array, options: { mime_type?: string; file_name?: string; extension?: string } = {}): StoredFile {
    const n = this.next++;
    const serial = n.toString(36).padStart(6, "0");
    const extension = options.extension ?? extensionOf(options.file_name ?? "");
    const file: StoredFile = {
      file_id: `${PREFIX[kind]}${serial}_stand-in`,
      file_unique_id: `AQAD${serial}`,
      file_path: `${FOLDER[kind]}/file_${n}${extension ? `.${extension}` : ""}`,
      kind,
      bytes,
      mime_type: options.mime_type ?? "application/octet-stream",
      ...(options.file_name !== undefined ? { file_name: options.file_name } : {}),
    };
    this.byId.set(file.file_id, file);
    this.byPath.set(file.file_path, file);
    return file;
  }

  /**
   * A photo as Telegram stores it: a thumbnail and the full picture, each a
   * file of its own (same bytes: nobody looks at the thumbnail's pixels).
   */
  addPhoto(bytes: Uint8Array, width: number, height: number): PhotoSize[] {
    const scale = Math.min(1, 90 / Math.max(width, height, 1));
    const thumbSize = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
    const thumb = this.add("photo", bytes, { mime_type: "image/jpeg", extension: "jpg" });
    const full = this.add("photo", bytes, { mime_type: "image/jpeg", extension: "jpg" });
    const sizes: PhotoSize[] = [
      { file_id: thumb.file_id, file_unique_id: thumb.file_unique_id, file_size: bytes.length, ...thumbSize },
      { file_id: full.file_id, file_unique_id: full.file_unique_id, file_size: bytes.length, width, height },
    ];
    thumb.sizes = sizes;
    full.sizes = sizes;
    return sizes;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }

  clear(): void {
    this.byId.clear();
    this.byPath.clear();
  }
}

/** Width and height of a JPEG, PNG, GIF or WebP; undefined for anything else. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length >= 10 && b.toString("latin1", 0, 4) === "GIF8") return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (b.length >= 30 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") {
    const chunk = b.toString("latin1", 12, 16);
    if (chunk === "VP8X") return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
    if (chunk === "VP8 ") return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
    if (chunk === "VP8L") {
      const bits = b.readUInt32LE(21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    return undefined;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    // Walk the JPEG markers to the first start-of-frame.
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) };
      }
      i += 2 + b.readUInt16BE(i + 2);
    }
  }
  return undefined;
}
