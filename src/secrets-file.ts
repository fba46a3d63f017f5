// Development convenience: without SECRET_PEPPER, NOTIFY_KEY or TIP_KEYS the bot
// keeps generated ones beside the SQLite file, so receipts, pseudonymous keys and
// sealed tips survive restarts. Production refuses to start without them (see app/secrets.ts).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

function loadOrCreate(directory: string, name: string, generate: () => string): string {
  const file = path.join(directory, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(directory, { recursive: true });
  const value = generate();
  fs.writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

export const loadOrCreateDevPepper = (directory: string): string =>
  loadOrCreate(directory, "secret-pepper", () => randomBytes(32).toString("base64url"));

export const loadOrCreateDevTipKeys = (directory: string): string =>
  loadOrCreate(directory, "tip-keys", () => `dev1:${randomBytes(32).toString("base64")}`);

export const loadOrCreateDevNotifyKey = (directory: string): Buffer =>
  Buffer.from(loadOrCreate(directory, "notify-key", () => randomBytes(32).toString("base64")), "base64");
