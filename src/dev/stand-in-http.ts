// The HTTP plumbing both stand-ins (Telegram's and Zalo's) share: a server whose
// handler failures answer 500 in the Bot API's shape, long polls that never
// time out, and a close that lets answered polls reach their clients first.
import http from "node:http";
import type { AddressInfo } from "node:net";

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export class StandInHttp {
  private server: http.Server | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  url = "";

  get listening(): boolean {
    return this.server !== null;
  }

  async listen(handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>, port: number, host: string): Promise<string> {
    const server = http.createServer((req, res) => {
      const done = handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
        else res.end();
      });
      this.inFlight.add(done);
      void done.finally(() => this.inFlight.delete(done));
    });
    // Long polls outlive Node's default request timeout; keep-alive as the real APIs do.
    server.requestTimeout = 0;
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.server = server;
    const { port: actual } = server.address() as AddressInfo;
    this.url = `http://${host.includes(":") ? `[${host}]` : host}:${actual}`;
    return this.url;
  }

  /** Call after answering what waits (long polls, streams): they reach their clients, but never for long. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => setTimeout(r, 500))]);
    server.closeAllConnections();
    await closed;
  }
}
