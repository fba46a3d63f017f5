import { describe, expect, it } from "vitest";
import { checkInAnswersSchema, NOTHING_TO_REPORT, parseCount, summarizeWeek, type QuarterWeek } from "../../src/domain/check-in.js";
import { summaryChartSvg } from "../../src/domain/summary-chart.js";

const q = (name: string, answers: QuarterWeek["answers"], answered = true, hasHead = true): QuarterWeek => ({ quarterId: name, name, answers, answered, hasHead });

describe("check-in answers", () => {
  it("reads counts leniently and refuses nonsense", () => {
    expect(parseCount("3")).toBe(3);
    expect(parseCount(" 03 người")).toBe(3);
    expect(parseCount("-2")).toBeNull();
    expect(parseCount("ba")).toBeNull();
    expect(parseCount("100000")).toBeNull();
  });

  it("validates bounds", () => {
    expect(checkInAnswersSchema.safeParse(NOTHING_TO_REPORT).success).toBe(true);
    expect(checkInAnswersSchema.safeParse({ ...NOTHING_TO_REPORT, newSuspectedUsers: -1 }).success).toBe(false);
    expect(checkInAnswersSchema.safeParse({ ...NOTHING_TO_REPORT, note: "x".repeat(1001) }).success).toBe(false);
  });
});

describe("summarizeWeek", () => {
  const signs = { ...NOTHING_TO_REPORT, newSigns: { yes: true, detail: "hẻm 4" }, newSuspectedUsers: 2, awarenessActivities: 1 };
  const urgent = { ...NOTHING_TO_REPORT, urgent: { yes: true, detail: "ngáo đá" }, newSuspectedUsers: 1 };
  const rows = [q("KP 1", NOTHING_TO_REPORT), q("KP 2", signs), q("KP 3", urgent), q("KP 4", null, false), q("KP 5", null, false, false)];

  it("counts response rate over quarters that have a head, and lists who is missing", () => {
    const s = summarizeWeek("2026-W48", rows, null);
    expect(s).toMatchObject({ expected: 4, answered: 3, missing: ["KP 4"], withSigns: ["KP 2", "KP 3"], urgent: ["KP 3"], change: null });
    expect(s.responseRate).toBeCloseTo(0.75);
    expect(s.totals).toMatchObject({ newSuspectedUsers: 3, awarenessActivities: 1, quartersWithSigns: 2 });
    expect(s.quarters.map((x) => x.status)).toEqual(["nothing", "signs", "urgent", "missing", "skipped"]);
  });

  it("computes week-over-week change", () => {
    const previous = [q("KP 1", { ...NOTHING_TO_REPORT, newSuspectedUsers: 5 })];
    const s = summarizeWeek("2026-W48", rows, previous);
    expect(s.change?.newSuspectedUsers).toBe(-2);
    expect(s.change?.quartersWithSigns).toBe(1);
  });

  it("draws one bar per quarter in its status colour", () => {
    const svg = summaryChartSvg(summarizeWeek("2026-W48", rows, null), {
      title: "Báo cáo tuần 2026-W48 — đã trả lời 3/4",
      legend: { nothing: "Không có gì mới", signs: "Có dấu hiệu", urgent: "Khẩn cấp", missing: "Chưa trả lời", skipped: "Chưa có tổ trưởng" },
    });
    expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="36"/g)).toHaveLength(5);
    expect(svg).toContain("#c8372d");
    expect(svg).toContain("đã trả lời 3/4");
  });
});
