// Agencies and their report deadlines: /agencies and contact invites, the
// reminders with "Đã nộp" / "Gửi file báo cáo", an officer's /deadline request,
// the /deadlines compliance board. The parts, in deadlines/:
//   texts.ts      the reminder's and the board's texts
//   keyboards.ts  the reminder's buttons, the /deadline flow's choices
//   messenger.ts  what services call: reminders, boards, the automatic report (built by features/report.ts); submissions told to the group
//   agencies.ts   /agencies, /addagency, /removeagency, /contacts, contact invites
//   commands.ts   the reminder's buttons, /deadline, /deadlines
//   flows.ts      the conversations: sending the report's file, a new deadline (registered with the other flows, in create-bot.ts)
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { agenciesFeature } from "./deadlines/agencies.js";
import { deadlineCommandsFeature } from "./deadlines/commands.js";

export { deadlineConversations, NEW_DEADLINE_CONVERSATION, REPORT_FILE_CONVERSATION } from "./deadlines/flows.js";
export { createDeadlineMessenger } from "./deadlines/messenger.js";
export { boardText, reminderText } from "./deadlines/texts.js";

export function deadlinesFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.use(agenciesFeature(deps));
  feature.use(deadlineCommandsFeature(deps));
  return feature;
}
