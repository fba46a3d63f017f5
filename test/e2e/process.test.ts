// The real entry point as a child process, as `npm start` runs it (and as
// `npm run build && npm run start:built` runs the compiled JavaScript): it boots
// on a fresh SQLite file, answers through the Bot API stand-in over HTTP, and
// stops cleanly on SIGTERM.
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotApiStandIn } from "../../src/dev/bot-api-stand-in/index.js";
import { Persona } from "../support/persona.js";
import { freshDatabaseUrl, TEST_PEPPER } from "../support/harness.js";
import { freePort } from "../support/instances.js";
import { until } from "../support/wait.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("src/main.ts as a process", () => {
  let standIn: BotApiStandIn;
  beforeAll(async () => {
    standIn = new BotApiStandIn({ botInfo: { username: "to_dan_process_bot" } });
    await standIn.start(0);
  });
  afterAll(async () => {
    await standIn.stop();
  });

  async function servesAndStops(args: string[]) {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: {
        ...process.env,
        BOT_TOKEN: "",
        BOT_API_ROOT: standIn.url,
        DATABASE_URL: await freshDatabaseUrl(),
        SECRET_PEPPER: TEST_PEPPER,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    await until(() => output.includes("bot started"), () => `no "bot started" in:\n${output}`, 30_000);
    expect(output).toMatch(/One-time admin code for quy-nhon-dong: ADM-/);

    const resident = Persona.create(standIn, { first_name: "Process" });
    await resident.say("/start", /tin báo về ma túy/);
    expect(standIn.callsTo("setMyCommands").length).toBeGreaterThanOrEqual(2);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  }

  it("serves a resident and shuts down on SIGTERM", () => servesAndStops(["--import", "tsx", "src/main.ts"]));

  it("without BOT_TOKEN or BOT_API_ROOT starts its own local stand-in (src/dev, loaded only then) and stops on SIGTERM", async () => {
    const [standInPort, httpPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: { ...process.env, BOT_TOKEN: "", BOT_API_ROOT: "", STAND_IN_PORT: String(standInPort), HTTP_PORT: String(httpPort), DATABASE_URL: await freshDatabaseUrl(), SECRET_PEPPER: TEST_PEPPER, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await until(() => output.includes("bot started"), () => `no "bot started" in:\n${output}`, 30_000);
    expect(output).toContain(`"url":"http://127.0.0.1:${standInPort}","msg":"no BOT_TOKEN: talking to the local Bot API stand-in"`);
    expect(await (await fetch(`http://127.0.0.1:${httpPort}/readyz`)).json()).toMatchObject({ ready: true, updates: "polling" });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  });

  it("does the same as built JavaScript (npm run build, then node dist/main.js)", async () => {
    execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "pipe" });
    await servesAndStops(["dist/main.js"]);
  }, 120_000);
});
