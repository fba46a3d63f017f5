import type { TipDraft } from "../../src/domain/tip.js";

/** An ordinary tip as the service takes it: a sale at a lane's mouth, no photos; tests vary the quarter and the text. */
export function plainDraft(over: { quarterId?: string | null; description?: string } = {}): TipDraft {
  return {
    category: "dealing",
    quarterId: over.quarterId ?? null,
    place: { kind: "text", text: "hẻm 12 Trần Phú" },
    timing: "earlier",
    description: over.description ?? "Có người bán ở đầu hẻm",
    photoFileIds: [],
  };
}
