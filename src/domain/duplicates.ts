// Two tips probably describe the same thing when they name the same quarter
// and a similar place within a few days. House numbers must agree, and so
// must the kind of place when both say it ("nhà trọ Bình Minh" is not
// "nhà nghỉ Bình Minh"). Measured on test/fixtures/duplicates-corpus.ts.
import { foldVietnamese } from "./text.js";

// Words that say where around a place, or how an address is written, not which place.
export const PLACE_FILLER: ReadonlySet<string> = new Set([
  "duong", "pho", "khu", "to", "dan", "kp", "tdp", "phuong", "so", "nha", "hem", "ngo", "kiet", "ngach", "k", "h", "gan", "canh", "ke", "doi",
  "dien", "o", "tai", "cua", "cho", "trong", "ngoai", "phia", "ben", "dau", "cuoi", "sau", "truoc", "the", "va", "la", "xom", "thon", "ap",
  "khoang", "tam", "cai", "con", "ngay", "tang", "lau", "phong", "gam", "duoi", "chan", "tren", "giua", "quanh", "cong", "vuc", "day", "ho",
  "block", "toa", "lo", "can",
]);

// Kinds of place, several words made one so a kind is one token.
const KIND_PHRASES: readonly (readonly [string, string])[] = [
  ["nha nghi", "nhanghi"], ["nn", "nhanghi"], ["khach san", "khachsan"], ["ks", "khachsan"], ["nha tro", "tro"], ["phong tro", "tro"],
  ["day tro", "tro"], ["xom tro", "tro"], ["ca phe", "cafe"], ["cf", "cafe"], ["coffee", "cafe"], ["bi a", "bida"], ["billiards", "bida"],
  ["ktv", "karaoke"], ["cong vien", "congvien"], ["ben xe", "benxe"], ["chung cu", "chungcu"], ["cc", "chungcu"], ["nha hang", "nhahang"],
  ["tieu hoc", "tieuhoc"], ["mam non", "mamnon"], ["mau giao", "mamnon"], ["bai dat trong", "baidat"], ["dat trong", "baidat"],
  ["tap hoa", "taphoa"], ["vu truong", "vutruong"], ["tiem", "quan"],
];
export const PLACE_KINDS: ReadonlySet<string> = new Set([
  "nhanghi", "khachsan", "tro", "cafe", "bida", "karaoke", "bar", "congvien", "benxe", "chungcu", "nhahang", "tieuhoc", "mamnon", "thcs", "thpt",
  "truong", "cho", "baidat", "taphoa", "net", "quan", "nhau", "vutruong",
]);

function isNumber(token: string): boolean {
  // "12", "12a" (house 12A); "5/12" is already split by folding.
  return /^\d+[a-z]?$/.test(token);
}

interface PlaceWords {
  names: Set<string>;
  kinds: Set<string>;
  numbers: Set<string>;
}

function placeWords(place: string): PlaceWords {
  // "hẻm12", "K12" typed without a space are the same as "hẻm 12", "K 12".
  let text = ` ${foldVietnamese(place).replace(/(\p{L})(\d)/gu, "$1 $2")} `;
  for (const [phrase, kind] of KIND_PHRASES) text = text.replaceAll(` ${phrase} `, ` ${kind} `);
  const out: PlaceWords = { names: new Set(), kinds: new Set(), numbers: new Set() };
  for (const token of text.split(" ")) {
    // Kinds before filler: "chợ" (market) folds onto "cho" (for).
    if (PLACE_KINDS.has(token)) out.kinds.add(token);
    else if (token.length === 0 || PLACE_FILLER.has(token)) continue;
    else if (isNumber(token)) out.numbers.add(token);
    else out.names.add(token);
  }
  return out;
}

const isSubset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((x) => b.has(x));
/** Both say something and neither contains the other. */
const conflict = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size > 0 && b.size > 0 && !isSubset(a, b) && !isSubset(b, a);
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && isSubset(a, b);

/**
 * Similarity of two place descriptions in [0, 1].
 * 0 when both give house numbers and neither set contains the other ("12 Trần Phú"
 * vs "14 Trần Phú"), or both say the kind of place and neither contains the other.
 * Otherwise the names ("Hoàng Gia", "Trần Phú") decide: the mean of Dice and the
 * overlap coefficient, so one answer adding a detail ("phòng VIP 3") still matches;
 * numbers alone decide when neither names anything ("14/7" vs "số 14 hẻm 7").
 * Discounted when only one side gives numbers, or fewer of them.
 */
export function placeSimilarity(a: string, b: string): number {
  const pa = placeWords(a);
  const pb = placeWords(b);
  if (conflict(pa.numbers, pb.numbers) || conflict(pa.kinds, pb.kinds)) return 0;
  const bothNumbers = pa.numbers.size > 0 && pb.numbers.size > 0;
  let score: number;
  if (pa.names.size > 0 && pb.names.size > 0) {
    let shared = 0;
    for (const t of pa.names) if (pb.names.has(t)) shared++;
    const dice = (2 * shared) / (pa.names.size + pb.names.size);
    const overlap = shared / Math.min(pa.names.size, pb.names.size);
    score = (dice + overlap) / 2;
  } else if (pa.names.size === 0 && pb.names.size === 0) {
    // Nothing but numbers and kinds: "14/7", "nhà trọ số 5".
    const kindsAgree = pa.kinds.size > 0 && pb.kinds.size > 0;
    score = bothNumbers ? 1 : kindsAgree ? 0.5 : 0;
  } else {
    // One names a street or venue, the other gives only its numbers: "hẻm 5" vs "hẻm 5 Nguyễn Huệ".
    score = bothNumbers ? 0.75 : 0;
  }
  // "nhà trọ số 5" vs "nhà trọ": the number may be the only thing that tells two places apart.
  if (pa.numbers.size > 0 !== pb.numbers.size > 0) score *= 0.75;
  else if (bothNumbers && !sameSet(pa.numbers, pb.numbers)) score *= 0.85;
  return score;
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
