// What every conversation (tip, follow-up, check-in, deadline, report file)
// shares: how it waits for the person, how they leave it, and which message
// carries the buttons of the step they are on.
//
// Rules kept here once, for every flow:
// - /start, /help, /lang, /status and /tip always work: the flow is left, the
//   person is told, and the command then runs as it would outside any flow.
//   /cancel (or the ✖️ button) cancels with the flow's own word.
// - A receipt code typed with its "TB" opens that tip's follow-up instead of
//   being taken as an answer.
// - Any other command is refused as a command; the flow waits on.
// - Only the current step's message shows buttons: the previous one's are
//   taken away when a new one is sent, and when the step is answered or left.
import type { Conversation } from "@grammyjs/conversations";
import type { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { receiptCodeTyped } from "../domain/codes.js";
import { type ButtonKind, cancelButton } from "./callback-data/index.js";
import type { BotContext, FlowContext } from "./context.js";
import { escapeHtml } from "./html.js";

/** Thrown inside a flow when the person cancels; the flow's top level says goodbye. */
export class FlowCancelled extends Error {}

type FlowConversation = Conversation<BotContext, FlowContext>;

/** Commands that work in the middle of any flow: it is left, then the command runs. */
export const LEAVING_COMMANDS = ["start", "help", "lang", "status", "tip"] as const;

/** Blocking or unblocking the bot (my_chat_member) is not an answer: a flow keeps waiting. */
export const isAnswer = (ctx: FlowContext): boolean => ctx.myChatMember === undefined;

export interface FlowWords {
  /** Said when the person leaves by a command or a receipt code (e.g. "flow-left-tip"). */
  left: string;
  /** What they are in the middle of, to refuse other commands (e.g. "flow-doing-tip"). */
  doing: string;
}

export interface WaitOptions {
  /** A receipt code is this step's answer (the follow-up asking for one), not a way out. */
  codeIsAnswer?: boolean;
  /** Said on leaving at this step instead of the flow's word; null when nothing would be lost. */
  left?: string | null;
}

/** What an update means to a flow before it is an answer. */
export type FlowEscape = { kind: "cancel" } | { kind: "leave" } | { kind: "refuse"; command: string } | null;

/** `/cmd`, `/cmd@bot` or `/cmd args`: the command's name, lowercased. */
export function commandOf(text: string | undefined): string | null {
  const m = text === undefined ? null : /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s|$)/.exec(text);
  return m ? m[1]!.toLowerCase() : null;
}

export function escapeOf(ctx: FlowContext, options: WaitOptions = {}): FlowEscape {
  const text = ctx.message?.text;
  const command = commandOf(text);
  if (command === "cancel") return { kind: "cancel" };
  if (command !== null) return (LEAVING_COMMANDS as readonly string[]).includes(command) ? { kind: "leave" } : { kind: "refuse", command: `/${command}` };
  if (text !== undefined && !options.codeIsAnswer && receiptCodeTyped(text)) return { kind: "leave" };
  return null;
}

/**
 * The label of the button of `kind` (or whose data `which` accepts) on
 * `keyboard`: hints name buttons through this, so they can name only buttons
 * that are there, exactly as they read.
 */
export function labelOf(keyboard: InlineKeyboard, which: ButtonKind | ((data: string) => boolean)): string {
  const accepts = typeof which === "function" ? which : (data: string) => which.parse(data) !== null;
  const button = keyboard.inline_keyboard.flat().find((b) => "callback_data" in b && accepts(b.callback_data));
  if (!button) throw new Error("a hint names a button its keyboard does not have");
  return button.text;
}

/** The labels of those of `kinds` that `keyboard` has, each quoted, for a hint that names them all (“✅ Xong” / “⏭ Bỏ qua”). */
export function buttonList(ctx: FlowContext, keyboard: InlineKeyboard, kinds: ButtonKind[]): string {
  const labels = keyboard.inline_keyboard.flat().filter((b) => "callback_data" in b && kinds.some((k) => k.parse(b.callback_data) !== null));
  return labels.map((b) => ctx.t("button-quoted", { label: b.text })).join(ctx.t("button-list-separator"));
}

type ReplyOptions = Parameters<FlowContext["reply"]>[1];

/**
 * What a flow hands to the one that takes over from it (the tip's review, entered
 * afresh each round so its replay log stays short): the newest message id it saw,
 * and the question still live with the newest id seen before it was sent.
 */
export interface FlowHandover {
  seen: number;
  live: { messageId: number; text: string; after: number | null } | null;
}

/** One conversation's way of talking: see the rules at the top of this file. */
export class Flow {
  /** The message whose buttons are live, and its text (to show the answer under it). */
  private live: { messageId: number; text: string } | null = null;
  /** The newest message id of the chat this flow has seen (ids grow one chat at a time). */
  private newest = 0;
  /** For each question sent, the newest id seen before it: a copy of it can only lie between the two. */
  private readonly sentAfter = new Map<number, number>();

  constructor(
    readonly conversation: FlowConversation,
    readonly ctx: FlowContext,
    private readonly words: FlowWords,
    /** Where the flow it takes over from left off. */
    from?: FlowHandover,
  ) {
    this.note(ctx.msg?.message_id);
    if (from) {
      this.note(from.seen);
      if (from.live) {
        this.live = { messageId: from.live.messageId, text: from.live.text };
        if (from.live.after !== null) this.sentAfter.set(from.live.messageId, from.live.after);
      }
    }
  }

  /** Where this flow leaves off, for the flow that takes over (its constructor's `from`). */
  handover(): FlowHandover {
    const live = this.live;
    return { seen: this.newest, live: live ? { messageId: live.messageId, text: live.text, after: this.sentAfter.get(live.messageId) ?? null } : null };
  }

  private note(id: number | undefined): void {
    if (id !== undefined && id > this.newest) this.newest = id;
  }

  /**
   * True when `next` is a press on `questionId`'s message, or on a copy of it.
   * Telegram can take a message and lose the answer on the way back; the send
   * is then tried again and the person sees the question twice. They may press
   * the first copy, which the bot never learned of: it lies after what the
   * flow had seen when it asked, and before the copy it knows.
   */
  pressedOn(next: FlowContext, questionId: number): boolean {
    const pressed = next.callbackQuery?.message?.message_id;
    if (pressed === undefined) return false;
    if (pressed === questionId) return true;
    const after = this.sentAfter.get(questionId);
    return after !== undefined && pressed > after && pressed < questionId;
  }

  /** Takes the buttons off a copy of a question that was pressed (the bot keeps only the copy it knows). */
  async settleCopy(next: FlowContext, questionId: number): Promise<void> {
    const pressed = next.callbackQuery?.message?.message_id;
    const chatId = this.ctx.chat?.id;
    if (pressed === undefined || pressed === questionId || chatId === undefined) return;
    await this.ctx.api.editMessageReplyMarkup(chatId, pressed).catch(() => undefined);
  }

  /** Sends a message; with inline buttons it becomes the step's one live message, and the previous one's buttons go. */
  async send(text: string, keyboard?: InlineKeyboard, other: ReplyOptions = {}): Promise<Message.TextMessage> {
    // The old buttons go first: nobody sees two live questions, even for a moment.
    const live = keyboard !== undefined && keyboard.inline_keyboard.length > 0;
    if (live) await this.settle();
    const before = this.newest;
    const message = await this.ctx.reply(text, { parse_mode: "HTML", ...other, ...(keyboard ? { reply_markup: keyboard } : {}) });
    this.sentAfter.set(message.message_id, before);
    this.note(message.message_id);
    if (live) this.live = { messageId: message.message_id, text };
    return message;
  }

  /** The live message's id: a question that keeps its buttons while work is done (the review's "Gửi"). */
  get liveMessage(): number | null {
    return this.live?.messageId ?? null;
  }

  /** Takes the live buttons away; with `answer`, the question then shows it ("✔️ …"). */
  async settle(answer?: string): Promise<void> {
    const live = this.live;
    const chatId = this.ctx.chat?.id;
    this.live = null;
    if (!live || chatId === undefined) return;
    if (answer === undefined) await this.ctx.api.editMessageReplyMarkup(chatId, live.messageId).catch(() => undefined);
    else await this.ctx.api.editMessageText(chatId, live.messageId, `${live.text}\n\n✔️ ${escapeHtml(answer)}`, { parse_mode: "HTML" }).catch(() => undefined);
  }

  /** Changes the live message's buttons in place (the review's notification switch). */
  async rekey(keyboard: InlineKeyboard): Promise<void> {
    const chatId = this.ctx.chat?.id;
    if (!this.live || chatId === undefined) return;
    await this.ctx.api.editMessageReplyMarkup(chatId, this.live.messageId, { reply_markup: keyboard }).catch(() => undefined);
  }

  /** The next update that answers this flow. Cancelling throws FlowCancelled; leaving ends the flow here. */
  async wait(options: WaitOptions = {}): Promise<FlowContext> {
    for (;;) {
      const next = await this.conversation.waitUntil(isAnswer);
      if (next.callbackQuery === undefined) this.note(next.msg?.message_id);
      const data = next.callbackQuery?.data;
      if (data !== undefined && cancelButton.parse(data)) {
        await next.answerCallbackQuery();
        throw new FlowCancelled();
      }
      const escape = escapeOf(next, options);
      if (escape?.kind === "cancel") throw new FlowCancelled();
      if (escape?.kind === "leave") return this.leave(options.left === undefined ? this.words.left : options.left);
      if (escape?.kind === "refuse") {
        await next.reply(next.t("flow-command-refused", { command: escape.command, doing: next.t(this.words.doing) }));
        continue;
      }
      return next;
    }
  }

  /** Ends the flow, saying so, and hands the update on: the command (or the receipt code's follow-up) runs as outside any flow. */
  private async leave(key: string | null): Promise<never> {
    await this.settle();
    if (key) await this.ctx.reply(this.ctx.t(key), { parse_mode: "HTML", reply_markup: { remove_keyboard: true } });
    return this.conversation.halt({ next: true });
  }

  /** For the flow's cancel word: the live buttons go with it. */
  async cancelled(key: string): Promise<void> {
    await this.settle();
    await this.ctx.reply(this.ctx.t(key), { parse_mode: "HTML", reply_markup: { remove_keyboard: true } });
  }
}

/**
 * Asks a question with inline buttons and waits for a valid press on that
 * very message. Anything else gets a hint; the cancel button ends the flow.
 */
export async function askChoice<T extends string>(
  flow: Flow,
  text: string,
  keyboard: InlineKeyboard,
  parse: (data: string) => T | null,
  label: (value: T) => string,
): Promise<T> {
  const { value, settle } = await askChoiceThenSettle(flow, text, keyboard, parse, label);
  await settle();
  return value;
}

/**
 * askChoice, leaving the buttons in place until `settle()`: for a choice whose
 * work must be done first (sending the tip), so that if the process dies
 * mid-way the person can simply press the same button again.
 */
export async function askChoiceThenSettle<T extends string>(
  flow: Flow,
  text: string,
  keyboard: InlineKeyboard,
  parse: (data: string) => T | null,
  label: (value: T) => string,
  /** Wait on the live message, already showing the question, instead of sending it again. */
  again = false,
): Promise<{ value: T; settle: () => Promise<void> }> {
  const questionId = again && flow.liveMessage !== null ? flow.liveMessage : (await flow.send(text, keyboard)).message_id;
  for (;;) {
    const next = await flow.wait();
    const data = next.callbackQuery?.data;
    if (data === undefined) {
      await hintForUnexpected(next, "hint-use-buttons");
      continue;
    }
    const value = flow.pressedOn(next, questionId) ? parse(data) : null;
    if (value === null) {
      await next.answerCallbackQuery({ text: next.t("hint-use-buttons") });
      continue;
    }
    await next.answerCallbackQuery();
    await flow.settleCopy(next, questionId);
    // Show the answer in place of the buttons, so old buttons cannot be pressed again.
    return { value, settle: () => flow.settle(label(value)) };
  }
}

export async function hintForUnexpected(ctx: FlowContext, hint: string, vars?: Record<string, string | number>): Promise<void> {
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: ctx.t(hint, vars) });
    return;
  }
  await ctx.reply(ctx.t(hint, vars));
}
