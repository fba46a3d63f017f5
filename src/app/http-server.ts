// The bot's HTTP side: liveness and readiness probes for the process manager
// or load balancer, and, in webhook mode, the endpoint Telegram POSTs updates to.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "../db.js";
import type { Logger } from "../logger.js";

export interface Readiness {
  ready: boolean;
  database: "ok" | "error";
  updates: "polling" | "webhook" | "stopped";
  /** The Zalo channel, when it is on. */
  zalo?: "polling" | "webhook" | "stopped";
}

/** Ready when the database answers and updates come in (polled or pushed), on every channel that is on. */
export function readinessCheck(db: Database, updates: () => Pick<Readiness, "updates" | "zalo">): () => Promise<Readiness> {
  return async () => {
    const database = await db.$queryRawUnsafe("SELECT 1").then(
      () => "ok" as const,
      () => "error" as const,
    );
    const sources = updates();
    return { ready: database === "ok" && sources.updates !== "stopped" && sources.zalo !== "stopped", database, ...sources };
  };
}

export interface WebhookRoute {
  path: string;
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
}

export interface HttpServerOptions {
  host: string;
  port: number;
  logger: Logger;
  readiness(): Promise<Readiness>;
  /** Webhook mode: the paths Telegram (grammY's handler) and Zalo post to; each handler checks its secret token. */
  webhooks?: WebhookRoute[];
}

export interface HttpServer {
  url: string;
  close(): Promise<void>;
}

/** Telegram's updates are a few kilobytes; anything far larger is not one. */
const MAX_UPDATE_BYTES = 1_000_000;

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { logger } = options;
  const webhooks = options.webhooks ?? [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") return json(res, 200, { status: "ok" });
    if (req.method === "GET" && path === "/readyz") {
      options.readiness().then(
        (r) => json(res, r.ready ? 200 : 503, r),
        () => json(res, 503, { ready: false }),
      );
      return;
    }
    const webhook = webhooks.find((w) => w.path === path);
    if (webhook) {
      if (req.method !== "POST") return json(res, 405, { error: "POST only" });
      if (Number(req.headers["content-length"] ?? 0) > MAX_UPDATE_BYTES) return json(res, 413, { error: "too large" });
      webhook.handle(req, res).catch((err: unknown) => {
        // The update stays with the sender, which retries it: nothing is lost.
        logger.error({ err }, "webhook update failed");
        if (!res.headersSent) json(res, 500, { error: "failed" });
        else res.end();
      });
      return;
    }
    json(res, 404, { error: "not found" });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`;
  logger.info({ url, webhooks: webhooks.map((w) => w.path) }, "HTTP server listening (/healthz, /readyz)");
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
