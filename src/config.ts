// Parses the environment once into a typed, validated object.
import { z } from "zod";
import { numberedQuarterNames, wardUnitSchema } from "./domain/ward-units.js";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const quarterList = z
  .string()
  .transform((s) =>
    s
      .split(/[;,\n]/)
      .map((q) => q.trim())
      .filter((q) => q.length > 0),
  )
  .pipe(z.array(z.string().min(1).max(60)).min(1).max(500));

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Empty token: start the local Bot API stand-in instead of reaching Telegram.
  BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, "BOT_TOKEN must look like 123456:ABC-…").optional(),
  BOT_API_ROOT: z.url().optional(),
  STAND_IN_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: or postgresql://")
    .default("file:./data/todan.db"),
  // Keyed-hash secret for receipts, invite tokens and residents' pseudonymous keys.
  SECRET_PEPPER: z.string().min(32, "SECRET_PEPPER must be at least 32 characters").optional(),
  // 32 random bytes, base64: encrypts opt-in notification targets (AES-256-GCM).
  NOTIFY_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "NOTIFY_KEY must be 32 bytes, base64 (openssl rand -base64 32)")
    .optional(),
  // Seals tip text, places, photo references and unfinished flows at rest (AES-256-GCM):
  // "k1:BASE64" or, while rotating, "k2:NEWKEY,k1:OLDKEY" (the first encrypts).
  TIP_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{43,44})*$/, 'TIP_KEYS must look like "k1:BASE64KEY" (openssl rand -base64 32)')
    .optional(),
  // Closed tips are deleted with their photos, addenda and questions after this many days.
  TIP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  // Rows kept per chat (its keyed hash) beyond a flow, such as the language: deleted after this many days unused.
  // Residents' pictures decoded at once (a large PNG takes hundreds of MB decoded); more wait their turn.
  IMAGE_DECODE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  // Opted-in tipsters are told of officers' questions and the closing at these local hours only, silently.
  NOTIFY_HOURS: z
    .string()
    .regex(/^\d{1,2}(,\d{1,2})*$/)
    .default("8,12,17")
    .refine((s) => s.split(",").every((h) => Number(h) <= 23), "hours 0–23"),
  CHAT_DATA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Telegram user ids (comma-separated) who may create wards with /newward; empty: nobody.
  SUPER_ADMIN_IDS: z
    .string()
    .regex(/^\s*(\d{1,15}\s*(,\s*\d{1,15}\s*)*)?$/, "SUPER_ADMIN_IDS must be Telegram user ids separated by commas")
    .default("")
    .transform((s) => s.split(",").map((id) => id.trim()).filter((id) => id.length > 0)),
  WARD_SLUG: z.string().regex(/^[a-z0-9-]{2,40}$/).default("quy-nhon-dong"),
  WARD_NAME: z.string().min(2).max(120).default("Phường Quy Nhơn Đông"),
  WARD_QUARTERS: quarterList.optional(),
  WARD_QUARTER_COUNT: z.coerce.number().int().min(1).max(500).default(19),
  WARD_TIMEZONE: z.string().default("Asia/Ho_Chi_Minh"),
  // What new wards call their quarters (and so their heads) until their admin changes it with /donvi.
  WARD_UNIT: wardUnitSchema.default("khu-pho"),
  DEFAULT_LOCALE: z.enum(["vi", "en"]).default("vi"),
  INVITE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
  // A ward's first-admin code (printed when the ward is created, or by `npm run admin-code`) stops working after this.
  ADMIN_CODE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  // A tip flow left idle this long is dropped with everything it held.
  FLOW_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  DROP_PENDING_UPDATES: booleanish.default(false),
  // Webhook mode: Telegram POSTs updates to this URL (https in production), checked
  // against WEBHOOK_SECRET; unset, the bot long-polls. Several instances need webhook mode.
  WEBHOOK_URL: z.url().optional(),
  WEBHOOK_SECRET: z.string().regex(/^[\w-]{16,256}$/, "WEBHOOK_SECRET must be 16-256 characters A-Z a-z 0-9 _ -").optional(),
  // The HTTP server (/healthz, /readyz, and the webhook): on in webhook mode, and in polling mode when HTTP_PORT is set.
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HTTP_HOST: z.string().min(1).default("127.0.0.1"),
  // Where the other instances reach this one's HTTP server (several instances): the scheduler's holder keeps the
  // chat limits for all. Default: the address the HTTP server bound, unless that is every interface.
  INSTANCE_URL: z.url().optional(),
  // How often due jobs are looked for (a divisor of 60), and how long an instance
  // holds the scheduler after it last renewed (another takes over after that).
  JOB_TICK_SECONDS: z.coerce.number().int().refine((n) => [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60].includes(n), "JOB_TICK_SECONDS must divide 60").default(60),
  // A filed tip whose card is still missing this long after (its process died in between) is posted by the scheduler.
  LATE_CARD_AFTER_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
  SCHEDULER_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(90),
  // An urgent / high tip unclaimed this long is announced again in the police group.
  CLAIM_TIMER_URGENT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  CLAIM_TIMER_HIGH_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(120),
  // A closed tip's receipt stops working after this many days.
  RECEIPT_EXPIRY_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // Tips one resident may send (counted under a keyed hash of their chat, in memory).
  TIP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
  TIP_LIMIT_PER_DAY: z.coerce.number().int().min(1).max(10000).default(20),
  // Messages and button presses one private chat may send per window before being dropped.
  FLOOD_LIMIT: z.coerce.number().int().min(1).max(10000).default(30),
  FLOOD_WINDOW_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  // Agencies' report deadlines: reminders this many days before (0 = on the day),
  // then every N days while overdue, at most M times, at this local hour.
  DEADLINE_REMINDER_DAYS: z.string().regex(/^\d{1,3}(,\d{1,3})*$/).default("14,7,3,1,0"),
  DEADLINE_OVERDUE_EVERY_DAYS: z.coerce.number().int().min(1).max(60).default(2),
  DEADLINE_OVERDUE_REMINDERS: z.coerce.number().int().min(0).max(100).default(10),
  DEADLINE_REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  SEND_RATE_PER_SECOND: z.coerce.number().min(1).max(1000).default(25),
  // Zalo (residents' tips and quarter heads' check-ins; officers stay on Telegram).
  // A token from bot.zaloplatforms.com turns the channel on; ZALO_STAND_IN=true runs
  // it against the local Zalo stand-in instead (development, tests).
  ZALO_BOT_TOKEN: z.string().regex(/^[\w:.-]{10,200}$/, "ZALO_BOT_TOKEN must be the token Zalo Bot Platform gave (letters, digits, : . _ -)").optional(),
  ZALO_API_ROOT: z.url().optional(),
  ZALO_STAND_IN: booleanish.default(false),
  ZALO_STAND_IN_PORT: z.coerce.number().int().min(0).max(65535).default(8082),
  // Zalo webhook mode (else long polling): Zalo POSTs to this URL with ZALO_WEBHOOK_SECRET in X-Bot-Api-Secret-Token.
  ZALO_WEBHOOK_URL: z.url().optional(),
  ZALO_WEBHOOK_SECRET: z.string().regex(/^[\w-]{8,256}$/, "ZALO_WEBHOOK_SECRET must be 8-256 characters A-Z a-z 0-9 _ -").optional(),
});

export type Config = z.infer<typeof configSchema> & { quarterNames: string[] };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Treat empty strings (e.g. `BOT_TOKEN=` in .env) as unset.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET) throw new Error("Invalid configuration:\n  WEBHOOK_SECRET: required with WEBHOOK_URL (openssl rand -hex 32)");
  if (c.ZALO_WEBHOOK_URL && !c.ZALO_WEBHOOK_SECRET) throw new Error("Invalid configuration:\n  ZALO_WEBHOOK_SECRET: required with ZALO_WEBHOOK_URL (openssl rand -hex 32)");
  if (c.WEBHOOK_URL && c.ZALO_WEBHOOK_URL && new URL(c.WEBHOOK_URL).pathname === new URL(c.ZALO_WEBHOOK_URL).pathname) {
    throw new Error("Invalid configuration:\n  ZALO_WEBHOOK_URL: needs a path of its own (WEBHOOK_URL has the same one)");
  }
  const quarterNames =
    c.WARD_QUARTERS ?? numberedQuarterNames(c.WARD_UNIT, c.WARD_QUARTER_COUNT);
  return { ...c, quarterNames };
}
