// Development convenience: without SECRET_PEPPER the bot keeps a generated one
// beside the SQLite file, so receipts and pseudonymous keys survive restarts.
// Production refuses to start without SECRET_PEPPER (see app.ts).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function loadOrCreateDevPepper(directory: string): string {
  const file = path.join(directory, "secret-pepper");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(directory, { recursive: true });
  const pepper = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${pepper}\n`, { mode: 0o600 });
  return pepper;
}

/** Development only, like the pepper: a generated TIP_KEYS value kept beside the database. */
export function loadOrCreateDevTipKeys(directory: string): string {
  const file = path.join(directory, "tip-keys");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(directory, { recursive: true });
  const spec = `dev1:${randomBytes(32).toString("base64")}`;
  fs.writeFileSync(file, `${spec}\n`, { mode: 0o600 });
  return spec;
}

/** Development only, like the pepper: a generated NOTIFY_KEY kept beside the database. */
export function loadOrCreateDevNotifyKey(directory: string): Buffer {
  const file = path.join(directory, "notify-key");
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  fs.mkdirSync(directory, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600 });
  return key;
}
