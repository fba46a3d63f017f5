// Officers' buttons on a tip card in the ward's police group, and the /tips list's filters.
import { z } from "zod";
import { PRIORITIES } from "../../domain/tip.js";
import { buttonKind, EXAMPLE_ID, OTHER_EXAMPLE_ID, parserFor, type PressOf, recordId, wholeNumber } from "./button-kind.js";

const tipId = recordId;
const onCard = { audience: "officer-of-card-ward" } as const;
const justTheTip = { args: { tipId }, examples: [{ tipId: EXAMPLE_ID }] };

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
