// The texts the reminders, the board and the commands share.
import { boardCounts, daysBetween, displayDate, duePhrase, lastOnTimeDay } from "../../../domain/deadlines.js";
import type { DeadlineBoard } from "../../../services/deadlines.js";
import type { ServiceError } from "../../../services/index.js";
import type { DeadlineReminder } from "../../../services/messenger.js";
import { escapeHtml } from "../../html.js";
import type { Translate } from "../../i18n.js";

export function reminderText(t: Translate, info: DeadlineReminder): string {
  // Days left to the last day that counts as on time (14 June for "trước ngày 15/6").
  const left = daysBetween(info.today, lastOnTimeDay(info.dueOn, info.dueRule));
  const vars = { agency: escapeHtml(info.agencyName), title: escapeHtml(info.title), due: duePhrase(t, info.dueOn, info.dueRule), days: Math.abs(left) };
  if (info.offsetDays === null) return t("dl-new", vars);
  if (left > 0) return t("dl-remind-before", vars);
  if (left === 0) return t("dl-remind-today", vars);
  return t("dl-remind-overdue", vars);
}

export function boardText(t: Translate, wardName: string, board: DeadlineBoard): string {
  const counts = boardCounts(board.entries);
  const lines = board.entries.map((e) => {
    const name = escapeHtml(e.agency);
    const file = e.withFile ? " 📎" : "";
    if (e.state === "on_time") return t("dl-board-on-time", { agency: name, date: displayDate(e.submittedOn!), file });
    if (e.state === "late") return t("dl-board-late", { agency: name, date: displayDate(e.submittedOn!), days: e.days, file });
    if (e.state === "overdue") return t("dl-board-overdue", { agency: name, days: e.days });
    return t("dl-board-pending", { agency: name, days: e.days });
  });
  return t("dl-board", {
    ward: escapeHtml(wardName),
    title: escapeHtml(board.title),
    due: duePhrase(t, board.dueOn, board.dueRule),
    submitted: counts.on_time + counts.late,
    total: board.entries.length,
    overdue: counts.overdue,
    lines: lines.join("\n"),
  });
}

/** The message key for a contact's press or file that the service refused. */
export function contactErrorKey(err: ServiceError): string {
  return err.code === "not_agency_contact" ? "dl-not-contact" : "dl-not-found";
}
