// The buttons under a tip card (its menus), and the /tips list's filters.
import { InlineKeyboard } from "grammy";
import { CLOSE_REASONS, PRIORITIES } from "../../../domain/tip.js";
import type { TipView } from "../../../services/index.js";
import { cardButtons, type TipFilter, tipListButton } from "../../callback-data/index.js";
import type { Translate } from "../../i18n.js";

export type CardMenu = "main" | "priority" | "close" | "duplicate";

export function cardKeyboard(
  view: TipView,
  t: Translate,
  menu: CardMenu = "main",
  candidates: { id: string; reference: string }[] = [],
): InlineKeyboard | undefined {
  if (view.status === "closed") return undefined;
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
        .row()
        .text(t("btn-ask"), cardButtons.ask.encode({ tipId: id }))
        .text(t("btn-duplicate"), cardButtons.duplicateMenu.encode({ tipId: id }))
        .text(t("btn-close"), cardButtons.closeMenu.encode({ tipId: id }));
      return kb;
    case "priority":
      for (const p of PRIORITIES) kb.text(`${p === view.priority ? "• " : ""}${t(`priority-${p}`)}`, cardButtons.priority.encode({ tipId: id, priority: p }));
      break;
    case "close":
      for (const reason of CLOSE_REASONS.filter((r) => r !== "duplicate")) kb.text(t(`close-${reason}`), cardButtons.close.encode({ tipId: id, reason }));
      break;
    case "duplicate":
      candidates.forEach((c, i) => {
        kb.text(`#${c.reference}`, cardButtons.duplicate.encode({ tipId: id, originalId: c.id }));
        if (i % 3 === 2) kb.row();
      });
      break;
  }
  return kb.row().text(t("btn-back"), cardButtons.back.encode({ tipId: id }));
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
