import { startApp } from "./app.js";
import { loadConfig } from "./config.js";

const app = await startApp(loadConfig());

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  app.logger.info({ signal }, "shutting down");
  app.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      app.logger.error({ err }, "shutdown failed");
      process.exit(1);
    },
  );
};
process.once("SIGINT", () => shutdown("SIGINT"));
process.once("SIGTERM", () => shutdown("SIGTERM"));
