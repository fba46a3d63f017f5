// Telegram's side of webhook mode: queued updates are POSTed, in order and one
// at a time, to the bot's URL with the secret token in
// X-Telegram-Bot-Api-Secret-Token. Anything but a 2xx answer is retried with
// back-off, for ever: an update leaves the queue only once the bot accepted it,
// so none is skipped.
import type { Update } from "grammy/types";
import { WebhookPusher } from "../webhook-pusher.js";
import type { UpdateQueue } from "./updates.js";

export type { WebhookStats, WebhookTarget } from "../webhook-pusher.js";

const RETRY_MIN_MS = 50;
const RETRY_MAX_MS = 1_000;

export function telegramWebhookPusher(queue: UpdateQueue): WebhookPusher<Update> {
  return new WebhookPusher(queue, {
    timeoutMs: 60_000,
    retryDelayMs: (failures) => Math.min(RETRY_MIN_MS * 2 ** (failures - 1), RETRY_MAX_MS),
    maxAttempts: Number.POSITIVE_INFINITY,
    request: (target, update) => {
      const headers: Record<string, string> = {};
      if (target.secretToken) headers["x-telegram-bot-api-secret-token"] = target.secretToken;
      return { headers, body: JSON.stringify(update) };
    },
    delivered: (update) => queue.ack(update.update_id),
    givenUp: () => undefined,
  });
}
