// `npm run rotate-key`: re-seals tip text, places, photo references, answers and
// unfinished flows under the first key of TIP_KEYS. Run it after putting a new
// key first (keep the old one behind it until this finishes), or once after
// upgrading from a version that stored them in clear. Prints counts only.
import { keyringFor } from "../app/secrets.js";
import { loadConfig } from "../config.js";
import { createDatabase, tuneDatabase } from "../db.js";
import { createLogger } from "../logger.js";
import { rotateDataKeys } from "../services/key-rotation.js";

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const db = createDatabase(config.DATABASE_URL);
try {
  await tuneDatabase(db, config.DATABASE_URL);
  const keyring = keyringFor(config, logger);
  const result = await rotateDataKeys(db, keyring, (table, resealed) => logger.info({ table, resealed }, "re-sealing"));
  logger.info({ keyId: result.keyId, ...result.resealed, legacyLeft: result.legacyLeft }, "every sealed value is now under the current key and format; older keys may be removed from TIP_KEYS");
  if (result.legacyLeft > 0) process.exitCode = 1;
} finally {
  await db.$disconnect();
}
