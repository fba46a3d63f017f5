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
