// The bot's start in production and with `npm start`: pending migrations first
// (Prisma's CLI, a child this process waits for), then the bot in this very
// process. So SIGTERM from npm, Docker's init or systemd reaches the bot itself,
// which stops cleanly (main.ts); no shell stands in between to die and orphan it.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

/** `prisma migrate deploy`; a stop asked for meanwhile goes to it, and the start ends there. */
async function migrate(): Promise<boolean> {
  const child = spawn(process.execPath, [prismaCli, "migrate", "deploy"], { stdio: "inherit" });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (c, s) => resolve([c, s]));
  });
  process.off("SIGINT", forward);
  process.off("SIGTERM", forward);
  if (code === 0) return true;
  process.exitCode = code ?? (signal === "SIGINT" ? 130 : 143);
  return false;
}

if (await migrate()) await import("./main.js");
