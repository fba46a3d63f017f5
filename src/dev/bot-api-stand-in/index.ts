// A local Telegram Bot API stand-in; see stand-in.ts.
export { BotApiStandIn } from "./stand-in.js";
export { parseHtml } from "./html.js";
export { freshUpdateIds } from "./types.js";
export type { ChatLimits, RateLimitStats, SendRateLimit } from "./rate-limit.js";
export { ADMIN_RIGHTS } from "./types.js";
export type {
  AdminRights,
  ApiCall,
  ApiErrorBody,
  CallbackAnswer,
  InlineButton,
  MemberStatus,
  ReplyMarkup,
  StandInOptions,
  StoredMessage,
  UserProfile,
} from "./types.js";
