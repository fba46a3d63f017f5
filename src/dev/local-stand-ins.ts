// `npm start` without BOT_TOKEN (or with ZALO_STAND_IN=true and no Zalo token):
// the stand-ins the bot then talks to, started by main.ts and handed to startApp.
// Loaded only then: a production start never loads src/dev.
import { STAND_IN_TOKEN, ZALO_STAND_IN_TOKEN } from "../app.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { BotApiStandIn, freshUpdateIds } from "./bot-api-stand-in/index.js";
import { ZaloStandIn } from "./zalo-stand-in/index.js";

export interface LocalStandIns {
  standIn?: BotApiStandIn;
  zaloStandIn?: ZaloStandIn;
  stop(): Promise<void>;
}

export async function startLocalStandIns(config: Config, wanted: { telegram: boolean; zalo: boolean }, logger: Logger): Promise<LocalStandIns> {
  let standIn: BotApiStandIn | undefined;
  let zaloStandIn: ZaloStandIn | undefined;
  if (wanted.telegram) {
    standIn = new BotApiStandIn({ token: STAND_IN_TOKEN, firstUpdateId: freshUpdateIds() });
    await standIn.start(config.STAND_IN_PORT);
    logger.info({ url: standIn.url }, "no BOT_TOKEN: talking to the local Bot API stand-in");
  }
  if (wanted.zalo) {
    zaloStandIn = await ZaloStandIn.start({ token: ZALO_STAND_IN_TOKEN, port: config.ZALO_STAND_IN_PORT });
    logger.info({ url: zaloStandIn.apiRoot }, "Zalo channel: talking to the local Zalo stand-in");
  }
  return {
    ...(standIn ? { standIn } : {}),
    ...(zaloStandIn ? { zaloStandIn } : {}),
    async stop() {
      await standIn?.stop();
      await zaloStandIn?.stop();
    },
  };
}
