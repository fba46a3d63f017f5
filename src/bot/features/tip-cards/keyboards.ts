// The buttons under a tip card (its menus), and the /tips list's filters.
import { InlineKeyboard } from "grammy";
import { CLOSE_REASONS, PRIORITIES } from "../../../domain/tip.js";
import { OVERRIDE_REASONS } from "../../../domain/triage-feedback.js";
import { acceptsOutcomes, OUTCOME_COUNT_MAX, OUTCOME_COUNTS, OUTCOME_KINDS, type OutcomeKind } from "../../../domain/tip-outcome.js";
import type { RecordedOutcome, TipView } from "../../../services/index.js";
import { cardButtons, type TipFilter, tipListButton } from "../../callback-data/index.js";
import type { Translate } from "../../i18n.js";

export type CardMenu = "main" | "priority" | "reason" | "close" | "duplicate" | "assign" | "outcomes" | "count";

/** What a menu lists: tips it may duplicate, or officers the admin may hand it to. */
export interface MenuChoices {
  duplicates?: { id: string; reference: string }[];
  officers?: { id: string; displayName: string }[];
}

/** What the card's outcome menus need: the outcomes recorded so far, and the count being chosen. */
export interface OutcomeMenuState {
  outcomes?: readonly RecordedOutcome[];
  counting?: { kind: OutcomeKind; count: number };
}

/** One outcome in a line: "khởi tố, lập hồ sơ 1 vụ (3 đối tượng)". */
export function outcomeText(t: Translate, o: Pick<RecordedOutcome, "kind" | "count">): string {
  return t(`card-outcome-${o.kind}`, { count: o.count ?? 0, shape: o.count === null ? "unknown" : "known" });
}

export function cardKeyboard(view: TipView, t: Translate, menu: CardMenu = "main", choices: MenuChoices = {}, state: OutcomeMenuState = {}): InlineKeyboard | undefined {
  // A closed tip has buttons only when verified true: what came of it.
  if (view.status === "closed") return acceptsOutcomes(view) ? outcomeKeyboard(view.id, t, menu, state) : undefined;
  const id = view.id;
  const kb = new InlineKeyboard();
  switch (menu) {
    case "main":
      if (!view.claimedByName) kb.text(t("btn-claim"), cardButtons.claim.encode({ tipId: id }));
      else {
        if (view.status !== "verifying" && view.status !== "acted") kb.text(t("btn-verifying"), cardButtons.status.encode({ tipId: id, status: "verifying" }));
        if (view.status !== "acted") kb.text(t("btn-acted"), cardButtons.status.encode({ tipId: id, status: "acted" }));
        kb.row();
      }
      kb.text(t("btn-priority"), cardButtons.priorityMenu.encode({ tipId: id }))
        .text(t("btn-assign"), cardButtons.assignMenu.encode({ tipId: id }))
        .row()
        .text(t("btn-ask"), cardButtons.ask.encode({ tipId: id }))
        .text(t("btn-duplicate"), cardButtons.duplicateMenu.encode({ tipId: id }))
        .text(t("btn-close"), cardButtons.closeMenu.encode({ tipId: id }));
      return kb;
    case "priority":
      for (const p of PRIORITIES) kb.text(`${p === view.priority ? "• " : ""}${t(`priority-${p}`)}`, cardButtons.priority.encode({ tipId: id, priority: p }));
      break;
    case "reason":
      // Why the officer changed the bot's priority: optional, so "skip" rather than "back".
      OVERRIDE_REASONS.forEach((reason, i) => {
        kb.text(t(`override-reason-${reason}`), cardButtons.priorityReason.encode({ tipId: id, reason }));
        if (i % 3 === 2) kb.row();
      });
      return kb.row().text(t("btn-skip"), cardButtons.back.encode({ tipId: id }));
    case "close":
      for (const reason of CLOSE_REASONS.filter((r) => r !== "duplicate")) kb.text(t(`close-${reason}`), cardButtons.close.encode({ tipId: id, reason }));
      break;
    case "duplicate":
      (choices.duplicates ?? []).forEach((c, i) => {
        kb.text(`#${c.reference}`, cardButtons.duplicate.encode({ tipId: id, originalId: c.id }));
        if (i % 3 === 2) kb.row();
      });
      break;
    case "assign":
      for (const officer of choices.officers ?? []) kb.text(officer.displayName, cardButtons.assign.encode({ tipId: id, memberId: officer.id })).row();
      break;
  }
  return kb.row().text(t("btn-back"), cardButtons.back.encode({ tipId: id }));
}

const STEPS = [-10, -1, 1, 10, 100] as const;

function outcomeKeyboard(tipId: string, t: Translate, menu: CardMenu, state: OutcomeMenuState): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (menu === "count" && state.counting) {
    const { kind, count } = state.counting;
    for (let n = 1; n <= 5; n++) kb.text(String(n), cardButtons.outcomeRecord.encode({ tipId, kind, count: n }));
    kb.row();
    for (const step of STEPS) {
      const next = count + step;
      if (next >= 1 && next <= OUTCOME_COUNT_MAX) kb.text(step > 0 ? `+${step}` : `−${-step}`, cardButtons.outcomeStep.encode({ tipId, kind, count: next }));
    }
    kb.row();
    if (count >= 1) kb.text(t("btn-outcome-record", { count }), cardButtons.outcomeRecord.encode({ tipId, kind, count }));
    if (OUTCOME_COUNTS[kind]?.optional) kb.text(t("btn-outcome-unknown"), cardButtons.outcomeRecord.encode({ tipId, kind }));
    return kb.row().text(t("btn-back"), cardButtons.outcomeMenu.encode({ tipId }));
  }
  if (menu !== "outcomes") return kb.text(t("btn-outcome-menu"), cardButtons.outcomeMenu.encode({ tipId }));
  OUTCOME_KINDS.forEach((kind, i) => {
    kb.text(t(`btn-outcome-${kind}`), cardButtons.outcomeKind.encode({ tipId, kind }));
    if (i % 2 === 1) kb.row();
  });
  kb.row();
  for (const o of state.outcomes ?? []) kb.text(t("btn-outcome-remove", { label: outcomeText(t, o) }).slice(0, 60), cardButtons.outcomeRemove.encode({ tipId, outcomeId: o.id })).row();
  return kb.text(t("btn-outcome-done"), cardButtons.outcomeDone.encode({ tipId }));
}

/** Every priority, new or taken, and the pages around this one. */
export function tipListKeyboard(t: Translate, f: TipFilter, pages: number): InlineKeyboard {
  const kb = new InlineKeyboard();
  kb.text(t("tips-all"), tipListButton.encode({ ...f, page: 0, priority: "all", state: "all" }));
  for (const p of PRIORITIES) kb.text(t(`priority-${p}`), tipListButton.encode({ ...f, page: 0, priority: p }));
  kb.row().text(t("tips-new"), tipListButton.encode({ ...f, page: 0, state: "new" })).text(t("tips-taken"), tipListButton.encode({ ...f, page: 0, state: "taken" })).row();
  if (f.page > 0) kb.text("◀️", tipListButton.encode({ ...f, page: f.page - 1 }));
  if (f.page + 1 < pages) kb.text("▶️", tipListButton.encode({ ...f, page: f.page + 1 }));
  return kb;
}
