import { describe, expect, it } from "vitest";
import { quarterStatusArgs } from "../../src/bot/features/roadmap.js";
import { defaultTargets, parseDecisionText, QUARTER_STATUSES, roadmapChartSvg, roadmapProgress, statusAtYearEnd, targetOrigins } from "../../src/domain/roadmap.js";

describe("roadmap", () => {
  it("reproduces Quy Nhơn Đông's targets for 19 quarters", () => {
    expect(defaultTargets(19).map((t) => t.count)).toEqual([4, 10, 11, 13, 15, 19]);
  });

  it("takes each quarter's latest decision on or before the year's end", () => {
    const records = [
      { quarterId: "q1", status: "building" as const, decidedOn: "2025-06-01" },
      { quarterId: "q1", status: "drug_free" as const, decidedOn: "2026-03-15" },
      { quarterId: "q1", status: "hotspot" as const, decidedOn: "2027-01-10" },
    ];
    expect(statusAtYearEnd(records, "q1", 2025)).toBe("building");
    expect(statusAtYearEnd(records, "q1", 2026)).toBe("drug_free");
    expect(statusAtYearEnd(records, "q1", 2027)).toBe("hotspot");
    expect(statusAtYearEnd(records, "q2", 2026)).toBe("unassessed");
  });

  it("counts actual against target and lists the quarters behind", () => {
    const quarters = [{ id: "q1", name: "KP 1" }, { id: "q2", name: "KP 2" }, { id: "q3", name: "KP 3" }];
    const progress = roadmapProgress(quarters, [{ year: 2026, count: 2 }, { year: 2025, count: 1 }], [
      { quarterId: "q1", status: "drug_free", decidedOn: "2025-12-31" },
      { quarterId: "q2", status: "drug_free", decidedOn: "2026-01-01" },
    ]);
    expect(progress).toEqual([
      { year: 2025, target: 1, source: "ward", actual: 1, behind: ["KP 2", "KP 3"] },
      { year: 2026, target: 2, source: "ward", actual: 2, behind: ["KP 3"] },
    ]);
    const svg = roadmapChartSvg(progress, 3, { title: "Lộ trình", target: "Mục tiêu", actual: "Thực tế" });
    expect(svg.match(/<rect x="\d+" y="[\d.]+" width="44"/g)).toHaveLength(2);
    expect(svg).toContain("polyline");
  });

  it("knows the status the plans name for areas at risk of becoming complex", () => {
    expect(QUARTER_STATUSES).toEqual(["drug_free", "building", "at_risk", "hotspot", "unassessed"]);
  });

  it("says where each target came from: the plan's figure scaled to the ward, flagged for 2025, or the ward's own", () => {
    const stored = defaultTargets(38).map((t) => ({ ...t, source: "plan" }));
    stored[2] = { year: 2027, count: 30, source: "ward" };
    const origins = targetOrigins(stored, 38);
    expect(origins[0]).toEqual({ year: 2025, count: 8, source: "plan", plan: { percent: 20, planCount: null, impliedCount: 9, scaledImplied: 18 } });
    expect(origins[1]).toEqual({ year: 2026, count: 20, source: "plan", plan: { percent: 52, planCount: 10, impliedCount: null, scaledImplied: null } });
    expect(origins[2]).toEqual({ year: 2027, count: 30, source: "ward", plan: null });
    // A "plan" target that no longer matches the plan's scaled figure was changed by the ward.
    expect(targetOrigins([{ year: 2026, count: 7, source: "plan" }], 19)[0]!.source).toBe("ward");
  });
});

describe("a quarter's decision as typed", () => {
  it("takes the decision's number and issuing body apart, and never a date for a number", () => {
    expect(parseDecisionText("Quyết định số 15/QĐ-UBND của UBND phường Quy Nhơn Đông")).toEqual({ number: "15/QĐ-UBND", issuer: "UBND phường Quy Nhơn Đông" });
    expect(parseDecisionText("số 145/QĐ-CAT-PC04, Công an tỉnh Gia Lai")).toEqual({ number: "145/QĐ-CAT-PC04", issuer: "Công an tỉnh Gia Lai" });
    expect(parseDecisionText("QĐ số 12/QĐ-CAP ngày 30/12")).toEqual({ number: "12/QĐ-CAP", issuer: null });
    expect(parseDecisionText("UBND phường")).toEqual({ number: null, issuer: "UBND phường" });
    expect(parseDecisionText("")).toEqual({ number: null, issuer: null });
  });

  it("reads /quarterstatus: quarter, date (not in the future), number, issuer", () => {
    const today = "2026-11-25";
    expect(quarterStatusArgs("5", today)).toEqual({ n: 5, date: today, number: null, issuer: null });
    expect(quarterStatusArgs("5 12/11/2026 Quyết định số 15/QĐ-UBND của UBND phường", today)).toEqual({ n: 5, date: "2026-11-12", number: "15/QĐ-UBND", issuer: "UBND phường" });
    expect(quarterStatusArgs("5 1/1/2099", today)).toBeNull();
    expect(quarterStatusArgs(`5 12/11/2026 ${"x".repeat(121)}`, today)).toBeNull();
  });
});
