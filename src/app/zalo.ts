// The Zalo channel: residents and quarter heads there reach the same flows
// through the bridge (channels/zalo). On with ZALO_BOT_TOKEN, or against a
// local Zalo stand-in (ZALO_STAND_IN, handed in by main.ts, the demo or a test).
import { ZaloApi } from "../channels/zalo/api.js";
import { ZaloBridge } from "../channels/zalo/bridge.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";

/** Token of the local Zalo stand-in (ZALO_STAND_IN=true). */
export const ZALO_STAND_IN_TOKEN = "zalo-local-stand-in-token";

export interface ZaloChannel {
  api: ZaloApi;
  bridge: ZaloBridge;
}

export function connectZalo(config: Config, services: Services, logger: Logger, standIn?: { apiRoot: string; token: string }): ZaloChannel | null {
  if (!config.ZALO_BOT_TOKEN && !config.ZALO_STAND_IN && !standIn) return null;
  const root = config.ZALO_API_ROOT ?? standIn?.apiRoot;
  const api = new ZaloApi(config.ZALO_BOT_TOKEN ?? standIn?.token ?? ZALO_STAND_IN_TOKEN, root);
  return { api, bridge: new ZaloBridge(api, services.offeredChoices, logger) };
}
