// Two tips probably describe the same thing when they name the same quarter
// and a similar place within a few days. House numbers must agree.
import { foldVietnamese } from "./text.js";

// Words that say what kind of place, not which one.
const FILLER = new Set([
  "duong", "pho", "khu", "to", "phuong", "so", "nha", "hem", "ngo", "kiet", "ngach", "gan", "canh", "doi", "dien", "o", "tai",
  "cua", "cho", "trong", "ngoai", "phia", "ben", "dau", "cuoi", "the", "va", "la", "o", "quan", "tiem",
]);

function tokens(place: string): string[] {
  return foldVietnamese(place)
    .split(" ")
    .filter((t) => t.length > 0 && !FILLER.has(t));
}

/** Similarity of two place descriptions in [0, 1]: Dice over significant words, 0 if house numbers differ. */
export function placeSimilarity(a: string, b: string): number {
  const ta = new Set(tokens(a));
  const tb = new Set(tokens(b));
  if (ta.size === 0 || tb.size === 0) return 0;
  const numbersA = [...ta].filter((t) => /^\d+$/.test(t));
  const numbersB = [...tb].filter((t) => /^\d+$/.test(t));
  if (numbersA.length > 0 && numbersB.length > 0 && !numbersA.some((n) => tb.has(n))) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return (2 * shared) / (ta.size + tb.size);
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

export function findDuplicateOf(
  candidate: { quarterId: string | null; place: string | null; createdAt: Date },
  openTips: readonly OpenTipForDuplicates[],
  options: { windowDays?: number; threshold?: number } = {},
): DuplicateMatch | null {
  const windowMs = (options.windowDays ?? 14) * 86_400_000;
  const threshold = options.threshold ?? 0.6;
  if (!candidate.quarterId || !candidate.place) return null;
  let best: DuplicateMatch | null = null;
  for (const tip of openTips) {
    if (tip.quarterId !== candidate.quarterId || !tip.place) continue;
    if (Math.abs(tip.createdAt.getTime() - candidate.createdAt.getTime()) > windowMs) continue;
    const similarity = placeSimilarity(candidate.place, tip.place);
    if (similarity >= threshold && (!best || similarity > best.similarity)) {
      best = { id: tip.id, duplicateGroup: tip.duplicateGroup ?? tip.id, similarity };
    }
  }
  return best;
}
