// /tukhoa: a ward's own words for triage. Officers and admins list them, add
// one with what it signals, and remove one (the admin, or whoever added it),
// in the police group (that group's ward) or in private. The role is read from
// the database on every use; the rules live in LexiconService.
import { Composer } from "grammy";
import { foldVietnamese } from "../../domain/text.js";
import { LEXICON_KINDS, type LexiconKind } from "../../domain/triage.js";
import { ServiceError } from "../../services/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { refusalKey, staffMember } from "../staff-identity.js";

/** What an officer may type for a kind: Vietnamese without marks, or the English name. */
const KIND_WORDS: Record<string, LexiconKind> = {
  matuy: "drug",
  drug: "drug",
  dangdienra: "now",
  now: "now",
  treem: "child",
  child: "child",
  nguyhiem: "danger",
  danger: "danger",
};

export type LexiconCommand =
  | { action: "list" }
  | { action: "add"; kind: LexiconKind; phrase: string }
  | { action: "remove"; phrase: string }
  | { action: "usage" };

/** `/tukhoa`, `/tukhoa them matuy kẹo bay`, `/tukhoa xoa kẹo bay` (also `add`, `remove`). */
export function parseLexiconCommand(text: string): LexiconCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { action: "list" };
  const verb = foldVietnamese(words[0]!).replace(/\s/g, "");
  if (verb === "them" || verb === "add") {
    const kind = KIND_WORDS[foldVietnamese(words[1] ?? "").replace(/\s/g, "")];
    const phrase = words.slice(2).join(" ");
    return kind && phrase ? { action: "add", kind, phrase } : { action: "usage" };
  }
  if (verb === "xoa" || verb === "remove") {
    const phrase = words.slice(1).join(" ");
    return phrase ? { action: "remove", phrase } : { action: "usage" };
  }
  return { action: "usage" };
}

export function lexiconFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();

  feature.command("tukhoa", async (ctx) => {
    const member = await staffMember(ctx, services.members);
    if (!member) {
      await ctx.reply(ctx.t(refusalKey(ctx)));
      return;
    }
    const command = parseLexiconCommand(ctx.match);
    const kindName = (kind: LexiconKind) => ctx.t(`lex-kind-${kind}`);
    try {
      if (command.action === "usage") {
        await ctx.reply(ctx.t("lex-usage"), { parse_mode: "HTML" });
      } else if (command.action === "list") {
        const terms = await services.lexicon.list(member);
        const lines = LEXICON_KINDS.map((kind) => {
          const phrases = terms.filter((t) => t.kind === kind).map((t) => escapeHtml(t.phrase));
          return phrases.length > 0 ? `<b>${escapeHtml(kindName(kind))}</b>: ${phrases.join(", ")}` : null;
        }).filter((l) => l !== null);
        const body = lines.length > 0 ? lines.join("\n") : ctx.t("lex-list-empty");
        await ctx.reply(`${ctx.t("lex-list-header")}\n${body}\n\n${ctx.t("lex-default-note")}\n${ctx.t("lex-usage")}`, { parse_mode: "HTML" });
      } else if (command.action === "add") {
        const added = await services.lexicon.add(member, command.phrase, command.kind);
        const key = added.added ? "lex-added" : added.previousKind === added.kind ? "lex-already" : "lex-changed";
        await ctx.reply(ctx.t(key, { phrase: added.phrase, kind: kindName(added.kind) }));
      } else {
        const removed = await services.lexicon.remove(member, command.phrase);
        await ctx.reply(ctx.t("lex-removed", { phrase: removed.phrase, kind: kindName(removed.kind) }));
      }
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      const key =
        err.code === "invalid_input" ? "lex-invalid" : err.code === "not_found" ? "lex-not-found" : err.code === "not_term_owner" ? "lex-not-owner" : "only-officers-command";
      await ctx.reply(ctx.t(key), { parse_mode: "HTML" });
    }
  });

  return feature;
}
