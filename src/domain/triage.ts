// Triage: a priority for each tip from what the resident chose and wrote,
// as a ward officer would rank it (measured against test/fixtures/triage-corpus.ts;
// figures in docs/benchmarks.md). Table-driven: words are data (`VOCABULARY`,
// and a ward's own `WardLexicon`), the ladder below is the only logic.
//
// Cues read from the text (and the place, except time words):
//   drug      drug words, slang included, never a bare "đá", "kẹo", "ke", "cỏ", "hàng";
//             a drug word right after a negation ("không có ma túy") does not count
//   children  category "school", or children/school words ("học sinh", "cổng trường", "15 tuổi")
//   now       timing "now" or now-words ("đang", "tối nay"); today: timing or "hôm nay", "sáng nay"
//   regular   timing "ongoing" or "tối nào cũng", "suốt đêm", "thường xuyên", "chuyên bán"
//   past      timing "earlier" or "năm ngoái", "hồi trước", unless recent ("tuần trước") or still ("vẫn")
//   danger    violence and weapons ("cầm dao", "đánh người") or harm ("bất tỉnh", "nhảy lầu")
//   psychosis "ngáo đá", "hoang tưởng"…
//   hedges    hearsay ("nghe nói", "hình như", "đồn"); a denial ("không có ma túy") unless
//             followed by "nhưng"; things over and done ("đã bị bắt"); topics that are
//             not drugs (drinking, noise, candy, football) when no drug word is present
//   where     a place answer or a place word ("hẻm", "nhà nghỉ", "phòng"); online ("zalo")
//   nexus     about drugs at all: a category other than "other", a drug word, or psychosis
//
// The ladder (first match wins, then the modifiers):
//   low     over and done ("đã bị bắt", "đã đi tù"), unless happening now
//   urgent  danger to a person now (violence, harm, psychosis), whatever the category and drug words;
//           psychosis with violence or harm, whenever;
//           nexus AND now AND children (not plants: they stay put)
//   low     the text denies drugs; or it is about something else (drinking, noise, candy)
//   high    nexus AND children AND (drug word, danger, or now/today/regular);
//           nexus AND violence; psychosis;
//           dealing, a use venue or drug words, going on now/today/regularly, at a known place
//           and not only online; a person using now or today at a known place
//   low     past with nothing notable (not plants);
//           short (< LOW_DETAIL_WORDS words), no drug word, danger or children in a drug tip,
//           and not dealing or a use venue said to be happening now
//   normal  everything else
//   then    past lowers one step, hearsay one step (never below low), a drug tip about
//           children stays at least normal, and a text with no words at all stays at most normal.
import { z } from "zod";
import { type AccentMode, findPhrase, foldedAt, foldedEndsBefore, foldVietnamese, phraseWords, prepareText, type PreparedText, type Word } from "./text.js";
import type { Priority, TipCategory, TipTiming } from "./tip.js";

/** What a vocabulary entry says about a tip. */
export type Signal =
  | "drug"
  | "children"
  | "now"
  | "psychosis"
  | "violence"
  | "harm"
  | "today"
  | "regular"
  | "past"
  | "recent"
  | "resolved"
  | "hearsay"
  | "online"
  | "place"
  | "not_drugs";

/** Reason codes stored in `Tip.triageReasons` (as JSON) and rendered by the locales' `reason-*` messages. Append only. */
export const TRIAGE_REASONS = [
  "category_school",
  "category_person_using",
  "category_dealing",
  "category_use_venue",
  "happening_now",
  "happening_today",
  "ongoing",
  "children",
  "psychosis",
  "violence_or_weapon",
  "drug_terms",
  "no_drug_terms_low_detail",
  "long_ago",
  "person_harmed",
  "ward_terms",
  "hearsay",
  "denied",
  "over_and_done",
  "not_about_drugs",
  "online_only",
  "no_place",
] as const;
export type TriageReason = (typeof TRIAGE_REASONS)[number];

/** The reason each signal adds to a tip. */
export const SIGNAL_REASON: Readonly<Partial<Record<Signal, TriageReason>>> = {
  drug: "drug_terms",
  children: "children",
  now: "happening_now",
  psychosis: "psychosis",
  violence: "violence_or_weapon",
  harm: "person_harmed",
  today: "happening_today",
  regular: "ongoing",
  hearsay: "hearsay",
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
  /** Set on terms a ward added (`WardLexicon`). */
  source?: "ward";
}

type Options = Omit<Term, "phrase" | "signal">;
const terms = (signal: Signal, phrases: readonly string[], options: Options = {}): Term[] =>
  phrases.map((phrase) => ({ phrase, signal, ...options }));

// "đá" is meth only in collocations, and even those fold onto "đã" (already),
// "bạn đã" (you have) and ice or stone; these guards keep the collocations honest.
const DA_NOT_METH = ["bong", "banh", "cau", "ga", "lanh", "vien", "xay", "xay dung", "hoa cuong", "granite", "mi", "dam", "cuoi", "ong", "op", "quy", "phong thuy", "me", "nhan tao", "tang", "tran", "cuc", "bao"];
// Verbs that follow "đã" (already) in text typed without marks: "ban da giao" = "bán đã giao".
const DA_AS_ALREADY = [
  "giao", "ve", "het", "ban", "nhan", "den", "co", "duoc", "xong", "di", "lam", "bi", "noi", "bao", "tung", "roi", "mua", "chuyen", "dong",
  "tra", "gui", "nhap", "lau", "an", "uong", "nghi", "thay", "biet", "dung", "len", "ra", "vao", "quen", "hoi", "goi", "tra loi", "lo", "xem", "nghe",
];
const DA_GUARDS: Options = { accents: "if_typed", notFollowedBy: DA_NOT_METH, unmarkedNotFollowedBy: DA_AS_ALREADY };
// Breaking stone or ice is also a trade: "thợ đập đá", "máy đập đá".
const DAP_DA: Options = { ...DA_GUARDS, notPrecededBy: ["tho", "nghe", "may", "cong nhan", "nguoi lam"] };
// "bán ke" vs "bàn kế hoạch" typed without marks.
const KE_GUARDS: Options = { accents: "if_typed", notFollowedBy: ["hoach", "toan", "tiep", "sach", "nhiem"] };
// "trường" school vs "trường hợp" (case), "trưởng" (head of), "trưởng thành" (grown up).
const NOT_SCHOOL = ["hop", "khu", "thon", "ap", "ban", "phong", "pho", "cong an", "thanh", "ca", "nhom", "lop", "to"];
// The anti-drug campaign names drugs without reporting any: "phòng chống ma túy", "tố giác ma túy".
const CAMPAIGN = ["phong chong", "chong", "to giac", "tuyen truyen", "phong ngua", "khong"];
// "mấy năm trước" / "hồi 2019": a number of years, not a time of day.
const AGES = Array.from({ length: 12 }, (_, i) => `${i + 6} tuổi`);
const GRADES = Array.from({ length: 12 }, (_, i) => `lớp ${i + 1}`);
const EVERY = ["tối", "đêm", "ngày", "chiều", "sáng", "trưa", "hôm", "tuần", "bữa"];

// Slang first: residents rarely write the law's words.
export const VOCABULARY: readonly Term[] = [
  // Drugs. Unambiguous even folded.
  ...terms("drug", [
    "chất ma túy", "chất cấm", "chất trắng", "heroin", "hêrôin", "hê rô in", "cocaine", "cocain", "methamphetamine",
    "ketamine", "ketamin", "mdma", "thuốc lắc", "kẹo lắc", "viên lắc", "kẹo ke", "xì ke", "hít ke", "bay ke", "chơi ke", "cần sa", "cỏ mỹ",
    "bồ đà", "hàng trắng", "cắm hàng", "nước vui", "bay lắc", "thuốc phiện", "anh túc", "tiêm chích", "chích choác", "hút chích", "kim tiêm",
    "bơm kim tiêm", "con nghiện", "dân nghiện", "bọn nghiện", "tụi nghiện", "thằng nghiện", "người nghiện", "nghiện hút", "nghiện ngập", "tái nghiện",
    "cai nghiện", "người sau cai", "bóng cười", "khí cười", "tem giấy", "bùa lưỡi", "nấm thần", "bột trắng", "phê pha",
  ]),
  // "phòng chống ma túy" is the campaign, not a report.
  ...terms("drug", ["ma túy", "matuy"], { notPrecededBy: CAMPAIGN }),
  // Diacritics decide: "tài mà"/"tại mà", "hút cỏ"/"hút có", "tiệc bay"/"tiệc bảy", "phòng bay"/"phòng bảy".
  ...terms("drug", ["tài mà", "hút cỏ", "tiệc bay", "phòng bay"], { accents: "if_typed" }),
  // "đá" collocations.
  ...terms("drug", ["hút đá", "chơi đá", "ngáo đá", "bình đá", "dân đá", "hàng đá", "mua đá", "giao đá", "ship đá", "nghiện đá"], DA_GUARDS),
  { phrase: "đập đá", signal: "drug", ...DAP_DA },
  // "bán đá" also folds onto "bạn đã" (you have): not after words that precede "bạn".
  { phrase: "bán đá", signal: "drug", ...DA_GUARDS, notPrecededBy: ["cac", "nhung", "nguoi", "may", "moi", "cau", "voi", "ban", "nuoc"] },
  ...terms("drug", ["bán ke", "mua ke", "giao ke"], KE_GUARDS),
  // "chơi đồ" (using) vs "chơi đồ chơi" (toys) and "chơi đồ hàng" (playing house).
  { phrase: "chơi đồ", signal: "drug", notFollowedBy: ["choi", "hang"] },
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
    near: { phrases: ["karaoke", "vũ trường", "quán bar", "bar", "phòng hát", "ktv"], within: 5 },
  },
  { phrase: "quẩy", signal: "drug", accents: "required", near: { phrases: ["karaoke", "vũ trường", "quán bar", "phòng hát", "nhà nghỉ"], within: 5 } },
  ...terms("drug", ["đồ chơi", "hàng"], { near: { phrases: ["hít", "chích", "tiêm chích", "con nghiện", "dân nghiện", "bọn nghiện"], within: 5 } }),

  // Children and school. "Sinh viên" is left out: students are adults, and the
  // plans single out minors (học sinh, thanh thiếu niên).
  ...terms("children", [
    "học sinh", "học trò", "trẻ em", "trẻ con", "trẻ nhỏ", "con nít", "mầm non", "mẫu giáo", "nhà trẻ", "tiểu học", "trung học", "thcs",
    "thpt", "vị thành niên", "thiếu niên", "thiếu nhi", "em nhỏ", "cháu bé", "bé trai", "bé gái", "trường học", "sân trường", "lớp học",
    "nhỏ tuổi", "dưới 18", "choai choai", "cấp 1", "cấp 2", "cấp 3", ...AGES, ...GRADES,
  ]),
  // Colloquial, and folded onto other words: "tụi nhỏ" / "túi nhỏ" (a small bag), "con nhỏ" / "con nhớ" (I remember).
  ...terms("children", ["tụi nhỏ", "bọn nhỏ", "đứa nhỏ", "con nhỏ", "mấy bé", "các bé"], { accents: "if_typed" }),
  // "hs" is how pupils are written in a hurry; "hồ sơ" shortened the same way does not come up in tips.
  { phrase: "hs", signal: "children" },
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
  ...terms("today", ["hôm nay", "hnay", "sáng nay", "chiều nay", "trưa nay"]),

  // Regular: "tối nào cũng", "đêm nào tụi nó cũng".
  ...EVERY.map((w): Term => ({ phrase: `${w} nào`, signal: "regular", accents: "if_typed", near: { phrases: ["cũng"], within: 5 } })),
  ...terms("regular", [
    "mỗi tối", "mỗi đêm", "mỗi ngày", "hằng đêm", "hằng ngày", "hàng đêm", "suốt ngày", "suốt đêm", "thường xuyên", "liên tục", "như mọi tối",
    "như mọi khi", "24 7", "chuyên bán", "chuyên cắm", "chuyên giao", "chuyên tổ chức",
  ]),
  // Past, and what cancels it.
  ...terms("past", ["năm ngoái", "năm trước", "năm rồi", "mấy năm", "hồi xưa", "ngày xưa", "hồi trước", "trước đây", "hồi tết", "tháng trước", "mấy tháng trước", "hồi năm"]),
  ...terms("recent", ["tuần trước", "hôm qua", "tối qua", "đêm qua", "hôm kia", "hôm trước", "bữa trước", "mấy hôm", "mấy bữa", "dạo này"]),
  // "vẫn" (still): the past goes on. Folded "van" is also "văn", "vấn", "vân".
  { phrase: "vẫn", signal: "recent", accents: "if_typed" },
  ...terms("resolved", ["đã bị bắt", "bị bắt rồi", "đã đi tù", "đi tù rồi", "không thấy nữa", "không còn nữa", "đuổi hết", "chủ mới", "đã cai", "cai xong", "đàng hoàng rồi"]),

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

  // Violence and weapons. Bare "dao"/"súng"/"dọa" only when the text has its marks:
  // without them they are "Trần Hưng Đạo", "đi dạo", "bổ sung", "đóa hoa".
  ...terms("violence", ["dao", "đâm", "dọa"], { accents: "required" }),
  // Toy and water guns are toys.
  { phrase: "súng", signal: "violence", accents: "required", notFollowedBy: ["nhua", "do choi", "nuoc", "ban nuoc"] },
  ...terms("violence", [
    "cầm dao", "vung dao", "mang dao", "rút dao", "con dao", "dao găm", "dao phay", "dao bấm", "dao nhọn", "mã tấu", "cầm kiếm", "cầm gậy",
    "cầm súng", "có súng", "nổ súng", "bắn súng", "khẩu súng", "súng ngắn", "súng tự chế", "súng hoa cải", "đánh người", "đánh nhau",
    "đánh đập", "đánh vợ", "đánh con", "đánh bố", "đánh mẹ", "hành hung", "đe dọa", "dọa giết", "đâm người", "đâm chém", "phóng hỏa",
    "đốt nhà", "bắt con tin", "đập phá", "cướp giật", "rượt người", "đuổi chém", "rượt chém",
  ]),
  // "chém gió" (idle talk), "chém giá" (overcharge), "giết thời gian".
  { phrase: "chém", signal: "violence", notFollowedBy: ["gio", "gia"] },
  { phrase: "giết", signal: "violence", notFollowedBy: ["thoi gian"] },

  // A person harmed or about to be: overdose, collapse, self-harm.
  ...terms("harm", [
    "bất tỉnh", "sùi bọt", "sốc thuốc", "quá liều", "co giật", "ngất xỉu", "ngưng thở", "tắt thở", "tím tái", "nhảy lầu", "tự tử", "tự sát",
    "cắt tay", "kêu cứu", "nằm giữa đường", "nằm bất động",
  ]),
  // "xỉu" (faint) vs "nhỏ xíu" (tiny); "ngất" vs "ngất ngây".
  { phrase: "xỉu", signal: "harm", accents: "if_typed", notPrecededBy: ["nho", "mot", "chut", "ti"] },
  { phrase: "ngất", signal: "harm", accents: "if_typed", notFollowedBy: ["ngay", "nguong"] },

  // Hearsay. Bare "đồn" also names a police or border post.
  ...terms("hearsay", ["nghe nói", "nghe đồn", "nghe bảo", "nghe kể", "nghe người ta", "người ta nói", "người ta đồn", "hình như", "đồn là", "đồn rằng"]),
  { phrase: "đồn", signal: "hearsay", accents: "required", notFollowedBy: ["cong an", "bien phong", "ca", "la", "rang"], notPrecededBy: ["nghe", "ta"] },

  // Online: no door to knock on unless a place is given.
  ...terms("online", ["zalo", "telegram", "facebook", "fb", "tiktok", "livestream", "online", "mạng xã hội", "trên mạng", "inbox", "ib"]),

  // A place one can go to.
  ...terms("place", [
    "nhà", "hẻm", "kiệt", "ngõ", "ngách", "phòng", "quán", "chợ", "cầu", "trường", "công viên", "karaoke", "ktv", "bar", "xóm", "bến xe", "bãi",
    "chung cư", "căn", "tầng", "khu", "góc", "tiệm", "vườn", "sân", "đường", "siêu thị", "bờ sông", "ven sông", "bờ kè", "đồi", "ruộng", "số",
  ], { accents: "if_typed" }),

  // What a text is about when it is not drugs.
  ...terms("not_drugs", [
    "nhậu", "rượu", "say xỉn", "ồn", "nhạc to", "mở nhạc", "shisha", "thuốc lào", "đá gà", "cờ bạc", "đánh bài", "lô đề", "đua xe", "trộm",
    "ăn cắp", "kẹt xe", "bán hàng online", "hàng online", "kẹo bông gòn", "kẹo kéo", "kẹo mút", "kẹo dừa", "kẹo cao su", "tạp hóa", "đá bóng",
    "đá banh", "tuyên truyền", "phòng chống",
  ], { accents: "if_typed" }),
  { phrase: "thuốc lá", signal: "not_drugs", notFollowedBy: ["dien tu"] },
];

// Words that turn what follows into a denial ("không có ma túy", "chưa thấy bán"),
// the words a denial can be about, and the words that take it back ("… nhưng tối nào cũng…").
const NEGATORS = ["không", "ko", "k", "kg", "khg", "hông", "chẳng", "chưa"];
const NEGATION_REACH = 4;
const DENIABLE = ["bán", "mua", "nghiện", "trồng", "chích", "hút"];
const CONTRAST = ["nhưng", "tuy nhiên", "có điều"];

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

/** Word indices where the term occurs with none of its guards tripped. */
function hitsOf(text: PreparedText, c: CompiledTerm): number[] {
  const { term, words } = c;
  const mode = term.accents ?? "ignore";
  const hits: number[] = [];
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
    hits.push(start);
  }
  return hits;
}

/** The vocabulary entries a text contains. */
export function detectTerms(text: string, vocabulary: readonly Term[] = VOCABULARY): Term[] {
  const prepared = prepareText(text);
  return compile(vocabulary)
    .filter((c) => hitsOf(prepared, c).length > 0)
    .map((c) => c.term);
}

/** Which signals a text carries (drug words after a negation included; see `triageTip`). */
export function detectSignals(text: string, vocabulary: readonly Term[] = VOCABULARY): Set<Signal> {
  return new Set(detectTerms(text, vocabulary).map((t) => t.signal));
}

// ── A ward's own words ────────────────────────────────────────────────────

/** What a ward's own word signals: a drug, "happening now", children, or a danger to people. */
export const LEXICON_KINDS = ["drug", "now", "child", "danger"] as const;
export type LexiconKind = (typeof LEXICON_KINDS)[number];
export interface LexiconTerm {
  phrase: string;
  kind: LexiconKind;
}
/** Terms a ward adds to the built-in vocabulary. Words, never identities. */
export type WardLexicon = readonly LexiconTerm[];

const KIND_SIGNAL: Record<LexiconKind, Signal> = { drug: "drug", now: "now", child: "children", danger: "violence" };
export const LEXICON_PHRASE_MAX = 60;
export const LEXICON_PHRASE_WORDS = 5;

/** A ward term as an officer types it: a few words with at least one letter; marks and case do not matter. */
export const lexiconPhraseSchema = z
  .string()
  .trim()
  .min(1)
  .max(LEXICON_PHRASE_MAX)
  .refine((p) => /\p{L}/u.test(foldVietnamese(p)), "needs a letter")
  .refine((p) => foldVietnamese(p).split(" ").length <= LEXICON_PHRASE_WORDS, `at most ${LEXICON_PHRASE_WORDS} words`);
export const lexiconTermSchema = z.object({ phrase: lexiconPhraseSchema, kind: z.enum(LEXICON_KINDS) });

const withLexicon = new WeakMap<WardLexicon, readonly Term[]>();

/** The built-in vocabulary plus a ward's terms, matched whole-word and without regard to marks. */
export function vocabularyWith(lexicon: WardLexicon | undefined): readonly Term[] {
  if (!lexicon || lexicon.length === 0) return VOCABULARY;
  let out = withLexicon.get(lexicon);
  if (!out) {
    const added = lexicon
      .filter((t) => foldVietnamese(t.phrase) !== "")
      .map((t): Term => ({ phrase: t.phrase, signal: KIND_SIGNAL[t.kind], accents: "ignore", source: "ward" }));
    out = [...VOCABULARY, ...added];
    withLexicon.set(lexicon, out);
  }
  return out;
}

// ── Reading a text ────────────────────────────────────────────────────────

interface Reading {
  signals: Set<Signal>;
  /** A drug word that no negation covers. */
  drug: boolean;
  /** A drug word or trade verb right after a negation, and no drug word outside one. */
  denied: boolean;
  /** …with "nhưng" after the denial: the resident keeps a suspicion. */
  deniedButSuspicious: boolean;
  wardTerms: boolean;
  /** Words with a letter in them. */
  words: number;
}

const negators = NEGATORS.map(phraseWords);
const deniable = DENIABLE.map(phraseWords);
const contrasts = CONTRAST.map(phraseWords);

/** Clause number of each word: negation does not reach across "," "." ";" "!" "?" or a line break. */
function clausesOf(text: string): number[] {
  const out: number[] = [];
  text
    .normalize("NFKC")
    .split(/[.,;!?\n]+/u)
    .forEach((clause, i) => {
      for (let n = prepareText(clause).words.length; n > 0; n--) out.push(i);
    });
  return out;
}

function read(text: string, vocabulary: readonly Term[]): Reading {
  const prepared = prepareText(text);
  const clause = clausesOf(text);
  const negatorEnds = negators.flatMap((n) => findPhrase(prepared, n, "if_typed").map((i) => i + n.length));
  const negatedAt = (start: number) => negatorEnds.some((end) => end <= start && start - end < NEGATION_REACH && clause[end - 1] === clause[start]);

  const signals = new Set<Signal>();
  let drug = false;
  let negatedDrug = false;
  let wardTerms = false;
  for (const c of compile(vocabulary)) {
    const hits = hitsOf(prepared, c);
    if (hits.length === 0) continue;
    signals.add(c.term.signal);
    if (c.term.source === "ward") wardTerms = true;
    if (c.term.signal !== "drug") continue;
    if (hits.some((h) => !negatedAt(h))) drug = true;
    else negatedDrug = true;
  }
  const negatedTrade = deniable.some((d) => findPhrase(prepared, d, "if_typed").some(negatedAt));
  const denied = !drug && (negatedDrug || negatedTrade);
  const firstNegator = Math.min(...negatorEnds);
  const deniedButSuspicious = denied && contrasts.some((c) => findPhrase(prepared, c, "if_typed").some((i) => i >= firstNegator));
  if (!drug) signals.delete("drug");
  const words = prepared.words.filter((w) => /\p{L}/u.test(w.folded)).length;
  return { signals, drug, denied, deniedButSuspicious, wardTerms, words };
}

const NOTHING: Reading = { signals: new Set(), drug: false, denied: false, deniedButSuspicious: false, wardTerms: false, words: 0 };

// ── The ladder ────────────────────────────────────────────────────────────

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

/** Below this many words, a tip with no drug word, children or danger is too thin to act on. */
export const LOW_DETAIL_WORDS = 12;

const LEVELS: readonly Priority[] = ["low", "normal", "high", "urgent"];
const LOW = 0;
const NORMAL = 1;
const HIGH = 2;
const URGENT = 3;

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

/** The tip's priority and why. `lexicon` adds a ward's own words to the built-in ones. */
export function triageTip(input: TriageInput, lexicon?: WardLexicon): TriageResult {
  const vocabulary = vocabularyWith(lexicon);
  const text = read(input.description, vocabulary);
  // The place may name a school gate or a karaoke bar, but it says nothing about when.
  const place = input.place?.trim() ? read(input.place, vocabulary) : NOTHING;
  const said = (s: Signal) => text.signals.has(s);
  const has = (s: Signal) => said(s) || place.signals.has(s);

  const nowWords = said("now");
  const isNow = input.timing === "now" || nowWords;
  const todayWords = said("today");
  const today = !isNow && (input.timing === "today" || todayWords);
  const regularWords = said("regular");
  const regular = input.timing === "ongoing" || regularWords;
  const past = !isNow && !today && !regular && !said("recent") && (input.timing === "earlier" || said("past"));
  const resolved = !isNow && said("resolved");
  const childWords = has("children");
  const children = input.category === "school" || childWords;
  const psychosis = has("psychosis");
  const violence = has("violence");
  const harm = has("harm");
  const drug = text.drug || place.drug;
  const denied = text.denied && !text.deniedButSuspicious && !place.drug;
  const hearsay = said("hearsay");
  const located = place !== NOTHING || said("place");
  const onlineOnly = said("online") && place === NOTHING;
  const notDrugs = has("not_drugs") && !drug && !psychosis && !violence && !harm;
  const nexus = input.category !== "other" || drug || psychosis;
  const plants = input.category === "plant_growing";
  const active = input.category === "dealing" || input.category === "use_venue" || (input.category === "other" && drug);

  const reasons: TriageReason[] = [];
  const categoryReason = CATEGORY_REASON[input.category];
  if (categoryReason) reasons.push(categoryReason);
  if (isNow) reasons.push("happening_now");
  if (today) reasons.push("happening_today");
  if (regular) reasons.push("ongoing");
  if (childWords) reasons.push("children");
  if (psychosis) reasons.push("psychosis");
  if (violence) reasons.push("violence_or_weapon");
  if (harm) reasons.push("person_harmed");
  if (drug) reasons.push("drug_terms");
  if (text.wardTerms || place.wardTerms) reasons.push("ward_terms");
  if (hearsay) reasons.push("hearsay");

  const going = isNow || today || regular;
  let level: number;
  if (resolved) {
    level = LOW;
    reasons.push("over_and_done");
  } else if ((isNow && (violence || harm || psychosis)) || (psychosis && (violence || harm)) || (nexus && isNow && children && !plants && !denied)) {
    level = URGENT;
  } else if (denied) {
    level = LOW;
    reasons.push("denied");
  } else if (notDrugs) {
    level = LOW;
    reasons.push("not_about_drugs");
  } else if (
    (nexus && children && (drug || going)) ||
    (nexus && violence) ||
    psychosis ||
    (active && going && located && !onlineOnly) ||
    (input.category === "person_using" && (isNow || today) && located)
  ) {
    level = HIGH;
  } else if (past && !plants && !drug && !children && !harm && !violence) {
    level = LOW;
    reasons.push("long_ago");
  } else if (!drug && !(nexus && children) && !harm && !violence && (!isNow || !active) && text.words < LOW_DETAIL_WORDS) {
    level = LOW;
    reasons.push("no_drug_terms_low_detail");
  } else {
    level = NORMAL;
    if (active && going) reasons.push(onlineOnly ? "online_only" : "no_place");
  }

  // Modifiers. Urgent is always danger to a person (now, or psychosis with violence): never talked down.
  const dangerNow = level === URGENT;
  if (past && !plants && !dangerNow && level > LOW) {
    level--;
    reasons.push("long_ago");
  }
  if (hearsay && !dangerNow) level = Math.max(LOW, level - 1);
  if (nexus && children && !denied && !notDrugs && !resolved) level = Math.max(level, NORMAL);
  if (text.words === 0 && place === NOTHING) level = Math.min(level, NORMAL);

  const score =
    CATEGORY_WEIGHT[input.category] +
    TIMING_WEIGHT[input.timing] +
    (nowWords && input.timing !== "now" ? 20 : 0) +
    (todayWords && input.timing !== "today" ? 10 : 0) +
    (regularWords && input.timing !== "ongoing" ? 10 : 0) +
    (childWords ? 30 : 0) +
    (psychosis ? 25 : 0) +
    (violence ? 30 : 0) +
    (harm ? 30 : 0) +
    (drug ? 10 : 0) +
    (located ? 5 : 0) -
    (hearsay ? 10 : 0) -
    (past ? 10 : 0);
  return { priority: LEVELS[level] ?? "normal", score, reasons };
}
