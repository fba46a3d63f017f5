// A tip card's text, as officers see it in the police group.
import type { RecordedOutcome, TipView } from "../../../services/index.js";
import { escapeHtml } from "../../html.js";
import type { Translate } from "../../i18n.js";
import { APPROXIMATE_RADIUS_METERS } from "../../../domain/location.js";
import { type OutcomeMenuState, outcomeText } from "./keyboards.js";

export function formatTime(date: Date, timezone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", {
    timeZone: timezone,
    dateStyle: "short",
    timeStyle: "short",
  }).format(date);
}

/** `outcomes`: what came of a tip verified as true, shown under its status; `counting`: the count an officer is choosing. */
export function renderCardText(view: TipView, t: Translate, timezone: string, locale: string, state: OutcomeMenuState = {}): string {
  const lines: string[] = [];
  if (view.priority === "urgent" && view.status !== "closed") lines.push(t("card-urgent-banner"));
  lines.push(
    t("card-body", {
      reference: view.reference,
      priority: t(`priority-${view.priority}`),
      category: t(`category-${view.category}`),
      quarter: escapeHtml(view.quarterName ?? t("quarter-unknown")),
      // The place once: the text, or a line pointing at the pin posted under the card (no coordinates repeated).
      place: view.placeText
        ? escapeHtml(view.placeText)
        : view.location
          ? t(view.location.approximate ? "card-place-pin-approximate" : "card-place-pin", { meters: APPROXIMATE_RADIUS_METERS })
          : t("tip-place-none"),
      timing: t(`timing-${view.timing}`),
      createdAt: formatTime(view.createdAt, timezone, locale),
      photos: view.photoFileIds.length,
    }),
  );
  if (view.duplicateOfReference) lines.push(t("card-duplicate", { reference: view.duplicateOfReference }));
  if (view.status === "closed") lines.push(t("card-status-closed", { reason: t(`close-${view.closeReason ?? "confirmed"}`) }));
  else if (view.status === "verifying" || view.status === "acted") lines.push(t(`card-status-${view.status}`, { officer: escapeHtml(view.claimedByName ?? "") }));
  else if (view.claimedByName) lines.push(t("card-status-claimed", { officer: escapeHtml(view.claimedByName) }));
  else lines.push(t("card-status-new"));
  const outcomes: readonly RecordedOutcome[] = state.outcomes ?? [];
  if (outcomes.length > 0) lines.push(t("card-outcomes", { list: outcomes.map((o) => outcomeText(t, o)).join("; ") }));
  if (state.counting) lines.push(t("card-outcome-counting", { question: t(`card-outcome-ask-${state.counting.kind}`), count: state.counting.count > 0 ? String(state.counting.count) : "…" }));
  lines.push("", t("card-description"), escapeHtml(view.description));
  return lines.join("\n").slice(0, 4096);
}
