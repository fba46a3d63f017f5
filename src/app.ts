// Wires configuration, database, services, scheduled jobs and the bot, and
// stops them in order. main.ts runs it; end-to-end tests run it too.
import path from "node:path";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import cron, { type ScheduledTask } from "node-cron";
import type { DestinationStream } from "pino";
import { BOT_COMMANDS, createBot } from "./bot/create-bot.js";
import type { Config } from "./config.js";
import { createDatabase, type Database, tuneDatabase } from "./db.js";
import { BotApiStandIn, freshUpdateIds } from "./dev/bot-api-stand-in/index.js";
import { ZaloStandIn } from "./dev/zalo-stand-in/index.js";
import { ZaloApi } from "./channels/zalo/api.js";
import { ZaloBridge } from "./channels/zalo/bridge.js";
import { ZaloReceiver } from "./channels/zalo/receiver.js";
import { isZaloUpdateId } from "./channels/zalo/translate.js";
import { startHttpServer, type Readiness } from "./http-server.js";
import { createLogger, type Logger } from "./logger.js";
import { loadOrCreateDevNotifyKey, loadOrCreateDevPepper, loadOrCreateDevTipKeys } from "./secrets-file.js";
import { type Clock, createServices, Keyring, type Services } from "./services/index.js";
import { countLegacySealed } from "./services/key-rotation.js";

const SCHEDULER_LEASE = "scheduler";

/** node-cron expression for a tick every `seconds` (a divisor of 60). */
function tickSchedule(seconds: number): string {
  return seconds >= 60 ? "* * * * *" : `*/${seconds} * * * * *`;
}

const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/** Token used against the local stand-in when no real BOT_TOKEN is set. */
export const STAND_IN_TOKEN = "1000000001:local-stand-in-token-not-a-secret";
/** Token of the local Zalo stand-in (ZALO_STAND_IN=true). */
export const ZALO_STAND_IN_TOKEN = "zalo-local-stand-in-token";

export interface AppOptions {
  logDestination?: DestinationStream;
  clock?: Clock;
  /** Use this stand-in instead of starting one (tests share theirs). */
  standIn?: BotApiStandIn;
  /** Use this Zalo stand-in (turns the Zalo channel on). */
  zaloStandIn?: ZaloStandIn;
  /** Run tick() and the sweep every minute (default). Tests drive them by hand, with their clock. */
  cron?: boolean;
}

export interface App {
  config: Config;
  logger: Logger;
  db: Database;
  services: Services;
  standIn: BotApiStandIn | null;
  apiRoot: string | undefined;
  /** The local Zalo stand-in, when the Zalo channel runs against it. */
  zaloStandIn: ZaloStandIn | null;
  /** Null in webhook mode. */
  runner: RunnerHandle | null;
  /** The HTTP server (/healthz, /readyz, webhook), when it runs. */
  httpUrl: string | null;
  readiness(): Promise<Readiness>;
  /** The one-time admin code printed at start, while the ward has no admin. */
  adminCode: string | null;
  /** Plans check-in weeks and report deadlines, and runs every due job (also every minute). */
  tick(): Promise<number>;
  /** Deletes abandoned tip flows (they hold raw updates); also run every 5 minutes. */
  sweepIdleFlows(): Promise<number>;
  /** Retention: deletes tips closed more than TIP_RETENTION_DAYS ago; also run daily at 03:17. */
  purgeOldTips(): Promise<number>;
  stop(): Promise<void>;
}

function devSecretsDir(config: Config): string {
  return config.DATABASE_URL.startsWith("file:") ? path.dirname(config.DATABASE_URL.replace(/^file:/, "").replace(/\?.*$/, "")) : "data";
}

function pepperFor(config: Config, logger: Logger): string {
  if (config.SECRET_PEPPER) return config.SECRET_PEPPER;
  if (config.NODE_ENV === "production") throw new Error("SECRET_PEPPER is required in production");
  logger.warn({ dir: devSecretsDir(config) }, "SECRET_PEPPER not set: using a generated development pepper");
  return loadOrCreateDevPepper(devSecretsDir(config));
}

function notifyKeyFor(config: Config, logger: Logger): Buffer {
  if (config.NOTIFY_KEY) return Buffer.from(config.NOTIFY_KEY, "base64");
  if (config.NODE_ENV === "production") throw new Error("NOTIFY_KEY is required in production");
  logger.warn({ dir: devSecretsDir(config) }, "NOTIFY_KEY not set: using a generated development key");
  return loadOrCreateDevNotifyKey(devSecretsDir(config));
}

export function keyringFor(config: Config, logger: Logger): Keyring {
  if (config.TIP_KEYS) return Keyring.parse(config.TIP_KEYS);
  if (config.NODE_ENV === "production") throw new Error("TIP_KEYS is required in production");
  logger.warn({ dir: devSecretsDir(config) }, "TIP_KEYS not set: using a generated development key");
  return Keyring.parse(loadOrCreateDevTipKeys(devSecretsDir(config)));
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = createLogger(config.LOG_LEVEL, options.logDestination);
  const db = createDatabase(config.DATABASE_URL);
  await tuneDatabase(db, config.DATABASE_URL);
  const services = createServices({
    db,
    onJobError: (err, job) => logger.error({ err, kind: job.kind }, "scheduled job failed"),
    pepper: pepperFor(config, logger),
    notifyKey: notifyKeyFor(config, logger),
    keyring: keyringFor(config, logger),
    inviteTtlHours: config.INVITE_TTL_HOURS,
    tipLimits: { perHour: config.TIP_LIMIT_PER_HOUR, perDay: config.TIP_LIMIT_PER_DAY },
    deadlineLadder: {
      daysBefore: config.DEADLINE_REMINDER_DAYS.split(",").map(Number),
      overdueEveryDays: config.DEADLINE_OVERDUE_EVERY_DAYS,
      overdueCount: config.DEADLINE_OVERDUE_REMINDERS,
      hour: config.DEADLINE_REMINDER_HOUR,
    },
    claimTimers: { urgentMinutes: config.CLAIM_TIMER_URGENT_MINUTES, highMinutes: config.CLAIM_TIMER_HIGH_MINUTES },
    imageDecodes: config.IMAGE_DECODE_CONCURRENCY,
    ...(options.clock ? { clock: options.clock } : {}),
  });

  // Values in clear or in the old sealed format are refused on read (one could have been planted): say so now, not mid-flow.
  const legacy = await countLegacySealed(db);
  if (legacy > 0) {
    await db.$disconnect();
    throw new Error(`${legacy} stored values are in clear or in the old sealed format: run "npm run rotate-key" once, then start again`);
  }

  const ward = await services.wards.ensureWard({
    slug: config.WARD_SLUG,
    name: config.WARD_NAME,
    timezone: config.WARD_TIMEZONE,
    quarterNames: config.quarterNames,
  });
  if (ward.created) logger.info({ ward: config.WARD_SLUG, quarters: config.quarterNames.length }, "ward created");
  if (ward.adminCode) {
    // The one secret we print on purpose: whoever reads the server log may become admin.
    logger.warn(`One-time admin code for ${config.WARD_SLUG}: ${ward.adminCode} — send "/admin ${ward.adminCode}" to the bot in a private chat`);
  }

  let standIn: BotApiStandIn | null = options.standIn ?? null;
  let ownsStandIn = false;
  let apiRoot = config.BOT_API_ROOT;
  let token = config.BOT_TOKEN;
  if (!token) {
    if (!standIn && !apiRoot) {
      standIn = new BotApiStandIn({ token: STAND_IN_TOKEN, firstUpdateId: freshUpdateIds() });
      await standIn.start(config.STAND_IN_PORT);
      ownsStandIn = true;
      logger.info({ url: standIn.url }, "no BOT_TOKEN: talking to the local Bot API stand-in");
    }
    token = STAND_IN_TOKEN;
    apiRoot ??= standIn?.url;
  }

  // Zalo: residents and quarter heads there reach the same flows through the bridge (channels/zalo).
  let zaloStandIn: ZaloStandIn | null = options.zaloStandIn ?? null;
  let ownsZaloStandIn = false;
  let zalo: { api: ZaloApi; bridge: ZaloBridge } | null = null;
  if (config.ZALO_BOT_TOKEN || config.ZALO_STAND_IN || zaloStandIn) {
    let zaloRoot = config.ZALO_API_ROOT;
    if (!config.ZALO_BOT_TOKEN && !zaloStandIn && !zaloRoot) {
      zaloStandIn = await ZaloStandIn.start({ token: ZALO_STAND_IN_TOKEN, port: config.ZALO_STAND_IN_PORT });
      ownsZaloStandIn = true;
      logger.info({ url: zaloStandIn.apiRoot }, "Zalo channel: talking to the local Zalo stand-in");
    }
    zaloRoot ??= zaloStandIn?.apiRoot;
    const api = new ZaloApi(config.ZALO_BOT_TOKEN ?? zaloStandIn?.token ?? ZALO_STAND_IN_TOKEN, zaloRoot);
    zalo = { api, bridge: new ZaloBridge(api, services.offeredChoices, logger) };
  }

  // The runner does not confirm the last batch on stop; without this a restart
  // would handle the last updates twice.
  let lastHandledUpdate = -1;
  const bot = createBot(
    token,
    {
      services,
      logger,
      settings: {
        superAdminIds: config.SUPER_ADMIN_IDS,
        defaultLocale: config.DEFAULT_LOCALE,
        flowTimeoutMinutes: config.FLOW_TIMEOUT_MINUTES,
        sendRatePerSecond: config.SEND_RATE_PER_SECOND,
        floodLimit: config.FLOOD_LIMIT,
        floodWindowMs: config.FLOOD_WINDOW_MS,
        zaloEnabled: zalo !== null,
      },
    },
    {
      ...(apiRoot ? { apiRoot } : {}),
      // Only Telegram's update ids: they confirm Telegram's queue on stop.
      onUpdateHandled: (id) => {
        if (!isZaloUpdateId(id)) lastHandledUpdate = Math.max(lastHandledUpdate, id);
      },
      ...(zalo ? { zalo: zalo.bridge } : {}),
    },
  );
  await bot.init();
  await bot.api.setMyCommands([...BOT_COMMANDS.vi]);
  await bot.api.setMyCommands([...BOT_COMMANDS.en], { language_code: "en" });
  // Webhook mode (WEBHOOK_URL) or long polling: never both, Telegram refuses getUpdates while a webhook is set.
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

  // Zalo's updates: polled (getUpdates forgets each update it returns) or pushed to ZALO_WEBHOOK_URL.
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

  const sweepIdleFlows = async () => {
    const cutoff = new Date(services.clock().getTime() - config.FLOW_TIMEOUT_MINUTES * 60_000);
    // A flow idle past the timeout goes with the choices it offered.
    const dropped = await services.conversations.deleteIdle(cutoff);
    await services.offeredChoices.forgetOld();
    // Telegram keeps an update for 24 hours: after two days no repeat can come.
    await services.processedUpdates.forgetBefore(new Date(services.clock().getTime() - 2 * 86_400_000));
    if (dropped > 0) logger.info({ dropped }, "dropped idle tip flows");
    return dropped;
  };
  const purgeOldTips = async () => {
    // A closed tip's tipster is told and forgotten at closing; this catches any left (a process that died in between).
    let notificationTargets = 0;
    for await (const tipIds of services.tips.closedTipIds()) notificationTargets += await services.notifications.forgetTips(tipIds);
    const purged = await services.tips.purgeClosed(config.TIP_RETENTION_DAYS);
    // Chat-keyed rows that outlive flows: the day's use written in one batch, then what went unused too long.
    await services.preferences.flushUsage();
    const preferences = await services.preferences.forgetUnused(config.CHAT_DATA_RETENTION_DAYS);
    if (preferences > 0) logger.info({ preferences, unusedForDays: config.CHAT_DATA_RETENTION_DAYS }, "retention: unused chat preferences deleted");
    // Counts only: nothing about what the tips said.
    logger.info({ ...purged, notificationTargets, olderThanDays: config.TIP_RETENTION_DAYS }, "retention: closed tips purged");
    return purged.tips;
  };
  // What must happen is planned into the job table first, then sent (see JobService).
  // One instance at a time does it, holding the scheduler lease (see LeaseService).
  const leaseMs = config.SCHEDULER_LEASE_SECONDS * 1000;
  let renewedAt = 0;
  const stillLeading = async () => {
    // Renew a third of the way through the lease; a process that paused longer finds out here.
    if (services.clock().getTime() - renewedAt < leaseMs / 3) return true;
    const lease = await services.leases.acquire(SCHEDULER_LEASE, leaseMs);
    if (lease.held) renewedAt = services.clock().getTime();
    if (lease.tookOver) {
      const released = await services.jobs.releaseRunning();
      logger.warn({ released }, "took the scheduler over from an instance that stopped; its unfinished jobs run again");
    }
    return lease.held;
  };
  const tick = async () => {
    renewedAt = 0;
    if (!(await stillLeading())) return 0;
    // A slow step (a first plan on a big ward, a slow database) must not let the lease lapse while this process lives:
    // another instance would take over and redo jobs this one is still running.
    const keepAlive = setInterval(() => void stillLeading().catch((err: unknown) => logger.warn({ err }, "could not renew the scheduler lease")), leaseMs / 3);
    try {
      await services.checkIns.planAll();
      await services.deadlines.planAll();
      const expired = await services.tips.expireReceipts(config.RECEIPT_EXPIRY_DAYS);
      if (expired > 0) logger.info({ expired }, "receipts expired");
      const late = await services.tips.announceMissingCards(config.LATE_CARD_AFTER_SECONDS * 1000);
      if (late > 0) logger.warn({ tips: late }, "posted cards that a stopped process never posted");
      return await services.jobs.runDue(Number.POSITIVE_INFINITY, stillLeading);
    } finally {
      clearInterval(keepAlive);
    }
  };
  // A run still going (a long broadcast) makes the next one skip, quietly.
  // (node-cron's noOverlap needs the callback's promise and warns on console each time.)
  const exclusive = (what: string, work: () => Promise<unknown>) => {
    let running = false;
    return async () => {
      if (running) return;
      running = true;
      try {
        await work();
      } catch (err) {
        logger.error({ err }, `${what} failed`);
      } finally {
        running = false;
      }
    };
  };
  const every = (expression: string, what: string, work: () => Promise<unknown>) =>
    cron.schedule(expression, exclusive(what, work), { timezone: config.WARD_TIMEZONE });
  const jobs: ScheduledTask[] =
    options.cron === false
      ? []
      : [
          every(tickSchedule(config.JOB_TICK_SECONDS), "scheduled jobs", tick),
          every("*/5 * * * *", "sweep", sweepIdleFlows),
          every("17 3 * * *", "retention purge", purgeOldTips),
        ];

  const runner: RunnerHandle | null = webhookUrl ? null : run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  const readiness = async (): Promise<Readiness> => {
    const database = await db.$queryRawUnsafe("SELECT 1").then(
      () => "ok" as const,
      () => "error" as const,
    );
    const updates = webhookUrl ? ("webhook" as const) : runner?.isRunning() ? ("polling" as const) : ("stopped" as const);
    const zaloUpdates = !zaloReceiver ? undefined : zaloWebhookUrl ? ("webhook" as const) : zaloReceiver.isPolling ? ("polling" as const) : ("stopped" as const);
    return {
      ready: database === "ok" && updates !== "stopped" && zaloUpdates !== "stopped",
      database,
      updates,
      ...(zaloUpdates ? { zalo: zaloUpdates } : {}),
    };
  };
  const httpServer =
    webhookUrl || zaloWebhookUrl || config.HTTP_PORT !== undefined
      ? await startHttpServer({
          host: config.HTTP_HOST,
          port: config.HTTP_PORT ?? 8080,
          logger,
          readiness,
          webhooks: [
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
          ],
        })
      : null;
  logger.info({ bot: bot.botInfo.username, mode: webhookUrl ? "webhook" : "polling" }, "bot started");

  let stopped = false;
  return {
    config,
    logger,
    db,
    services,
    standIn,
    apiRoot,
    zaloStandIn,
    runner,
    httpUrl: httpServer?.url ?? null,
    readiness,
    adminCode: ward.adminCode,
    tick,
    sweepIdleFlows,
    purgeOldTips,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const job of jobs) await job.stop();
      // Another instance may take the scheduler at once instead of waiting for the lease to expire.
      await services.leases.release(SCHEDULER_LEASE).catch((err: unknown) => logger.warn({ err }, "could not release the scheduler lease"));
      // Webhook mode: stop taking updates (Telegram keeps and retries them); the webhook stays set for other instances.
      await httpServer?.close();
      if (runner?.isRunning()) await runner.stop();
      await zaloReceiver?.stop();
      await services.preferences.flushUsage().catch((err: unknown) => logger.warn({ err }, "could not write down today's use of chat preferences"));
      if (lastHandledUpdate >= 0) {
        await bot.api
          // grammY types its signal with the abort-controller polyfill; the runtime takes the built-in one.
          .getUpdates({ offset: lastHandledUpdate + 1, limit: 1, timeout: 0 }, AbortSignal.timeout(5_000) as unknown as Parameters<typeof bot.api.getUpdates>[1])
          .catch((err: unknown) => logger.warn({ err }, "could not confirm the last updates"));
      }
      await db.$disconnect();
      if (ownsStandIn) await standIn?.stop();
      if (ownsZaloStandIn) await zaloStandIn?.stop();
      logger.info("stopped");
    },
  };
}
