// The database and the services over it, set from the configuration; and the
// ward the configuration names, created on first start with its admin code.
import type { Config } from "../config.js";
import { createDatabase, type Database, tuneDatabase } from "../db.js";
import type { Logger } from "../logger.js";
import { type Clock, createServices, type Services } from "../services/index.js";
import { countLegacySealed } from "../services/key-rotation.js";
import { secretsFor } from "./secrets.js";

export async function openServices(config: Config, logger: Logger, clock?: Clock): Promise<{ db: Database; services: Services }> {
  const db = createDatabase(config.DATABASE_URL);
  await tuneDatabase(db, config.DATABASE_URL);
  const services = createServices({
    db,
    onJobError: (err, job) => logger.error({ err, kind: job.kind }, "scheduled job failed"),
    ...secretsFor(config, logger),
    inviteTtlHours: config.INVITE_TTL_HOURS,
    adminCodeTtlHours: config.ADMIN_CODE_TTL_HOURS,
    tipLimits: { perHour: config.TIP_LIMIT_PER_HOUR, perDay: config.TIP_LIMIT_PER_DAY },
    deadlineLadder: {
      daysBefore: config.DEADLINE_REMINDER_DAYS.split(",").map(Number),
      overdueEveryDays: config.DEADLINE_OVERDUE_EVERY_DAYS,
      overdueCount: config.DEADLINE_OVERDUE_REMINDERS,
      hour: config.DEADLINE_REMINDER_HOUR,
    },
    claimTimers: { urgentMinutes: config.CLAIM_TIMER_URGENT_MINUTES, highMinutes: config.CLAIM_TIMER_HIGH_MINUTES },
    imageDecodes: config.IMAGE_DECODE_CONCURRENCY,
    chatTurns: { onTakeover: () => logger.warn("took over a chat's turn left by an instance that stopped answering") },
    notifyHours: config.NOTIFY_HOURS.split(",").map(Number),
    ...(clock ? { clock } : {}),
  });
  // Values in clear or in the old sealed format are refused on read (one could have been planted): say so now, not mid-flow.
  const legacy = await countLegacySealed(db);
  if (legacy > 0) {
    await db.$disconnect();
    throw new Error(`${legacy} stored values are in clear or in the old sealed format: run "npm run rotate-key" once, then start again`);
  }
  return { db, services };
}

/**
 * Creates the configured ward if it is new; returns its one-time admin code
 * when it was just created (printed this once: a later start prints none).
 */
export async function ensureConfiguredWard(config: Config, services: Services, logger: Logger): Promise<string | null> {
  const ward = await services.wards.ensureWard({
    slug: config.WARD_SLUG,
    name: config.WARD_NAME,
    timezone: config.WARD_TIMEZONE,
    quarterNames: config.quarterNames,
    wardUnit: config.WARD_UNIT,
  });
  if (ward.created) logger.info({ ward: config.WARD_SLUG, quarters: config.quarterNames.length }, "ward created");
  if (ward.adminCode) {
    // The one secret we print on purpose, once: whoever reads this line before it expires may become admin.
    logger.warn(
      `One-time admin code for ${config.WARD_SLUG}: ${ward.adminCode} (valid until ${ward.adminCodeExpiresAt?.toISOString()}) — send "/admin ${ward.adminCode}" to the bot in a private chat`,
    );
  } else if (!ward.hasAdmin) {
    logger.warn(`Ward ${config.WARD_SLUG} has no admin yet: issue a one-time admin code with "npm run admin-code ${config.WARD_SLUG}" on this server`);
  }
  return ward.adminCode;
}
