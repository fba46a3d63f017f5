// Starts the whole simulator in-process: the Telegram and Zalo stand-ins, the
// real bot on SQLite, a seeded ward and the web page. Used by `npm run demo`
// and the browser test.
import { type App, startApp } from "../../app.js";
import type { DestinationStream } from "pino";
import type { Config } from "../../config.js";
import { BotApiStandIn, freshUpdateIds } from "../bot-api-stand-in/index.js";
import { ZaloStandIn } from "../zalo-stand-in/index.js";
import { seedDemo } from "./seed.js";
import { SimulatorServer } from "./server.js";

export interface Simulator {
  app: App;
  standIn: BotApiStandIn;
  zaloStandIn: ZaloStandIn;
  server: SimulatorServer;
  url: string;
  stop(): Promise<void>;
}

export async function startSimulator(config: Config, options: { port?: number; logDestination?: DestinationStream } = {}): Promise<Simulator> {
  const standIn = new BotApiStandIn({ botInfo: { username: "to_dan_demo_bot" }, firstUpdateId: freshUpdateIds() });
  await standIn.start(0);
  const zaloStandIn = await ZaloStandIn.start({ port: 0 });
  // Never a real Zalo account from the environment: the page can only play users of its own stand-in.
  const app = await startApp({ ...config, BOT_TOKEN: undefined, BOT_API_ROOT: standIn.url, ZALO_BOT_TOKEN: undefined, ZALO_API_ROOT: undefined }, {
    standIn,
    zaloStandIn,
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
  });
  const seeded = await seedDemo(app, standIn, zaloStandIn);
  const ward = await app.services.wards.getBySlug(config.WARD_SLUG);
  const server = new SimulatorServer({
    standIn,
    zaloStandIn,
    personas: seeded.personas,
    newResident: (channel) => seeded.newResident(channel),
    actions: { "open-check-in": async () => (ward ? app.services.checkIns.openNow(ward.id) : null) },
  });
  const url = await server.start(options.port ?? 0);
  return {
    app,
    standIn,
    zaloStandIn,
    server,
    url,
    async stop() {
      await server.stop();
      await app.stop();
      await zaloStandIn.stop();
      await standIn.stop();
    },
  };
}
