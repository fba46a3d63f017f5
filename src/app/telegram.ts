// The grammY bot, connected to Telegram (BOT_TOKEN), to another Bot API server
// (BOT_API_ROOT) or to a stand-in handed in by main.ts, the demo or a test.
import type { Bot } from "grammy";
import { BackgroundWork } from "../bot/background.js";
import { BOT_COMMANDS, createBot } from "../bot/create-bot.js";
import type { BotContext } from "../bot/context.js";
import type { ZaloBridge } from "../channels/zalo/bridge.js";
import { isZaloUpdateId } from "../channels/zalo/translate.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";

/** Token used against a local stand-in when no real BOT_TOKEN is set. */
export const STAND_IN_TOKEN = "1000000001:local-stand-in-token-not-a-secret";

export interface TelegramBot {
  bot: Bot<BotContext>;
  apiRoot: string | undefined;
  /** The last Telegram update handled (-1 before the first): confirmed to Telegram on stop. */
  lastHandledUpdate(): number;
  /** How many updates (Telegram and Zalo) this bot has finished with, dropped ones included. */
  handledUpdates(): number;
  /** Work started and not waited for (tips' cards): stopping waits for it. */
  background: BackgroundWork;
}

export async function startTelegramBot(
  config: Config,
  base: { services: Services; logger: Logger },
  connect: { standInUrl?: string; zalo?: ZaloBridge },
): Promise<TelegramBot> {
  const token = config.BOT_TOKEN ?? STAND_IN_TOKEN;
  const apiRoot = config.BOT_API_ROOT ?? (config.BOT_TOKEN ? undefined : connect.standInUrl);
  // The runner does not confirm the last batch on stop; without this a restart
  // would handle the last updates twice.
  let lastHandledUpdate = -1;
  let handledUpdates = 0;
  const background = new BackgroundWork();
  const bot = createBot(
    token,
    {
      ...base,
      settings: {
        superAdminIds: config.SUPER_ADMIN_IDS,
        defaultLocale: config.DEFAULT_LOCALE,
        defaultWardUnit: config.WARD_UNIT,
        flowTimeoutMinutes: config.FLOW_TIMEOUT_MINUTES,
        sendRatePerSecond: config.SEND_RATE_PER_SECOND,
        floodLimit: config.FLOOD_LIMIT,
        floodWindowMs: config.FLOOD_WINDOW_MS,
        zaloEnabled: connect.zalo !== undefined,
        // Long polling Telegram alone is one process (Telegram refuses a second getUpdates); a webhook or Zalo may not be.
        turnsAcrossInstances: config.WEBHOOK_URL !== undefined || connect.zalo !== undefined,
      },
    },
    {
      ...(apiRoot ? { apiRoot } : {}),
      // Only Telegram's update ids: they confirm Telegram's queue on stop.
      onUpdateHandled: (id) => {
        handledUpdates++;
        if (!isZaloUpdateId(id)) lastHandledUpdate = Math.max(lastHandledUpdate, id);
      },
      ...(connect.zalo ? { zalo: connect.zalo } : {}),
      background,
    },
  );
  await bot.init();
  await bot.api.setMyCommands([...BOT_COMMANDS.private.vi]);
  await bot.api.setMyCommands([...BOT_COMMANDS.private.en], { language_code: "en" });
  await bot.api.setMyCommands([...BOT_COMMANDS.groups.vi], { scope: { type: "all_group_chats" } });
  await bot.api.setMyCommands([...BOT_COMMANDS.groups.en], { scope: { type: "all_group_chats" }, language_code: "en" });
  return { bot, apiRoot, lastHandledUpdate: () => lastHandledUpdate, handledUpdates: () => handledUpdates, background };
}
