export { BotApiStandIn, type ApiCall, type StandInOptions, type StoredMessage } from "./stand-in.js";
