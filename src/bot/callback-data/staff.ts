// Ward staff: the admin's /officers list, the chat's language, and the roadmap's quarter status.
import { z } from "zod";
import { QUARTER_STATUSES } from "../../domain/roadmap.js";
import { LOCALES } from "../i18n.js";
import { buttonKind, EXAMPLE_ID, recordId, wholeNumber } from "./button-kind.js";

/** A Telegram chat id as a button carries it (groups' ids are negative). */
const chatId = z.string().regex(/^-?\d{1,20}$/);

/**
 * `/bindgroup` in a new group while the ward's tips go to another: the ward's
 * admin confirms the move (only from the group it was bound to, so a stale
 * question cannot move it twice) or keeps the group it has.
 */
export const rebindButtons = {
  confirm: buttonKind({
    prefix: "pg:ok",
    audience: "admin-binding-group",
    args: { wardId: recordId, fromChatId: chatId },
    examples: [{ wardId: EXAMPLE_ID, fromChatId: "-1001234567890" }, { wardId: EXAMPLE_ID, fromChatId: "-4000000001" }],
  }),
  cancel: buttonKind({ prefix: "pg:no", audience: "admin-binding-group", args: { wardId: recordId }, examples: [{ wardId: EXAMPLE_ID }] }),
};

/** ❌ under the admin's /officers list. */
export const removeOfficerButton = buttonKind({ prefix: "st:rm", audience: "ward-admin", args: { memberId: recordId }, examples: [{ memberId: EXAMPLE_ID }] });

export const languageButton = buttonKind({ prefix: "lang", audience: "chat-language", args: { locale: z.enum(LOCALES) }, examples: LOCALES.map((locale) => ({ locale })) });

/** `/quarterstatus`: quarter number, the decision, and its date (written YYYYMMDD; buttons from before it had none). */
export const quarterStatusButton = buttonKind({
  prefix: "qs",
  audience: "ward-staff",
  args: {
    quarter: wholeNumber(3),
    status: z.enum(QUARTER_STATUSES),
    date: z
      .string()
      .regex(/^\d{8}$/)
      .transform((d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`)
      .optional(),
  },
  write: { date: (iso) => iso.replaceAll("-", "") },
  examples: [
    { quarter: 5, status: "drug_free", date: "2026-11-12" },
    { quarter: 500, status: "unassessed", date: "2000-01-01" },
    { quarter: 1, status: "hotspot" },
  ],
});

/** After an invite: the name as Telegram has it, one way round or the other ("given" first, or "family" first). */
export const staffNameButton = buttonKind({ prefix: "nm", audience: "staff-self", args: { order: z.enum(["given", "family"]) }, examples: [{ order: "given" }, { order: "family" }] });
