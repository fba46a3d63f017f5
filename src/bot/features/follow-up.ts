// A resident comes back with their receipt: sees the tip's status in plain
// words and may add information. The receipt is the only key; nothing here
// learns, stores or shows who they are, and wrong guesses are capped.
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { TIP_DESCRIPTION_MAX, TIP_PHOTOS_MAX } from "../../domain/tip.js";
import { ServiceError } from "../../services/index.js";
import type { ReceiptStatus } from "../../services/tips.js";
import { cancelButton, followUpButtons, menuButtons, parseFollowUpChoice } from "../callback-data/index.js";
import { askChoice, FlowCancelled, hintForUnexpected, waitOrCancel } from "../ask.js";
import type { BotContext, FlowContext, TipConversation } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { photoFrom } from "../photos.js";
import { formatTime } from "./tip-cards.js";

export const FOLLOW_UP_CONVERSATION = "follow";

export function followUpFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.use(
    createConversation<BotContext, FlowContext>(
      (conversation, ctx, code: string) => followUp(conversation, ctx, code, deps),
      { id: FOLLOW_UP_CONVERSATION, maxMillisecondsToWait: deps.settings.flowTimeoutMinutes * 60_000 },
    ),
  );
  privateChats.command("status", (ctx) => ctx.conversation.enter(FOLLOW_UP_CONVERSATION, ctx.match.trim()));
  privateChats.callbackQuery(menuButtons.follow.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(FOLLOW_UP_CONVERSATION, "");
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
  let code = initialCode;
  try {
    if (!code) {
      await ctx.reply(ctx.t("follow-ask-code"), { reply_markup: new InlineKeyboard().text(ctx.t("btn-cancel"), cancelButton.encode()) });
      code = await askCode(conversation);
    }
    const typed = code;
    const result = await conversation.external(async () => {
      if (deps.services.receiptAttempts.blocked(chatKey)) return { blocked: true as const };
      const status = await deps.services.tips.byReceipt(typed);
      if (!status) deps.services.receiptAttempts.fail(chatKey);
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
      conversation,
      ctx,
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
      await ctx.reply(ctx.t("follow-ask-answer", { question: escapeHtml(question.question) }), {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(ctx.t("btn-cancel"), cancelButton.encode()),
      });
      const answer = await askAnswer(conversation);
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
    const { text, photos } = await askAddendum(conversation, ctx, deps);
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
      await ctx.reply(ctx.t("follow-bye"));
      return;
    }
    throw err;
  }
}

async function askAnswer(conversation: TipConversation): Promise<string> {
  for (;;) {
    const next = await waitOrCancel(conversation);
    const text = next.message?.text?.trim();
    if (text && !text.startsWith("/") && text.length <= TIP_DESCRIPTION_MAX) return text;
    await hintForUnexpected(next, "hint-need-text");
  }
}

async function askCode(conversation: TipConversation): Promise<string> {
  for (;;) {
    const next = await waitOrCancel(conversation);
    // "/status CODE" typed again inside the flow counts as the code.
    const text = next.message?.text?.replace(/^\/status(@\w+)?\s*/, "");
    if (text && !text.startsWith("/")) return text;
    await hintForUnexpected(next, "follow-ask-code");
  }
}

/** Text and/or photos, then "Gửi". */
async function askAddendum(conversation: TipConversation, ctx: FlowContext, deps: BotDeps): Promise<{ text: string | null; photos: string[] }> {
  let text: string | null = null;
  const photos: string[] = [];
  const keyboard = () => new InlineKeyboard().text(ctx.t("btn-submit"), followUpButtons.send.encode()).row().text(ctx.t("btn-cancel"), cancelButton.encode());
  await ctx.reply(ctx.t("follow-ask-info", { max: TIP_PHOTOS_MAX }), { reply_markup: keyboard() });
  for (;;) {
    const next = await waitOrCancel(conversation);
    if (followUpButtons.send.parse(next.callbackQuery?.data ?? "")) {
      if (text === null && photos.length === 0) {
        await next.answerCallbackQuery({ text: next.t("follow-ask-info", { max: TIP_PHOTOS_MAX }) });
        continue;
      }
      await next.answerCallbackQuery();
      return { text, photos };
    }
    const photo = photoFrom(next.message);
    if (photo && "refused" in photo) {
      await next.reply(next.t(photo.refused), { reply_markup: keyboard() });
      continue;
    }
    if (photo && (await conversation.external(() => deps.services.images.full))) {
      await next.reply(next.t("tip-photo-busy"), { reply_markup: keyboard() });
      continue;
    }
    if (photo && photos.length >= TIP_PHOTOS_MAX) {
      await next.reply(next.t("tip-photo-limit", { max: TIP_PHOTOS_MAX }), { reply_markup: keyboard() });
      continue;
    }
    if (photo) {
      photos.push(photo.fileId);
      await next.reply(next.t("tip-photo-received", { count: photos.length, max: TIP_PHOTOS_MAX }), { reply_markup: keyboard() });
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
        await next.reply(next.t("follow-text-full", { max: TIP_DESCRIPTION_MAX, left: Math.max(0, TIP_DESCRIPTION_MAX - (text?.length ?? 0) - 1) }), { reply_markup: keyboard() });
        continue;
      }
      text = combined;
      await next.reply(next.t("follow-text-kept"), { reply_markup: keyboard() });
      continue;
    }
    await hintForUnexpected(next, "hint-photos");
  }
}
