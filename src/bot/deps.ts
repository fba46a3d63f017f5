import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";
import type { WardUnit } from "../domain/ward-units.js";
import type { Locale } from "./i18n.js";

export interface BotSettings {
  /** Telegram user ids allowed to create wards (SUPER_ADMIN_IDS); they need no ward of their own. */
  superAdminIds: readonly string[];
  defaultLocale: Locale;
  /** What new wards call their quarters (WARD_UNIT); also the words used before a message's ward is known. */
  defaultWardUnit?: WardUnit;
  flowTimeoutMinutes: number;
  /** Bulk sends (check-in prompts) stay under this rate; Telegram allows about 30/s. */
  sendRatePerSecond: number;
  /** At most `floodLimit` updates per chat in `floodWindowMs`; the rest are dropped. */
  floodLimit: number;
  floodWindowMs: number;
  /**
   * Updates of one private chat may reach several instances at once (a webhook behind a load balancer, or Zalo):
   * they then take turns through the database (services/chat-turns.ts), not only within this process.
   */
  turnsAcrossInstances?: boolean;
  /** The Zalo channel is on: invites for quarter heads also say what to send the Zalo bot. */
  zaloEnabled?: boolean;
}

/** Everything the chat layer needs, passed in so tests can build a bot around a test database. */
export interface BotDeps {
  services: Services;
  logger: Logger;
  settings: BotSettings;
  /** Posts a tip's card to its ward's police group. Never throws: failures are logged. */
  announceTip(tipId: string): Promise<void>;
  /**
   * Posts a tip's card without waiting for it: what the resident sees next never
   * waits for the police group (Telegram's 20 messages a minute to a group).
   * Stopping the bot waits for it; a process that dies first leaves the card to
   * the scheduler's sweep of open tips without one.
   */
  announceTipLater(tipId: string): void;
  /** Posts what a resident added under the tip's card. Never throws. */
  announceAddendum(addendumId: string): Promise<void>;
  /** Posts a tipster's answer to an officer's question under the card. Never throws. */
  announceAnswer(answer: { tipId: string; wardId: string; reference: string; question: string; answer: string }): Promise<void>;
  /** Tells an opted-in tipster about a question or the tip's closing; forgets them on closing. Never throws. */
  notifyTipster(tipId: string, event: "question" | "closed"): Promise<void>;
  /** Redraws a tip's cards in the police group after a change made outside them. Never throws. */
  refreshCard(tipId: string): Promise<void>;
  /** Sends one message (HTML) to any chat in that chat's own language: another group, a staff member's private chat. Throws what Telegram answers. */
  tell(chatId: string, key: string, vars?: Record<string, string | number>): Promise<void>;
}

/** What the announcers themselves are built from. */
export type BaseDeps = Omit<BotDeps, "announceTip" | "announceTipLater" | "announceAddendum" | "announceAnswer" | "notifyTipster" | "refreshCard" | "tell">;
