// Vietnamese names for commands (/huy for /cancel, the admin's /lienhephuong
// for /wardcontact, …). The update is rewritten to the English command before
// anything reads it, so every flow and handler — and a flow's escape rules —
// treat both alike.
import type { Middleware } from "grammy";
import type { BotContext } from "./context.js";

export const COMMAND_ALIASES: Readonly<Record<string, string>> = {
  baotin: "tip",
  huy: "cancel",
  trogiup: "help",
  huongdan: "help",
  theodoi: "status",
  ngonngu: "lang",
  phanloai: "triage",
  giupnguoithan: "family",
  lienhephuong: "wardcontact",
  trangnguoithan: "familypage",
};

const ALIAS = /^\/([A-Za-z]{2,32})(?=@|\s|$)/;

export const commandAliases: Middleware<BotContext> = (ctx, next) => {
  const message = ctx.message;
  const text = message?.text;
  const m = text === undefined ? null : ALIAS.exec(text);
  const canonical = m ? COMMAND_ALIASES[m[1]!.toLowerCase()] : undefined;
  if (message && text !== undefined && m && canonical) {
    const delta = canonical.length - m[1]!.length;
    message.text = `/${canonical}${text.slice(m[0].length)}`;
    // The command's entity grows or shrinks with it; the ones after it move.
    if (message.entities) {
      message.entities = message.entities.map((e) => (e.offset === 0 && e.type === "bot_command" ? { ...e, length: e.length + delta } : e.offset > 0 ? { ...e, offset: e.offset + delta } : e));
    }
  }
  return next();
};
