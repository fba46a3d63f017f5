// A resident comes back with their receipt: sees the tip's status in plain
// words and may add information. The receipt is the only key; nothing here
// learns, stores or shows who they are, and wrong guesses are capped.
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { TIP_DESCRIPTION_MAX, TIP_PHOTOS_MAX } from "../../domain/tip.js";
import { ServiceError } from "../../services/index.js";
import type { ReceiptStatus } from "../../services/tips.js";
import { cancelButton, followUpButtons, menuButtons, parseFollowUpChoice } from "../callback-data/index.js";
import { askChoice, Flow, FlowCancelled, hintForUnexpected, labelOf } from "../ask.js";
import { parseReceiptCode } from "../../domain/codes.js";
import type { BotContext, FlowContext, TipConversation } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { photoFrom } from "../photos.js";
import { formatTime } from "./tip-cards.js";

export const FOLLOW_UP_CONVERSATION = "follow";

/** The follow-up flow itself: registered with the other flows, before any handler (see create-bot.ts). */
export function followUpConversation(deps: BotDeps) {
  return createConversation<BotContext, FlowContext>((conversation, ctx, code: string) => followUp(conversation, ctx, code, deps), {
    id: FOLLOW_UP_CONVERSATION,
    maxMillisecondsToWait: deps.settings.flowTimeoutMinutes * 60_000,
  });
}

export function followUpFeature(_deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.command("status", (ctx) => ctx.conversation.enter(FOLLOW_UP_CONVERSATION, ctx.match.trim()));
  privateChats.callbackQuery(menuButtons.follow.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(FOLLOW_UP_CONVERSATION, "");
  });
  // A receipt code typed on its own opens its tip, also when it left a flow for it (see ask.ts).
  privateChats.on("message:text", async (ctx, next) => {
    const code = parseReceiptCode(ctx.message.text);
    if (!code) return next();
    await ctx.conversation.enter(FOLLOW_UP_CONVERSATION, code);
  });
  return feature;
}

function statusKey(s: ReceiptStatus): string {
  if (s.status === "new") return "follow-status-new";
  if (s.status === "claimed" || s.status === "verifying") return "follow-status-claimed";
  if (s.status === "acted") return "follow-status-acted";
  return s.closeReason === "confirmed" ? "follow-status-handled" : "follow-status-closed";
}

async function followUp(conversation: TipConversation, ctx: FlowContext, initialCode: string, deps: BotDeps): Promise<void> {
  const chatKey = deps.services.secrets.chatKey(ctx.chat?.id ?? "none");
  const flow = new Flow(conversation, ctx, { left: "flow-left-follow", doing: "flow-doing-follow" });
  let code = initialCode;
  try {
    if (!code) {
      await flow.send(ctx.t("follow-ask-code"), new InlineKeyboard().text(ctx.t("btn-cancel"), cancelButton.encode()));
      code = await askCode(flow);
    }
    const typed = code;
    const result = await conversation.external(async () => {
      if (await deps.services.limits.blocked("receipt", chatKey)) return { blocked: true as const };
      const status = await deps.services.tips.byReceipt(typed);
      if (!status) await deps.services.limits.failed("receipt", chatKey);
      return { blocked: false as const, status: status ? { ...status, createdAtIso: status.createdAt.toISOString() } : null };
    });
    if (result.blocked) {
      await ctx.reply(ctx.t("follow-too-many"));
      return;
    }
    // A wrong code ends the flow: nothing of this chat is kept while they look for the right one.
    const found = result.status;
    if (!found) {
      await ctx.reply(ctx.t("follow-not-found"));
      return;
    }

    const wardId = found.wardId;
    const timezone = await conversation.external(async () => (await deps.services.wards.get(wardId))?.timezone ?? "Asia/Ho_Chi_Minh");
    const when = formatTime(new Date(found.createdAtIso), timezone, await ctx.i18n.getLocale());
    const statusText = ctx.t("follow-status", { status: ctx.t(statusKey(found)), when, addenda: found.addenda });
    if (found.status === "closed") {
      await ctx.reply(statusText, { parse_mode: "HTML" });
      return;
    }
    const receipt = code;
    const questions = await conversation.external(() => deps.services.tips.openQuestions(receipt));
    const tipId = found.tipId;
    const notified = await conversation.external(async () => (await deps.services.notifications.target(tipId)) !== null);
    const questionText = questions.map((q, i) => `❓ ${i + 1}. ${escapeHtml(q.question)}`).join("\n");
    const menu = new InlineKeyboard();
    if (questions[0]) menu.text(ctx.t("btn-answer"), followUpButtons.answer.encode()).row();
    menu.text(ctx.t("btn-add-info"), followUpButtons.add.encode()).row();
    if (notified) menu.text(ctx.t("btn-notify-stop"), followUpButtons.stopNotifying.encode()).row();
    menu.text(ctx.t("btn-done"), cancelButton.encode());
    const next = await askChoice(
      flow,
      questions.length > 0 ? `${statusText}\n\n${ctx.t("follow-questions")}\n${questionText}` : statusText,
      menu,
      (data) => parseFollowUpChoice(data)?.kind ?? null,
      (value) => ctx.t(value === "add" ? "btn-add-info" : value === "answer" ? "btn-answer" : "btn-notify-stop"),
    );
    if (next === "stopNotifying") {
      // Opting out deletes the only link between this chat and the tip.
      await conversation.external(() => deps.services.notifications.forget(tipId));
      await ctx.reply(ctx.t("follow-notify-stopped"));
      return;
    }
    if (next === "answer" && questions[0]) {
      const question = questions[0];
      await flow.send(ctx.t("follow-ask-answer", { question: escapeHtml(question.question) }), new InlineKeyboard().text(ctx.t("btn-cancel"), cancelButton.encode()));
      const answer = await askAnswer(flow);
      const answered = await conversation.external(async () => {
        try {
          const result = await deps.services.tips.answerQuestion(receipt, question.id, answer);
          await deps.announceAnswer(result);
          return true;
        } catch (err) {
          if (err instanceof ServiceError) return false;
          throw err;
        }
      });
      await ctx.reply(ctx.t(answered ? "follow-answer-sent" : "follow-closed-now"));
      return;
    }
    const { text, photos } = await askAddendum(flow, deps);
    const added = await conversation.external(async () => {
      try {
        const { addendumId } = await deps.services.tips.addInformation(receipt, text, photos);
        return { ok: true as const, addendumId };
      } catch (err) {
        if (err instanceof ServiceError) return { ok: false as const };
        throw err;
      }
    });
    if (!added.ok) {
      await ctx.reply(ctx.t("follow-closed-now"));
      return;
    }
    await conversation.external(() => deps.announceAddendum(added.addendumId));
    await ctx.reply(ctx.t("follow-added"));
  } catch (err) {
    if (err instanceof FlowCancelled) {
      await flow.cancelled("follow-bye");
      return;
    }
    throw err;
  }
}

async function askAnswer(flow: Flow): Promise<string> {
  for (;;) {
    const next = await flow.wait();
    const text = next.message?.text?.trim();
    if (text && !text.startsWith("/") && text.length <= TIP_DESCRIPTION_MAX) {
      await flow.settle();
      return text;
    }
    await hintForUnexpected(next, "hint-need-text");
  }
}

/** The code, typed: any text is tried (a wrong one is counted); a code typed loosely is this step's answer, not a way out. */
async function askCode(flow: Flow): Promise<string> {
  for (;;) {
    // Nothing is lost by leaving here: no word about it.
    const next = await flow.wait({ codeIsAnswer: true, left: null });
    const text = next.message?.text;
    if (text && !text.startsWith("/")) {
      await flow.settle();
      return text;
    }
    await hintForUnexpected(next, "follow-ask-code");
  }
}

/** Text and/or photos, then "Gửi": every message of the step carries its buttons and names them as they read. */
async function askAddendum(flow: Flow, deps: BotDeps): Promise<{ text: string | null; photos: string[] }> {
  const { conversation, ctx } = flow;
  let text: string | null = null;
  const photos: string[] = [];
  const keyboard = new InlineKeyboard().text(ctx.t("btn-submit"), followUpButtons.send.encode()).row().text(ctx.t("btn-cancel"), cancelButton.encode());
  const send = labelOf(keyboard, followUpButtons.send);
  const show = (key: string, vars: Record<string, string | number> = {}) => flow.send(ctx.t(key, { max: TIP_PHOTOS_MAX, send, ...vars }), keyboard);
  await show("follow-ask-info");
  for (;;) {
    const next = await flow.wait();
    if (followUpButtons.send.parse(next.callbackQuery?.data ?? "")) {
      if (text === null && photos.length === 0) {
        await next.answerCallbackQuery({ text: next.t("follow-ask-info", { max: TIP_PHOTOS_MAX, send }) });
        continue;
      }
      await next.answerCallbackQuery();
      await flow.settle(send);
      return { text, photos };
    }
    const photo = photoFrom(next.message);
    if (photo && "refused" in photo) {
      await show(photo.refused);
      continue;
    }
    if (photo && (await conversation.external(() => deps.services.images.full))) {
      await show("tip-photo-busy");
      continue;
    }
    if (photo && photos.length >= TIP_PHOTOS_MAX) {
      await show("follow-photo-limit");
      continue;
    }
    if (photo) {
      photos.push(photo.fileId);
      await show("follow-photo-received", { count: photos.length });
      continue;
    }
    const typed = next.message?.text?.trim();
    if (typed && !typed.startsWith("/")) {
      if (typed.length > TIP_DESCRIPTION_MAX) {
        await next.reply(next.t("error-text-too-long", { length: typed.length, max: TIP_DESCRIPTION_MAX }));
        continue;
      }
      const combined: string = text ? `${text}\n${typed}` : typed;
      if (combined.length > TIP_DESCRIPTION_MAX) {
        // Refused whole, so what was kept still goes with "Gửi" and nothing is cut mid-sentence.
        await show("follow-text-full", { max: TIP_DESCRIPTION_MAX, left: Math.max(0, TIP_DESCRIPTION_MAX - (text?.length ?? 0) - 1) });
        continue;
      }
      text = combined;
      await show("follow-text-kept");
      continue;
    }
    if (next.callbackQuery) {
      await next.answerCallbackQuery({ text: next.t("hint-use-buttons") });
      continue;
    }
    await show("hint-follow-info");
  }
}
