// Bot API refusals, worded as Telegram words them so that code matching on
// descriptions (and grammY's GrammyError) sees the real thing.
import type { ApiErrorBody } from "./types.js";

export class BotApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.description);
  }
}

export const badRequest = (description: string) => new BotApiError({ error_code: 400, description: `Bad Request: ${description}` });

/** A call to a group that was upgraded: Telegram names the supergroup that replaced it. */
export const upgradedGroup = (supergroupId: number) =>
  new BotApiError({ error_code: 400, description: "Bad Request: group chat was upgraded to a supergroup chat", parameters: { migrate_to_chat_id: supergroupId } });

export const forbidden = (description: string) => new BotApiError({ error_code: 403, description: `Forbidden: ${description}` });

export const notFound = () => new BotApiError({ error_code: 404, description: "Not Found" });

export const conflict = (description: string) => new BotApiError({ error_code: 409, description: `Conflict: ${description}` });

/** Marks a fault that lets the call take effect and then closes the connection before the answer. */
export const LOSE_RESPONSE: ApiErrorBody = { error_code: -1, description: "response lost after the call took effect" };

export const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

/** A misuse of the control API by a test (not something Telegram would answer). */
export class ControlError extends Error {}
