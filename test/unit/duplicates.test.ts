import { describe, expect, it } from "vitest";
import { findDuplicateOf, placeSimilarity } from "../../src/domain/duplicates.js";

describe("placeSimilarity", () => {
  it("ignores diacritics, case and filler words", () => {
    expect(placeSimilarity("hẻm 12 Trần Phú, nhà trọ số 5", "Hem 12 Tran Phu nha so 5")).toBeGreaterThan(0.8);
    expect(placeSimilarity("Quán karaoke Hoàng Gia", "karaoke hoang gia")).toBe(1);
  });

  it("requires house numbers to agree", () => {
    expect(placeSimilarity("12 Trần Phú", "14 Trần Phú")).toBe(0);
  });

  it("is low for different places", () => {
    expect(placeSimilarity("chợ Đầm", "bến xe phía Nam")).toBe(0);
    expect(placeSimilarity("", "chợ")).toBe(0);
  });
});

describe("findDuplicateOf", () => {
  const day = 86_400_000;
  const base = new Date("2026-11-20T00:00:00Z");
  const open = [
    { id: "a", quarterId: "q1", place: "nhà trọ số 5 hẻm 12 Trần Phú", createdAt: new Date(base.getTime() - 3 * day), duplicateGroup: null },
    { id: "b", quarterId: "q1", place: "karaoke Hoàng Gia", createdAt: new Date(base.getTime() - 1 * day), duplicateGroup: "g1" },
    { id: "c", quarterId: "q2", place: "nhà trọ số 5 hẻm 12 Trần Phú", createdAt: base, duplicateGroup: null },
  ];

  it("joins the same quarter's similar place within the window", () => {
    expect(findDuplicateOf({ quarterId: "q1", place: "hem 12 tran phu nha tro so 5", createdAt: base }, open)).toMatchObject({ id: "a", duplicateGroup: "a" });
    expect(findDuplicateOf({ quarterId: "q1", place: "Karaoke Hoàng Gia", createdAt: base }, open)).toMatchObject({ id: "b", duplicateGroup: "g1" });
  });

  it("ignores other quarters, missing places and old tips", () => {
    expect(findDuplicateOf({ quarterId: "q3", place: "karaoke Hoàng Gia", createdAt: base }, open)).toBeNull();
    expect(findDuplicateOf({ quarterId: null, place: "karaoke Hoàng Gia", createdAt: base }, open)).toBeNull();
    expect(findDuplicateOf({ quarterId: "q1", place: null, createdAt: base }, open)).toBeNull();
    expect(findDuplicateOf({ quarterId: "q1", place: "karaoke Hoàng Gia", createdAt: new Date(base.getTime() + 20 * day) }, open)).toBeNull();
  });
});
