// Retries Bot API calls at the HTTP level: 429 after its retry_after, 5xx and
// dropped connections with back-off (3 s, doubling, as @grammyjs/auto-retry).
//
// Why here and not only as a transformer: inside a conversation every API call
// is recorded and replayed on each later update. A transformer retry records
// each failed attempt, so every later step of the flow would wait out the same
// back-off again. Below the recorder, a call and its retries are one call.
// Uploads (streamed bodies cannot be sent twice) are left to auto-retry.
import { createRequire } from "node:module";

export interface RetryOptions {
  maxAttempts: number;
  /** A 429 asking for longer than this is not waited for here. */
  maxRetryAfterSeconds: number;
  firstBackoffSeconds: number;
  sleep?: (ms: number, signal?: AbortSignal | null) => Promise<void>;
}

// grammY's own default fetch on Node (node-fetch 2): it sends grammY's streamed uploads as they are.
const grammyFetch = createRequire(import.meta.url)("node-fetch") as typeof fetch;

const defaults: RetryOptions = { maxAttempts: 6, maxRetryAfterSeconds: 60, firstBackoffSeconds: 3 };

function abortableSleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Seconds to wait before the next attempt, or null when this answer is final. */
async function retryAfter(res: Response, backoff: number, options: RetryOptions): Promise<number | null> {
  if (res.status === 429) {
    const body = (await res
      .clone()
      .json()
      .catch(() => null)) as { parameters?: { retry_after?: number } } | null;
    const wait = body?.parameters?.retry_after;
    return typeof wait === "number" && wait <= options.maxRetryAfterSeconds ? wait : null;
  }
  return res.status >= 500 ? backoff : null;
}

export function retryingFetch(options: Partial<RetryOptions> = {}, base: typeof fetch = grammyFetch): typeof fetch {
  const o = { ...defaults, ...options };
  const sleep = o.sleep ?? abortableSleep;
  return async (input, init) => {
    // Only bodies that can be sent again (JSON strings) are retried here.
    const replayable = init?.body === undefined || init.body === null || typeof init.body === "string";
    if (!replayable) return base(input, init);
    let backoff = o.firstBackoffSeconds;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= o.maxAttempts;
      let res: Response;
      try {
        res = await base(input, init);
      } catch (err) {
        if (last || init?.signal?.aborted) throw err;
        await sleep(backoff * 1000, init?.signal);
        backoff *= 2;
        continue;
      }
      const wait = last ? null : await retryAfter(res, backoff, o);
      if (wait === null) return res;
      await res.arrayBuffer().catch(() => undefined);
      await sleep(wait * 1000, init?.signal);
      if (res.status !== 429) backoff *= 2;
    }
  };
}
