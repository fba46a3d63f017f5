// Officers' buttons on a tip card in the ward's police group, and the /tips list's filters.
import { z } from "zod";
import { PRIORITIES } from "../../domain/tip.js";
import { OVERRIDE_REASONS } from "../../domain/triage-feedback.js";
import { OUTCOME_COUNT_MAX, OUTCOME_KINDS } from "../../domain/tip-outcome.js";
import { buttonKind, EXAMPLE_ID, OTHER_EXAMPLE_ID, parserFor, type PressOf, recordId, wholeNumber } from "./button-kind.js";

const tipId = recordId;
const onCard = { audience: "officer-of-card-ward" } as const;
const adminOnCard = { audience: "admin-of-card-ward" } as const;
const justTheTip = { args: { tipId }, examples: [{ tipId: EXAMPLE_ID }] };
const outcomeKind = z.enum(OUTCOME_KINDS);
const outcomeCount = wholeNumber(6).pipe(z.number().int().min(1).max(OUTCOME_COUNT_MAX));

export const cardButtons = {
  claim: buttonKind({ prefix: "c:claim", ...onCard, ...justTheTip }),
  status: buttonKind({
    prefix: "c:st",
    ...onCard,
    args: { tipId, status: z.enum(["verifying", "acted"]) },
    examples: [{ tipId: EXAMPLE_ID, status: "verifying" }, { tipId: EXAMPLE_ID, status: "acted" }],
  }),
  priorityMenu: buttonKind({ prefix: "c:pm", ...onCard, ...justTheTip }),
  closeMenu: buttonKind({ prefix: "c:cm", ...onCard, ...justTheTip }),
  duplicateMenu: buttonKind({ prefix: "c:dm", ...onCard, ...justTheTip }),
  back: buttonKind({ prefix: "c:back", ...onCard, ...justTheTip }),
  ask: buttonKind({ prefix: "c:ask", ...onCard, ...justTheTip }),
  priority: buttonKind({
    prefix: "c:p",
    ...onCard,
    args: { tipId, priority: z.enum(PRIORITIES) },
    examples: PRIORITIES.map((priority) => ({ tipId: EXAMPLE_ID, priority })),
  }),
  /** Why the officer ranked the tip otherwise than the bot: one tap after the change (domain/triage-feedback.ts). */
  priorityReason: buttonKind({
    prefix: "c:pr",
    ...onCard,
    args: { tipId, reason: z.enum(OVERRIDE_REASONS) },
    examples: OVERRIDE_REASONS.map((reason) => ({ tipId: EXAMPLE_ID, reason })),
  }),
  close: buttonKind({
    prefix: "c:x",
    ...onCard,
    // A duplicate is closed by choosing the original (c:d), never by this button.
    args: { tipId, reason: z.enum(["confirmed", "unfounded", "spam"]) },
    examples: [{ tipId: EXAMPLE_ID, reason: "confirmed" }, { tipId: EXAMPLE_ID, reason: "spam" }],
  }),
  duplicate: buttonKind({
    prefix: "c:d",
    ...onCard,
    args: { tipId, originalId: recordId },
    examples: [{ tipId: EXAMPLE_ID, originalId: OTHER_EXAMPLE_ID }],
  }),
  /** "👤 Giao việc": the ward admin's list of officers to hand the tip to. */
  assignMenu: buttonKind({ prefix: "c:am", ...adminOnCard, ...justTheTip }),
  assign: buttonKind({
    prefix: "c:as",
    ...adminOnCard,
    args: { tipId, memberId: recordId },
    examples: [{ tipId: EXAMPLE_ID, memberId: OTHER_EXAMPLE_ID }],
  }),
  // What came of a tip closed as verified true (domain/tip-outcome.ts).
  outcomeMenu: buttonKind({ prefix: "c:om", ...onCard, ...justTheTip }),
  outcomeDone: buttonKind({ prefix: "c:od", ...onCard, ...justTheTip }),
  /** A kind chosen: a hand-over is recorded at once, the others ask their count. */
  outcomeKind: buttonKind({
    prefix: "c:ok",
    ...onCard,
    args: { tipId, kind: outcomeKind },
    examples: OUTCOME_KINDS.map((kind) => ({ tipId: EXAMPLE_ID, kind })),
  }),
  /** The count being stepped up or down before "Ghi". */
  outcomeStep: buttonKind({
    prefix: "c:os",
    ...onCard,
    args: { tipId, kind: outcomeKind, count: outcomeCount },
    examples: [{ tipId: EXAMPLE_ID, kind: "dealing_point_dismantled", count: OUTCOME_COUNT_MAX }, { tipId: EXAMPLE_ID, kind: "plants_destroyed", count: 120 }],
  }),
  /** Records the outcome; no count: "not known yet" (only where the kind allows it). */
  outcomeRecord: buttonKind({
    prefix: "c:oc",
    ...onCard,
    args: { tipId, kind: outcomeKind, count: outcomeCount.optional() },
    examples: [{ tipId: EXAMPLE_ID, kind: "dealing_point_dismantled", count: OUTCOME_COUNT_MAX }, { tipId: EXAMPLE_ID, kind: "case_opened", count: 3 }, { tipId: EXAMPLE_ID, kind: "case_opened" }, { tipId: EXAMPLE_ID, kind: "handed_over" }],
  }),
  outcomeRemove: buttonKind({
    prefix: "c:ox",
    ...onCard,
    args: { tipId, outcomeId: recordId },
    examples: [{ tipId: EXAMPLE_ID, outcomeId: OTHER_EXAMPLE_ID }],
  }),
};

/** Every card button's data starts so: the card handler answers them all, a forged one quietly. */
export const CARD_DATA = /^c:/;
export type CardPress = PressOf<typeof cardButtons>;
export const parseCardPress = parserFor(cardButtons);

/** `/tips`: page, priority, quarter number (0 = all) and taken or not. */
export const tipListButton = buttonKind({
  prefix: "tl",
  audience: "ward-staff",
  args: { page: wholeNumber(4), priority: z.enum(["all", ...PRIORITIES]), quarter: wholeNumber(3), state: z.enum(["all", "new", "taken"]) },
  examples: [
    { page: 0, priority: "all", quarter: 0, state: "all" },
    { page: 9999, priority: "urgent", quarter: 500, state: "taken" },
  ],
});
export type TipFilter = NonNullable<ReturnType<typeof tipListButton.parse>>;
