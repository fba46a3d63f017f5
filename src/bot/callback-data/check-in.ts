// Quarter heads: the weekly prompt, the invite, the admin's list of heads, and the check-in flow's choices.
import { z } from "zod";
import { parseCount } from "../../domain/check-in.js";
import { buttonKind, EXAMPLE_ID, parserFor, type PressOf, recordId } from "./button-kind.js";

/** The weekly prompt's two buttons (and "Sửa" after "nothing new"). */
export const checkInPromptButtons = {
  start: buttonKind({ prefix: "ci:start", audience: "quarter-head", args: { checkInId: recordId }, examples: [{ checkInId: EXAMPLE_ID }] }),
  nothing: buttonKind({ prefix: "ci:none", audience: "quarter-head", args: { checkInId: recordId }, examples: [{ checkInId: EXAMPLE_ID }] }),
};
/** Every prompt button's data starts so: a forged one is answered quietly. */
export const CHECK_IN_PROMPT_DATA = /^ci:/;
export type CheckInPromptPress = PressOf<typeof checkInPromptButtons>;
export const parseCheckInPromptPress = parserFor(checkInPromptButtons);

export const headInviteButtons = {
  accept: buttonKind({
    prefix: "qh:ok",
    audience: "invite-holder",
    args: { payload: z.string().regex(/^qh_[\w-]{1,60}$/) },
    examples: [{ payload: "qh_Xk3v9QmR2pLw7nZt4bYc1d" }],
  }),
  decline: buttonKind({ prefix: "qh:no", audience: "anyone-private", examples: [{}] }),
};

/** ❌ under the admin's /heads list. */
export const removeHeadButton = buttonKind({ prefix: "hd:rm", audience: "ward-admin", args: { headId: recordId }, examples: [{ headId: EXAMPLE_ID }] });

const inFlow = { audience: "quarter-head-in-flow", examples: [{}] } as const;
/** A count is read like a typed one: forged data ("c2:n:-1", "c2:n:1e9") is not a count. */
const count = z.string().transform((text, ctx) => parseCount(text) ?? (ctx.addIssue({ code: "custom", message: "not a count" }), z.NEVER));

export const checkInFlowButtons = {
  yes: buttonKind({ prefix: "c2:yes", ...inFlow }),
  no: buttonKind({ prefix: "c2:no", ...inFlow }),
  count: buttonKind({ prefix: "c2:n", audience: "quarter-head-in-flow", args: { n: count }, examples: [0, 1, 5].map((n) => ({ n })) }),
  skip: buttonKind({ prefix: "c2:skip", ...inFlow }),
  submit: buttonKind({ prefix: "c2:submit", ...inFlow }),
  /** The people under management: "Vẫn đúng" keeps them, "Có thay đổi" asks each number. */
  stocksKeep: buttonKind({ prefix: "c2:keep", ...inFlow }),
  stocksEdit: buttonKind({ prefix: "c2:edit", ...inFlow }),
  restart: buttonKind({ prefix: "c2:restart", ...inFlow }),
};
