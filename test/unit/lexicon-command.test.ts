// How /tukhoa reads what an officer typed: the verb and kind in Vietnamese (marks or not) or English.
import { describe, expect, it } from "vitest";
import { parseLexiconCommand } from "../../src/bot/features/lexicon.js";

describe("/tukhoa arguments", () => {
  it("reads a list, an add with its kind and a removal", () => {
    expect(parseLexiconCommand("")).toEqual({ action: "list" });
    expect(parseLexiconCommand("  ")).toEqual({ action: "list" });
    expect(parseLexiconCommand("them matuy kẹo  bay")).toEqual({ action: "add", kind: "drug", phrase: "kẹo bay" });
    expect(parseLexiconCommand("Thêm MaTúy kẹo bay")).toEqual({ action: "add", kind: "drug", phrase: "kẹo bay" });
    expect(parseLexiconCommand("them dangdienra đang lên")).toEqual({ action: "add", kind: "now", phrase: "đang lên" });
    expect(parseLexiconCommand("add child bé")).toEqual({ action: "add", kind: "child", phrase: "bé" });
    expect(parseLexiconCommand("them nguyhiem vác mã tấu")).toEqual({ action: "add", kind: "danger", phrase: "vác mã tấu" });
    expect(parseLexiconCommand("xoá kẹo bay")).toEqual({ action: "remove", phrase: "kẹo bay" });
    expect(parseLexiconCommand("remove keo bay")).toEqual({ action: "remove", phrase: "keo bay" });
  });

  it("shows how to use it for anything else", () => {
    for (const text of ["them", "them matuy", "them thoitiet mưa", "xoa", "kẹo bay", "list all"]) expect(parseLexiconCommand(text), text).toEqual({ action: "usage" });
  });
});
