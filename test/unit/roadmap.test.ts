import { describe, expect, it } from "vitest";
import { defaultTargets, roadmapChartSvg, roadmapProgress, statusAtYearEnd } from "../../src/domain/roadmap.js";

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
      { year: 2025, target: 1, actual: 1, behind: ["KP 2", "KP 3"] },
      { year: 2026, target: 2, actual: 2, behind: ["KP 3"] },
    ]);
    const svg = roadmapChartSvg(progress, 3, { title: "Lộ trình", target: "Mục tiêu", actual: "Thực tế" });
    expect(svg.match(/<rect x="\d+" y="[\d.]+" width="44"/g)).toHaveLength(2);
    expect(svg).toContain("polyline");
  });
});
