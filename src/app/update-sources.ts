// Where updates come from. Telegram: long polling through grammY's runner, or a
// webhook (WEBHOOK_URL) served by the HTTP server; never both, Telegram refuses
// getUpdates while a webhook is set. Zalo: polled (getUpdates forgets each
// update it returns) or pushed to ZALO_WEBHOOK_URL.
import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import { ZaloReceiver } from "../channels/zalo/receiver.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Readiness, WebhookRoute } from "./http-server.js";
import type { TelegramBot } from "./telegram.js";
import type { ZaloChannel } from "./zalo.js";

const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export interface UpdateSources {
  /** Null in webhook mode. */
  runner: RunnerHandle | null;
  /** The paths the HTTP server must serve for webhook mode (Telegram's, Zalo's). */
  webhooks: WebhookRoute[];
  status(): Pick<Readiness, "updates" | "zalo">;
  /** Stops taking updates, then confirms the last ones handled to Telegram. */
  stop(): Promise<void>;
}

export async function startUpdateSources(config: Config, telegram: TelegramBot, zalo: ZaloChannel | null, logger: Logger): Promise<UpdateSources> {
  const { bot } = telegram;
  const webhookUrl = config.WEBHOOK_URL;
  if (webhookUrl) {
    await bot.api.setWebhook(webhookUrl, {
      secret_token: config.WEBHOOK_SECRET!,
      allowed_updates: [...ALLOWED_UPDATES],
      drop_pending_updates: config.DROP_PENDING_UPDATES,
    });
  } else {
    await bot.api.deleteWebhook({ drop_pending_updates: config.DROP_PENDING_UPDATES });
  }

  const zaloReceiver = zalo ? new ZaloReceiver(zalo.bridge, (update) => bot.handleUpdate(update), logger) : null;
  const zaloWebhookUrl = config.ZALO_WEBHOOK_URL;
  if (zalo && zaloReceiver) {
    if (zaloWebhookUrl) {
      await zalo.api.call("setWebhook", { url: zaloWebhookUrl, secret_token: config.ZALO_WEBHOOK_SECRET! });
    } else {
      await zalo.api.call("deleteWebhook").catch((err: unknown) => logger.warn({ err }, "Zalo deleteWebhook failed"));
      zaloReceiver.startPolling(zalo.api);
    }
    logger.info({ mode: zaloWebhookUrl ? "webhook" : "polling" }, "Zalo channel on");
  }

  const runner: RunnerHandle | null = webhookUrl ? null : run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  const webhooks: WebhookRoute[] = [
    ...(webhookUrl
      ? [
          {
            path: new URL(webhookUrl).pathname,
            // Answer Telegram once the update is handled; a slow one is answered at 50 s and finishes anyway
            // (Telegram would otherwise time out and send it again).
            handle: webhookCallback(bot, "http", { secretToken: config.WEBHOOK_SECRET!, onTimeout: "return", timeoutMilliseconds: 50_000 }),
          },
        ]
      : []),
    ...(zaloWebhookUrl && zaloReceiver ? [{ path: new URL(zaloWebhookUrl).pathname, handle: zaloReceiver.webhookHandler(config.ZALO_WEBHOOK_SECRET!) }] : []),
  ];

  return {
    runner,
    webhooks,
    status() {
      const updates = webhookUrl ? ("webhook" as const) : runner?.isRunning() ? ("polling" as const) : ("stopped" as const);
      const zaloUpdates = !zaloReceiver ? undefined : zaloWebhookUrl ? ("webhook" as const) : zaloReceiver.isPolling ? ("polling" as const) : ("stopped" as const);
      return { updates, ...(zaloUpdates ? { zalo: zaloUpdates } : {}) };
    },
    async stop() {
      // Webhook mode: the HTTP server stops taking updates (Telegram keeps and retries them); the webhook stays set for other instances.
      if (runner?.isRunning()) await runner.stop();
      await zaloReceiver?.stop();
      const last = telegram.lastHandledUpdate();
      if (last >= 0) {
        await bot.api
          // grammY types its signal with the abort-controller polyfill; the runtime takes the built-in one.
          .getUpdates({ offset: last + 1, limit: 1, timeout: 0 }, AbortSignal.timeout(5_000) as unknown as Parameters<typeof bot.api.getUpdates>[1])
          .catch((err: unknown) => logger.warn({ err }, "could not confirm the last updates"));
      }
    },
  };
}
