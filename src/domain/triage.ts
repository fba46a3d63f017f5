// Triage: a priority for each tip from what the resident chose and wrote.
// Pure and table-driven so the vocabulary can grow without touching the rules.
//
//   urgent  happening now AND (children, violence/weapons or psychosis);
//           or psychosis together with violence, whenever it happens
//   high    children or school; psychosis; violence; dealing / a use venue /
//           a person using happening now or today
//   low     "other" with no drug term at all; or long ago with nothing notable
//   normal  everything else
import { containsPhrase, foldVietnamese } from "./text.js";
import type { Priority, TipCategory, TipTiming } from "./tip.js";

export type Signal = "drug" | "children" | "now" | "psychosis" | "violence";

export type TriageReason =
  | "category_school"
  | "category_person_using"
  | "category_dealing"
  | "happening_now"
  | "happening_today"
  | "ongoing"
  | "children"
  | "psychosis"
  | "violence_or_weapon"
  | "drug_terms"
  | "no_drug_terms"
  | "long_ago";

/**
 * A phrase and what it signals. `exact` phrases are ambiguous once diacritics
 * are gone ("cổng trường" school gate vs "công trường" building site; "đang"
 * now vs "đăng" post): when the resident typed diacritics we match them as
 * written; without any diacritics we fall back to the folded form.
 */
export interface Term {
  phrase: string;
  signal: Signal;
  exact?: boolean;
}

// Slang first: residents rarely write the law's words. Bare "đá", "kẹo", "ke",
// "cỏ", "hàng" are left out on purpose: alone they mean stone, candy, grass, goods.
export const VOCABULARY: readonly Term[] = [
  ...[
    "ma túy", "matuy", "ma tuý", "chất cấm", "chất trắng", "heroin", "hêrôin", "cocaine", "methamphetamine", "ketamine",
    "thuốc lắc", "kẹo lắc", "kẹo ke", "xì ke", "hít ke", "bay ke", "tài mà", "cần sa", "cỏ mỹ", "hút cỏ", "bồ đà",
    "hàng trắng", "hàng đá", "hút đá", "chơi đá", "ngáo đá", "đập đá", "bình đá", "dân đá", "đá viên ma túy",
    "nước vui", "bay lắc", "phòng bay", "đi bay", "tiệc bay", "quẩy bay", "thuốc phiện", "anh túc", "cây thuốc phiện",
    "tiêm chích", "kim tiêm", "ống tiêm", "con nghiện", "nghiện hút", "sử dụng ma túy", "cắm hàng", "buôn hàng trắng",
  ].map((phrase): Term => ({ phrase, signal: "drug" })),
  ...["học sinh", "trẻ em", "trẻ con", "mầm non", "trường học", "tiểu học", "thcs", "thpt", "vị thành niên", "thiếu niên", "lớp học", "em nhỏ", "cháu bé"].map(
    (phrase): Term => ({ phrase, signal: "children" }),
  ),
  { phrase: "cổng trường", signal: "children", exact: true },
  { phrase: "trước trường", signal: "children", exact: true },
  ...["ngay bây giờ", "bây giờ", "lúc này", "tối nay", "đang diễn ra", "ngay lúc này", "hiện giờ"].map(
    (phrase): Term => ({ phrase, signal: "now" }),
  ),
  { phrase: "đang", signal: "now", exact: true },
  ...["ngáo", "ngáo đá", "loạn thần", "hoang tưởng", "ảo giác", "lên cơn", "phê quá", "mất kiểm soát", "la hét", "đập phá"].map(
    (phrase): Term => ({ phrase, signal: "psychosis" }),
  ),
  ...["cầm dao", "vung dao", "mã tấu", "chém", "đâm người", "đánh người", "đe dọa", "đe doạ", "hành hung", "phóng hỏa", "đốt nhà", "bắt con tin", "giết", "cầm kiếm", "cầm súng"].map(
    (phrase): Term => ({ phrase, signal: "violence" }),
  ),
  { phrase: "dao", signal: "violence", exact: true },
  { phrase: "súng", signal: "violence", exact: true },
];

function hasDiacritics(text: string): boolean {
  return /[^a-z]/i.test(text.normalize("NFC").replace(/[^\p{L}]/gu, ""));
}

/** Which signals a text carries. */
export function detectSignals(text: string, vocabulary: readonly Term[] = VOCABULARY): Set<Signal> {
  const folded = foldVietnamese(text);
  const accented = hasDiacritics(text);
  // Lowercased, punctuation-free, diacritics kept: for the ambiguous phrases.
  const lower = ` ${text.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
  const found = new Set<Signal>();
  for (const term of vocabulary) {
    if (found.has(term.signal)) continue;
    const hit =
      term.exact && accented ? lower.includes(` ${term.phrase.normalize("NFC").toLowerCase()} `) : containsPhrase(folded, term.phrase);
    if (hit) found.add(term.signal);
  }
  return found;
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

const CATEGORY_WEIGHT: Record<TipCategory, number> = {
  school: 30,
  person_using: 20,
  dealing: 20,
  use_venue: 15,
  plant_growing: 10,
  other: 0,
};
const TIMING_WEIGHT: Record<TipTiming, number> = { now: 30, today: 15, ongoing: 10, this_week: 5, earlier: 0 };

export function triageTip(input: TriageInput): TriageResult {
  const signals = detectSignals(`${input.description}\n${input.place ?? ""}`);
  const reasons: TriageReason[] = [];

  const isNow = input.timing === "now" || signals.has("now");
  const children = input.category === "school" || signals.has("children");
  const psychosis = signals.has("psychosis");
  const violence = signals.has("violence");
  const drugTerms = signals.has("drug");
  const activeCategory = ["dealing", "use_venue", "person_using", "school"].includes(input.category);

  if (input.category === "school") reasons.push("category_school");
  if (input.category === "person_using") reasons.push("category_person_using");
  if (input.category === "dealing") reasons.push("category_dealing");
  if (isNow) reasons.push("happening_now");
  else if (input.timing === "today") reasons.push("happening_today");
  if (input.timing === "ongoing") reasons.push("ongoing");
  if (signals.has("children")) reasons.push("children");
  if (psychosis) reasons.push("psychosis");
  if (violence) reasons.push("violence_or_weapon");
  if (drugTerms) reasons.push("drug_terms");

  let priority: Priority;
  if ((isNow && (children || violence || psychosis)) || (psychosis && violence)) {
    priority = "urgent";
  } else if (children || psychosis || violence || (activeCategory && (isNow || input.timing === "today"))) {
    priority = "high";
  } else if (input.category === "other" && !drugTerms) {
    priority = "low";
    reasons.push("no_drug_terms");
  } else if (input.timing === "earlier" && !drugTerms && input.category !== "plant_growing") {
    priority = "low";
    reasons.push("long_ago");
  } else {
    priority = "normal";
  }

  const score =
    CATEGORY_WEIGHT[input.category] +
    TIMING_WEIGHT[input.timing] +
    (signals.has("now") && input.timing !== "now" ? 20 : 0) +
    (signals.has("children") ? 30 : 0) +
    (psychosis ? 25 : 0) +
    (violence ? 30 : 0) +
    (drugTerms ? 10 : 0);
  return { priority, score, reasons };
}
