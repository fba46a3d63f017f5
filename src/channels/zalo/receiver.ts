// Where Zalo updates come in: long polling (getUpdates returns one update per
// call and forgets it) or a webhook (Zalo POSTs each update with the secret in
// X-Bot-Api-Secret-Token). Either way each update is checked with zod, then
// handled in order per chat: a typed "2" is read against the choices the
// previous answer left, never against older ones.
import { timingSafeEqual } from "node:crypto";
import type http from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.js";
import type { ZaloApi } from "./api.js";
import { ZaloApiError } from "./api.js";
import type { ZaloBridge } from "./bridge.js";
import { type ZaloUpdate, zaloUpdateSchema } from "./translate.js";

/** Zalo's updates are small; anything far larger is not one. */
const MAX_BODY_BYTES = 256_000;
/** Updates handled at once across chats; more wait for a place. */
const MAX_IN_FLIGHT = 200;

export class ZaloReceiver {
  private readonly chains = new Map<string, Promise<void>>();
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private polling: AbortController | null = null;
  private pollLoop: Promise<void> | null = null;

  constructor(
    private readonly bridge: ZaloBridge,
    private readonly handle: (update: Update) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  /** Handles one raw update after the chat's previous one; resolves when it is handled (or refused). */
  accept(raw: unknown): Promise<void> {
    const parsed = zaloUpdateSchema.safeParse(raw);
    if (!parsed.success) {
      this.logger.warn({ issues: parsed.error.issues.length }, "Zalo update refused: not of Zalo's shape");
      return Promise.resolve();
    }
    return this.enqueue(parsed.data);
  }

  private enqueue(update: ZaloUpdate): Promise<void> {
    const chat = update.message?.chat.id ?? "";
    const previous = this.chains.get(chat) ?? Promise.resolve();
    const next = previous.then(() => this.translateAndHandle(update));
    this.chains.set(chat, next);
    void next.finally(() => {
      if (this.chains.get(chat) === next) this.chains.delete(chat);
    });
    return next;
  }

  private async translateAndHandle(update: ZaloUpdate): Promise<void> {
    try {
      const translated = await this.bridge.toUpdate(update);
      if (!translated) {
        this.logger.debug({ event: update.event_name }, "Zalo update ignored");
        return;
      }
      await this.handle(translated);
    } catch (err) {
      // Never the update itself in the log: it holds what a resident wrote.
      this.logger.error({ err, event: update.event_name }, "Zalo update failed");
    }
  }

  /** Long polling until stop(). */
  startPolling(api: ZaloApi, timeoutSeconds = 30): void {
    const controller = new AbortController();
    this.polling = controller;
    this.pollLoop = (async () => {
      let backoffMs = 1_000;
      while (!controller.signal.aborted) {
        try {
          const update = await api.call<unknown>("getUpdates", { timeout: String(timeoutSeconds) }, controller.signal);
          backoffMs = 1_000;
          await this.placeFree();
          this.inFlight++;
          void this.accept(update).finally(() => this.release());
        } catch (err) {
          if (controller.signal.aborted) break;
          if (err instanceof ZaloApiError && err.isPollTimeout) continue;
          this.logger.warn({ err: err instanceof ZaloApiError ? { code: err.errorCode } : err }, "Zalo getUpdates failed; trying again");
          await new Promise((r) => setTimeout(r, backoffMs));
          backoffMs = Math.min(backoffMs * 2, 30_000);
        }
      }
    })();
  }

  private async placeFree(): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => this.waiting.push(r));
  }

  private release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }

  get isPolling(): boolean {
    return this.polling !== null && !this.polling.signal.aborted;
  }

  /** Stops polling and waits for the updates being handled. */
  async stop(): Promise<void> {
    this.polling?.abort();
    await this.pollLoop?.catch(() => undefined);
    await Promise.allSettled([...this.chains.values()]);
  }

  /** The webhook endpoint: checks the secret, answers 200 once the update is handled. */
  webhookHandler(secret: string): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
    const expected = Buffer.from(secret);
    return async (req, res) => {
      const given = Buffer.from(String(req.headers["x-bot-api-secret-token"] ?? ""));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401).end();
        return;
      }
      let size = 0;
      const chunks: Buffer[] = [];
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          res.writeHead(413).end();
          return;
        }
        chunks.push(chunk);
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        res.writeHead(400).end();
        return;
      }
      // Zalo wraps the update as getUpdates does ({ ok, result }); a bare update is taken too.
      const update = body && typeof body === "object" && "result" in body ? (body).result : body;
      const parsed = zaloUpdateSchema.safeParse(update);
      if (!parsed.success) {
        res.writeHead(400).end();
        return;
      }
      await this.enqueue(parsed.data);
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    };
  }
}
