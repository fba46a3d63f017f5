// `npm run demo [-- --reset]`: the simulator on its own SQLite file.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../config.js";
import { startSimulator } from "./simulator/start.js";

const reset = process.argv.includes("--reset");
const databaseUrl = process.env.DEMO_DATABASE_URL ?? "file:./data/demo.db";
const file = path.resolve(databaseUrl.replace(/^file:/, ""));
if (reset) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
}
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "ignore" });

const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, BOT_TOKEN: "", BOT_API_ROOT: "" });
const port = Number(process.env.SIMULATOR_PORT ?? 3000);
const simulator = await startSimulator(config, { port });
simulator.app.logger.info(`Simulator ready: open ${simulator.url} in a browser. Stop with Ctrl+C.${reset ? " (fresh database)" : ""}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  simulator.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
