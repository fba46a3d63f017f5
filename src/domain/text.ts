// Residents write without diacritics, in capitals and with stray punctuation:
// rules compare "folded" text, where "MA TÚY!!" and "ma tuy" are equal.

export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** True when `phrase` (folded) occurs in `folded` as whole words. */
export function containsPhrase(folded: string, phrase: string): boolean {
  const p = foldVietnamese(phrase);
  if (!p) return false;
  return ` ${folded} `.includes(` ${p} `);
}
