// The bot's process: configuration, the local stand-ins when there is no token
// (development only), the app, and a clean stop on SIGINT / SIGTERM.
import { localStandInsWanted, startApp } from "./app.js";
import { stopOnSignals } from "./app/shutdown.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const wanted = localStandInsWanted(config);
// The one place src/dev may be loaded from outside it, and only without a token.
const local = wanted.telegram || wanted.zalo ? await (await import("./dev/local-stand-ins.js")).startLocalStandIns(config, wanted, logger) : null;
const app = await startApp(config, { logger, ...(local?.standIn ? { standIn: local.standIn } : {}), ...(local?.zaloStandIn ? { zaloStandIn: local.zaloStandIn } : {}) });
stopOnSignals(async () => {
  await app.stop();
  await local?.stop();
}, logger);
