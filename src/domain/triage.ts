// Triage: a priority for each tip from what the resident chose and wrote.
// Table-driven so the vocabulary can grow without touching the rules.
//
// Facts read from the tip:
//   now       timing "now", or now-words in the description ("đang", "tối nay")
//   children  category "school", or children/school words ("học sinh", "cổng trường")
//   psychosis "ngáo đá", "ngáo", "phê quá", "đập đá", "loạn thần", "hoang tưởng"…
//   violence  weapons and aggression ("cầm dao", "súng", "chém", "đánh người", "đe dọa")
//   drug      drug words, slang included, never a bare "đá", "kẹo", "ke", "cỏ", "hàng"
//   nexus     the tip is about drugs at all: category other than "other", a drug
//             word, or psychosis. Without it nothing is raised above normal, so a
//             fight or children playing football is not a drug emergency.
//
//   urgent  nexus AND now AND children
//           nexus AND now AND (psychosis OR violence)      a danger to people now
//           psychosis AND violence, whenever                psychosis with a weapon
//   high    nexus AND (children OR violence); psychosis;
//           (now OR today) AND (dealing, use_venue, person_using, or "other" with drug words)
//   low     "other", no drug word, no children, no violence, short (< LOW_DETAIL_WORDS words);
//           timing "earlier" with nothing notable: no now-word, drug word, children
//           or violence (not for plants: they stay put)
//   normal  everything else
import { type AccentMode, findPhrase, foldedAt, foldedEndsBefore, foldVietnamese, phraseWords, prepareText, type PreparedText, type Word } from "./text.js";
import type { Priority, TipCategory, TipTiming } from "./tip.js";

export type Signal = "drug" | "children" | "now" | "psychosis" | "violence";

export type TriageReason =
  | "category_school"
  | "category_person_using"
  | "category_dealing"
  | "category_use_venue"
  | "happening_now"
  | "happening_today"
  | "ongoing"
  | "children"
  | "psychosis"
  | "violence_or_weapon"
  | "drug_terms"
  | "no_drug_terms_low_detail"
  | "long_ago";

/** The reason each signal adds to a tip. */
export const SIGNAL_REASON: Readonly<Record<Signal, TriageReason>> = {
  drug: "drug_terms",
  children: "children",
  now: "happening_now",
  psychosis: "psychosis",
  violence: "violence_or_weapon",
};

/**
 * A phrase and what it signals. Guards hold folded words; they exist because
 * folded Vietnamese is full of false friends ("đá bóng", "bạn đã", "cà phê quá").
 */
export interface Term {
  phrase: string;
  signal: Signal;
  /** Default "ignore". See `AccentMode`. */
  accents?: AccentMode;
  /** Words right after the phrase that show another meaning ("chơi đá" + "bóng"). */
  notFollowedBy?: readonly string[];
  /** As `notFollowedBy`, checked only when the phrase's last word was typed without marks ("da" + "giao" = "đã giao"). */
  unmarkedNotFollowedBy?: readonly string[];
  /** Words right before the phrase that show another meaning ("máy" + "bay"). */
  notPrecededBy?: readonly string[];
  /** The phrase counts only with one of these within `within` words either side (same accent mode). */
  near?: { phrases: readonly string[]; within: number };
}

type Options = Omit<Term, "phrase" | "signal">;
const terms = (signal: Signal, phrases: readonly string[], options: Options = {}): Term[] =>
  phrases.map((phrase) => ({ phrase, signal, ...options }));

// "đá" is meth only in collocations, and even those fold onto "đã" (already),
// "bạn đã" (you have) and ice or stone; these guards keep the collocations honest.
const DA_NOT_METH = ["bong", "banh", "cau", "ga", "lanh", "vien", "xay", "xay dung", "hoa cuong", "granite", "mi", "dam", "cuoi", "ong", "op", "quy", "phong thuy", "me", "nhan tao", "tang", "tran"];
// Verbs that follow "đã" (already) in text typed without marks: "ban da giao" = "bán đã giao".
const DA_AS_ALREADY = [
  "giao", "ve", "het", "ban", "nhan", "den", "co", "duoc", "xong", "di", "lam", "bi", "noi", "bao", "tung", "roi", "mua", "chuyen", "dong",
  "tra", "gui", "nhap", "lau", "an", "uong", "nghi", "thay", "biet", "dung", "len", "ra", "vao", "quen", "hoi", "goi", "tra loi", "lo", "xem", "nghe",
];
const DA_GUARDS: Options = { accents: "if_typed", notFollowedBy: DA_NOT_METH, unmarkedNotFollowedBy: DA_AS_ALREADY };
// Breaking stone or ice is also a trade: "thợ đập đá", "máy đập đá".
const DAP_DA: Options = { ...DA_GUARDS, notPrecededBy: ["tho", "nghe", "may", "cong nhan", "nguoi lam"] };
// "trường" school vs "trường hợp" (case), "trưởng" (head of), "trưởng thành" (grown up).
const NOT_SCHOOL = ["hop", "khu", "thon", "ap", "ban", "phong", "pho", "cong an", "thanh", "ca", "nhom", "lop", "to"];

// Slang first: residents rarely write the law's words.
export const VOCABULARY: readonly Term[] = [
  // Drugs. Unambiguous even folded.
  ...terms("drug", [
    "ma túy", "matuy", "chất ma túy", "chất cấm", "chất trắng", "heroin", "hêrôin", "hê rô in", "cocaine", "cocain", "methamphetamine",
    "ketamine", "ketamin", "mdma", "thuốc lắc", "kẹo lắc", "viên lắc", "kẹo ke", "xì ke", "hít ke", "bay ke", "chơi ke", "cần sa", "cỏ mỹ",
    "bồ đà", "hàng trắng", "cắm hàng", "nước vui", "bay lắc", "thuốc phiện", "anh túc", "tiêm chích", "chích choác", "hút chích", "kim tiêm",
    "bơm kim tiêm", "con nghiện", "dân nghiện", "bọn nghiện", "tụi nghiện", "nghiện hút", "nghiện ngập", "tái nghiện", "cai nghiện",
    "người sau cai",
  ]),
  // Diacritics decide: "tài mà"/"tại mà", "hút cỏ"/"hút có", "tiệc bay"/"tiệc bảy", "phòng bay"/"phòng bảy".
  ...terms("drug", ["tài mà", "hút cỏ", "tiệc bay", "phòng bay"], { accents: "if_typed" }),
  // "đá" collocations.
  ...terms("drug", ["hút đá", "chơi đá", "ngáo đá", "bình đá", "dân đá", "hàng đá"], DA_GUARDS),
  { phrase: "đập đá", signal: "drug", ...DAP_DA },
  // "bán đá" also folds onto "bạn đã" (you have): not after words that precede "bạn".
  { phrase: "bán đá", signal: "drug", ...DA_GUARDS, notPrecededBy: ["cac", "nhung", "nguoi", "may", "moi", "cau", "voi", "ban", "nuoc"] },
  // Candy, parties and "goods" only next to drug context. "bày bán kẹo" (display candy) folds onto "bay bán kẹo".
  {
    phrase: "bán kẹo",
    signal: "drug",
    accents: "if_typed",
    notPrecededBy: ["bay"],
    near: { phrases: ["bay", "quẩy", "karaoke", "vũ trường", "quán bar", "phòng bay", "dân chơi", "thuốc lắc"], within: 6 },
  },
  {
    phrase: "bay",
    signal: "drug",
    accents: "if_typed",
    notPrecededBy: ["may", "chim", "bay"],
    near: { phrases: ["karaoke", "vũ trường", "quán bar", "phòng hát"], within: 5 },
  },
  { phrase: "quẩy", signal: "drug", accents: "required", near: { phrases: ["karaoke", "vũ trường", "quán bar", "phòng hát", "nhà nghỉ"], within: 5 } },
  ...terms("drug", ["đồ chơi", "hàng"], { near: { phrases: ["hít", "chích", "tiêm chích", "con nghiện", "dân nghiện", "bọn nghiện"], within: 5 } }),

  // Children and school. "Sinh viên" is left out: students are adults, and the
  // plans single out minors (học sinh, thanh thiếu niên).
  ...terms("children", [
    "học sinh", "học trò", "trẻ em", "trẻ con", "trẻ nhỏ", "con nít", "mầm non", "mẫu giáo", "nhà trẻ", "tiểu học", "trung học", "thcs",
    "thpt", "vị thành niên", "thiếu niên", "em nhỏ", "cháu bé", "bé trai", "bé gái", "trường học", "sân trường", "lớp học",
  ]),
  // "cổng trường" (school gate) vs "công trường" (building site), "gần trường" vs "gần trưởng khu phố".
  ...terms("children", ["cổng trường", "trước trường", "gần trường", "quanh trường", "trong trường", "sau trường", "ngoài trường"], {
    accents: "if_typed",
    notFollowedBy: NOT_SCHOOL,
  }),

  // Now. "đang" vs "đăng" (post) and "dáng người" (build) folded onto "dang người".
  { phrase: "đang", signal: "now", accents: "if_typed", notFollowedBy: ["nguoi", "do", "tay", "dap"] },
  ...terms("now", ["ngay bây giờ", "ngay lúc này", "lúc này", "tối nay", "đêm nay", "đang diễn ra", "hiện giờ", "hiện đang"]),
  // "bấy giờ" (back then) folds onto "bây giờ".
  { phrase: "bây giờ", signal: "now", accents: "if_typed", notPrecededBy: ["hoi", "luc", "tu"] },

  // Psychosis. "ngáo" folds onto "ngao" (clams): not next to seafood words.
  { phrase: "ngáo đá", signal: "psychosis", ...DA_GUARDS },
  { phrase: "đập đá", signal: "psychosis", ...DAP_DA },
  {
    phrase: "ngáo",
    signal: "psychosis",
    accents: "if_typed",
    notPrecededBy: ["an", "ban", "mua", "nuoi", "so", "canh", "chao", "bai", "con"],
    notFollowedBy: ["hoa", "hap", "luoc", "xao", "bien", "nuong", "ngo", "dau", "trang", "to", "sat"],
  },
  // "phê quá" (so high) vs "cà phê quá …" (too much coffee).
  { phrase: "phê quá", signal: "psychosis", accents: "if_typed", notPrecededBy: ["ca"] },
  ...terms("psychosis", ["loạn thần", "hoang tưởng", "ảo giác", "lên cơn nghiện", "lên cơn điên", "lên cơn ngáo", "điên loạn"]),

  // Violence and weapons. Bare "dao"/"súng" only when the text has its marks:
  // without them they are "Trần Hưng Đạo", "đi dạo", "bổ sung".
  ...terms("violence", ["dao", "súng", "đâm"], { accents: "required" }),
  ...terms("violence", [
    "cầm dao", "vung dao", "mang dao", "rút dao", "con dao", "dao găm", "dao phay", "dao bấm", "dao nhọn", "mã tấu", "cầm kiếm",
    "cầm súng", "có súng", "nổ súng", "bắn súng", "khẩu súng", "súng ngắn", "súng tự chế", "súng hoa cải", "đánh người", "đánh nhau",
    "đánh đập", "hành hung", "đe dọa", "dọa giết", "đâm người", "đâm chém", "phóng hỏa", "đốt nhà", "bắt con tin", "đập phá", "cướp giật",
  ]),
  // "chém gió" (idle talk), "chém giá" (overcharge), "giết thời gian".
  { phrase: "chém", signal: "violence", notFollowedBy: ["gio", "gia"] },
  { phrase: "giết", signal: "violence", notFollowedBy: ["thoi gian"] },
];

interface CompiledTerm {
  term: Term;
  words: Word[];
  near: Word[][];
}

const compiled = new WeakMap<readonly Term[], CompiledTerm[]>();

function compile(vocabulary: readonly Term[]): CompiledTerm[] {
  let out = compiled.get(vocabulary);
  if (!out) {
    out = vocabulary.map((term) => ({ term, words: phraseWords(term.phrase), near: (term.near?.phrases ?? []).map(phraseWords) }));
    compiled.set(vocabulary, out);
  }
  return out;
}

function occurs(text: PreparedText, c: CompiledTerm): boolean {
  const { term, words } = c;
  const mode = term.accents ?? "ignore";
  for (const start of findPhrase(text, words, mode)) {
    const end = start + words.length;
    if (term.notPrecededBy?.some((p) => foldedEndsBefore(text, start, p))) continue;
    if (term.notFollowedBy?.some((p) => foldedAt(text, end, p))) continue;
    const last = text.words[end - 1];
    if (last && last.marks === "" && term.unmarkedNotFollowedBy?.some((p) => foldedAt(text, end, p))) continue;
    if (term.near) {
      const { within } = term.near;
      const close = (i: number, n: number) => (i + n <= start && start - (i + n) <= within) || (i >= end && i - end <= within);
      if (!c.near.some((n) => findPhrase(text, n, mode).some((i) => close(i, n.length)))) continue;
    }
    return true;
  }
  return false;
}

/** The vocabulary entries a text contains. */
export function detectTerms(text: string, vocabulary: readonly Term[] = VOCABULARY): Term[] {
  const prepared = prepareText(text);
  return compile(vocabulary)
    .filter((c) => occurs(prepared, c))
    .map((c) => c.term);
}

/** Which signals a text carries. */
export function detectSignals(text: string, vocabulary: readonly Term[] = VOCABULARY): Set<Signal> {
  return new Set(detectTerms(text, vocabulary).map((t) => t.signal));
}

export interface TriageInput {
  category: TipCategory;
  timing: TipTiming;
  description: string;
  place?: string | null;
}

export interface TriageResult {
  priority: Priority;
  /** Orders tips within a priority: higher first. */
  score: number;
  reasons: TriageReason[];
}

/** Below this many words, an "other" tip with no drug word is too thin to act on. */
export const LOW_DETAIL_WORDS = 12;

const CATEGORY_WEIGHT: Record<TipCategory, number> = {
  school: 30,
  person_using: 20,
  dealing: 20,
  use_venue: 15,
  plant_growing: 10,
  other: 0,
};
const TIMING_WEIGHT: Record<TipTiming, number> = { now: 30, today: 15, ongoing: 10, this_week: 5, earlier: 0 };
const CATEGORY_REASON: Partial<Record<TipCategory, TriageReason>> = {
  school: "category_school",
  person_using: "category_person_using",
  dealing: "category_dealing",
  use_venue: "category_use_venue",
};

export function triageTip(input: TriageInput): TriageResult {
  const text = detectSignals(input.description);
  // The place may name a school gate or a karaoke bar, but it says nothing about when.
  const place = input.place ? detectSignals(input.place) : new Set<Signal>();
  place.delete("now");
  const has = (s: Signal) => text.has(s) || place.has(s);

  const nowWords = text.has("now");
  const isNow = input.timing === "now" || nowWords;
  const today = !isNow && input.timing === "today";
  const childWords = has("children");
  const children = input.category === "school" || childWords;
  const psychosis = has("psychosis");
  const violence = has("violence");
  const drug = has("drug");
  const nexus = input.category !== "other" || drug || psychosis;
  const active = input.category === "dealing" || input.category === "use_venue" || input.category === "person_using" || (input.category === "other" && drug);

  const reasons: TriageReason[] = [];
  const categoryReason = CATEGORY_REASON[input.category];
  if (categoryReason) reasons.push(categoryReason);
  if (isNow) reasons.push("happening_now");
  if (today) reasons.push("happening_today");
  if (input.timing === "ongoing") reasons.push("ongoing");
  if (childWords) reasons.push("children");
  if (psychosis) reasons.push("psychosis");
  if (violence) reasons.push("violence_or_weapon");
  if (drug) reasons.push("drug_terms");

  let priority: Priority;
  if ((nexus && isNow && (children || psychosis || violence)) || (psychosis && violence)) {
    priority = "urgent";
  } else if ((nexus && (children || violence)) || psychosis || (active && (isNow || today))) {
    priority = "high";
  } else if (input.category === "other" && !drug && !childWords && !violence && foldVietnamese(input.description).split(" ").length < LOW_DETAIL_WORDS) {
    priority = "low";
    reasons.push("no_drug_terms_low_detail");
  } else if (input.timing === "earlier" && !nowWords && !drug && !childWords && !violence && input.category !== "plant_growing") {
    priority = "low";
    reasons.push("long_ago");
  } else {
    priority = "normal";
  }

  const score =
    CATEGORY_WEIGHT[input.category] +
    TIMING_WEIGHT[input.timing] +
    (nowWords && input.timing !== "now" ? 20 : 0) +
    (childWords ? 30 : 0) +
    (psychosis ? 25 : 0) +
    (violence ? 30 : 0) +
    (drug ? 10 : 0);
  return { priority, score, reasons };
}
