// Residents' pictures are re-encoded before officers see them: decoding to
// pixels and writing a new JPEG drops EXIF (GPS, camera serial, time), XMP,
// IPTC and ICC data, and any bytes hidden after the image. Orientation is
// applied first, so the picture still stands the right way up.
import type Sharp from "sharp";

// Loaded with the first picture: libvips costs a process idle memory it may never need.
let sharpModule: Promise<typeof Sharp> | undefined;
const loadSharp = () => (sharpModule ??= import("sharp").then((m) => m.default));

/** Telegram's getFile serves files up to 20 MB to bots. */
export const IMAGE_DOWNLOAD_MAX_BYTES = 20 * 1024 * 1024;
const LONGEST_SIDE = 2560;

export async function reencodeImage(bytes: Uint8Array): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(bytes, { failOn: "error", limitInputPixels: 100_000_000 })
    .rotate()
    .resize({ width: LONGEST_SIDE, height: LONGEST_SIDE, fit: "inside", withoutEnlargement: true })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/**
 * One process decodes at most `concurrency` pictures at a time (a 10,000 ×
 * 10,000 PNG takes 400 MB decoded), and keeps at most `maxWaiting` in line;
 * flows tell a resident to wait rather than queue more when the line is full.
 */
export class ImageDecoder {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency = 2,
    private readonly maxWaiting = 20,
  ) {}

  /** True when a new picture should wait: every slot busy and the line full. */
  get full(): boolean {
    return this.running >= this.concurrency && this.waiting.length >= this.maxWaiting;
  }

  get busy(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `work` (download and decode) when a slot is free. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** Image types a resident may send "as file"; they are re-encoded like photos. */
export function isImageFile(mimeType: string | undefined, fileName: string | undefined): boolean {
  if (mimeType && /^image\/(jpeg|png|webp|heic|heif|tiff|gif|avif)$/i.test(mimeType)) return true;
  return fileName !== undefined && /\.(jpe?g|png|webp|heic|heif|tiff?|gif|avif)$/i.test(fileName);
}
