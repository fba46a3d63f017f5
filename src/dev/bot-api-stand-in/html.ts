// Telegram's HTML parse mode: the plain text users see plus entities (UTF-16
// offsets), and the same refusals Telegram gives for malformed markup.
import type { MessageEntity } from "grammy/types";

export class EntityParseError extends Error {}

const TAGS: Record<string, MessageEntity["type"]> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  code: "code",
  pre: "pre",
  a: "text_link",
  "tg-spoiler": "spoiler",
  blockquote: "blockquote",
};

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export function parseHtml(html: string): { text: string; entities: MessageEntity[] } {
  let text = "";
  const entities: MessageEntity[] = [];
  const open: { tag: string; offset: number; url?: string }[] = [];
  const token = /<(\/?)([a-zA-Z-]+)([^>]*)>|&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);|[<>&]/g;
  let last = 0;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    text += html.slice(last, m.index);
    last = token.lastIndex;
    const [whole, closing, rawTag, attributes, entity] = m;
    if (whole === "<" || whole === ">") throw new EntityParseError(`Unexpected "${whole}" at byte offset ${m.index}`);
    if (whole === "&") {
      text += "&";
      continue;
    }
    if (entity !== undefined) {
      if (entity.startsWith("#x")) text += String.fromCodePoint(parseInt(entity.slice(2), 16));
      else if (entity.startsWith("#")) text += String.fromCodePoint(Number(entity.slice(1)));
      else if (NAMED[entity] !== undefined) text += NAMED[entity];
      else throw new EntityParseError(`Unsupported HTML entity "&${entity};"`);
      continue;
    }
    const tag = (rawTag ?? "").toLowerCase();
    const spoilerSpan = tag === "span" && /class\s*=\s*"?tg-spoiler/.test(attributes ?? "");
    if (!TAGS[tag] && !spoilerSpan && tag !== "span") throw new EntityParseError(`Unsupported start tag "${tag}" at byte offset ${m.index}`);
    if (!closing) {
      const url = /href\s*=\s*"([^"]*)"/.exec(attributes ?? "")?.[1];
      open.push({ tag, offset: text.length, ...(url !== undefined ? { url } : {}) });
      continue;
    }
    const top = open.pop();
    if (!top || top.tag !== tag) throw new EntityParseError(`Unmatched end tag at byte offset ${m.index}, expected "</${top?.tag ?? ""}>", found "</${tag}>"`);
    const length = text.length - top.offset;
    const type = tag === "span" ? "spoiler" : TAGS[tag]!;
    if (length > 0) {
      entities.push(
        type === "text_link" ? { type, offset: top.offset, length, url: top.url ?? "" } : ({ type, offset: top.offset, length } as MessageEntity),
      );
    }
  }
  text += html.slice(last);
  if (open.length > 0) throw new EntityParseError(`Can't find end tag corresponding to start tag "${open[open.length - 1]!.tag}"`);
  entities.sort((a, b) => a.offset - b.offset);
  return { text, entities };
}
