// Agencies and report deadlines: the reminder's buttons, contact invites, the
// admin's list of contacts, and the /deadline flow's choices.
import { z } from "zod";
import { buttonKind, EXAMPLE_ID, parserFor, type PressOf, recordId } from "./button-kind.js";

export const reminderButtons = {
  done: buttonKind({ prefix: "dl:done", audience: "agency-contact", args: { submissionId: recordId }, examples: [{ submissionId: EXAMPLE_ID }] }),
  file: buttonKind({ prefix: "dl:file", audience: "agency-contact", args: { submissionId: recordId }, examples: [{ submissionId: EXAMPLE_ID }] }),
};
/** Every reminder button's data starts so: a forged one is answered quietly. */
export const REMINDER_DATA = /^dl:(done|file):/;
export type ReminderPress = PressOf<typeof reminderButtons>;
export const parseReminderPress = parserFor(reminderButtons);

export const agencyInviteButtons = {
  accept: buttonKind({
    prefix: "ag:ok",
    audience: "invite-holder",
    args: { payload: z.string().regex(/^ag_[\w-]{1,60}$/) },
    examples: [{ payload: "ag_Xk3v9QmR2pLw7nZt4bYc1d" }],
  }),
  decline: buttonKind({ prefix: "ag:no", audience: "anyone-private", examples: [{}] }),
};

/** ❌ under the admin's /contacts list. */
export const removeContactButton = buttonKind({ prefix: "ac:rm", audience: "ward-admin", args: { contactId: recordId }, examples: [{ contactId: EXAMPLE_ID }] });

const inFlow = { audience: "staff-in-flow", examples: [{}] } as const;
/** Which agencies a new deadline goes to. */
export const deadlineScopeButtons = {
  all: buttonKind({ prefix: "c2:all", ...inFlow }),
  offices: buttonKind({ prefix: "c2:offices", ...inFlow }),
  quarters: buttonKind({ prefix: "c2:quarters", ...inFlow }),
  pick: buttonKind({ prefix: "c2:pick", ...inFlow }),
};
export type DeadlineScope = keyof typeof deadlineScopeButtons;
export const parseDeadlineScope = parserFor(deadlineScopeButtons);
export const createDeadlineButton = buttonKind({ prefix: "c2:create", ...inFlow });
