// Zalo's side of webhook mode: queued updates are POSTed to the bot's URL one
// at a time, in order, as {"ok":true,"result":<update>} with the secret in
// X-Bot-Api-Secret-Token. A failure is retried with doubling delays while the
// later updates wait behind it (one lane, one connection: Zalo documents no
// concurrent delivery); after the last attempt the update is given up, since
// Zalo delivers at most once.
import { WebhookPusher } from "../webhook-pusher.js";
import type { ZaloUpdate } from "./types.js";
import type { ZaloUpdateQueue } from "./updates.js";

export type { WebhookTarget } from "../webhook-pusher.js";

export interface WebhookRetry {
  firstDelayMs: number;
  maxAttempts: number;
}

export function zaloWebhookPusher(queue: ZaloUpdateQueue, retry: WebhookRetry): WebhookPusher<ZaloUpdate> {
  return new WebhookPusher(queue, {
    timeoutMs: 30_000,
    retryDelayMs: (failures) => retry.firstDelayMs * 2 ** (failures - 1),
    maxAttempts: retry.maxAttempts,
    laneOf: () => "all",
    request: (target, update) => ({ headers: { "x-bot-api-secret-token": target.secretToken }, body: JSON.stringify({ ok: true, result: update }) }),
    delivered: (update) => queue.remove(update),
    givenUp: (update) => queue.remove(update),
  });
}
