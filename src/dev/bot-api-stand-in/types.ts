// Public shapes of the stand-in: what tests, the simulator and benchmarks read.
import type {
  Chat,
  Document,
  ForceReply,
  InlineKeyboardMarkup,
  MessageEntity,
  MessageOrigin,
  PhotoSize,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  User,
  UserFromGetMe,
} from "grammy/types";
import type { ChatLimits, SendRateLimit } from "./rate-limit.js";

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** A member's status in a group, as getChatMember reports it. */
export type MemberStatus = "creator" | "administrator" | "member" | "left" | "kicked";

/** Rights an administrator may lack (all granted unless set otherwise with setAdminRights). */
export const ADMIN_RIGHTS = ["can_restrict_members", "can_delete_messages", "can_pin_messages", "can_invite_users", "can_change_info", "can_promote_members"] as const;
export type AdminRights = Partial<Record<(typeof ADMIN_RIGHTS)[number], boolean>>;

/**
 * One message of a chat, users' and the bot's alike, as the stand-in keeps it.
 * Records are live: edits and deletions change them in place.
 */
export interface StoredMessage {
  message_id: number;
  chat_id: number;
  from_bot: boolean;
  /** The sender, for users' messages (bot messages leave it out). */
  from?: User;
  /** Set when an anonymous group admin posted as the group (`from` is then GroupAnonymousBot). */
  sender_chat?: Chat;
  /** Unix time in seconds, from the stand-in's clock. */
  date: number;
  /** Set by the last edit, in seconds. */
  edit_date?: number;
  /** The text a user sees (HTML already parsed). */
  text?: string;
  /** What the bot passed as text or caption, before parsing. */
  rawText?: string;
  /** The parse_mode the bot used, if any. */
  parse_mode?: string;
  /** Entities of `text`, or of `caption` for media (the shown body either way). */
  entities?: MessageEntity[];
  caption?: string;
  photo?: PhotoSize[];
  document?: Document;
  location?: { latitude: number; longitude: number };
  /** The message is a sticker (kept as a flag: nobody reads its pixels). */
  sticker?: boolean;
  /** The message is a voice note. */
  voice?: boolean;
  video?: boolean;
  /** A message forwarded from a channel: its title and post id. */
  forwardedFromChannel?: { title: string; messageId: number };
  contact?: { phone_number: string; first_name: string; user_id?: number };
  /** Any markup the bot sent with the message, inline or not. */
  reply_markup?: ReplyMarkup;
  reply_to_message_id?: number;
  media_group_id?: string;
  /** Service message in a group upgraded to a supergroup: the supergroup's id. */
  migrate_to_chat_id?: number;
  /** Service message in the new supergroup: the group it replaced. */
  migrate_from_chat_id?: number;
  /**
   * Group messages only: the people (not the bot) in the group when it was
   * sent, who therefore received it. Someone who left or was removed receives
   * nothing sent after.
   */
  recipients?: number[];
  /** Only forwardMessage sets this; copies never carry it. */
  forward_origin?: MessageOrigin;
  edited: boolean;
  deleted: boolean;
}

/** One Bot API request the bot made. */
export interface ApiCall {
  /** Canonical method name (e.g. "sendMessage"), whatever case the bot used. */
  method: string;
  /** Parameters as parsed; uploads appear as `{ filename, size }`. */
  params: Record<string, unknown>;
  /** Milliseconds, from the stand-in's clock. */
  at: number;
  /** A held call whose client died before it was handled: it never took effect. */
  dropped?: boolean;
  /** The HTTP status the stand-in answered (200: done; undefined: dropped or still running). */
  status?: number;
  /** Handled (it took effect), but the connection was closed before the answer (BotApiStandIn.loseResponseNext). */
  responseLost?: boolean;
  /** Refused with 429 by the send-rate limit (StandInOptions.sendRateLimit): nothing was delivered. */
  rateLimited?: boolean;
}

/** A Bot API error body, as Telegram sends it. */
export interface ApiErrorBody {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** What the bot passed to answerCallbackQuery. */
export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

export interface StandInOptions {
  /** Only this token is accepted (401 otherwise); any token when left out. */
  token?: string;
  botInfo?: Partial<UserFromGetMe>;
  /**
   * The clock, in milliseconds like Date.now (a Date is accepted too, so an
   * app's fake clock can be passed as is). Message dates are its seconds.
   */
  now?: () => number | Date;
  /** Value of Access-Control-Allow-Origin for /_control (none by default). */
  controlCorsOrigin?: string;
  /**
   * The first update_id (1 by default). A bot that keeps its database across
   * stand-in restarts remembers handled ids: give it fresh ones (see freshUpdateIds).
   */
  firstUpdateId?: number;
  /**
   * Telegram's global send limit: more than `perSecond` messages within any
   * 1-second window of the stand-in's clock are refused with 429
   * "Too Many Requests: retry after N" and not delivered. Off by default.
   * Applies to sendMessage, sendPhoto, sendDocument, sendLocation, sendMediaGroup
   * (each item counts), copyMessage, copyMessages (each id), forwardMessage;
   * not to edits, deletions, chat actions or callback answers (see rate-limit.ts).
   */
  sendRateLimit?: SendRateLimit;
  /**
   * How long after a press the bot may still answer it (15,000 ms, by the
   * stand-in's clock); later answers are refused with 400 "query is too old and
   * response timeout expired or query ID is invalid", as Telegram refuses them.
   */
  callbackAnswerWindowMs?: number;
  /**
   * Telegram's per-chat limits: 20 messages a minute to a group ("groups"),
   * and also a burst of 5 in any 5 seconds to a private chat ("all"); beyond
   * them 429 "Too Many Requests: retry after N", nothing delivered (see
   * rate-limit.ts). "off" by default.
   */
  chatRateLimits?: ChatLimits;
}

/** A first update_id that differs from one start to the next (grows 1,000 a second), like Telegram's never-reused ids. */
export function freshUpdateIds(): number {
  return (Math.floor(Date.now() / 1000) % 1_000_000) * 1000 + 1;
}

export interface UserProfile {
  id?: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}
