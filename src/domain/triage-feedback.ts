// What officers' priority changes say about triage. Each time an officer sets a
// tip's priority on its card, the bot's priority at filing and the officer's are
// kept, with a reason from a fixed list if the officer taps one, and the tip's
// reason codes (which signals triage saw). Nothing about who sent the tip, and
// no time finer than the tip's reporting month. Pure counting here.
import { TRIAGE_REASONS, type TriageReason } from "./triage.js";
import { comparePriority, PRIORITIES, type Priority } from "./tip.js";

/** Why an officer changed the bot's priority: one tap on the card, never typed. Append only. */
export const OVERRIDE_REASONS = ["happening_now", "children", "danger", "stale_or_unclear", "duplicate", "other"] as const;
export type OverrideReason = (typeof OVERRIDE_REASONS)[number];

/** One tip whose priority an officer set: the last priority set counts. */
export interface TriageOverrideFact {
  botPriority: Priority;
  officerPriority: Priority;
  reason: OverrideReason | null;
  /** The tip's triage reason codes when it was changed. */
  signals: readonly string[];
}

export interface TriageFeedback {
  /** Tips filed in the period. */
  tips: number;
  /** Tips whose priority officers left as the bot set it (or set back to it). */
  kept: number;
  /** Tips officers ranked differently. */
  changed: number;
  /** kept / tips; null without tips. */
  agreement: number | null;
  raised: number;
  lowered: number;
  /** Bot's priority → officer's, most frequent first. */
  corrections: { from: Priority; to: Priority; count: number }[];
  /** Reasons given for changed tips, in the fixed list's order. */
  reasons: { reason: OverrideReason; count: number }[];
  withoutReason: number;
  /** Triage signals the changed tips had, most frequent first. */
  signals: { signal: TriageReason; count: number }[];
}

const rank = (p: Priority) => PRIORITIES.indexOf(p);

export function summarizeTriageFeedback(tipsInPeriod: number, overrides: readonly TriageOverrideFact[]): TriageFeedback {
  const changed = overrides.filter((o) => o.botPriority !== o.officerPriority);
  // A period's tips are counted by when they were filed; an override is too, so this only guards against a tip counted elsewhere.
  const tips = Math.max(tipsInPeriod, changed.length);
  const corrections = new Map<string, { from: Priority; to: Priority; count: number }>();
  const reasons = new Map<OverrideReason, number>();
  const signals = new Map<TriageReason, number>();
  let raised = 0;
  let withoutReason = 0;
  for (const o of changed) {
    const key = `${o.botPriority}>${o.officerPriority}`;
    const c = corrections.get(key) ?? { from: o.botPriority, to: o.officerPriority, count: 0 };
    c.count++;
    corrections.set(key, c);
    if (comparePriority(o.officerPriority, o.botPriority) < 0) raised++;
    if (o.reason) reasons.set(o.reason, (reasons.get(o.reason) ?? 0) + 1);
    else withoutReason++;
    for (const s of new Set(o.signals)) if ((TRIAGE_REASONS as readonly string[]).includes(s)) signals.set(s as TriageReason, (signals.get(s as TriageReason) ?? 0) + 1);
  }
  return {
    tips,
    kept: tips - changed.length,
    changed: changed.length,
    agreement: tips === 0 ? null : (tips - changed.length) / tips,
    raised,
    lowered: changed.length - raised,
    corrections: [...corrections.values()].sort((a, b) => b.count - a.count || rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to)),
    reasons: OVERRIDE_REASONS.filter((r) => reasons.has(r)).map((reason) => ({ reason, count: reasons.get(reason)! })),
    withoutReason,
    signals: [...signals.entries()].map(([signal, count]) => ({ signal, count })).sort((a, b) => b.count - a.count || TRIAGE_REASONS.indexOf(a.signal) - TRIAGE_REASONS.indexOf(b.signal)),
  };
}
