// The bot's process started exactly as it is started for real (`npm start` as
// the README says, the Docker image's ENTRYPOINT + CMD, the systemd unit's
// ExecStart, each read from its file so they cannot drift), against the Bot API
// stand-in over HTTP. SIGTERM goes to the top process only, as npm, Docker and
// systemd send it: the bot must stop gracefully ("stopped" in its log, exit 0)
// and leave no process behind, in its process group or among its descendants.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dockerInstruction, systemdExecStart } from "../../bench/shipped-command.js";
import { STAND_IN_TOKEN } from "../../src/app.js";
import { type BotApiStandIn } from "../../src/dev/bot-api-stand-in/index.js";
import { freshDatabaseUrl, TEST_NOTIFY_KEY, TEST_PEPPER, TEST_TIP_KEYS, telegramStandIn } from "../support/harness.js";
import { boundHttpUrl } from "../support/instances.js";
import { Persona } from "../support/persona.js";
import { databaseKind } from "../support/database.js";
import { until } from "../support/wait.js";

const root = path.resolve(import.meta.dirname, "../..");

// ---- What each deployment runs, read from its own file -------------------------

/** The last stage's ENTRYPOINT and CMD, exec form. */
function dockerArgv(): { entrypoint: string[]; cmd: string[] } {
  const text = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
  return { entrypoint: dockerInstruction(text, "ENTRYPOINT"), cmd: dockerInstruction(text, "CMD") };
}

/** The unit's ExecStart, split as systemd splits it. */
function systemdArgv(): string[] {
  return systemdExecStart(fs.readFileSync(path.join(root, "deploy/todan-bot.service"), "utf8"));
}

/** What the README tells people to run. */
function readmeStartsWithNpmStart(): boolean {
  return /npm install && npm start/.test(fs.readFileSync(path.join(root, "README.md"), "utf8"));
}

const tini = spawnSync("tini", ["--version"]).status === 0;

// ---- Processes, by pid ------------------------------------------------------------

interface ProcInfo {
  pid: number;
  ppid: number;
  pgrp: number;
  state: string;
}

function processes(): ProcInfo[] {
  const found: ProcInfo[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
      const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      found.push({ pid: Number(name), ppid: Number(ppid), pgrp: Number(pgrp), state: state! });
    } catch {
      // Gone while listing.
    }
  }
  return found;
}

const alive = (p: ProcInfo) => p.state !== "Z" && p.state !== "X";

/** The process and everything below it, now. */
function tree(pid: number): number[] {
  const all = processes();
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const p of all) if (p.ppid === out[i]) out.push(p.pid);
  return out;
}

/** Which of these, or of the process group, still run. */
function leftOver(group: number, pids: number[]): ProcInfo[] {
  return processes().filter((p) => alive(p) && (p.pgrp === group || pids.includes(p.pid)));
}

// ---- One start, one SIGTERM ---------------------------------------------------------

async function stopsCleanly(standIn: BotApiStandIn, argv: string[], env: Record<string, string>) {
  const [command, ...args] = argv;
  // Its own process group (as a container or a systemd unit is its own world), so what it leaves can be found.
  const top = spawn(command!, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  top.stdout.on("data", (d: Buffer) => (output += d.toString()));
  top.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => top.on("exit", (code) => resolve(code)));
  const group = top.pid!;
  let seen: number[] = [];
  try {
    await until(() => output.includes("bot started") || top.exitCode !== null, () => `no "bot started" in:\n${output}`, 90_000);
    expect(output, output).toContain("bot started");
    const resident = Persona.create(standIn, { first_name: "Process" });
    await resident.say("/start", /tin báo về ma túy/);
    seen = tree(group);

    top.kill("SIGTERM");
    expect(await exited, output).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    // A parent reaps its children before it exits; give the last reap a moment, then nothing may run.
    await until(() => leftOver(group, seen).length === 0, () => `left running: ${JSON.stringify(leftOver(group, seen))} of ${JSON.stringify(seen)}\n${output}`, 5_000);
  } finally {
    // Whatever the outcome, nothing of this test keeps running.
    for (const p of leftOver(group, seen)) {
      try {
        process.kill(p.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }
  return output;
}

describe("the bot's process stops cleanly on SIGTERM wherever it runs", () => {
  let standIn: BotApiStandIn;
  const env = (extra: Record<string, string> = {}) => ({
    BOT_TOKEN: "",
    BOT_API_ROOT: standIn.url,
    SECRET_PEPPER: TEST_PEPPER,
    NOTIFY_KEY: TEST_NOTIFY_KEY,
    TIP_KEYS: TEST_TIP_KEYS,
    LOG_LEVEL: "info",
    HTTP_HOST: "127.0.0.1",
    // Bound by the child and read back from its log.
    HTTP_PORT: "0",
    ...extra,
  });
  /** A new, empty SQLite file: the start must apply every migration itself. */
  const emptyDatabase = () => `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "todan-process-")), "bot.db")}`;
  // These start on an empty SQLite file whatever database the run tests: the PostgreSQL run would repeat the SQLite run's.
  const sqliteRun = databaseKind() === "sqlite";
  const onSqliteRun = it.runIf(sqliteRun);

  beforeAll(async () => {
    standIn = telegramStandIn({ botInfo: { username: "to_dan_process_bot" } });
    await standIn.start(0);
  });
  afterAll(async () => {
    await standIn.stop();
  });

  onSqliteRun("the check finds what a dying shell leaves behind (so a clean stop above is not a blind one)", async () => {
    const shell = spawn("sh", ["-c", "sleep 120 & sleep 120"], { stdio: "ignore", detached: true });
    const group = shell.pid!;
    await until(() => tree(group).length === 3, () => `sh did not start both sleeps: ${JSON.stringify(tree(group))}`);
    const seen = tree(group);
    const exited = new Promise((resolve) => shell.on("exit", resolve));
    shell.kill("SIGTERM");
    await exited;
    try {
      expect(leftOver(group, seen).map((p) => p.pid).sort()).toEqual(seen.slice(1).sort());
    } finally {
      process.kill(-group, "SIGKILL");
    }
  });

  onSqliteRun("`npm start`, as the README says: migrates an empty database, serves, and SIGTERM to npm stops the bot and every process under it", async () => {
    expect(readmeStartsWithNpmStart()).toBe(true);
    const output = await stopsCleanly(standIn, ["npm", "start"], env({ DATABASE_URL: emptyDatabase() }));
    expect(output).toMatch(/One-time admin code for quy-nhon-dong: ADM-/);
  }, 180_000);

  describe.runIf(sqliteRun)("the built JavaScript (dist/)", () => {
    beforeAll(() => {
      execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "pipe" });
    }, 180_000);

    const image = dockerArgv();
    // Without Debian's tini here, CMD alone (CI installs tini).
    it("the Docker image's command line (ENTRYPOINT + CMD), with NODE_ENV=production", async () => {
      expect(image.cmd.length).toBeGreaterThan(0);
      const argv = tini ? [...image.entrypoint, ...image.cmd] : image.cmd;
      await stopsCleanly(standIn, argv, env({ NODE_ENV: "production", DATABASE_URL: emptyDatabase() }));
    }, 180_000);

    it("the systemd unit's ExecStart, with NODE_ENV=production", async () => {
      await stopsCleanly(standIn, systemdArgv(), env({ NODE_ENV: "production", DATABASE_URL: emptyDatabase() }));
    }, 180_000);
  });

  it("src/main.ts without BOT_TOKEN or BOT_API_ROOT starts its own local stand-in (src/dev, loaded only then) and stops on SIGTERM", async () => {
    const settings = env({ BOT_API_ROOT: "", STAND_IN_PORT: "0", DATABASE_URL: await freshDatabaseUrl() });
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: root, env: { ...process.env, ...settings }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await until(() => output.includes("bot started"), () => `no "bot started" in:\n${output}`, 60_000);
    // Both servers bound port 0; the stand-in's address, as logged, is one the bot reached (it started) and that answers.
    const standInUrl = /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"no BOT_TOKEN: talking to the local Bot API stand-in"/.exec(output)?.[1];
    expect(standInUrl, output).toBeDefined();
    expect(standInUrl).not.toMatch(/:0$/);
    expect((await fetch(`${standInUrl}/bot${STAND_IN_TOKEN}/getMe`)).status).toBe(200);
    const httpUrl = boundHttpUrl(output);
    expect(httpUrl, output).not.toBeNull();
    expect(await (await fetch(`${httpUrl}/readyz`)).json()).toMatchObject({ ready: true, updates: "polling" });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  }, 120_000);
});
