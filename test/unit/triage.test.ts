import { describe, expect, it } from "vitest";
import { detectSignals, triageTip, type TriageInput } from "../../src/domain/triage.js";

const tip = (over: Partial<TriageInput>): TriageInput => ({ category: "other", timing: "this_week", description: "", ...over });

describe("triageTip", () => {
  it.each([
    ["dealing to pupils right now, no diacritics, capitals", tip({ category: "dealing", timing: "this_week", description: "thang nhoc o nha tro so 5 DANG BAN DA cho hoc sinh" })],
    ["a person in meth psychosis with a knife now", tip({ category: "person_using", timing: "now", description: "Thằng con nhà bên ngáo đá cầm dao đòi chém người" })],
    ["school category happening now", tip({ category: "school", timing: "now", description: "có người lạ đứng đưa gói gì đó cho các em" })],
    ["psychosis and violence earlier still urgent", tip({ category: "person_using", timing: "earlier", description: "ngao da, dap pha, danh nguoi trong xom" })],
  ])("urgent: %s", (_, input) => {
    expect(triageTip(input).priority).toBe("urgent");
  });

  it.each([
    ["pupils involved, not now", tip({ category: "dealing", timing: "this_week", description: "bán kẹo lắc cho học sinh cấp 2" })],
    ["dealing today", tip({ category: "dealing", timing: "today", description: "có người giao hàng trắng ở đầu hẻm" })],
    ["use venue happening now (slang)", tip({ category: "use_venue", timing: "now", description: "phong karaoke tang 3 dang bay lac" })],
    ["psychosis words", tip({ category: "person_using", timing: "ongoing", description: "ông ấy hay lên cơn hoang tưởng" })],
    ["school category without now", tip({ category: "school", timing: "earlier", description: "nghe nói có hút thuốc lá điện tử" })],
  ])("high: %s", (_, input) => {
    expect(triageTip(input).priority).toBe("high");
  });

  it.each([
    ["candy for my kid", tip({ category: "other", description: "Hôm qua tôi mua kẹo cho con ở tiệm tạp hóa" })],
    ["football", tip({ category: "other", description: "bọn trẻ đá bóng ngoài đường ồn quá" })],
    ["grass growing", tip({ category: "other", description: "cỏ mọc cao ở bãi đất trống" })],
    ["online shop", tip({ category: "other", description: "nhà bên bán hàng online suốt ngày" })],
    ["building site, not a school gate", tip({ category: "other", description: "xe tải ra vào công trường cả đêm" })],
    ["posting on facebook is not 'now'", tip({ category: "other", description: "hắn đăng bài trên mạng" })],
  ])("false friends stay low: %s", (_, input) => {
    const result = triageTip(input);
    expect(result.priority).toBe("low");
    expect(result.reasons).not.toContain("drug_terms");
    expect(result.reasons).not.toContain("children");
  });

  it("'other' with drug slang is normal, not low", () => {
    const result = triageTip(tip({ category: "other", timing: "ongoing", description: "hay thấy người lạ hút cỏ ở bờ sông" }));
    expect(result.priority).toBe("normal");
    expect(result.reasons).toContain("drug_terms");
  });

  it("long ago with nothing notable is low", () => {
    expect(triageTip(tip({ category: "use_venue", timing: "earlier", description: "nhà trọ cuối xóm hay có người lạ" })).priority).toBe("low");
  });

  it("plant growing this week is normal", () => {
    expect(triageTip(tip({ category: "plant_growing", timing: "this_week", description: "trồng cây lạ trong vườn" })).priority).toBe("normal");
  });

  it("scores more signals higher within a priority", () => {
    const a = triageTip(tip({ category: "dealing", timing: "today", description: "bán đồ" }));
    const b = triageTip(tip({ category: "dealing", timing: "today", description: "bán ma túy, có cả thuốc lắc" }));
    expect(a.priority).toBe(b.priority);
    expect(b.score).toBeGreaterThan(a.score);
  });
});

describe("detectSignals", () => {
  it("reads 'đang' as now only where it is written with its diacritics, or with none at all", () => {
    expect(detectSignals("hắn đang bán").has("now")).toBe(true);
    expect(detectSignals("han dang ban").has("now")).toBe(true);
    expect(detectSignals("hắn đăng bán").has("now")).toBe(false);
  });

  it("tells the school gate from a building site when diacritics are present", () => {
    expect(detectSignals("đứng ở cổng trường").has("children")).toBe(true);
    expect(detectSignals("đứng ở công trường").has("children")).toBe(false);
    expect(detectSignals("dung o cong truong").has("children")).toBe(true);
  });

  it("matches whole words only", () => {
    expect(detectSignals("ăn kem dừa").has("drug")).toBe(false);
    expect(detectSignals("MA TUÝ").has("drug")).toBe(true);
    expect(detectSignals("ma-tuy!!!").has("drug")).toBe(true);
  });
});
