// `npm run admin-code [ward-slug]`: issues a fresh one-time admin code for a
// ward that has no admin yet (the configured WARD_SLUG when none is named), and
// prints it once, here, on the server's terminal: not in the bot's log. The
// previous code stops working; this one expires after ADMIN_CODE_TTL_HOURS.
// The issue is audited (never the code). Refused once the ward has an admin.
import { z } from "zod";
import { secretsFor } from "../app/secrets.js";
import { loadConfig } from "../config.js";
import { createDatabase, tuneDatabase } from "../db.js";
import { createLogger } from "../logger.js";
import { AuditService } from "../services/audit.js";
import { systemClock } from "../services/clock.js";
import { ServiceError } from "../services/errors.js";
import { Secrets, secureRandom } from "../services/secrets.js";
import { WardService } from "../services/wards.js";

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const slug = z.string().regex(/^[a-z0-9-]{2,40}$/).safeParse(process.argv[2] ?? config.WARD_SLUG);
if (!slug.success) {
  process.stderr.write("Usage: npm run admin-code [ward-slug]   (a ward's slug: 2-40 characters a-z, 0-9 and hyphens)\n");
  process.exit(2);
}
const db = createDatabase(config.DATABASE_URL);
try {
  await tuneDatabase(db, config.DATABASE_URL);
  const wards = new WardService(db, new Secrets(secretsFor(config, logger).pepper), secureRandom, new AuditService(db), systemClock, config.ADMIN_CODE_TTL_HOURS);
  const issued = await wards.issueAdminCode(slug.data, "server");
  if (issued) {
    process.stdout.write(`One-time admin code for ${slug.data}: ${issued.code} (valid until ${issued.expiresAt.toISOString()}) — send "/admin ${issued.code}" to the bot in a private chat\n`);
  } else {
    process.stderr.write(`Ward ${slug.data} already has an admin: no code issued. Its admin invites others with /invite.\n`);
    process.exitCode = 1;
  }
} catch (err) {
  if (!(err instanceof ServiceError) || err.code !== "not_found") throw err;
  process.stderr.write(`No ward ${slug.data} in this database.\n`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
