// What the anonymity property tests (Telegram and Zalo) draw their random tips from.
import fc from "fast-check";

/** Words of the category buttons, and of the timing buttons, as a person would pick them. */
export const CATEGORIES = ["Mua bán ma túy", "Điểm tụ tập", "Trồng cây", "gần trường học", "Người sử dụng", "Dấu hiệu khác"];
export const TIMINGS = ["Đang diễn ra", "Hôm nay", "Trong tuần này", "Trước đây", "Kéo dài"];

/** Needles must not occur by chance in the bot's own words: a marker syllable plus random letters. */
export const nameArb = fc.stringMatching(/^[A-Z][a-z]{5,9}$/).map((s) => `Zq${s}`);

/** Any Unicode text up to `max`, never a command; `prefix` keeps it from being read as a typed choice. */
export const textOf = (max: number, prefix = "") =>
  fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 200 })
    .map((s) => `${prefix}${s}`.trim().slice(0, max).trim())
    .filter((s) => s.length > 0 && !s.startsWith("/"));

/** The "Giúp người thân" topics' buttons, and a phrase each page shows (its page replaces the list in place). */
export const FAMILY_TOPIC_PAGES: readonly (readonly [label: string, page: RegExp])[] = [
  ["Cai nghiện tại nhà, cộng đồng", /Cai nghiện tự nguyện tại gia đình/],
  ["Xác định tình trạng nghiện", /Bác sĩ sẽ khám/],
  ["Điều trị Methadone", /Methadone không dùng/],
  ["Trợ giúp pháp lý miễn phí", /Trung tâm trợ giúp pháp lý/],
  ["Nói chuyện với con", /Đừng la mắng/],
  ["Liên hệ công an phường", /VNeID/],
];
export const FAMILY_LIST = /Bấm một mục bên dưới/;

/** Most residents go straight to a tip; some read a few family topics first, and may start the tip from there. */
export const familyVisitArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ topics: [] as number[], tipFromThere: false }) },
  { weight: 1, arbitrary: fc.record({ topics: fc.subarray([0, 1, 2, 3, 4, 5], { maxLength: 3 }), tipFromThere: fc.boolean() }) },
);
