// Two tips probably describe the same thing when they name the same quarter
// and a similar place within a few days. House numbers must agree.
import { foldVietnamese } from "./text.js";

// Words that say what kind of place or where around it, not which one.
export const PLACE_FILLER: ReadonlySet<string> = new Set([
  "duong", "pho", "khu", "to", "dan", "kp", "tdp", "phuong", "so", "nha", "hem", "ngo", "kiet", "ngach", "gan", "canh", "ke", "doi", "dien",
  "o", "tai", "cua", "cho", "trong", "ngoai", "phia", "ben", "dau", "cuoi", "sau", "truoc", "the", "va", "la", "quan", "tiem", "xom", "thon",
  "ap", "khoang", "tam", "cai", "con", "ngay", "tang", "lau", "phong",
]);

function isNumber(token: string): boolean {
  // "12", "12a" (house 12A); "5/12" is already split by folding.
  return /^\d+[a-z]?$/.test(token);
}

function tokens(place: string): Set<string> {
  // "hẻm12", "số5" typed without a space are the same as "hẻm 12", "số 5".
  const spaced = foldVietnamese(place).replace(/(\p{L})(\d)/gu, "$1 $2");
  return new Set(spaced.split(" ").filter((t) => t.length > 0 && !PLACE_FILLER.has(t)));
}

const isSubset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((x) => b.has(x));

/**
 * Similarity of two place descriptions in [0, 1]: Dice over significant words.
 * House numbers decide: 0 when both give numbers and neither set contains the
 * other ("12 Trần Phú" vs "14 Trần Phú"); discounted when only one side does.
 */
export function placeSimilarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  const na = new Set([...ta].filter(isNumber));
  const nb = new Set([...tb].filter(isNumber));
  if (na.size > 0 && nb.size > 0 && !isSubset(na, nb) && !isSubset(nb, na)) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  const dice = (2 * shared) / (ta.size + tb.size);
  // "nhà trọ số 5" vs "nhà trọ": the number may be the only thing that tells two places apart.
  return na.size > 0 !== nb.size > 0 ? dice * 0.75 : dice;
}

export interface OpenTipForDuplicates {
  id: string;
  quarterId: string | null;
  place: string | null;
  createdAt: Date;
  duplicateGroup: string | null;
}

export interface DuplicateMatch {
  id: string;
  /** The group to join: the match's existing group, or its own id. */
  duplicateGroup: string;
  similarity: number;
}

export const DUPLICATE_WINDOW_DAYS = 14;
export const DUPLICATE_THRESHOLD = 0.6;

/** The most similar open tip of the same quarter within the window (either side); ties go to the nearer in time. */
export function findDuplicateOf(
  candidate: { quarterId: string | null; place: string | null; createdAt: Date },
  openTips: readonly OpenTipForDuplicates[],
  options: { windowDays?: number; threshold?: number } = {},
): DuplicateMatch | null {
  const windowMs = (options.windowDays ?? DUPLICATE_WINDOW_DAYS) * 86_400_000;
  const threshold = options.threshold ?? DUPLICATE_THRESHOLD;
  if (!candidate.quarterId || !candidate.place) return null;
  let best: (DuplicateMatch & { distance: number }) | null = null;
  for (const tip of openTips) {
    if (tip.quarterId !== candidate.quarterId || !tip.place) continue;
    const distance = Math.abs(tip.createdAt.getTime() - candidate.createdAt.getTime());
    if (!(distance <= windowMs)) continue;
    const similarity = placeSimilarity(candidate.place, tip.place);
    if (similarity < threshold) continue;
    if (!best || similarity > best.similarity || (similarity === best.similarity && distance < best.distance)) {
      best = { id: tip.id, duplicateGroup: tip.duplicateGroup ?? tip.id, similarity, distance };
    }
  }
  return best && { id: best.id, duplicateGroup: best.duplicateGroup, similarity: best.similarity };
}
