// The bot as one running thing: each step below is a part in src/app/. main.ts
// runs it (handing in a stand-in when there is no BOT_TOKEN); the demo, the
// tests and the benchmarks run it too, with their own stand-ins.
import type { RunnerHandle } from "@grammyjs/runner";
import type { DestinationStream } from "pino";
import type { Config } from "./config.js";
import type { Database } from "./db.js";
import { createLogger, type Logger } from "./logger.js";
import type { Clock, Services } from "./services/index.js";
import { type Readiness, readinessCheck, startHttpServer } from "./app/http-server.js";
import { askLimitsKeeper, limitsKeeperRoute, reachableAddress } from "./app/limits-keeper.js";
import { type CronTaskFactory, startScheduler } from "./app/scheduler.js";
import { ensureConfiguredWard, openServices } from "./app/services.js";
import { startTelegramBot } from "./app/telegram.js";
import { startUpdateSources } from "./app/update-sources.js";
import { connectZalo } from "./app/zalo.js";

export { keyringFor } from "./app/secrets.js";
export type { CronTaskFactory } from "./app/scheduler.js";
export { STAND_IN_TOKEN } from "./app/telegram.js";
export { ZALO_STAND_IN_TOKEN } from "./app/zalo.js";

export interface AppOptions {
  /** Log here (tests capture it); else stdout. Ignored when `logger` is given. */
  logDestination?: DestinationStream;
  logger?: Logger;
  clock?: Clock;
  /** A Bot API stand-in to talk to when there is no BOT_TOKEN (see src/dev). */
  standIn?: { url: string };
  /** A Zalo stand-in to talk to: turns the Zalo channel on. */
  zaloStandIn?: { apiRoot: string; token: string };
  /** Run tick() and the sweep on their schedules (default). Tests drive them by hand, with their clock. */
  cron?: boolean;
  /** How the scheduled tasks are made when `cron` is on: node-cron's started tasks unless a test hands in its own. */
  cronTasks?: CronTaskFactory;
}

export interface App {
  config: Config;
  logger: Logger;
  db: Database;
  services: Services;
  /** Null in webhook mode. */
  runner: RunnerHandle | null;
  /** The HTTP server (/healthz, /readyz, webhook), when it runs. */
  httpUrl: string | null;
  readiness(): Promise<Readiness>;
  /** How many updates this instance has finished with, dropped ones included: tests wait on it before asserting nothing more came. */
  handledUpdates(): number;
  /** The one-time admin code printed at start, while the ward has no admin. */
  adminCode: string | null;
  /** Plans check-in weeks and report deadlines, and runs every due job (also every JOB_TICK_SECONDS). */
  tick(): Promise<number>;
  /** Deletes abandoned tip flows (they hold raw updates); also run every 5 minutes. */
  sweepIdleFlows(): Promise<number>;
  /** Retention: deletes tips closed more than TIP_RETENTION_DAYS ago; also run daily at 03:17. */
  purgeOldTips(): Promise<number>;
  /** Stops in order: scheduled work, incoming updates, the database. */
  stop(): Promise<void>;
}

/** Which local stand-ins `npm start` needs: none once BOT_TOKEN (or BOT_API_ROOT) and, for Zalo, a token or root are set. */
export function localStandInsWanted(config: Config): { telegram: boolean; zalo: boolean } {
  return {
    telegram: !config.BOT_TOKEN && !config.BOT_API_ROOT,
    zalo: !config.ZALO_BOT_TOKEN && config.ZALO_STAND_IN && !config.ZALO_API_ROOT,
  };
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL, options.logDestination);
  const { db, services } = await openServices(config, logger, options.clock);
  const adminCode = await ensureConfiguredWard(config, services, logger);
  const zalo = connectZalo(config, services, logger, options.zaloStandIn);
  const telegram = await startTelegramBot(config, { services, logger }, { ...(options.standIn ? { standInUrl: options.standIn.url } : {}), ...(zalo ? { zalo: zalo.bridge } : {}) });
  const updates = await startUpdateSources(config, telegram, zalo, logger);
  const readiness = readinessCheck(db, () => updates.status(), () => services.deliveries.undelivered());
  const httpServer =
    config.WEBHOOK_URL || config.ZALO_WEBHOOK_URL || config.HTTP_PORT !== undefined
      ? await startHttpServer({ host: config.HTTP_HOST, port: config.HTTP_PORT ?? 8080, logger, readiness, webhooks: [...updates.webhooks, limitsKeeperRoute(services)] })
      : null;
  // Before the scheduler takes its lease: the lease tells the other instances where the chat limits are kept.
  services.leases.advertise(reachableAddress(config.INSTANCE_URL, httpServer?.url ?? null));
  askLimitsKeeper(services, logger);
  const scheduler = startScheduler(config, services, logger, { cron: options.cron !== false, ...(options.cronTasks ? { cronTasks: options.cronTasks } : {}) });
  logger.info({ bot: telegram.bot.botInfo.username, mode: config.WEBHOOK_URL ? "webhook" : "polling" }, "bot started");

  let stopped = false;
  return {
    config,
    logger,
    db,
    services,
    runner: updates.runner,
    httpUrl: httpServer?.url ?? null,
    readiness,
    handledUpdates: () => telegram.handledUpdates(),
    adminCode,
    tick: scheduler.tick,
    sweepIdleFlows: scheduler.sweepIdleFlows,
    purgeOldTips: scheduler.purgeOldTips,
    async stop() {
      if (stopped) return;
      stopped = true;
      await scheduler.stop();
      await httpServer?.close();
      await updates.stop();
      // Cards posted after their receipts: out before the database closes.
      await telegram.background.drain();
      await services.preferences.flushUsage().catch((err: unknown) => logger.warn({ err }, "could not write down today's use of chat preferences"));
      await db.$disconnect();
      logger.info("stopped");
    },
  };
}
