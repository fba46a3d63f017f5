import { describe, expect, it } from "vitest";
import { findDuplicateOf, type OpenTipForDuplicates, placeSimilarity } from "../../src/domain/duplicates.js";

describe("placeSimilarity", () => {
  it.each<[string, string, number]>([
    ["Quán karaoke Hoàng Gia", "karaoke hoang gia", 1],
    ["số 5 Trần Phú", "so 5 tran phu", 1],
    ["hẻm 12 Lê Lợi", "Hem 12 Le Loi", 1],
    ["hẻm12 Lê Lợi", "hẻm 12 Lê Lợi", 1], // no space between word and number
    ["nhà số 5 đường Trần Phú", "gần số 5 Trần Phú", 1], // filler words ignored
    ["12A Trần Phú", "12a tran phu", 1],
  ])("%j ≈ %j", (a, b, expected) => {
    expect(placeSimilarity(a, b)).toBeCloseTo(expected);
  });

  it("scores the same place described two ways above the default threshold", () => {
    expect(placeSimilarity("hẻm 12 Trần Phú, nhà trọ số 5", "Hem 12 Tran Phu nha so 5")).toBeGreaterThan(0.8);
    expect(placeSimilarity("nhà trọ số 5 hẻm 12 Trần Phú", "nha tro so 5 Tran Phu")).toBeGreaterThan(0.6);
  });

  it.each<[string, string]>([
    ["12 Trần Phú", "14 Trần Phú"],
    ["số 5 hẻm 12 Trần Phú", "số 7 hẻm 12 Trần Phú"],
    ["nhà trọ số 5", "nhà trọ số 15"],
    ["phòng 203 nhà nghỉ Hoa Mai", "phòng 205 nhà nghỉ Hoa Mai"],
  ])("house numbers must agree: %j vs %j", (a, b) => {
    expect(placeSimilarity(a, b)).toBe(0);
  });

  it("discounts a match when only one side gives a number", () => {
    expect(placeSimilarity("nhà trọ số 5", "nhà trọ")).toBeLessThan(0.6);
    expect(placeSimilarity("karaoke Hoàng Gia tầng 3", "karaoke Hoàng Gia")).toBeGreaterThan(0.6);
  });

  it("is symmetric, in [0, 1], and 0 for different or empty places", () => {
    const pairs: [string, string][] = [
      ["chợ Đầm", "bến xe phía Nam"],
      ["", "chợ"],
      ["đường", "nhà"], // nothing but filler
      ["nhà trọ Hoa Mai", "quán Hoa Mai"],
    ];
    for (const [a, b] of pairs) {
      const s = placeSimilarity(a, b);
      expect(s).toBe(placeSimilarity(b, a));
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(placeSimilarity("chợ Đầm", "bến xe phía Nam")).toBe(0);
    expect(placeSimilarity("", "chợ")).toBe(0);
    expect(placeSimilarity("đường", "nhà")).toBe(0);
  });
});

describe("placeSimilarity: kinds of place, names and details", () => {
  const threshold = 0.6;
  it.each<[string, string]>([
    ["karaoke Hoàng Gia", "quán karaoke Hoàng Gia, phòng VIP 3"], // a detail added
    ["Quán cà phê Mây", "cafe Mây"], // cà phê / cafe
    ["quán bida đường Trần Phú", "bi-a Trần Phú"], // bida / bi-a
    ["gầm cầu Đôi", "dưới chân cầu Đôi"], // where around the place
    ["hẻm 5", "hẻm 5 Nguyễn Huệ"], // the street added
    ["nhà số 14 hẻm 7", "14/7"], // numbers only
    ["kiệt 12 Trần Hưng Đạo", "K12 Trần Hưng Đạo"], // K = kiệt
    ["tiệm net Gaming Zone", "quán net Gaming Zone"], // tiệm / quán
    ["Nhà nghỉ Sao Mai phòng 204", "phòng 204 nn Sao Mai"], // nn = nhà nghỉ
  ])("the same place: %j ≈ %j", (a, b) => {
    expect(placeSimilarity(a, b)).toBeGreaterThanOrEqual(threshold);
  });

  it.each<[string, string]>([
    ["karaoke Hoàng Gia", "karaoke Hoàng Kim"], // a similar name
    ["12 Lê Lợi", "12 Lê Lai"], // a street sharing a word
    ["nhà trọ Bình Minh", "nhà nghỉ Bình Minh"], // another kind, same name
    ["quán nhậu Bảy Hiền", "karaoke Bảy Hiền"],
    ["gần trường tiểu học Kim Đồng", "gần trường THCS Kim Đồng"],
    ["bãi đất trống cuối xóm", "bãi đất trống ven sông"],
    ["nhà ông Tư", "nhà bà Tư"],
  ])("different places: %j vs %j", (a, b) => {
    expect(placeSimilarity(a, b)).toBeLessThan(threshold);
  });

  it("gives 0 when both say the kind of place and neither contains the other", () => {
    expect(placeSimilarity("nhà trọ Hoa Mai", "quán Hoa Mai")).toBe(0);
    expect(placeSimilarity("quán bida Trần Phú", "quán cafe Trần Phú")).toBe(0);
    expect(placeSimilarity("trường THCS Lê Lợi", "cổng trường Lê Lợi")).toBeGreaterThan(0);
  });
});

describe("findDuplicateOf", () => {
  const day = 86_400_000;
  const base = new Date("2026-11-20T00:00:00Z");
  const ago = (days: number) => new Date(base.getTime() - days * day);
  const open: OpenTipForDuplicates[] = [
    { id: "a", quarterId: "q1", place: "nhà trọ số 5 hẻm 12 Trần Phú", createdAt: ago(3), duplicateGroup: null },
    { id: "b", quarterId: "q1", place: "karaoke Hoàng Gia", createdAt: ago(1), duplicateGroup: "g1" },
    { id: "c", quarterId: "q2", place: "nhà trọ số 5 hẻm 12 Trần Phú", createdAt: base, duplicateGroup: null },
    { id: "d", quarterId: "q1", place: null, createdAt: base, duplicateGroup: null },
  ];

  it("joins the same quarter's similar place within the window, with its group or its own id", () => {
    expect(findDuplicateOf({ quarterId: "q1", place: "hem 12 tran phu nha tro so 5", createdAt: base }, open)).toMatchObject({ id: "a", duplicateGroup: "a" });
    expect(findDuplicateOf({ quarterId: "q1", place: "Karaoke Hoàng Gia", createdAt: base }, open)).toMatchObject({ id: "b", duplicateGroup: "g1" });
  });

  it("needs the same non-null quarter and both places", () => {
    expect(findDuplicateOf({ quarterId: "q3", place: "karaoke Hoàng Gia", createdAt: base }, open)).toBeNull();
    expect(findDuplicateOf({ quarterId: null, place: "karaoke Hoàng Gia", createdAt: base }, open)).toBeNull();
    expect(findDuplicateOf({ quarterId: "q1", place: null, createdAt: base }, open)).toBeNull();
    const unknownQuarter = [{ id: "n", quarterId: null, place: "karaoke Hoàng Gia", createdAt: base, duplicateGroup: null }];
    expect(findDuplicateOf({ quarterId: null, place: "karaoke Hoàng Gia", createdAt: base }, unknownQuarter)).toBeNull();
  });

  it("looks both sides of the window", () => {
    const at = (days: number) => ({ quarterId: "q1", place: "karaoke Hoàng Gia", createdAt: new Date(ago(1).getTime() + days * day) });
    expect(findDuplicateOf(at(14), open)).not.toBeNull();
    expect(findDuplicateOf(at(-14), open)).not.toBeNull();
    expect(findDuplicateOf(at(15), open)).toBeNull();
    expect(findDuplicateOf(at(-15), open)).toBeNull();
    expect(findDuplicateOf(at(15), open, { windowDays: 30 })).not.toBeNull();
  });

  it("does not join a different house number in the same street", () => {
    expect(findDuplicateOf({ quarterId: "q1", place: "nhà trọ số 7 hẻm 12 Trần Phú", createdAt: base }, open)).toBeNull();
  });

  it("returns the best match, the nearer in time on a tie, and honours the threshold", () => {
    const tips: OpenTipForDuplicates[] = [
      { id: "far", quarterId: "q1", place: "karaoke Hoàng Gia", createdAt: ago(10), duplicateGroup: null },
      { id: "near", quarterId: "q1", place: "karaoke Hoàng Gia", createdAt: ago(2), duplicateGroup: null },
      { id: "weak", quarterId: "q1", place: "karaoke Hoàng", createdAt: ago(1), duplicateGroup: null },
    ];
    expect(findDuplicateOf({ quarterId: "q1", place: "karaoke Hoàng Gia", createdAt: base }, tips)).toMatchObject({ id: "near", similarity: 1 });
    expect(findDuplicateOf({ quarterId: "q1", place: "karaoke Hoàng", createdAt: base }, tips)).toMatchObject({ id: "weak" });
    expect(findDuplicateOf({ quarterId: "q1", place: "karaoke Hoàng Gia Vip", createdAt: base }, tips, { threshold: 0.95 })).toBeNull();
  });
});
