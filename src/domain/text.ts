// Residents write without diacritics, in capitals and with stray punctuation:
// rules compare "folded" text, where "MA TÚY!!" and "ma tuy" are equal.
// Folding also merges words that differ only by their marks ("đá" stone/meth,
// "đã" already, "da" skin), so ambiguous phrases can ask for the marks the
// resident actually typed (see `findPhrase`).

// NFKD also undoes compatibility forms (full-width letters, ligatures) that
// some phone keyboards produce. "Ð" (U+00D0) is a common stand-in for "Đ".
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐðÐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * True when `phrase` occurs in already-folded text as whole words.
 * Word-level only: "ke" matches "ke hoach" (kế hoạch) but not "kem", because
 * once folded nothing tells "kế" from "ke". Ambiguous syllables are the
 * vocabulary's business (collocations such as "hít ke"), not this primitive's.
 */
export function containsPhrase(folded: string, phrase: string): boolean {
  const p = foldVietnamese(phrase);
  if (!p) return false;
  return ` ${folded} `.includes(` ${p} `);
}

/** One word of a text: its folded form and the marks typed on it. */
export interface Word {
  folded: string;
  /** Sorted combining marks plus "đ": equal for "tuý"/"túy" (tone placement), different for "đá"/"đã". */
  marks: string;
}

export interface PreparedText {
  words: readonly Word[];
  /** Most words carry marks: the resident types Vietnamese properly, so an unmarked word means what it says. */
  accented: boolean;
}

function toWord(token: string): Word {
  const decomposed = token.normalize("NFKD").toLowerCase();
  const marks = [...decomposed.replace(/[^\p{M}]/gu, "")].sort().join("") + (/[đð]/.test(decomposed) ? "đ" : "");
  return { folded: foldVietnamese(token), marks };
}

export function prepareText(text: string): PreparedText {
  const words = text
    .normalize("NFKC")
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .map(toWord)
    .filter((w) => w.folded.length > 0);
  const lettered = words.filter((w) => /\p{L}/u.test(w.folded));
  const marked = lettered.filter((w) => w.marks.length > 0).length;
  // Proper Vietnamese marks most syllables; half is well above the odd
  // autocorrected word in a text typed without marks.
  return { words, accented: lettered.length > 0 && marked * 2 >= lettered.length };
}

/**
 * How much a phrase's diacritics matter:
 * - "ignore": fold both sides (safe for unambiguous words such as "ma túy").
 * - "if_typed": words the resident typed with marks, or in a text typed with
 *   marks, must agree with the phrase's marks; otherwise fall back to folding.
 * - "required": as "if_typed", but never match a text typed without marks
 *   (bare "dao" knife vs "Đạo" in a street name).
 */
export type AccentMode = "ignore" | "if_typed" | "required";

function wordMatches(word: Word, want: Word, mode: AccentMode, accented: boolean): boolean {
  if (word.folded !== want.folded) return false;
  if (mode === "ignore") return true;
  if (word.marks.length > 0 || accented) return word.marks === want.marks;
  return mode === "if_typed";
}

/** Splits a phrase into words the same way as a text. */
export function phraseWords(phrase: string): Word[] {
  return prepareText(phrase).words.slice();
}

/** Word indices where `phrase` starts in `text`. */
export function findPhrase(text: PreparedText, phrase: string | readonly Word[], mode: AccentMode = "ignore"): number[] {
  const want = typeof phrase === "string" ? phraseWords(phrase) : phrase;
  const hits: number[] = [];
  if (want.length === 0) return hits;
  const { words, accented } = text;
  for (let i = 0; i + want.length <= words.length; i++) {
    let ok = true;
    for (let j = 0; j < want.length && ok; j++) {
      const w = words[i + j];
      const p = want[j];
      ok = w !== undefined && p !== undefined && wordMatches(w, p, mode, accented);
    }
    if (ok) hits.push(i);
  }
  return hits;
}

/** True when the folded words `phrase` occur in `text` starting exactly at word `start`. */
export function foldedAt(text: PreparedText, start: number, phrase: string): boolean {
  const want = foldVietnamese(phrase).split(" ").filter(Boolean);
  if (start < 0 || want.length === 0 || start + want.length > text.words.length) return false;
  return want.every((p, j) => text.words[start + j]?.folded === p);
}

/** True when the folded words `phrase` end exactly before word `end`. */
export function foldedEndsBefore(text: PreparedText, end: number, phrase: string): boolean {
  const n = foldVietnamese(phrase).split(" ").filter(Boolean).length;
  return n > 0 && foldedAt(text, end - n, phrase);
}

/** Whether a text has any letter to read: "😡😡💊💉" or "113 !!!" tells an officer only that someone was upset. */
export function hasWords(text: string): boolean {
  return /\p{L}/u.test(text);
}
