// Real bot processes (src/main.ts, as `npm start` runs it) for tests of
// several instances, and a round-robin load balancer in front of their
// webhooks, as a deployment behind nginx would have.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { TEST_NOTIFY_KEY, TEST_PEPPER, TEST_TIP_KEYS } from "./harness.js";
import { until } from "./wait.js";

const root = path.resolve(import.meta.dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Instance {
  name: string;
  child: ChildProcessWithoutNullStreams;
  port: number;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` in a child process and waits for "bot started". */
export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
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
      HTTP_PORT: String(port),
      ...env,
    },
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await until(() => output.includes("bot started") || child.exitCode !== null, () => `${name} did not start:\n${output}`, 60_000);
  if (!output.includes("bot started")) throw new Error(`${name} exited:\n${output}`);
  return { name, child, port, output: () => output, exited };
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
            const answer = await fetch(`http://127.0.0.1:${target.port}${req.url ?? "/"}`, {
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
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
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
