// Runs the real app (database, services, scheduled jobs, grammY runner) against
// the Bot API stand-in over HTTP, with a captured log and a controllable clock.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { inject } from "vitest";
import { type App, type CronTaskFactory, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { BotApiStandIn, type StandInOptions } from "../../src/dev/bot-api-stand-in/index.js";
import { ZaloStandIn } from "../../src/dev/zalo-stand-in/index.js";
import { adminQuery, databaseUrlFor } from "../global-setup.js";
import { FakeClock } from "./clock.js";
import { databaseKind } from "./database.js";

export const TEST_PEPPER = "test-pepper-0123456789-abcdefghijklmnopqrstuvwxyz";
export const TEST_NOTIFY_KEY = Buffer.alloc(32, 42).toString("base64");
export const TEST_TIP_KEYS = `t1:${Buffer.alloc(32, 43).toString("base64")}`;

export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join("\n");
  }
}

/**
 * The stand-in every end-to-end test runs against: as strict as Telegram on
 * what the bot must cope with — its global limit (30 messages a second), 20
 * messages a minute to a group, presses answered late refused, 403 to people
 * who never wrote to the bot, getFile's 20 MB. The burst allowed to one person
 * (about one message a second) is played by strict-telegram.test.ts only:
 * tests play people at machine speed, many times faster than anyone taps, and
 * the bot would spend most of each test waiting out retry_after.
 */
export function telegramStandIn(options: StandInOptions = {}): BotApiStandIn {
  return new BotApiStandIn({ botInfo: { username: "to_dan_test_bot" }, sendRateLimit: { perSecond: 30 }, chatRateLimits: "groups", ...options });
}

/**
 * Telegram's pace left out, for the few tests that push thousands of messages
 * through in minutes to prove something else (every table scanned after 1,000
 * flows, exactly-once under 50 kills): Telegram would spread 1,000 cards to one
 * group over 50 minutes. Each use says why.
 */
export const WITHOUT_TELEGRAM_PACE: StandInOptions = { sendRateLimit: undefined, chatRateLimits: "off" };

/**
 * The group's 20 messages a minute left out, for tests that file dozens of tips
 * in a minute to prove something about the rows they leave (Telegram would
 * spread 48 cards over two and a half minutes). Each use says why.
 */
export const WITHOUT_GROUP_PACE: StandInOptions = { chatRateLimits: "off" };

let created = 0;

/** A new database with every migration applied: a copy of the template file (SQLite) or of the template database (PostgreSQL). */
export async function freshDatabaseUrl(): Promise<string> {
  if (databaseKind() === "postgresql") {
    const admin = inject("adminDatabaseUrl");
    const template = inject("templateDatabase");
    const name = `${template.replace(/template$/, "")}${process.pid}_${++created}_${Math.random().toString(36).slice(2, 8)}`;
    // Two workers copying the template at once: PostgreSQL refuses while the template is in use; try again.
    for (let attempt = 0; ; attempt++) {
      try {
        await adminQuery(admin, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    return databaseUrlFor(admin, name);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "todan-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(inject("templateDatabase"), file);
  return `file:${file}`;
}

export interface TestAppOptions {
  standIn?: BotApiStandIn;
  /** Options of the stand-in the app starts when none is given (e.g. WITHOUT_GROUP_PACE). */
  standInOptions?: StandInOptions;
  /** Reuse a database (a restart); a fresh one otherwise. */
  databaseUrl?: string;
  clock?: FakeClock;
  logs?: LogCapture;
  env?: Record<string, string>;
  /** Turn the Zalo channel on: a new Zalo stand-in (true) or this one (a restart). */
  zalo?: boolean | ZaloStandIn;
  /** Register the scheduled tasks through this (e.g. node-cron's createTask, never started); none are registered otherwise. */
  cronTasks?: CronTaskFactory;
}

export interface TestApp {
  app: App;
  standIn: BotApiStandIn;
  /** The Zalo stand-in, when the test turned Zalo on. */
  zalo: ZaloStandIn | null;
  clock: FakeClock;
  logs: LogCapture;
  databaseUrl: string;
  /** The code printed when the ward was created (by this start, or the earlier start whose log this one shares). */
  adminCode: string | null;
  /** A fresh one-time admin code for the configured ward, as `npm run admin-code` issues it. */
  issueAdminCode(): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const standIn = options.standIn ?? telegramStandIn(options.standInOptions);
  const ownsStandIn = !options.standIn;
  if (ownsStandIn) await standIn.start(0);
  const databaseUrl = options.databaseUrl ?? (await freshDatabaseUrl());
  const clock = options.clock ?? new FakeClock();
  const logs = options.logs ?? new LogCapture();
  const before = logs.lines.length;
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    SECRET_PEPPER: TEST_PEPPER,
    NOTIFY_KEY: TEST_NOTIFY_KEY,
    TIP_KEYS: TEST_TIP_KEYS,
    LOG_LEVEL: "debug",
    BOT_API_ROOT: standIn.url,
    // Tests play people at machine speed; the flood test sets its own limit.
    FLOOD_LIMIT: "10000",
    ...options.env,
  });
  const zalo = options.zalo instanceof ZaloStandIn ? options.zalo : options.zalo ? await ZaloStandIn.start() : null;
  const ownsZalo = zalo !== null && !(options.zalo instanceof ZaloStandIn);
  // No background cron: a real-time tick racing the test's own would reorder sends. A test may take the tasks to run them itself.
  const cron = options.cronTasks ? { cron: true, cronTasks: options.cronTasks } : { cron: false };
  const app = await startApp(config, { standIn, clock: clock.now, logDestination: logs, ...cron, ...(zalo ? { zaloStandIn: zalo } : {}) });
  // The code is printed once, when the ward is created. A restart that shares the first start's log
  // (same database) gets that code back, so tests that restart before claiming the ward still can.
  const printed = app.adminCode ?? (/(ADM(?:-[A-Z0-9]{4}){3})/.exec(logs.lines.slice(0, before).findLast((l) => l.includes("One-time admin code")) ?? "")?.[1] ?? null);
  const adminCode = printed;
  return {
    app,
    standIn,
    zalo,
    clock,
    logs,
    databaseUrl,
    adminCode,
    async issueAdminCode() {
      const issued = await app.services.wards.issueAdminCode(config.WARD_SLUG, "server");
      if (!issued) throw new Error(`ward ${config.WARD_SLUG} has an admin already`);
      return issued.code;
    },
    async stop() {
      await app.stop();
      if (ownsStandIn) await standIn.stop();
      if (ownsZalo) await zalo?.stop();
    },
  };
}
