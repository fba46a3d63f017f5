// The resident's anonymous tip flow.
import { z } from "zod";
import { TIP_CATEGORIES, TIP_TIMINGS } from "../../domain/tip.js";
import { buttonKind, wholeNumber } from "./button-kind.js";

export const EDITABLE_FIELDS = ["category", "quarter", "place", "timing", "description", "photos"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** A tip flow's data starts so: a press after the flow expired (or was dropped) gets a word. */
export const TIP_FLOW_DATA = /^t:/;

const inFlow = { audience: "resident-in-flow" } as const;
export const tipFlowButtons = {
  /** The ward, by its place in the list shown. */
  ward: buttonKind({ prefix: "t:w", ...inFlow, args: { index: wholeNumber(2) }, examples: [{ index: 0 }, { index: 7 }] }),
  category: buttonKind({ prefix: "t:cat", ...inFlow, args: { category: z.enum(TIP_CATEGORIES) }, examples: TIP_CATEGORIES.map((category) => ({ category })) }),
  /** The quarter, by its place in the ward's list, or "none" for "don't know". */
  quarter: buttonKind({
    prefix: "t:q",
    ...inFlow,
    args: { quarter: z.union([z.literal("none"), wholeNumber(3)]) },
    examples: [{ quarter: "none" }, { quarter: 0 }, { quarter: 499 }],
  }),
  timing: buttonKind({ prefix: "t:time", ...inFlow, args: { timing: z.enum(TIP_TIMINGS) }, examples: TIP_TIMINGS.map((timing) => ({ timing })) }),
  /** Whose place a map pin is: the reported place, where the resident stands, or take it back. */
  pin: buttonKind({ prefix: "t:pin", ...inFlow, args: { which: z.enum(["spot", "here", "drop"]) }, examples: [{ which: "spot" }, { which: "here" }, { which: "drop" }] }),
  photosDone: buttonKind({ prefix: "t:ph:done", ...inFlow, examples: [{}] }),
  photosSkip: buttonKind({ prefix: "t:ph:skip", ...inFlow, examples: [{}] }),
  review: buttonKind({
    prefix: "t:rev",
    ...inFlow,
    args: { action: z.enum(["submit", "edit", "notify"]) },
    examples: [{ action: "submit" }, { action: "edit" }, { action: "notify" }],
  }),
  edit: buttonKind({ prefix: "t:edit", ...inFlow, args: { field: z.enum(EDITABLE_FIELDS) }, examples: EDITABLE_FIELDS.map((field) => ({ field })) }),
};
