// The keys the services need, from the environment. Outside production a
// missing one is generated once into the database's folder (secrets-file.ts);
// in production a missing one stops the start.
import path from "node:path";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { loadOrCreateDevNotifyKey, loadOrCreateDevPepper, loadOrCreateDevTipKeys } from "../secrets-file.js";
import { Keyring } from "../services/index.js";

export interface ServiceSecrets {
  pepper: string;
  notifyKey: Buffer;
  keyring: Keyring;
}

export function secretsFor(config: Config, logger: Logger): ServiceSecrets {
  return { pepper: pepperFor(config, logger), notifyKey: notifyKeyFor(config, logger), keyring: keyringFor(config, logger) };
}

function devSecretsDir(config: Config): string {
  return config.DATABASE_URL.startsWith("file:") ? path.dirname(config.DATABASE_URL.replace(/^file:/, "").replace(/\?.*$/, "")) : "data";
}

function pepperFor(config: Config, logger: Logger): string {
  if (config.SECRET_PEPPER) return config.SECRET_PEPPER;
  if (config.NODE_ENV === "production") throw new Error("SECRET_PEPPER is required in production");
  logger.warn({ dir: devSecretsDir(config) }, "SECRET_PEPPER not set: using a generated development pepper");
  return loadOrCreateDevPepper(devSecretsDir(config));
}

function notifyKeyFor(config: Config, logger: Logger): Buffer {
  if (config.NOTIFY_KEY) return Buffer.from(config.NOTIFY_KEY, "base64");
  if (config.NODE_ENV === "production") throw new Error("NOTIFY_KEY is required in production");
  logger.warn({ dir: devSecretsDir(config) }, "NOTIFY_KEY not set: using a generated development key");
  return loadOrCreateDevNotifyKey(devSecretsDir(config));
}

export function keyringFor(config: Config, logger: Logger): Keyring {
  if (config.TIP_KEYS) return Keyring.parse(config.TIP_KEYS);
  if (config.NODE_ENV === "production") throw new Error("TIP_KEYS is required in production");
  logger.warn({ dir: devSecretsDir(config) }, "TIP_KEYS not set: using a generated development key");
  return Keyring.parse(loadOrCreateDevTipKeys(devSecretsDir(config)));
}
