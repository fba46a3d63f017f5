// The welcome's choices, shown to anyone who starts the bot.
import { z } from "zod";
import { FAMILY_TOPICS } from "../../domain/family-help.js";
import { buttonKind, oneOf } from "./button-kind.js";

const wardSlug = z.string().regex(/^[a-z0-9-]{2,40}$/);

/**
 * The welcome's choices; a ward link's slug rides on the tip and family buttons, never stored.
 * The family path's topics are "menu:" buttons too: they navigate by their data alone
 * (the Zalo bridge keeps no "menu:" choices either), so nothing about the reader is kept.
 */
export const menuButtons = {
  tip: buttonKind({
    prefix: "menu:tip",
    audience: "anyone-private",
    args: { ward: wardSlug.optional() },
    examples: [{}, { ward: "phuong-ben-thanh" }, { ward: "a-ward-slug-of-the-longest-length-forty0" }],
  }),
  follow: buttonKind({ prefix: "menu:status", audience: "anyone-private", examples: [{}] }),
  /** "open" comes from the welcome (a new message); "list" and a topic change the family message in place. */
  family: buttonKind({
    prefix: "menu:family",
    audience: "anyone-private",
    args: { topic: oneOf(["open", "list", ...FAMILY_TOPICS]).optional(), ward: wardSlug.optional() },
    examples: [{}, { topic: "list" }, { topic: "rehab", ward: "phuong-ben-thanh" }, { topic: "methadone", ward: "a-ward-slug-of-the-longest-length-forty0" }],
  }),
};
