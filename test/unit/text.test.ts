import { describe, expect, it } from "vitest";
import { containsPhrase, findPhrase, foldVietnamese, hasWords, prepareText } from "../../src/domain/text.js";

describe("foldVietnamese", () => {
  it.each([
    ["MA TÚY đang bán", "ma tuy dang ban"],
    ["MA TÚY đang bán!!", "ma tuy dang ban"],
    ["Đường   Trần Hưng Đạo, số 5", "duong tran hung dao so 5"],
    ["  ngáo-đá...\n\tcầm dao  ", "ngao da cam dao"],
    ["ĐẬP ĐÁ", "dap da"],
    ["Ðường", "duong"], // U+00D0 typed for Đ
    ["ｍａ ｔúｙ", "ma tuy"], // full-width letters from some keyboards
    ["số 5/12 hẻm 3", "so 5 12 hem 3"],
    ["", ""],
  ])("%j → %j", (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it("treats both tone placements alike", () => {
    expect(foldVietnamese("ma tuý")).toBe(foldVietnamese("ma túy"));
    expect(foldVietnamese("hoà")).toBe(foldVietnamese("hòa"));
  });

  it("treats precomposed and decomposed input alike", () => {
    expect(foldVietnamese("túy".normalize("NFD"))).toBe(foldVietnamese("túy".normalize("NFC")));
  });
});

describe("containsPhrase", () => {
  it.each([
    ["hit ke o day", "hít ke", true],
    ["ma tuy", "MA TÚY", true],
    ["kem dua", "ke", false], // not inside a word
    ["ban hang online", "hang trang", false],
    ["nha tro so 5", "so 5", true],
    ["nha tro so 55", "so 5", false],
    // Word-level only: "kế hoạch" folds to "ke hoach"; the vocabulary never uses a bare "ke".
    ["ke hoach", "ke", true],
    ["anything", "", false],
  ])("%j contains %j: %s", (folded, phrase, expected) => {
    expect(containsPhrase(folded, phrase)).toBe(expected);
  });
});

describe("findPhrase", () => {
  const at = (text: string, phrase: string, mode: "ignore" | "if_typed" | "required") => findPhrase(prepareText(text), phrase, mode);

  it("ignores marks by default", () => {
    expect(at("Hắn đăng bài", "đang", "ignore")).toEqual([1]);
  });

  it("with if_typed, a word typed with marks must agree with the phrase", () => {
    expect(at("hắn đang bán", "đang", "if_typed")).toEqual([1]);
    expect(at("hắn đăng bài", "đang", "if_typed")).toEqual([]);
    expect(at("han dang ban", "đang", "if_typed")).toEqual([1]); // no marks anywhere: fold
    expect(at("ma tuý", "ma túy", "if_typed")).toEqual([0]); // tone placement does not matter
  });

  it("with if_typed, an unmarked word in a text typed with marks means what it says", () => {
    // "dang" in a properly accented text is "dang" (dang dở), not "đang".
    expect(at("công việc còn dang dở", "đang", "if_typed")).toEqual([]);
  });

  it("with required, never matches a text typed without marks", () => {
    expect(at("nó cầm theo dao", "dao", "required")).toEqual([3]);
    expect(at("đường Trần Hưng Đạo", "dao", "required")).toEqual([]);
    expect(at("duong Tran Hung Dao", "dao", "required")).toEqual([]);
  });

  it("tells a mostly accented text from one with a stray autocorrected word", () => {
    expect(prepareText("Hắn đang bán đá cho học sinh").accented).toBe(true);
    expect(prepareText("thang nhoc o nha tro so 5 dang ban da gần trường").accented).toBe(false);
    expect(prepareText("12 34").accented).toBe(false);
  });
});

describe("hasWords", () => {
  it("finds letters in any script, with or without marks, and none in emoji, digits and signs", () => {
    expect(hasWords("bán đá")).toBe(true);
    expect(hasWords("ban da 💊")).toBe(true);
    expect(hasWords("😡😡💊💉")).toBe(false);
    expect(hasWords("113 !!! 💊")).toBe(false);
    expect(hasWords("🏍️ 22h")).toBe(true);
  });
});
