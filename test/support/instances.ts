// Real bot processes (src/main.ts, as `npm start` runs it) for tests of
// several instances, and a round-robin load balancer in front of their
// webhooks, as a deployment behind nginx would have.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { TEST_NOTIFY_KEY, TEST_PEPPER, TEST_TIP_KEYS } from "./harness.js";
import { until } from "./wait.js";

const root = path.resolve(import.meta.dirname, "../..");

/** The URL the bot's HTTP server bound (started with HTTP_PORT=0), read from its "HTTP server listening" log line. */
export function boundHttpUrl(output: string): string | null {
  return /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"HTTP server listening/.exec(output)?.[1] ?? null;
}

export interface FrontDoor {
  url: string;
  close(): Promise<void>;
}

/**
 * A proxy bound to port 0 and kept for the whole test, in front of whatever `target()` names, as nginx would be:
 * its URL can be registered as the webhook before the app behind it (HTTP_PORT=0) has a port, and stays the same
 * across the app's restarts. With no target, or one that does not answer, it says 502.
 */
export async function startFrontDoor(target: () => string | null): Promise<FrontDoor> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const base = target();
        try {
          if (!base) throw new Error("no app behind the front door");
          const headers: Record<string, string> = {};
          for (const name of ["content-type", "x-telegram-bot-api-secret-token", "x-bot-api-secret-token"]) {
            const value = req.headers[name];
            if (typeof value === "string") headers[name] = value;
          }
          const method = req.method ?? "GET";
          const answer = await fetch(`${base}${req.url ?? "/"}`, { method, headers, ...(method === "GET" || method === "HEAD" ? {} : { body: Buffer.concat(chunks) }) });
          const body = Buffer.from(await answer.arrayBuffer());
          res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/octet-stream" });
          res.end(body);
        } catch {
          res.writeHead(502);
          res.end();
        }
      })();
    });
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface Instance {
  name: string;
  child: ChildProcessWithoutNullStreams;
  /** Its HTTP server (/healthz, /readyz, webhooks), as it bound it. */
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` in a child process and waits for "bot started". */
export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      BOT_TOKEN: "",
      SECRET_PEPPER: TEST_PEPPER,
      NOTIFY_KEY: TEST_NOTIFY_KEY,
      TIP_KEYS: TEST_TIP_KEYS,
      LOG_LEVEL: "info",
      FLOOD_LIMIT: "10000",
      // Bound by the child and read back from its log: no port number is picked here and reused later.
      HTTP_PORT: "0",
      ...env,
    },
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await until(() => output.includes("bot started") || child.exitCode !== null, () => `${name} did not start:\n${output}`, 60_000);
  if (!output.includes("bot started")) throw new Error(`${name} exited:\n${output}`);
  const url = boundHttpUrl(output);
  if (!url) throw new Error(`${name} logged no HTTP server address:\n${output}`);
  return { name, child, url, output: () => output, exited };
}

/** The instances' last warnings and errors, for a failing test's message. */
export function instanceProblems(instances: readonly Instance[], perInstance = 5): string {
  return instances
    .flatMap((i) =>
      i
        .output()
        .split("\n")
        .filter((l) => /"level":(40|50|60)/.test(l))
        .slice(-perInstance)
        // An error's code comes after its long message: keep it in sight.
        .map((l) => `${i.name}: ${l.slice(0, 400)}${/"code":"(\w+)"/.exec(l.slice(400))?.[0] ?? ""}`),
    )
    .join("\n");
}

export interface LoadBalancer {
  url: string;
  /** Updates each instance answered. */
  served: Map<string, number>;
  close(): Promise<void>;
}

/** Sends each webhook POST to the next instance in turn; one that does not answer is skipped. */
export async function startLoadBalancer(instances: Instance[]): Promise<LoadBalancer> {
  const served = new Map<string, number>(instances.map((i) => [i.name, 0]));
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        for (let tried = 0; tried < instances.length; tried++) {
          const target = instances[next++ % instances.length]!;
          try {
            const answer = await fetch(`${target.url}${req.url ?? "/"}`, {
              method: "POST",
              headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": String(req.headers["x-telegram-bot-api-secret-token"] ?? "") },
              body,
            });
            const text = await answer.text();
            served.set(target.name, (served.get(target.name) ?? 0) + 1);
            res.writeHead(answer.status, { "content-type": "application/json" });
            res.end(text);
            return;
          } catch {
            // Down (killed): try the next one.
          }
        }
        res.writeHead(502);
        res.end();
      })();
    });
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
