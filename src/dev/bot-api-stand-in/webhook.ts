// Telegram's side of webhook mode: queued updates are POSTed to the bot's URL
// with the secret token in X-Telegram-Bot-Api-Secret-Token, up to
// max_connections at once (setWebhook; 40 by default). Telegram's Bot API
// server (tdlib/telegram-bot-api, Client.cpp `webhook_queue_id`) keeps a queue
// per chat for messages, per user for button presses, and so on, and sends the
// next update of a queue only once the one before was accepted; so two
// messages of one chat never arrive at once, but a message and a button press
// of the same person can. The stand-in keeps the same lanes. Anything but a
// 2xx answer is retried with back-off, for ever: an update leaves the queue
// only once the bot accepted it, so none is skipped.
import type { Update } from "grammy/types";
import { WebhookPusher } from "../webhook-pusher.js";
import type { UpdateQueue } from "./updates.js";

export type { WebhookStats, WebhookTarget } from "../webhook-pusher.js";

const RETRY_MIN_MS = 50;
const RETRY_MAX_MS = 1_000;

/** setWebhook's max_connections when not given (Bot API: "Defaults to 40"). */
export const DEFAULT_MAX_CONNECTIONS = 40;
const MAX_CONNECTIONS_LIMIT = 100;

/**
 * max_connections as Telegram's server reads it: the leading integer of the
 * value (0 when there is none), clamped to 1–100. Out of range is not refused
 * (Client.cpp `get_webhook_max_connections` → `get_integer_arg` → `td::clamp`).
 */
export function maxConnectionsOf(value: unknown): number {
  if (value === undefined || value === null || value === "") return DEFAULT_MAX_CONNECTIONS;
  const text = typeof value === "number" ? String(Math.trunc(value)) : typeof value === "string" ? value : "";
  const leading = /^\s*[-+]?\d+/.exec(text);
  const parsed = leading ? Number.parseInt(leading[0], 10) : 0;
  return Math.min(Math.max(parsed, 1), MAX_CONNECTIONS_LIMIT);
}

/** The queue Telegram's server puts an update in; undefined: a queue of its own. */
export function laneOf(update: Update): string | undefined {
  const message = update.message ?? update.edited_message ?? update.channel_post ?? update.edited_channel_post;
  if (message) return `chat ${message.chat.id}`;
  if (update.callback_query) return `press ${update.callback_query.from.id}`;
  if (update.inline_query) return `inline ${update.inline_query.from.id}`;
  if (update.chosen_inline_result) return `chosen ${update.chosen_inline_result.from.id}`;
  if (update.shipping_query) return `payment ${update.shipping_query.from.id}`;
  if (update.pre_checkout_query) return `payment ${update.pre_checkout_query.from.id}`;
  if (update.my_chat_member) return `my member ${update.my_chat_member.chat.id}`;
  if (update.chat_member) return `member ${update.chat_member.old_chat_member.user.id}`;
  if (update.chat_join_request) return `member ${update.chat_join_request.from.id}`;
  if (update.message_reaction) return `reaction ${update.message_reaction.chat.id}`;
  if (update.message_reaction_count) return `reaction count ${update.message_reaction_count.chat.id}`;
  if (update.poll) return `poll ${update.poll.id}`;
  if (update.poll_answer) return `poll ${update.poll_answer.poll_id}`;
  return undefined;
}

export function telegramWebhookPusher(queue: UpdateQueue): WebhookPusher<Update> {
  return new WebhookPusher(queue, {
    timeoutMs: 60_000,
    retryDelayMs: (failures) => Math.min(RETRY_MIN_MS * 2 ** (failures - 1), RETRY_MAX_MS),
    maxAttempts: Number.POSITIVE_INFINITY,
    laneOf,
    request: (target, update) => {
      const headers: Record<string, string> = {};
      if (target.secretToken) headers["x-telegram-bot-api-secret-token"] = target.secretToken;
      return { headers, body: JSON.stringify(update) };
    },
    delivered: (update) => queue.ack(update.update_id),
    givenUp: () => undefined,
  });
}
