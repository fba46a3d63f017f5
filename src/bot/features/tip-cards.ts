// Tip cards in the ward police group, and the officers' buttons on them.
// Residents' photos reach officers as re-encoded copies (bot/photos.ts), never forwarded.
// The parts, in tip-cards/:
//   render.ts        the card's text
//   keyboards.ts     the card's menus of buttons, the /tips filters
//   announcers.ts    what services call: post a card, remind, notify a tipster, post answers and addenda
//   card-buttons.ts  what each button on a card does
//   commands.ts      /tips, /tip REF, and officers' questions to a tipster
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { cardButtonsFeature } from "./tip-cards/card-buttons.js";
import { tipCommandsFeature } from "./tip-cards/commands.js";

export { createAddendumAnnouncer, createAnswerAnnouncer, createTipAnnouncer, createTipMessenger, createTipsterMessenger, createTipsterNotifier } from "./tip-cards/announcers.js";
export { cardKeyboard } from "./tip-cards/keyboards.js";
export { formatTime, renderCardText } from "./tip-cards/render.js";

export function tipCardsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(cardButtonsFeature(deps));
  feature.use(tipCommandsFeature(deps));
  return feature;
}
