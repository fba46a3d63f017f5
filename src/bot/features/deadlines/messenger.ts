// What the services call: a contact's reminder, the board sent to the police
// group, the automatic report (features/report.ts); and the group told when a report comes in.
import type { I18n } from "@grammyjs/i18n";
import { type Api, GrammyError } from "grammy";
import { displayDate, duePhrase, recurringDeadlines } from "../../../domain/deadlines.js";
import type { Submission } from "../../../services/deadlines.js";
import type { DeadlineMessenger } from "../../../services/messenger.js";
import type { FlowContext } from "../../context.js";
import type { BaseDeps } from "../../deps.js";
import { escapeHtml } from "../../html.js";
import { chatTranslator, type Translate } from "../../i18n.js";
import type { SendPacer } from "../check-in.js";
import { reminderKeyboard } from "./keyboards.js";
import { reportPeriod } from "../../../domain/report-period.js";
import { periodLabel } from "../../../services/report-text.js";
import { sendReport } from "../report.js";
import { boardText, reminderText } from "./texts.js";

export function createDeadlineMessenger(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps, pacer: SendPacer): DeadlineMessenger {
  const translator = async (chatId: string): Promise<Translate> => (await chatTranslator(i18n, deps, chatId)).t;
  return {
    async remind(chatId, info) {
      const t = await translator(chatId);
      await pacer.wait();
      try {
        await api.sendMessage(chatId, reminderText(t, info), { parse_mode: "HTML", reply_markup: reminderKeyboard(t, info.submissionId) });
        return "sent";
      } catch (err) {
        if (err instanceof GrammyError && err.error_code === 403) return "blocked";
        throw err;
      }
    },
    async board(chatId, wardName, boards) {
      const t = await translator(chatId);
      for (const board of boards) {
        await pacer.wait();
        await api.sendMessage(chatId, boardText(t, wardName, board), { parse_mode: "HTML" });
      }
    },
    async autoReport(chatId, wardId, period) {
      // The report names the ward's quarters as the ward does (khu phố, tổ dân phố, thôn…).
      const { t } = await chatTranslator(i18n, deps, chatId, await deps.services.wards.words(wardId));
      await pacer.wait();
      const named = reportPeriod(period);
      const due = recurringDeadlines(Number(period.slice(0, 4))).find((d) => d.period === period);
      await api.sendMessage(chatId, t("rp-auto", { period: named ? periodLabel(t, named) : period, due: due ? duePhrase(t, due.dueOn, due.rule) : "" }));
      await sendReport(api, chatId, t, deps, wardId, period);
    },
  };
}

/** Tells the police group a report came in (with its file, re-sent by id). Never throws. */
export async function announceSubmission(ctx: FlowContext, deps: BaseDeps, s: Submission, file: { fileId: string; kind: "document" | "photo" } | null): Promise<void> {
  if (!s.policeChatId) return;
  try {
    const t: Translate = (key, vars) => ctx.t(key, vars);
    const text = t(s.lateDays > 0 ? "dl-group-submitted-late" : "dl-group-submitted", {
      agency: escapeHtml(s.agencyName),
      title: escapeHtml(s.deadlineTitle),
      by: escapeHtml(s.byName),
      date: displayDate(s.submittedOn),
      days: s.lateDays,
    });
    if (!file) await ctx.api.sendMessage(s.policeChatId, text, { parse_mode: "HTML" });
    else if (file.kind === "photo") await ctx.api.sendPhoto(s.policeChatId, file.fileId, { caption: text.replace(/^✅/, "📎"), parse_mode: "HTML" });
    else await ctx.api.sendDocument(s.policeChatId, file.fileId, { caption: text.replace(/^✅/, "📎"), parse_mode: "HTML" });
  } catch (err) {
    deps.logger.error({ err }, "could not announce a report submission");
  }
}
