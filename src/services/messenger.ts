// What the check-in services need said to people, without knowing the chat
// platform. The bot layer implements it (Telegram today, Zalo later).
import type { WeeklySummary } from "../domain/check-in.js";
import type { DueRule } from "../domain/deadlines.js";
import type { WardWords } from "../domain/ward-units.js";
import type { WeeklyGrid } from "../domain/summary-chart.js";
import type { DeadlineBoard } from "./deadlines.js";

/** "blocked": the person blocked the bot (Telegram 403); record it, do not retry. */
export type Delivery = "sent" | "blocked";

export interface PromptInfo {
  checkInId: string;
  quarterName: string;
  wardName: string;
  week: string;
  closesAt: Date;
  timezone: string;
  /** 0 for the first prompt, 1.. for reminders. */
  reminder: number;
  /** What the ward calls the quarter and its head. */
  words: WardWords;
}

export interface CheckInMessenger {
  prompt(chatId: string, info: PromptInfo): Promise<Delivery>;
  escalate(policeChatId: string, info: { week: string; missing: string[]; wardName: string; words: WardWords }): Promise<void>;
  urgent(policeChatId: string, info: { week: string; quarterName: string; headName: string; detail: string | null; words: WardWords }): Promise<void>;
  /** The text summary and, beside it, the picture of the last weeks. */
  summary(policeChatId: string, summary: WeeklySummary, grid: WeeklyGrid, timezone: string, words: WardWords): Promise<void>;
}

/** What the tip services need said in the police group, without knowing the chat platform. */
export interface TipMessenger {
  /** A tip is still unclaimed after its claim timer: remind the group, naming the officers on duty. */
  unclaimed(tipId: string, info: { minutes: number; officers: { telegramUserId: string; displayName: string }[] }): Promise<void>;
  /** Posts the tip's card (and photos) if the group has none yet. */
  announce(tipId: string): Promise<void>;
}

export interface DeadlineReminder {
  submissionId: string;
  agencyName: string;
  title: string;
  dueOn: string;
  dueRule: DueRule;
  wardName: string;
  /** Days relative to the last day to hand in on time (-14 … 0 … +4); null announces a new ad-hoc request. */
  offsetDays: number | null;
  today: string;
}

/** What the deadline services need said to agencies and the police group. */
export interface DeadlineMessenger {
  remind(chatId: string, info: DeadlineReminder): Promise<Delivery>;
  board(policeChatId: string, wardName: string, boards: DeadlineBoard[]): Promise<void>;
  /** The half-year / year report, posted on its own before the deadline. */
  autoReport(policeChatId: string, wardId: string, period: string): Promise<void>;
}
