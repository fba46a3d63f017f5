// A local Zalo Bot API stand-in; see stand-in.ts.
export { ZaloStandIn } from "./stand-in.js";
export { ZaloControlError } from "./errors.js";
export type { ZaloBotInfo } from "./methods.js";
export type {
  ZaloApiCall,
  ZaloEventName,
  ZaloFailure,
  ZaloMessage,
  ZaloStandInOptions,
  ZaloStoredMessage,
  ZaloUpdate,
  ZaloUpdateShape,
  ZaloUser,
  ZaloWebhookInfo,
  ZaloWebhookStats,
} from "./types.js";
