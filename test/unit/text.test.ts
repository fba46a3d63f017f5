import { describe, expect, it } from "vitest";
import { containsPhrase, foldVietnamese } from "../../src/domain/text.js";

describe("foldVietnamese", () => {
  it("drops diacritics, case and punctuation", () => {
    expect(foldVietnamese("MA TÚY đang bán!!")).toBe("ma tuy dang ban");
    expect(foldVietnamese("Đường   Trần Hưng Đạo, số 5")).toBe("duong tran hung dao so 5");
    expect(foldVietnamese("ma tuý")).toBe(foldVietnamese("ma túy"));
  });
});

describe("containsPhrase", () => {
  it("matches whole words", () => {
    expect(containsPhrase("hit ke o day", "hít ke")).toBe(true);
    expect(containsPhrase("ke hoach", "ke")).toBe(true);
    expect(containsPhrase("kem dua", "ke")).toBe(false);
  });
});
