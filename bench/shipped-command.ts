// How production starts the bot, read from the files that ship it, so the memory
// benches measure that very command line and cannot drift from it: the
// Dockerfile's CMD (last stage, exec form), the systemd unit's ExecStart, and
// package.json's `start` / `start:built` (`exec node …`).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The last stage's ENTRYPOINT or CMD, exec form (a shell form would put sh in front of the bot); [] when it has none. */
export function dockerInstruction(dockerfile: string, name: "ENTRYPOINT" | "CMD"): string[] {
  const lastStage = dockerfile.replace(/\\\n/g, " ").split(/^FROM\s/im).at(-1)!;
  const line = [...lastStage.matchAll(new RegExp(`^${name}\\s+(.+)$`, "gim"))].at(-1)?.[1];
  if (line === undefined) return [];
  const argv: unknown = JSON.parse(line);
  if (!Array.isArray(argv) || !argv.every((a) => typeof a === "string")) throw new Error(`${name} must be in exec form: ${line}`);
  return argv;
}

/** The last stage's CMD, exec form. */
export function dockerCmd(dockerfile: string): string[] {
  const argv = dockerInstruction(dockerfile, "CMD");
  if (argv.length === 0) throw new Error("the Dockerfile's last stage has no CMD");
  return argv;
}

/** ExecStart, split as systemd splits it (no quoting used there). */
export function systemdExecStart(unit: string): string[] {
  const line = /^ExecStart=(.+)$/m.exec(unit)?.[1];
  if (!line) throw new Error("the unit has no ExecStart");
  return line.trim().split(/\s+/);
}

/** An npm script of the form `exec node …`, as argv (no shell syntax allowed beyond the leading exec). */
export function npmScript(packageJson: string, name: string): string[] {
  const script = (JSON.parse(packageJson) as { scripts?: Record<string, string> }).scripts?.[name];
  if (!script) throw new Error(`package.json has no script ${name}`);
  if (/[|&;<>$`"'\\]/.test(script)) throw new Error(`script ${name} must be a plain command line: ${script}`);
  const argv = script.trim().split(/\s+/);
  return argv[0] === "exec" ? argv.slice(1) : argv;
}

export interface NodeCommand {
  /** `node` or a path to it. */
  node: string;
  /** Node's and V8's flags, in order, without `--import <module>` (a loader, not a setting). */
  flags: string[];
  /** `--import` modules (tsx under `npm start`). */
  imports: string[];
  /** The script node runs, and its arguments. */
  script: string[];
}

/** Splits `node [flags] script [args]`; a flag's value must be joined with `=` except `--import`'s. */
export function nodeCommand(argv: string[]): NodeCommand {
  const [node, ...rest] = argv;
  if (!node || !/(^|\/)node$/.test(node)) throw new Error(`not a node command line: ${argv.join(" ")}`);
  const flags: string[] = [];
  const imports: string[] = [];
  let i = 0;
  for (; i < rest.length && rest[i]!.startsWith("-"); i++) {
    if (rest[i] === "--import") imports.push(rest[++i]!);
    else if (rest[i]!.startsWith("--import=")) imports.push(rest[i]!.slice("--import=".length));
    else flags.push(rest[i]!);
  }
  return { node, flags, imports, script: rest.slice(i) };
}

export interface Shipped {
  docker: NodeCommand;
  systemd: NodeCommand;
  npmStart: NodeCommand;
  npmStartBuilt: NodeCommand;
}

export function readShipped(root: string = ROOT): Shipped {
  const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
  const pkg = read("package.json");
  return {
    docker: nodeCommand(dockerCmd(read("Dockerfile"))),
    systemd: nodeCommand(systemdExecStart(read("deploy/todan-bot.service"))),
    npmStart: nodeCommand(npmScript(pkg, "start")),
    npmStartBuilt: nodeCommand(npmScript(pkg, "start:built")),
  };
}

/**
 * What the memory benches run: the image's command line (`node <flags> dist/start.js`), with
 * this node binary. `override` (BENCH_NODE_FLAGS) replaces the shipped flags, to try others.
 */
export function shippedBotCommand(override?: string, root: string = ROOT): { flags: string[]; script: string[]; overridden: boolean } {
  const { docker } = readShipped(root);
  const flags = override === undefined ? docker.flags : override.split(/\s+/).filter(Boolean);
  return { flags, script: docker.script, overridden: override !== undefined };
}

/** Shell-quoted, for printing the exact command line measured. */
export function commandLine(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(" ");
}

/** `npm run build` (tsc -p tsconfig.build.json): dist/ as the image builds it. BENCH_SKIP_BUILD=1 uses dist/ as it is. */
export function buildDist(root: string = ROOT): void {
  if (process.env.BENCH_SKIP_BUILD === "1") return;
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
}

/**
 * The benches' probe, preloaded into the bot with `--expose-gc --import <this>` (nothing added to src/):
 * on SIGUSR2 a full collection, then `process.memoryUsage()` on stderr ("BENCH_MEMORY {…}"); and the
 * JS heap in use just after each major (mark-compact) collection, printed ("BENCH_HEAP_PEAK <bytes>")
 * each time it passes its high-water mark by 1 MiB: about the live heap at its largest, so a bench
 * sees how close the process came to an old-space cap (past it, V8 ends the process).
 */
export const PROBE_FLAGS = [
  "--expose-gc",
  "--import",
  `data:text/javascript,${encodeURIComponent(
    [
      `process.on("SIGUSR2", () => { globalThis.gc(); process.stderr.write("BENCH_MEMORY " + JSON.stringify(process.memoryUsage()) + "\\n"); });`,
      `import { PerformanceObserver, constants } from "node:perf_hooks";`,
      `let printed = 0;`,
      `new PerformanceObserver((list) => { for (const entry of list.getEntries()) { if (entry.detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue; const used = process.memoryUsage().heapUsed; if (used > printed + 2 ** 20) { printed = used; process.stderr.write("BENCH_HEAP_PEAK " + used + "\\n"); } } }).observe({ entryTypes: ["gc"] });`,
    ].join("\n"),
  )}`,
];

/** The highest "BENCH_HEAP_PEAK" in a probe's output, in bytes (0 if none). */
export function heapPeakOf(output: string): number {
  return Math.max(0, ...[...output.matchAll(/^BENCH_HEAP_PEAK (\d+)$/gm)].map((m) => Number(m[1])));
}
