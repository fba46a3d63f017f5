// A contact's "Đã nộp" / "Gửi file báo cáo" under a reminder, an officer's
// /deadline request (a flow) and the /deadlines compliance board.
import { Composer, InlineKeyboard } from "grammy";
import { displayDate } from "../../../domain/deadlines.js";
import { ServiceError } from "../../../services/index.js";
import { parseReminderPress, REMINDER_DATA, reminderButtons } from "../../callback-data/index.js";
import type { BotContext } from "../../context.js";
import type { BotDeps } from "../../deps.js";
import { escapeHtml } from "../../html.js";
import type { Translate } from "../../i18n.js";
import { requireStaff, staffIdentity } from "../../staff-identity.js";
import { NEW_DEADLINE_CONVERSATION, REPORT_FILE_CONVERSATION } from "./flows.js";
import { announceSubmission } from "./messenger.js";
import { boardText, contactErrorKey } from "./texts.js";

export function deadlineCommandsFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.callbackQuery(REMINDER_DATA, async (ctx) => {
    const press = parseReminderPress(ctx.callbackQuery.data);
    const who = staffIdentity(ctx);
    if (!press || !who) {
      await ctx.answerCallbackQuery();
      return;
    }
    try {
      const { submissionId } = press.args;
      if (press.kind === "file") {
        await services.deadlines.forContact(submissionId, who.telegramUserId);
        await ctx.answerCallbackQuery();
        await ctx.conversation.enter(REPORT_FILE_CONVERSATION, submissionId);
        return;
      }
      const submission = await services.deadlines.submit(submissionId, who.telegramUserId, null);
      await ctx.answerCallbackQuery({ text: ctx.t("dl-done-toast") });
      await ctx.editMessageText(ctx.t("dl-done", { agency: escapeHtml(submission.agencyName), title: escapeHtml(submission.deadlineTitle), date: displayDate(submission.submittedOn) }), {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(ctx.t("btn-dl-file"), reminderButtons.file.encode({ submissionId })),
      });
      if (!submission.alreadySubmitted) await announceSubmission(ctx, deps, submission, null);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.answerCallbackQuery({ text: ctx.t(contactErrorKey(err)), show_alert: true });
    }
  });

  feature.command("deadline", async (ctx) => {
    const member = await requireStaff(ctx, services.members);
    if (!member) return;
    if (ctx.chat.type !== "private") {
      await ctx.reply(ctx.t("dl-private-only"));
      return;
    }
    await ctx.conversation.enter(NEW_DEADLINE_CONVERSATION);
  });

  feature.command("deadlines", async (ctx) => {
    const member = await requireStaff(ctx, services.members);
    if (!member) return;
    const ward = await services.wards.get(member.wardId);
    const boards = await services.deadlines.boards(member.wardId);
    if (boards.length === 0) {
      await ctx.reply(ctx.t("dl-board-none"));
      return;
    }
    const t: Translate = (key, vars) => ctx.t(key, vars);
    for (const board of boards) await ctx.reply(boardText(t, ward?.name ?? "", board), { parse_mode: "HTML" });
  });

  return feature;
}
