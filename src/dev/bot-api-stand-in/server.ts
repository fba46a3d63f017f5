// The HTTP face of the stand-in: /bot<token>/<method> for the bot,
// /file/bot<token>/<path> for downloads, and /_control/... for whoever plays
// the users (see control.ts).
import type http from "node:http";
import { sendJson as json, StandInHttp } from "../stand-in-http.js";
import type { Control } from "./control.js";
import { BotApiError, ControlError, LOSE_RESPONSE, notFound } from "./errors.js";
import type { BotApiMethods } from "./methods.js";
import { describeUploads, readParams } from "./params.js";
import type { StandInState } from "./state.js";
import type { ApiCall, ApiErrorBody } from "./types.js";

export interface ServerOptions {
  token?: string;
  controlCorsOrigin?: string;
}

export class StandInServer {
  private readonly http = new StandInHttp();
  private readonly streams = new Set<http.ServerResponse>();

  get url(): string {
    return this.http.url;
  }

  constructor(
    private readonly s: StandInState,
    private readonly methods: BotApiMethods,
    private readonly control: Control,
    private readonly options: ServerOptions,
  ) {}

  async listen(port: number, host: string): Promise<string> {
    if (this.http.listening) throw new ControlError("the stand-in is already started");
    return this.http.listen((req, res) => this.handle(req, res), port, host);
  }

  /** Answers pending long polls with no updates, ends event streams, and closes. */
  async close(): Promise<void> {
    this.s.updates.close();
    this.s.webhook.stop();
    for (const res of this.streams) res.end();
    this.streams.clear();
    await this.http.close();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    if (url.pathname.startsWith("/_control/") || url.pathname === "/_control") return this.handleControl(req, res, url);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) return this.download(res, download[1]!, download[2]!);
    const route = /^\/bot([^/]+)\/([A-Za-z_]*)$/.exec(url.pathname);
    if (!route) return json(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, rawMethod] = route;
    if (this.options.token !== undefined && token !== this.options.token) {
      return json(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    // The client hanging up (grammY aborting a poll on stop) ends the call.
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    let call: ApiCall | undefined;
    try {
      const { params, files } = await readParams(req, url);
      const method = this.methods.resolve(rawMethod!);
      call = { method: method ?? rawMethod!, params: describeUploads(params, files), at: this.s.nowMs() };
      this.s.calls.push(call);
      const fault = this.takeFault(method ?? rawMethod!, params);
      if (fault?.error_code === 0) {
        // A dropped connection: the client gets no answer at all.
        call.dropped = true;
        req.socket.destroy();
        return;
      }
      // A lost response: the call takes effect, then the connection dies before the answer.
      const loseResponse = fault?.error_code === LOSE_RESPONSE.error_code;
      if (fault && !loseResponse) {
        call.status = fault.error_code;
        return json(res, fault.error_code, { ok: false, ...fault });
      }
      if (!method) throw notFound();
      if (await this.held(method, params, abort.signal)) {
        call.dropped = true;
        return;
      }
      // Over a chat's own limit or Telegram's global one (when played): 429, and the message is not delivered.
      const chat = this.limitedChat(params);
      const chatNow = performance.now();
      const retryAfter = (chat ? this.s.chatRateLimit.wait(method, params, chat.id, chat.isGroup, chatNow) : null) ?? this.s.rateLimit.admit(method, params, this.s.nowMs());
      if (retryAfter === null && chat) this.s.chatRateLimit.record(method, params, chat.id, chat.isGroup, chatNow);
      if (retryAfter !== null) {
        call.rateLimited = true;
        call.status = 429;
        return json(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
      }
      const result: unknown = await this.methods.handlers[method]!(params, { files, signal: abort.signal });
      call.status = 200;
      if (loseResponse) {
        call.responseLost = true;
        req.socket.destroy();
        return;
      }
      json(res, 200, { ok: true, result });
    } catch (err) {
      if (err instanceof BotApiError) {
        if (call) call.status = err.body.error_code;
        return json(res, err.body.error_code, { ok: false, ...err.body });
      }
      throw err;
    }
  }

  /**
   * A call matching a hold waits; if its client is gone by then (killed), the
   * call never happened, as when a request dies on the way. True when dropped.
   */
  private async held(method: string, params: Record<string, unknown>, signal: AbortSignal): Promise<boolean> {
    const hold = this.s.holds.find((h) => h.method === method && h.times > 0 && h.match(params));
    if (!hold) return false;
    hold.times--;
    this.s.events.emit("held", { method, params });
    await new Promise((r) => setTimeout(r, hold.ms));
    return signal.aborted;
  }

  /**
   * The chat whose own limits apply to this call, when they are played. They
   * run on real time, not the stand-in's clock: a test's fake clock stands
   * still while the bot waits out retry_after.
   */
  private limitedChat(params: Record<string, unknown>): { id: number; isGroup: boolean } | null {
    if (!this.s.chatRateLimit.enabled) return null;
    const chatId = Number(params.chat_id);
    const chat = Number.isFinite(chatId) ? this.s.chats.get(chatId) : undefined;
    return chat ? { id: chat.id, isGroup: chat.type !== "private" } : null;
  }

  /** The first fault queued for this method (or any) whose filter, if it has one, takes these params. */
  private takeFault(method: string, params: Record<string, unknown>): ApiErrorBody | undefined {
    for (const key of [method.toLowerCase(), "*"]) {
      const queue = this.s.faults.get(key);
      const index = queue?.findIndex((f) => f.match === undefined || f.match(params)) ?? -1;
      const next = queue?.[index];
      if (!queue || !next) continue;
      if (--next.times <= 0) queue.splice(index, 1);
      if (queue.length === 0) this.s.faults.delete(key);
      return next.error;
    }
    return undefined;
  }

  private download(res: http.ServerResponse, token: string, path: string): void {
    const file = this.options.token === undefined || token === this.options.token ? this.s.files.atPath(decodeURIComponent(path)) : undefined;
    if (!file) return json(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    res.writeHead(200, { "content-type": file.mime_type, "content-length": file.bytes.length });
    res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  }

  private async handleControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (this.options.controlCorsOrigin) {
      res.setHeader("access-control-allow-origin", this.options.controlCorsOrigin);
      res.setHeader("access-control-allow-headers", "content-type");
      if (req.method === "OPTIONS") {
        res.writeHead(204).end();
        return;
      }
    }
    const name = url.pathname.slice("/_control/".length);
    if (name === "events") return this.stream(req, res);
    const bytes = /^files\/([^/]+)$/.exec(name);
    if (bytes) {
      const file = this.s.files.get(decodeURIComponent(bytes[1]!));
      if (!file) return json(res, 404, { ok: false, error: "no such file" });
      res.writeHead(200, { "content-type": file.mime_type });
      res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
      return;
    }
    try {
      const result = await this.control.call(name, req, url);
      json(res, 200, { ok: true, result: result ?? null });
    } catch (err) {
      if (err instanceof ControlError || err instanceof SyntaxError) return json(res, 400, { ok: false, error: err.message });
      if (err instanceof BotApiError) return json(res, err.body.error_code, { ok: false, error: err.body.description });
      throw err;
    }
  }

  /** Server-sent events: every message stored, edited or deleted, and every update queued. */
  private stream(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write(": connected\n\n");
    this.streams.add(res);
    const forward = (event: string) => (data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const handlers = (["message", "edit", "delete", "update"] as const).map((event) => [event, forward(event)] as const);
    for (const [event, handler] of handlers) this.s.events.on(event, handler);
    const keepAlive = setInterval(() => res.write(": ping\n\n"), 15_000);
    keepAlive.unref();
    res.on("close", () => {
      clearInterval(keepAlive);
      this.streams.delete(res);
      for (const [event, handler] of handlers) this.s.events.off(event, handler);
    });
    req.resume();
  }
}
