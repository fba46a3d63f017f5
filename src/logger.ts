// pino, with redaction as a second line of defence: code never passes tip text
// or identities to the logger, and these paths catch it if someone does.
import pino, { type DestinationStream, type Logger } from "pino";

/** Keys that may hold what a person wrote or who they are (Telegram's and Zalo's field names, and ours). */
const REDACTED_KEYS = [
  "text",
  "caption",
  "description",
  "placeText",
  "from",
  "chat",
  "chat_id",
  "chatId",
  "user",
  "username",
  "first_name",
  "last_name",
  "display_name",
  "displayName",
  "telegramUserId",
  "phone_number",
  "contact",
  "location",
  "latitude",
  "longitude",
  "photo_url",
  "file_id",
  "fileId",
  "question",
  "answer",
  "receipt",
  "receiptCode",
  "token",
  "payload",
  "update",
];

/** Each key at the top and two levels down (`err.request.chat_id`, `update.message.text`). */
export const REDACTED_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** Serialises errors without the request payload grammY attaches (it holds chat ids and texts). */
function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { error_code?: number; method?: string; code?: string };
  return { type: e.name, message: e.message, code: e.code, error_code: e.error_code, method: e.method, stack: e.stack };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: safeError, error: safeError },
      base: undefined,
    },
    destination,
  );
}

export type { Logger };
