import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  type CheckInAnswers,
  checkInAnswersSchema,
  hasSigns,
  NOTHING_TO_REPORT,
  parseCount,
  type QuarterWeek,
  readStoredAnswers,
  type StockObservation,
  stocksAsOf,
  summarizeWeek,
  unchangedStocks,
  wardStocks,
  zeroFlows,
} from "../../src/domain/check-in.js";
import { addDays } from "../../src/domain/deadlines.js";
import { CELL_COLOURS, CELL_STATUSES, type GridInput, weeklyGrid, weeklyGridSvg } from "../../src/domain/summary-chart.js";
import { renderPng } from "../../src/services/charts.js";

const q = (name: string, answers: QuarterWeek["answers"], answered = true, hasHead = true): QuarterWeek => ({ quarterId: name, name, answers, answered, hasHead });
const withFlows = (flows: Partial<CheckInAnswers["flows"]>, over: Partial<CheckInAnswers> = {}): CheckInAnswers => ({ ...NOTHING_TO_REPORT, ...over, flows: { ...zeroFlows(), ...flows } });
const noStocks = wardStocks([]);

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
    expect(checkInAnswersSchema.safeParse(withFlows({ newSuspectedUsers: -1 })).success).toBe(false);
    expect(checkInAnswersSchema.safeParse(withFlows({ awarenessParticipants: 10_001 })).success).toBe(false);
    expect(checkInAnswersSchema.safeParse({ ...NOTHING_TO_REPORT, note: "x".repeat(1001) }).success).toBe(false);
  });

  it("reads answers stored before stocks and flows were told apart: the weekly 'stable' figure is not a flow", () => {
    const legacy = {
      newSigns: { yes: true, detail: "hẻm 3" },
      newSuspectedUsers: 2,
      rehabStable: 4,
      rehabRelapsed: 1,
      rehabMovedAway: 1,
      suspiciousBusinesses: { yes: false, detail: null },
      plantGrowing: { yes: false, detail: null },
      awarenessActivities: 3,
      urgent: { yes: false, detail: null },
      note: null,
    };
    const read = readStoredAnswers(JSON.stringify(legacy))!;
    expect(read.flows).toEqual({ ...zeroFlows(), newSuspectedUsers: 2, relapsed: 1, movedAway: 1, awarenessSessions: 3 });
    expect(read.newSigns).toEqual({ yes: true, detail: "hẻm 3" });
    expect(JSON.stringify(read)).not.toContain("4");
    expect(readStoredAnswers(JSON.stringify(NOTHING_TO_REPORT))).toEqual(NOTHING_TO_REPORT);
    expect(readStoredAnswers("{}")).toBeNull();
    expect(readStoredAnswers("not json")).toBeNull();
  });

  it("counts as signs what the police should look at, not people back from rehab or prison", () => {
    expect(hasSigns(withFlows({ backFromRehab: 2, backFromPrison: 1, awarenessSessions: 3, awarenessParticipants: 80 }))).toBe(false);
    for (const key of ["newSuspectedUsers", "relapsed", "incidents", "dealingPoints", "useVenues", "plantSites"] as const) expect(hasSigns(withFlows({ [key]: 1 }))).toBe(true);
    expect(hasSigns({ ...NOTHING_TO_REPORT, suspiciousBusinesses: { yes: true, detail: null } })).toBe(true);
  });
});

describe("stocks are not flows", () => {
  // 26 Fridays from 19 December 2025: the weeks of the half-year to 14 June 2026.
  const fridays = Array.from({ length: 26 }, (_, i) => addDays("2025-12-19", 7 * i));
  const observe = (weekOf: string, stocks: StockObservation["stocks"]): StockObservation => ({ weekOf, confirmedOn: addDays(weekOf, 1), stocks });

  it("a stock carried over 26 weeks reports once, at its value at the period's end", () => {
    const weeks = fridays.map((f) => observe(f, { addicts: 2, users: 1, postRehab: 3 }));
    const atEnd = stocksAsOf(weeks, "2026-06-14");
    expect(atEnd).toEqual({
      addicts: { count: 2, confirmedOn: "2026-06-13" },
      users: { count: 1, confirmedOn: "2026-06-13" },
      postRehab: { count: 3, confirmedOn: "2026-06-13" },
    });
    expect(wardStocks([atEnd]).totals).toEqual({ addicts: 2, users: 1, postRehab: 3 });
  });

  it("'Không có gì mới' keeps the stocks as they stand, and confirms them that day", () => {
    const first = observe(fridays[0]!, { addicts: 2, users: 1, postRehab: 3 });
    const current = stocksAsOf([first], fridays[1]!);
    const nothingNew = observe(fridays[1]!, unchangedStocks(current));
    expect(nothingNew.stocks).toEqual({ addicts: 2, users: 1, postRehab: 3 });
    expect(stocksAsOf([first, nothingNew], "2026-06-14").postRehab).toEqual({ count: 3, confirmedOn: addDays(fridays[1]!, 1) });
  });

  it("a stock changed mid-period reports the value at the end, and a date before the change the value then", () => {
    const weeks = fridays.map((f, i) => observe(f, { addicts: 2, users: 1, postRehab: i < 13 ? 3 : 5 }));
    expect(stocksAsOf(weeks, "2026-06-14").postRehab?.count).toBe(5);
    expect(stocksAsOf(weeks, fridays[12]!).postRehab?.count).toBe(3);
    // Weeks that open after the date do not count, whatever order the rows come in.
    expect(stocksAsOf([...weeks].reverse(), addDays(fridays[13]!, -1)).postRehab?.count).toBe(3);
  });

  it("a figure no head gave stays unknown, never zero; each figure carries on its own", () => {
    const weeks = [observe(fridays[0]!, { addicts: null, users: null, postRehab: 4 }), observe(fridays[1]!, { addicts: 1, users: null, postRehab: null })];
    const atEnd = stocksAsOf(weeks, "2026-06-14");
    expect(atEnd).toEqual({ addicts: { count: 1, confirmedOn: addDays(fridays[1]!, 1) }, users: null, postRehab: { count: 4, confirmedOn: addDays(fridays[0]!, 1) } });
    expect(stocksAsOf(weeks, "2025-12-01")).toEqual({ addicts: null, users: null, postRehab: null });
    expect(wardStocks([atEnd, atEnd])).toEqual({ totals: { addicts: 2, users: 0, postRehab: 8 }, known: { addicts: 2, users: 0, postRehab: 2 }, quarters: 2 });
  });
});

describe("summarizeWeek", () => {
  const signs = withFlows({ newSuspectedUsers: 2, awarenessSessions: 1, awarenessParticipants: 40 }, { newSigns: { yes: true, detail: "hẻm 4" } });
  const urgent = withFlows({ newSuspectedUsers: 1 }, { urgent: { yes: true, detail: "ngáo đá" } });
  const rows = [q("KP 1", NOTHING_TO_REPORT), q("KP 2", signs), q("KP 3", urgent), q("KP 4", null, false), q("KP 5", null, false, false)];

  it("counts response rate over quarters that have a head, lists who is missing, and sums this week's flows", () => {
    const s = summarizeWeek("2026-W48", rows, null, noStocks);
    expect(s).toMatchObject({ expected: 4, answered: 3, missing: ["KP 4"], withSigns: ["KP 2", "KP 3"], urgent: ["KP 3"], change: null });
    expect(s.responseRate).toBeCloseTo(0.75);
    expect(s.totals).toMatchObject({ newSuspectedUsers: 3, awarenessSessions: 1, awarenessParticipants: 40, quartersWithSigns: 2 });
    expect(s.quarters.map((x) => x.status)).toEqual(["nothing", "signs", "urgent", "missing", "skipped"]);
  });

  it("computes week-over-week change of flows and carries the stocks it is given", () => {
    const previous = [q("KP 1", withFlows({ newSuspectedUsers: 5 }))];
    const stocks = wardStocks([{ addicts: { count: 2, confirmedOn: "2026-11-20" }, users: null, postRehab: { count: 3, confirmedOn: "2026-11-20" } }]);
    const s = summarizeWeek("2026-W48", rows, previous, stocks);
    expect(s.change?.newSuspectedUsers).toBe(-2);
    expect(s.change?.quartersWithSigns).toBe(1);
    expect(s.stocks.totals).toEqual({ addicts: 2, users: 0, postRehab: 3 });
  });
});

describe("the weekly picture", () => {
  const weeks = Array.from({ length: 10 }, (_, i) => ({ week: `2026-W${String(39 + i).padStart(2, "0")}`, opensOn: addDays("2026-09-25", 7 * i), holiday: i === 2 }));
  const quarters = Array.from({ length: 4 }, (_, i) => ({ id: `q${i + 1}`, name: `Khu phố ${i + 1}` }));
  const answered = (quarterId: string, week: string, answers: CheckInAnswers, answeredByRole: string | null = "head") => ({ quarterId, week, status: "answered", answers, answeredByRole });
  const input: GridInput = {
    weeks,
    quarters,
    checkIns: weeks.slice(1).flatMap((w, i) =>
      w.holiday
        ? []
        : [
            answered("q1", w.week, NOTHING_TO_REPORT),
            answered("q2", w.week, i % 2 ? withFlows({ dealingPoints: 1 }, { newSigns: { yes: true, detail: null } }) : NOTHING_TO_REPORT, i === 4 ? "deputy" : "head"),
            i === 7 ? answered("q3", w.week, { ...NOTHING_TO_REPORT, urgent: { yes: true, detail: null } }) : { quarterId: "q3", week: w.week, status: "pending", answers: null, answeredByRole: null },
          ],
    ),
  };
  const labels = {
    title: "Báo cáo tuần của các khu phố — 10 tuần gần nhất",
    subtitle: "Báo cáo tuần 48 (23/11–29/11) — đã trả lời 2/3",
    week: (n: number) => `tuần ${n}`,
    legend: { nothing: "Không có gì mới", signs: "Có dấu hiệu", urgent: "Khẩn cấp", missing: "Không trả lời", noHead: "Chưa có tổ trưởng", holiday: "Nghỉ lễ, Tết", notOpen: "Chưa mở" },
    byDeputy: "Tổ phó trả lời thay",
  };

  it("gives every quarter a cell for every week, coloured by what its check-in said", () => {
    const grid = weeklyGrid(input);
    expect(grid.rows.map((r) => r.cells.length)).toEqual([10, 10, 10, 10]);
    const row = (i: number) => grid.rows[i]!.cells.map((c) => c.status);
    expect(row(0)).toEqual(["notOpen", "nothing", "holiday", ...Array(7).fill("nothing")]);
    expect(row(1).slice(3)).toEqual(["nothing", "signs", "nothing", "signs", "nothing", "signs", "nothing"]);
    expect(row(2)).toEqual(["notOpen", "missing", "holiday", "missing", "missing", "missing", "missing", "missing", "urgent", "missing"]);
    expect(row(3)).toEqual(["notOpen", "noHead", "holiday", ...Array(7).fill("noHead")]);
    expect(grid.rows[1]!.cells.filter((c) => c.byDeputy)).toHaveLength(1);
  });

  it("draws one cell per quarter and week, week headings, and a legend entry for each status shown and no other", () => {
    const svg = weeklyGridSvg(weeklyGrid(input), labels);
    expect(svg.match(/<rect class="cell /g)).toHaveLength(4 * 10);
    for (let r = 0; r < 4; r++) for (let c = 0; c < 10; c++) expect(svg).toContain(`data-row="${r}" data-col="${c}"`);
    expect(svg.match(/<text class="week"/g)).toHaveLength(10);
    expect(svg).toContain(">tuần 39<");
    expect(svg).toContain(">25/9<");
    expect(svg.match(/<text class="quarter"/g)).toHaveLength(4);
    const legend = [...svg.matchAll(/<g class="legend (\w+)"/g)].map((m) => m[1]);
    expect(legend).toEqual(["nothing", "signs", "urgent", "missing", "noHead", "holiday", "notOpen", "byDeputy"]);
    for (const s of CELL_STATUSES) expect(svg).toContain(labels.legend[s]);

    const quiet = weeklyGridSvg(weeklyGrid({ ...input, checkIns: input.checkIns.filter((c) => c.status === "answered" && c.answeredByRole === "head" && !hasSigns(c.answers!)) }), labels);
    expect([...quiet.matchAll(/<g class="legend (\w+)"/g)].map((m) => m[1])).toEqual(["nothing", "noHead", "holiday", "notOpen"]);
    expect(quiet).not.toContain(labels.byDeputy);
  });

  it("renders to a PNG whose cells carry their status colour and whose text is drawn", async () => {
    const svg = weeklyGridSvg(weeklyGrid(input), labels);
    const png = await renderPng(svg);
    const { data, info } = await sharp(Buffer.from(png)).raw().toBuffer({ resolveWithObject: true });
    const rgb = (x: number, y: number) => {
      const i = (Math.round(y) * info.width + Math.round(x)) * info.channels;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    };
    const pixel = (x: number, y: number) => `#${rgb(x, y).map((v) => v.toString(16).padStart(2, "0")).join("")}`;
    // Every cell's upper left inner corner (clear of marks and the deputy dot) shows its status colour.
    for (const m of svg.matchAll(/<rect class="cell (\w+)" data-row="\d+" data-col="\d+" x="([\d.]+)" y="([\d.]+)"/g)) {
      if (m[1] === "notOpen") continue; // white on white, drawn by its dashed border
      expect(pixel(Number(m[2]) + 6, Number(m[3]) + 5)).toBe(CELL_COLOURS[m[1] as keyof typeof CELL_COLOURS]);
    }
    // The title's band has dark pixels: the font drew Vietnamese text.
    let dark = 0;
    for (let x = 20; x < 500; x++) for (let y = 14; y < 38; y++) if (Math.max(...rgb(x, y)) < 96) dark++;
    expect(dark).toBeGreaterThan(300);
  });
});
