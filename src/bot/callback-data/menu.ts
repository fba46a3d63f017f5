// The welcome's choices, shown to anyone who starts the bot.
import { z } from "zod";
import { buttonKind } from "./button-kind.js";

/** The welcome's two choices; a ward link's slug rides on the tip button, never stored. */
export const menuButtons = {
  tip: buttonKind({
    prefix: "menu:tip",
    audience: "anyone-private",
    args: { ward: z.string().regex(/^[a-z0-9-]{2,40}$/).optional() },
    examples: [{}, { ward: "phuong-ben-thanh" }, { ward: "a-ward-slug-of-the-longest-length-forty0" }],
  }),
  follow: buttonKind({ prefix: "menu:status", audience: "anyone-private", examples: [{}] }),
};
