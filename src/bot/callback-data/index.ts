// Every kind of inline button the bot can send, defined once (see button-kind.ts).
// A new kind goes in its feature's file here and in BUTTON_KINDS below: the
// tests check that each round-trips, fits Telegram's 64 bytes, and that no
// code under src/ builds callback data any other way.
import type { ButtonKind } from "./button-kind.js";
import { checkInFlowButtons, checkInPromptButtons, headInviteButtons, removeHeadButton } from "./check-in.js";
import { agencyInviteButtons, createDeadlineButton, deadlineScopeButtons, reminderButtons, removeContactButton } from "./deadlines.js";
import { cancelButton } from "./flows.js";
import { followUpButtons } from "./follow-up.js";
import { menuButtons } from "./menu.js";
import { reportPeriodButton, rollUpPeriodButton } from "./report.js";
import { languageButton, quarterStatusButton, rebindButtons, removeOfficerButton, staffNameButton } from "./staff.js";
import { cardButtons, tipListButton } from "./tip-cards.js";
import { tipFlowButtons } from "./tip-flow.js";

export * from "./button-kind.js";
export * from "./check-in.js";
export * from "./deadlines.js";
export * from "./flows.js";
export * from "./follow-up.js";
export * from "./menu.js";
export * from "./report.js";
export * from "./staff.js";
export * from "./tip-cards.js";
export * from "./tip-flow.js";

const family = <F extends Record<string, ButtonKind>>(prefix: string, kinds: F) =>
  Object.fromEntries(Object.entries(kinds).map(([name, kind]) => [`${prefix}.${name}`, kind])) as Record<string, ButtonKind>;

/** Every kind of button, by a readable name ("card.claim"): for tests that press them all. */
export const BUTTON_KINDS: Readonly<Record<string, ButtonKind>> = {
  ...family("card", cardButtons),
  "tips.list": tipListButton,
  ...family("checkIn.prompt", checkInPromptButtons),
  ...family("checkIn.flow", checkInFlowButtons),
  ...family("headInvite", headInviteButtons),
  "heads.remove": removeHeadButton,
  ...family("deadline.reminder", reminderButtons),
  ...family("deadline.scope", deadlineScopeButtons),
  "deadline.create": createDeadlineButton,
  ...family("agencyInvite", agencyInviteButtons),
  "contacts.remove": removeContactButton,
  "flow.cancel": cancelButton,
  ...family("menu", menuButtons),
  ...family("tipFlow", tipFlowButtons),
  ...family("followUp", followUpButtons),
  "officers.remove": removeOfficerButton,
  ...family("policeGroup.rebind", rebindButtons),
  language: languageButton,
  "staff.name": staffNameButton,
  "roadmap.quarterStatus": quarterStatusButton,
  "report.period": reportPeriodButton,
  "rollup.period": rollUpPeriodButton,
};
