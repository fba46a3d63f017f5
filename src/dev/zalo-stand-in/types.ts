// Public shapes of the Zalo stand-in: the Bot API's own objects (updates,
// messages) and what tests and the simulator read back.

export type ZaloEventName =
  | "message.text.received"
  | "message.image.received"
  | "message.sticker.received"
  | "message.voice.received"
  | "message.unsupported.received";

/**
 * How the stand-in words its updates. Public descriptions of Zalo's Bot API
 * disagree on these, so the stand-in can send each documented variant.
 */
export interface ZaloUpdateShape {
  /** The picture's address: `photo_url` (default) or `photo`. */
  photoField: "photo_url" | "photo";
  /** The sender's name: `display_name` (default) or `name`. */
  nameField: "display_name" | "name";
  /** `date` in milliseconds (default) or seconds. */
  dateUnit: "milliseconds" | "seconds";
}

/** A person the stand-in plays. Zalo user ids are 20 lowercase hex characters. */
export interface ZaloUser {
  id: string;
  displayName: string;
}

/** A message as the bot receives it inside an update. */
export interface ZaloMessage {
  /** 32 hex characters. */
  message_id: string;
  from: { id: string; display_name?: string; name?: string; is_bot: false };
  /** Private chats only: the chat id is the user's id. */
  chat: { id: string; chat_type: "PRIVATE" };
  /** Milliseconds, not seconds as on Telegram. */
  date: number;
  text?: string;
  photo_url?: string;
  photo?: string;
  caption?: string;
  sticker?: string;
}

/** Zalo updates carry no id: there is nothing to confirm, each is handed out once. */
export interface ZaloUpdate {
  event_name: ZaloEventName;
  message: ZaloMessage;
}

/** One message of a chat, the user's or the bot's, as the stand-in keeps it. */
export interface ZaloStoredMessage {
  message_id: string;
  chat_id: string;
  from_bot: boolean;
  /** Milliseconds. */
  date: number;
  text?: string;
  /** The image's URL: photo_url for a user's image, the bot's `photo` param for sendPhoto. */
  photo?: string;
  caption?: string;
  /** A user's sticker (its id). */
  sticker?: string;
  /** A user's message of a kind Zalo does not pass on (voice, file, location…). */
  unsupported?: true;
  /** A user's voice message (the bot learns only that one came). */
  voice?: true;
}

/** One Bot API request the bot made. Records are live: a waiting getUpdates is filled in when answered. */
export interface ZaloApiCall {
  method: string;
  /** Query string and body merged. */
  params: Record<string, unknown>;
  /** False until answered, and for every refusal. */
  ok: boolean;
  error_code?: number;
  description?: string;
  /** The client hung up before the answer (or failNext dropped the connection). */
  dropped?: boolean;
  /** Milliseconds, from the stand-in's clock. */
  at: number;
}

/** What failNext makes a call answer. */
export interface ZaloFailure {
  /** Default 500. */
  httpStatus?: number;
  /** Default: the HTTP status. */
  error_code?: number;
  /** Default "Internal Server Error". */
  description?: string;
  /** Close the connection without an answer instead. */
  dropConnection?: boolean;
}

export interface ZaloStandInOptions {
  /** Default "zalo-stand-in-token". */
  token?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (the default): any free port. */
  port?: number;
  /** The limit for sendMessage's text and sendPhoto's caption, in UTF-16 units. Default 2000. */
  maxTextLength?: number;
  /** The first webhook retry's delay, doubling after each failure. Default 250. */
  webhookRetryMs?: number;
  /** Attempts per update before the webhook gives it up. Default 8. */
  webhookMaxAttempts?: number;
  /** The clock for dates (milliseconds). Default Date.now. */
  now?: () => number;
}

export interface ZaloWebhookInfo {
  /** "" when no webhook is set. */
  url: string;
  /** Milliseconds; 0 before any setWebhook/deleteWebhook. */
  updated_at: number;
}

export interface ZaloWebhookStats {
  /** Updates the receiver accepted (answered 2xx). */
  delivered: number;
  /** Attempts answered non-2xx or failing to connect; each is retried. */
  failedAttempts: number;
  /** Updates given up after the last attempt failed (Zalo delivers at most once). */
  dropped: number;
  /** Updates queued, the one being delivered included. */
  pending: number;
  lastError: string | null;
}
