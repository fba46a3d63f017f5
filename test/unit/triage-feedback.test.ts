// What officers' priority changes say about triage: the pure aggregation /triage
// and the report's sheet print (agreement, corrections, reasons, signals).
import { describe, expect, it } from "vitest";
import { OVERRIDE_REASONS, summarizeTriageFeedback, type TriageOverrideFact } from "../../src/domain/triage-feedback.js";

const override = (bot: TriageOverrideFact["botPriority"], officer: TriageOverrideFact["officerPriority"], reason: TriageOverrideFact["reason"] = null, signals: string[] = []): TriageOverrideFact => ({
  botPriority: bot,
  officerPriority: officer,
  reason,
  signals,
});

describe("summarizeTriageFeedback", () => {
  it("counts every tip the officers left as the bot ranked it as agreement, and a tip set back to the bot's priority too", () => {
    const s = summarizeTriageFeedback(10, [override("normal", "high"), override("low", "low"), override("urgent", "high")]);
    expect(s).toMatchObject({ tips: 10, changed: 2, kept: 8, agreement: 0.8 });
  });

  it("gives no agreement rate for a period without tips", () => {
    expect(summarizeTriageFeedback(0, [])).toMatchObject({ tips: 0, changed: 0, kept: 0, agreement: null, corrections: [], reasons: [], signals: [] });
  });

  it("lists corrections by how often, then from the higher priority, and counts raised and lowered", () => {
    const s = summarizeTriageFeedback(20, [
      override("normal", "high"),
      override("low", "normal"),
      override("normal", "high"),
      override("high", "low"),
      override("normal", "high"),
      override("low", "normal"),
      override("urgent", "normal"),
    ]);
    expect(s.corrections).toEqual([
      { from: "normal", to: "high", count: 3 },
      { from: "low", to: "normal", count: 2 },
      { from: "urgent", to: "normal", count: 1 },
      { from: "high", to: "low", count: 1 },
    ]);
    expect(s).toMatchObject({ raised: 5, lowered: 2, changed: 7, kept: 13 });
  });

  it("counts the reasons given and the tips changed without one, in the order of the fixed list", () => {
    const s = summarizeTriageFeedback(5, [override("normal", "high", "children"), override("normal", "urgent", "happening_now"), override("high", "low", "stale_or_unclear"), override("high", "low", "children"), override("low", "normal")]);
    expect(s.reasons).toEqual([
      { reason: "happening_now", count: 1 },
      { reason: "children", count: 2 },
      { reason: "stale_or_unclear", count: 1 },
    ]);
    expect(s.withoutReason).toBe(1);
    expect(OVERRIDE_REASONS.indexOf("happening_now")).toBeLessThan(OVERRIDE_REASONS.indexOf("children"));
  });

  it("ignores a reason left on a tip set back to the bot's priority, and counts only changed tips' signals, most frequent first", () => {
    const s = summarizeTriageFeedback(6, [
      override("normal", "high", "children", ["drug_terms", "children"]),
      override("normal", "urgent", null, ["drug_terms", "happening_now"]),
      override("low", "low", "other", ["hearsay"]),
    ]);
    expect(s.reasons).toEqual([{ reason: "children", count: 1 }]);
    expect(s.withoutReason).toBe(1);
    expect(s.signals).toEqual([
      { signal: "drug_terms", count: 2 },
      { signal: "happening_now", count: 1 },
      { signal: "children", count: 1 },
    ]);
  });

  it("leaves out a signal code triage no longer knows", () => {
    expect(summarizeTriageFeedback(1, [override("normal", "high", null, ["drug_terms", "gone_code"])]).signals).toEqual([{ signal: "drug_terms", count: 1 }]);
  });

  it("never reports more changed tips than tips (overrides of tips counted in another period's total)", () => {
    const s = summarizeTriageFeedback(1, [override("normal", "high"), override("low", "high")]);
    expect(s).toMatchObject({ tips: 2, changed: 2, kept: 0, agreement: 0 });
  });
});
