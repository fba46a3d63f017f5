// Buttons every flow shares.
import { buttonKind } from "./button-kind.js";

/** "✖️ Hủy" (or "Xong" in the follow-up menu): ends whichever flow showed it. */
export const cancelButton = buttonKind({ prefix: "t:cancel", audience: "anyone-in-flow", examples: [{}] });
