// The Bot API methods a Zalo bot calls, with Zalo's checks and refusals.
import { badRequest, ClientGone, forbidden, requestTimeout, webhookActive } from "./errors.js";
import type { ZaloState } from "./state.js";
import type { PollClient } from "./updates.js";

export type Params = Record<string, unknown>;

export type MethodHandler = (params: Params, client: PollClient) => unknown;

export interface ZaloBotInfo {
  id: string;
  account_name: string;
  account_type: "BASIC";
  can_join_groups: false;
}

/** What bots send when they leave the timeout out; they normally pass "30". */
const DEFAULT_POLL_SECONDS = 30;

const CHAT_ACTIONS = new Set(["typing", "upload_photo"]);

export function zaloMethods(s: ZaloState, botInfo: ZaloBotInfo): Record<string, MethodHandler> {
  /** The user a bot message goes to: one who wrote to the bot and has not blocked it. */
  const recipient = (params: Params): string => {
    const chatId = params.chat_id;
    if (chatId === undefined || chatId === null || chatId === "") throw badRequest("chat_id is required");
    if (typeof chatId !== "string" && typeof chatId !== "number") throw badRequest("chat_id must be a string");
    const id = String(chatId);
    if (s.blocked.has(id)) throw forbidden("user blocked the bot");
    if (!s.reached.has(id)) throw badRequest("chat not found");
    return id;
  };

  /** Text limits count UTF-16 units (JS string length), as Zalo's server does. */
  const checkLength = (value: string, what: string): void => {
    if (value.length > s.maxTextLength) throw badRequest(`${what} is too long`);
  };

  return {
    getMe: () => botInfo,

    getUpdates: async (params, client) => {
      if (s.webhook.active) throw webhookActive();
      const timeout = params.timeout === undefined || params.timeout === "" ? DEFAULT_POLL_SECONDS : Number(params.timeout);
      if (!Number.isFinite(timeout) || timeout < 0) throw badRequest("timeout is invalid");
      const update = await s.updates.take(timeout, client);
      if (client.gone()) {
        // Handed over as the client left: nobody will read it, so it stays queued.
        if (update) s.updates.putBack(update);
        throw new ClientGone();
      }
      if (!update) throw requestTimeout();
      return update;
    },

    sendMessage: (params) => {
      const text = params.text;
      if (text !== undefined && typeof text !== "string") throw badRequest("text must be a string");
      if (!text) throw badRequest("text is empty");
      checkLength(text, "text");
      const chatId = recipient(params);
      const stored = s.store(chatId, { from_bot: true, text });
      return { message_id: stored.message_id, date: stored.date };
    },

    sendPhoto: (params) => {
      const photo = params.photo;
      if (typeof photo !== "string" || photo === "") throw badRequest("photo is required");
      if (!isHttpUrl(photo)) throw badRequest("photo must be an http(s) URL");
      const caption = params.caption;
      if (caption !== undefined && typeof caption !== "string") throw badRequest("caption must be a string");
      if (caption) checkLength(caption, "caption");
      const chatId = recipient(params);
      const stored = s.store(chatId, { from_bot: true, photo, ...(caption ? { caption } : {}) });
      return { message_id: stored.message_id, date: stored.date };
    },

    sendChatAction: (params) => {
      if (typeof params.action !== "string" || !CHAT_ACTIONS.has(params.action)) throw badRequest("action is invalid");
      recipient(params);
      return true;
    },

    setWebhook: (params) => {
      const { url, secret_token: secret } = params;
      if (typeof url !== "string" || !isHttpUrl(url)) throw badRequest("url must be an http(s) URL");
      if (typeof secret !== "string" || secret.length < 8 || secret.length > 256) throw badRequest("secret_token must be 8 to 256 characters");
      s.webhookUpdatedAt = s.now();
      // Polls waiting now could never be answered with an update again.
      s.updates.endPolls(webhookActive());
      s.webhook.set({ url, secretToken: secret });
      return { url, updated_at: s.webhookUpdatedAt };
    },

    deleteWebhook: () => {
      s.webhookUpdatedAt = s.now();
      s.webhook.set(null);
      return { url: "", updated_at: s.webhookUpdatedAt };
    },

    getWebhookInfo: () => ({ url: s.webhook.url, updated_at: s.webhookUpdatedAt }),
  };
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
