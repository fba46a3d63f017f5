// Question helpers shared by the conversations (tip flow, check-in).
import type { InlineKeyboard } from "grammy";
import type { Conversation } from "@grammyjs/conversations";
import { cancelButton } from "./callback-data/index.js";
import type { BotContext, FlowContext } from "./context.js";
import { escapeHtml } from "./html.js";

/** Thrown inside a flow when the person cancels; the flow's top level says goodbye. */
export class FlowCancelled extends Error {}

type FlowConversation = Conversation<BotContext, FlowContext>;

/** Waits for the next update of the flow; the "✖️ Hủy" button (cancelButton) ends it. */
/** Blocking or unblocking the bot (my_chat_member) is not an answer: a flow keeps waiting. */
export const isAnswer = (ctx: FlowContext): boolean => ctx.myChatMember === undefined;

export async function waitOrCancel(conversation: FlowConversation): Promise<FlowContext> {
  const next = await conversation.waitUntil(isAnswer);
  if (next.callbackQuery && cancelButton.parse(next.callbackQuery.data ?? "")) {
    await next.answerCallbackQuery();
    throw new FlowCancelled();
  }
  return next;
}

/**
 * Asks a question with inline buttons and waits for a valid press on that
 * very message. Anything else gets a hint; the cancel button ends the flow.
 */
export async function askChoice<T extends string>(
  conversation: FlowConversation,
  ctx: FlowContext,
  text: string,
  keyboard: InlineKeyboard,
  parse: (data: string) => T | null,
  label: (value: T) => string,
): Promise<T> {
  const { value, settle } = await askChoiceThenSettle(conversation, ctx, text, keyboard, parse, label);
  await settle();
  return value;
}

/**
 * askChoice, leaving the buttons in place until `settle()`: for a choice whose
 * work must be done first (sending the tip), so that if the process dies
 * mid-way the person can simply press the same button again.
 */
export async function askChoiceThenSettle<T extends string>(
  conversation: FlowConversation,
  ctx: FlowContext,
  text: string,
  keyboard: InlineKeyboard,
  parse: (data: string) => T | null,
  label: (value: T) => string,
  /** Wait on this message, already showing the question, instead of sending it again. */
  onMessage?: number,
): Promise<{ value: T; settle: () => Promise<void>; messageId: number }> {
  const question = onMessage !== undefined ? { message_id: onMessage } : await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  for (;;) {
    const next = await conversation.waitUntil(isAnswer);
    const data = next.callbackQuery?.data;
    if (data === undefined) {
      await hintForUnexpected(next, "hint-use-buttons");
      continue;
    }
    const onQuestion = next.callbackQuery?.message?.message_id === question.message_id;
    if (onQuestion && cancelButton.parse(data)) {
      await next.answerCallbackQuery();
      await next.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
      throw new FlowCancelled();
    }
    const value = onQuestion ? parse(data) : null;
    if (value === null) {
      await next.answerCallbackQuery({ text: next.t("hint-use-buttons") });
      continue;
    }
    await next.answerCallbackQuery();
    return {
      value,
      messageId: question.message_id,
      // Show the answer in place of the buttons, so old buttons cannot be pressed again.
      settle: async () => {
        await next.editMessageText(`${text}\n\n✔️ ${escapeHtml(label(value))}`, { parse_mode: "HTML" }).catch(() => undefined);
      },
    };
  }
}

export async function hintForUnexpected(ctx: FlowContext, hint: string): Promise<void> {
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: ctx.t(hint) });
    return;
  }
  await ctx.reply(ctx.t(hint));
}

