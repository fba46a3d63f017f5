// The buttons under a reminder, and the /deadline flow's choices.
import { InlineKeyboard } from "grammy";
import { cancelButton, createDeadlineButton, deadlineScopeButtons, reminderButtons } from "../../callback-data/index.js";
import type { Translate } from "../../i18n.js";

export function reminderKeyboard(t: Translate, submissionId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("btn-dl-done"), reminderButtons.done.encode({ submissionId }))
    .row()
    .text(t("btn-dl-file"), reminderButtons.file.encode({ submissionId }));
}

/** Which agencies a new deadline goes to, with how many each choice covers. */
export function scopeKeyboard(t: Translate, counts: { all: number; offices: number; quarters: number }): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("btn-dl-all", { count: counts.all }), deadlineScopeButtons.all.encode())
    .row()
    .text(t("btn-dl-offices", { count: counts.offices }), deadlineScopeButtons.offices.encode())
    .row()
    .text(t("btn-dl-quarters", { count: counts.quarters }), deadlineScopeButtons.quarters.encode())
    .row()
    .text(t("btn-dl-pick"), deadlineScopeButtons.pick.encode())
    .row()
    .text(t("btn-cancel"), cancelButton.encode());
}

export function createKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("btn-dl-create"), createDeadlineButton.encode()).row().text(t("btn-cancel"), cancelButton.encode());
}

export function cancelKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard().text(t("btn-cancel"), cancelButton.encode());
}
