// Telegram takes a button's answer only for a short while after the press, and
// only once. A press handled late (updates waiting while the bot restarted) or
// an answer sent again because its response was lost on the way is refused
// with 400 "query is too old and response timeout expired or query ID is
// invalid". The answer only stops the button's spinner; what the press asked
// for must still happen, so that refusal counts as answered.
import type { Transformer } from "grammy";

const TOO_LATE = /query is too old|query id is invalid/i;

export function tolerateLateAnswers(onLate: () => void = () => undefined): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method !== "answerCallbackQuery" || result.ok || result.error_code !== 400 || !TOO_LATE.test(result.description)) return result;
    onLate();
    return { ok: true, result: true as never };
  };
}
