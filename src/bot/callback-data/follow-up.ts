// A resident's follow-up by receipt code: the status menu and "Gửi" for added information.
import { buttonKind, parserFor } from "./button-kind.js";

const inFlow = { audience: "resident-in-flow", examples: [{}] } as const;
export const followUpButtons = {
  answer: buttonKind({ prefix: "f:answer", ...inFlow }),
  add: buttonKind({ prefix: "f:add", ...inFlow }),
  stopNotifying: buttonKind({ prefix: "f:stop", ...inFlow }),
  send: buttonKind({ prefix: "f:send", ...inFlow }),
};

/** The status menu's choices (its "Xong" is the shared cancel button). */
export const followUpMenu = { answer: followUpButtons.answer, add: followUpButtons.add, stopNotifying: followUpButtons.stopNotifying };
export const parseFollowUpChoice = parserFor(followUpMenu);
