// Several instances, one count of each chat's limits (services/chat-limits.ts):
// the instance holding the scheduler lease keeps them in memory and answers the
// others at POST /internal/limits. The request carries a chat's keyed hash
// only, with a token derived from SECRET_PEPPER (every instance has it, nobody
// else), and nothing of it is logged.
import type http from "node:http";
import { z } from "zod";
import type { Logger } from "../logger.js";
import type { LimitAnswer, LimitRequest } from "../services/chat-limits.js";
import type { Services } from "../services/index.js";
import { Secrets } from "../services/secrets.js";
import type { WebhookRoute } from "./http-server.js";
import { SCHEDULER_LEASE } from "./scheduler.js";

export const LIMITS_PATH = "/internal/limits";
const MAX_BODY_BYTES = 4_096;
/** A keeper that does not answer in this time is counted without: the resident is not kept waiting. */
const ASK_TIMEOUT_MS = 2_000;
/** Who keeps the limits is read again after this long (the lease changes hands rarely). */
const KEEPER_CACHE_MS = 1_000;

const chatKey = z.string().min(1).max(100);
const attemptKind = z.enum(["receipt", "admin"]);
const limitRequest: z.ZodType<LimitRequest> = z.discriminatedUnion("op", [
  z.object({ op: z.literal("tip-check"), key: chatKey }),
  z.object({ op: z.literal("tip-record"), key: chatKey }),
  z.object({ op: z.literal("attempt-blocked"), kind: attemptKind, key: chatKey }),
  z.object({ op: z.literal("attempt-failed"), kind: attemptKind, key: chatKey }),
]);
const limitAnswer = z.object({ answer: z.union([z.enum(["ok", "hour", "day"]), z.boolean(), z.null()]) });

/** Shared by every instance (derived from SECRET_PEPPER), known to nobody else. */
export const limitsToken = (services: Services) => services.secrets.keyedHash("instance-token", "chat-limits");

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error("too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The keeper's side: answers another instance from this one's counts. */
export function limitsKeeperRoute(services: Services): WebhookRoute {
  const token = limitsToken(services);
  return {
    path: LIMITS_PATH,
    async handle(req, res) {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
        res.end(JSON.stringify(body));
      };
      if (!Secrets.equal(req.headers.authorization ?? "", `Bearer ${token}`)) return reply(401, { error: "unauthorized" });
      let parsed: ReturnType<typeof limitRequest.safeParse>;
      try {
        parsed = limitRequest.safeParse(JSON.parse(await readBody(req)));
      } catch {
        return reply(400, { error: "bad request" });
      }
      if (!parsed.success) return reply(400, { error: "bad request" });
      reply(200, { answer: services.limits.answer(parsed.data) });
    },
  };
}

/** The others' side: every limit is asked of the scheduler's holder while it is another reachable instance. */
export function askLimitsKeeper(services: Services, logger: Logger): void {
  const token = limitsToken(services);
  let cached: { at: number; address: string | null } | null = null;
  const keeperAddress = async (): Promise<string | null> => {
    const now = performance.now();
    if (cached && now - cached.at < KEEPER_CACHE_MS) return cached.address;
    const holder = await services.leases.holderOf(SCHEDULER_LEASE);
    cached = { at: now, address: holder && !holder.self ? holder.address : null };
    return cached.address;
  };
  services.limits.useKeeper(
    async () => {
      const address = await keeperAddress();
      if (!address) return null;
      return async (request: LimitRequest): Promise<LimitAnswer> => {
        const res = await fetch(`${address}${LIMITS_PATH}`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(ASK_TIMEOUT_MS),
        });
        if (!res.ok) throw new Error(`the limits' keeper answered HTTP ${res.status}`);
        return limitAnswer.parse(await res.json()).answer;
      };
    },
    (err) => {
      cached = null;
      // Never the request: it holds a chat's keyed hash.
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, "the instance keeping the chat limits did not answer; counted here alone");
    },
  );
}

/** The address the others reach this instance at: INSTANCE_URL, or the HTTP server's own unless it listens on every interface. */
export function reachableAddress(instanceUrl: string | undefined, httpUrl: string | null): string | null {
  if (instanceUrl) return instanceUrl.replace(/\/+$/, "");
  if (!httpUrl) return null;
  const host = new URL(httpUrl).hostname;
  return host === "0.0.0.0" || host === "[::]" ? null : httpUrl;
}
