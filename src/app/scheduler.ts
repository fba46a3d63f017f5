// Scheduled work. What must happen is planned into the job table first, then
// sent (see JobService); one instance at a time does it, holding the scheduler
// lease (see LeaseService). node-cron runs the tick, the sweep of idle flows
// and the retention purge, unless the caller drives them by hand (tests).
import cron, { type ScheduledTask } from "node-cron";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";

export const SCHEDULER_LEASE = "scheduler";

/**
 * Makes one scheduled task. By default node-cron's `schedule` (started at once,
 * on the real clock); a test hands in node-cron's `createTask` (the same task,
 * never started) to check when it would run and to run it itself.
 */
export type CronTaskFactory = (expression: string, work: () => Promise<void>, options: { timezone: string; name: string }) => Pick<ScheduledTask, "stop">;

const startedCronTask: CronTaskFactory = (expression, work, options) => cron.schedule(expression, work, options);

export interface Scheduler {
  /** Plans check-in weeks and report deadlines, and runs every due job (also every JOB_TICK_SECONDS). */
  tick: () => Promise<number>;
  /** Deletes abandoned tip flows (they hold raw updates); also run every 5 minutes. */
  sweepIdleFlows: () => Promise<number>;
  /** Retention: deletes tips closed more than TIP_RETENTION_DAYS ago; also run daily at 03:17. */
  purgeOldTips: () => Promise<number>;
  /** Stops the cron jobs and hands the lease back, so another instance may take over at once. */
  stop(): Promise<void>;
}

/** node-cron expression for a tick every `seconds` (a divisor of 60). */
function tickSchedule(seconds: number): string {
  return seconds >= 60 ? "* * * * *" : `*/${seconds} * * * * *`;
}

export function startScheduler(config: Config, services: Services, logger: Logger, options: { cron: boolean; cronTasks?: CronTaskFactory }): Scheduler {
  const sweepIdleFlows = async () => {
    const cutoff = new Date(services.clock().getTime() - config.FLOW_TIMEOUT_MINUTES * 60_000);
    // A flow idle past the timeout goes with the choices it offered.
    const dropped = await services.conversations.deleteIdle(cutoff);
    await services.offeredChoices.forgetOld();
    // A turn held across two sweeps was left by an instance that died mid-update.
    const turnsLeft = await services.chatTurns.forgetLeftBehind();
    if (turnsLeft > 0) logger.warn({ turnsLeft }, "forgot chat turns left by an instance that died");
    // Telegram keeps an update for 24 hours: after two days no repeat can come.
    await services.processedUpdates.forgetBefore(new Date(services.clock().getTime() - 2 * 86_400_000));
    if (dropped > 0) logger.info({ dropped }, "dropped idle tip flows");
    return dropped;
  };

  const purgeOldTips = async () => {
    // A closed tip's tipster is told and forgotten at closing; this catches any left (a process that died in between).
    let notificationTargets = 0;
    // Tips closed in the last day may still have their closing notice waiting for the next notice time.
    const dayAgo = new Date(services.clock().getTime() - 86_400_000);
    for await (const tipIds of services.tips.closedTipIds(dayAgo)) notificationTargets += await services.notifications.forgetTips(tipIds);
    const purged = await services.tips.purgeClosed(config.TIP_RETENTION_DAYS);
    // Chat-keyed rows that outlive flows: the day's use written in one batch, then what went unused too long.
    await services.preferences.flushUsage();
    const preferences = await services.preferences.forgetUnused(config.CHAT_DATA_RETENTION_DAYS);
    if (preferences > 0) logger.info({ preferences, unusedForDays: config.CHAT_DATA_RETENTION_DAYS }, "retention: unused chat preferences deleted");
    // Counts only: nothing about what the tips said.
    logger.info({ ...purged, notificationTargets, olderThanDays: config.TIP_RETENTION_DAYS }, "retention: closed tips purged");
    return purged.tips;
  };

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
  const createTask = options.cronTasks ?? startedCronTask;
  const every = (expression: string, what: string, work: () => Promise<unknown>) =>
    createTask(expression, exclusive(what, work), { timezone: config.WARD_TIMEZONE, name: what });
  const jobs: Pick<ScheduledTask, "stop">[] = options.cron
    ? [
        every(tickSchedule(config.JOB_TICK_SECONDS), "scheduled jobs", tick),
        every("*/5 * * * *", "sweep", sweepIdleFlows),
        every("17 3 * * *", "retention purge", purgeOldTips),
      ]
    : [];

  return {
    tick,
    sweepIdleFlows,
    purgeOldTips,
    async stop() {
      for (const job of jobs) await job.stop();
      await services.leases.release(SCHEDULER_LEASE).catch((err: unknown) => logger.warn({ err }, "could not release the scheduler lease"));
    },
  };
}
