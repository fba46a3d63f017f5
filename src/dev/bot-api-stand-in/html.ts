// Telegram's HTML parse mode: the plain text users see plus entities (UTF-16
// offsets), and the same refusals for malformed markup. Follows the parser in
// TDLib (which the Bot API server runs), including its error wording.
import type { MessageEntity } from "grammy/types";

export class EntityParseError extends Error {}

const SIMPLE: Record<string, MessageEntity["type"]> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
};
const SUPPORTED = new Set([...Object.keys(SIMPLE), "a", "span", "pre", "code", "blockquote", "tg-emoji"]);
const NAMED: Record<string, number> = { lt: 60, gt: 62, amp: 38, quot: 34 };

// TDLib's is_space; the end of the input reads as NUL there, so it counts too.
const isSpace = (c: string | undefined) => c === undefined || c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\v" || c === "\f";

interface OpenTag {
  tag: string;
  argument: string;
  offset: number;
}

/** Decodes `&lt;`, `&#33;`, `&#x21;`… at `i`; unknown entities stay literal, as in Telegram. */
function decodeEntity(s: string, i: number): { char: string; next: number } | null {
  let j = i + 1;
  let code: number;
  if (s[j] === "#") {
    j++;
    const hex = s[j] === "x";
    if (hex) j++;
    const start = j;
    while (j < s.length && (hex ? /[0-9a-fA-F]/ : /[0-9]/).test(s[j]!)) j++;
    if (j === start || j - start > 8) return null;
    code = parseInt(s.slice(start, j), hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff) return null;
  } else {
    const start = j;
    while (j < s.length && /[a-zA-Z]/.test(s[j]!)) j++;
    const named = NAMED[s.slice(start, j)];
    if (named === undefined) return null;
    code = named;
  }
  if (s[j] !== ";") return null;
  return { char: String.fromCodePoint(code), next: j + 1 };
}

export function parseHtml(html: string): { text: string; entities: MessageEntity[] } {
  let text = "";
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];
  const byteOffset = (index: number) => Buffer.byteLength(html.slice(0, index));
  const fail = (message: string): never => {
    throw new EntityParseError(message);
  };

  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === "&") {
      const decoded = decodeEntity(html, i);
      if (decoded) {
        text += decoded.char;
        i = decoded.next;
        continue;
      }
    }
    if (c !== "<") {
      text += c;
      i++;
      continue;
    }
    const begin = i++;
    if (html[i] !== "/") {
      while (!isSpace(html[i]) && html[i] !== ">") i++;
      if (i >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      const tag = html.slice(begin + 1, i).toLowerCase();
      if (!SUPPORTED.has(tag)) fail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(begin)}`);
      let argument = "";
      while (html[i] !== ">") {
        while (i < html.length && isSpace(html[i])) i++;
        if (html[i] === ">") break;
        const nameStart = i;
        while (!isSpace(html[i]) && html[i] !== "=" && html[i] !== ">") i++;
        const name = html.slice(nameStart, i);
        if (name.length === 0) fail(`Empty attribute name in the tag "${tag}" at byte offset ${byteOffset(begin)}`);
        while (i < html.length && isSpace(html[i])) i++;
        if (html[i] !== "=") {
          // HTML-style boolean attribute, used only by <blockquote expandable>.
          if (tag === "blockquote" && name === "expandable") {
            argument = "1";
            continue;
          }
          fail(`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${byteOffset(begin)}`);
        }
        i++;
        while (i < html.length && isSpace(html[i])) i++;
        if (i >= html.length) fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(begin)}`);
        let value = "";
        const quote = html[i];
        if (quote !== '"' && quote !== "'") {
          const tokenStart = i;
          while (i < html.length && /[a-zA-Z0-9.-]/.test(html[i]!)) i++;
          value = html.slice(tokenStart, i).toLowerCase();
          if (!isSpace(html[i]) && html[i] !== ">") fail(`Unexpected end of name token at byte offset ${byteOffset(tokenStart)}`);
        } else {
          i++;
          while (i < html.length && html[i] !== quote) {
            const decoded = html[i] === "&" ? decodeEntity(html, i) : null;
            if (decoded) {
              value += decoded.char;
              i = decoded.next;
            } else value += html[i++];
          }
          if (html[i] === quote) i++;
        }
        if (i >= html.length) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        if (tag === "a" && name === "href") argument = value;
        else if (tag === "code" && name === "class" && value.startsWith("language-")) argument = value.slice("language-".length);
        else if (tag === "span" && name === "class" && value.startsWith("tg-")) argument = value.slice("tg-".length);
        else if (tag === "tg-emoji" && name === "emoji-id") argument = value;
        else if (tag === "blockquote" && name === "expandable") argument = "1";
      }
      if (tag === "span" && argument !== "spoiler") fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
      open.push({ tag, argument, offset: text.length });
      i++;
      continue;
    }
    // An end tag.
    if (open.length === 0) fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
    i++;
    while (!isSpace(html[i]) && html[i] !== ">") i++;
    const endTag = html.slice(begin + 2, i).toLowerCase();
    while (i < html.length && isSpace(html[i])) i++;
    if (html[i] !== ">") fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
    i++;
    const top = open.pop()!;
    if (endTag.length > 0 && endTag !== top.tag) {
      fail(`Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${top.tag}>", found "</${endTag}>"`);
    }
    const length = text.length - top.offset;
    if (length > 0) addEntity(entities, top, length, text);
  }
  if (open.length > 0) fail(`Can't find end tag corresponding to start tag "${open[open.length - 1]!.tag}"`);
  return { text, entities: sortEntities(entities) };
}

function addEntity(entities: MessageEntity[], tag: OpenTag, length: number, text: string): void {
  const { offset, argument } = tag;
  const simple = SIMPLE[tag.tag];
  const last = entities[entities.length - 1];
  const sameSpan = last !== undefined && last.offset === offset && last.length === length;
  if (simple) entities.push({ type: simple, offset, length } as MessageEntity);
  else if (tag.tag === "span") entities.push({ type: "spoiler", offset, length });
  else if (tag.tag === "a") {
    // <a> without href links its own text, as in Telegram.
    const url = argument || text.slice(offset);
    if (/^(https?|tg|ftp|mailto):/i.test(url) || /^[\w-]+(\.[\w-]+)+/.test(url)) entities.push({ type: "text_link", offset, length, url });
  } else if (tag.tag === "pre") {
    // <pre><code class="language-x"> becomes one pre entity with a language.
    if (sameSpan && last.type === "code" && codeLanguage.has(last)) {
      entities[entities.length - 1] = { type: "pre", offset, length, language: codeLanguage.get(last)! };
    } else entities.push({ type: "pre", offset, length });
  } else if (tag.tag === "code") {
    if (sameSpan && last.type === "pre" && argument !== "") {
      entities[entities.length - 1] = { type: "pre", offset, length, language: argument };
    } else {
      const code: MessageEntity = { type: "code", offset, length };
      if (argument !== "") codeLanguage.set(code, argument);
      entities.push(code);
    }
  } else if (tag.tag === "blockquote") entities.push({ type: argument ? "expandable_blockquote" : "blockquote", offset, length });
  else if (tag.tag === "tg-emoji") entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: argument });
}

// The language of a <code> waiting for its enclosing <pre>.
const codeLanguage = new WeakMap<MessageEntity, string>();

/** Telegram's order: by offset, the longer (outer) entity first. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

const TRIMMED = /[ \t\r\n\v\f]/;

/** Trims the text as Telegram does and clips entities to what is left. */
export function trimFormatted(text: string, entities: MessageEntity[]): { text: string; entities: MessageEntity[] } {
  let start = 0;
  let end = text.length;
  while (start < end && TRIMMED.test(text[start]!)) start++;
  while (end > start && TRIMMED.test(text[end - 1]!)) end--;
  if (start === 0 && end === text.length) return { text, entities };
  const clipped: MessageEntity[] = [];
  for (const e of entities) {
    const from = Math.max(e.offset, start);
    const to = Math.min(e.offset + e.length, end);
    if (to > from) clipped.push({ ...e, offset: from - start, length: to - from });
  }
  return { text: text.slice(start, end), entities: clipped };
}
