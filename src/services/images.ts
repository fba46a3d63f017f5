// Residents' pictures are re-encoded before officers see them: decoding to
// pixels and writing a new JPEG drops EXIF (GPS, camera serial, time), XMP,
// IPTC and ICC data, and any bytes hidden after the image. Orientation is
// applied first, so the picture still stands the right way up.
import sharp from "sharp";

/** Telegram's getFile serves files up to 20 MB to bots. */
export const IMAGE_DOWNLOAD_MAX_BYTES = 20 * 1024 * 1024;
const LONGEST_SIDE = 2560;

export async function reencodeImage(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes, { failOn: "error", limitInputPixels: 100_000_000 })
    .rotate()
    .resize({ width: LONGEST_SIDE, height: LONGEST_SIDE, fit: "inside", withoutEnlargement: true })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Image types a resident may send "as file"; they are re-encoded like photos. */
export function isImageFile(mimeType: string | undefined, fileName: string | undefined): boolean {
  if (mimeType && /^image\/(jpeg|png|webp|heic|heif|tiff|gif|avif)$/i.test(mimeType)) return true;
  return fileName !== undefined && /\.(jpe?g|png|webp|heic|heif|tiff?|gif|avif)$/i.test(fileName);
}
