// The HTTP face of the stand-in: /bot<token>/<method> for the bot (JSON body,
// or a query string), and /media/<name> for users' images, which Zalo hands
// the bot as plain URLs needing no token.
import type http from "node:http";
import { sendJson as json, StandInHttp } from "../stand-in-http.js";
import { ClientGone, notFound, unauthorized, ZaloApiError, ZaloControlError } from "./errors.js";
import type { MethodHandler, Params } from "./methods.js";
import type { ZaloState } from "./state.js";
import type { ZaloApiCall, ZaloFailure } from "./types.js";

/** Bots send small JSON bodies; anything bigger is a mistake. */
const MAX_BODY = 1024 * 1024;

export class ZaloServer {
  private readonly http = new StandInHttp();

  get url(): string {
    return this.http.url;
  }

  constructor(
    private readonly s: ZaloState,
    private readonly methods: Record<string, MethodHandler>,
    private readonly token: string,
  ) {}

  async listen(port: number, host: string): Promise<string> {
    if (this.http.listening) throw new ZaloControlError("the stand-in is already started");
    return this.http.listen((req, res) => this.handle(req, res), port, host);
  }

  /** Answers waiting polls with 408, stops the webhook and closes. */
  async close(): Promise<void> {
    this.s.updates.endPolls();
    this.s.webhook.stop();
    await this.http.close();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const media = /^\/media\/([^/]+)$/.exec(url.pathname);
    if (media && (req.method === "GET" || req.method === "HEAD")) return this.serveMedia(res, decodeURIComponent(media[1]!));
    const route = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
    if (!route) return answerError(res, notFound());
    const token = route[1]!;
    const method = route[2]!;

    const call: ZaloApiCall = { method, params: Object.fromEntries(url.searchParams), ok: false, at: this.s.now() };
    this.s.calls.push(call);
    const settle = (outcome: { result: unknown } | { error: ZaloApiError }) => {
      if ("result" in outcome) call.ok = true;
      else Object.assign(call, { error_code: outcome.error.errorCode, description: outcome.error.message });
      this.s.events.emit("call", call);
    };

    // A client hanging up (a bot stopping mid-poll) ends the call.
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const client = { signal: abort.signal, gone: () => abort.signal.aborted || req.socket.destroyed };

    try {
      if (token !== this.token) throw unauthorized();
      Object.assign(call.params, await readJsonBody(req));
      const fault = this.s.takeFault(method);
      if (fault?.dropConnection) {
        call.dropped = true;
        this.s.events.emit("call", call);
        req.socket.destroy();
        return;
      }
      if (fault) throw failureOf(fault);
      const handler = Object.hasOwn(this.methods, method) ? this.methods[method] : undefined;
      if (!handler) throw notFound();
      const result: unknown = await handler(call.params, client);
      settle({ result });
      json(res, 200, { ok: true, result });
    } catch (err) {
      if (err instanceof ClientGone) {
        call.dropped = true;
        this.s.events.emit("call", call);
        return;
      }
      if (!(err instanceof ZaloApiError)) throw err;
      settle({ error: err });
      answerError(res, err);
    }
  }

  private serveMedia(res: http.ServerResponse, name: string): void {
    const media = this.s.media.get(name);
    if (!media) return answerError(res, notFound());
    res.writeHead(200, { "content-type": media.contentType, "content-length": media.bytes.byteLength });
    res.end(Buffer.from(media.bytes.buffer, media.bytes.byteOffset, media.bytes.byteLength));
  }
}

function failureOf(failure: ZaloFailure): ZaloApiError {
  const status = failure.httpStatus ?? 500;
  return new ZaloApiError(status, failure.error_code ?? status, failure.description ?? "Internal Server Error");
}

async function readJsonBody(req: http.IncomingMessage): Promise<Params> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ZaloApiError(413, 413, "Request Entity Too Large");
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks).toString("utf8").trim();
  if (body === "") return {};
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(body));
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ZaloApiError(400, 400, "invalid JSON body");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new ZaloApiError(400, 400, "the body must be a JSON object");
  return parsed as Params;
}

function answerError(res: http.ServerResponse, err: ZaloApiError): void {
  json(res, err.httpStatus, { ok: false, error_code: err.errorCode, description: err.message });
}
