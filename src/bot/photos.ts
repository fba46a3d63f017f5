// Photos in the tip and follow-up flows, and how officers receive them: the
// bot downloads each file, re-encodes it (services/images.ts) and uploads the
// clean copy. The resident's file itself is never sent on, nor forwarded.
import { type Api, InputFile } from "grammy";
import type { Message } from "grammy/types";
import { IMAGE_DOWNLOAD_MAX_BYTES, type ImageDecoder, isImageFile, reencodeImage } from "../services/images.js";

export type PhotoInput = { fileId: string } | { refused: "tip-photo-not-image" | "tip-photo-too-big" } | null;

/** The file id of a photo, or of an image sent "as file"; why a file is refused (a message key); null when the message has neither. */
export function photoFrom(message: Message | undefined): PhotoInput {
  const sizes = message?.photo;
  if (sizes && sizes.length > 0) {
    // The largest size is last; only its file_id is kept, never the message.
    const largest = sizes[sizes.length - 1];
    return largest ? { fileId: largest.file_id } : null;
  }
  const document = message?.document;
  if (!document) return null;
  if (!isImageFile(document.mime_type, document.file_name)) return { refused: "tip-photo-not-image" };
  if ((document.file_size ?? 0) > IMAGE_DOWNLOAD_MAX_BYTES) return { refused: "tip-photo-too-big" };
  return { fileId: document.file_id };
}

async function download(api: Api, fileId: string): Promise<Uint8Array> {
  const file = await api.getFile(fileId);
  if (!file.file_path) throw new Error("file has no path");
  if ((file.file_size ?? 0) > IMAGE_DOWNLOAD_MAX_BYTES) throw new Error("file too big");
  const root = api.options?.apiRoot ?? "https://api.telegram.org";
  // Zalo's pictures come as an address of their own (see channels/zalo); Telegram's as a path under the bot's.
  // The URL holds the bot token: it is never logged.
  const url = /^https?:\/\//.test(file.file_path) ? file.file_path : `${root}/file/bot${api.token}/${file.file_path}`;
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`download failed with HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Clean copies of the residents' pictures, and one error per file that could not be re-encoded (never sent as it came). */
export async function cleanPhotos(api: Api, decoder: ImageDecoder, fileIds: string[]): Promise<{ files: InputFile[]; errors: unknown[] }> {
  const files: InputFile[] = [];
  const errors: unknown[] = [];
  for (const [i, fileId] of fileIds.entries()) {
    try {
      // Downloaded inside the slot too: bytes waiting in line would be memory the bound does not count.
      files.push(new InputFile(await decoder.run(async () => reencodeImage(await download(api, fileId))), `anh-${i + 1}.jpg`));
    } catch (err) {
      errors.push(err);
    }
  }
  return { files, errors };
}

/** The file id of a sent photo's largest size: the copy Telegram now holds. */
function sentPhotoId(message: Message): string[] {
  const largest = message.photo?.at(-1);
  return largest ? [largest.file_id] : [];
}

/**
 * One photo goes as a photo, two to ten as an album (Telegram refuses albums of one).
 * Returns the file ids of the copies sent, in order.
 */
export async function sendPhotos(api: Api, chatId: string | number, files: InputFile[], options: { caption?: string; replyTo?: number }): Promise<string[]> {
  const reply = options.replyTo ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } } : {};
  const [only] = files;
  if (files.length === 1 && only) return sentPhotoId(await api.sendPhoto(chatId, only, { ...(options.caption ? { caption: options.caption } : {}), ...reply }));
  const sent: string[] = [];
  for (let start = 0; start < files.length; start += 10) {
    const chunk = files.slice(start, start + 10);
    const album = await api.sendMediaGroup(
      chatId,
      chunk.map((media, i) => ({ type: "photo" as const, media, ...(start === 0 && i === 0 && options.caption ? { caption: options.caption } : {}) })),
      reply,
    );
    sent.push(...album.flatMap(sentPhotoId));
  }
  return sent;
}
