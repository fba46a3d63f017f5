// Pure translation between Zalo's Bot API and the Telegram shape the bot's
// flows speak. Zalo has no buttons and no formatting: a keyboard becomes a list
// of choices the person answers by typing its number or its words, and HTML
// becomes plain text. Nothing here stores anything.
import { createHash } from "node:crypto";
import type { Update } from "grammy/types";
import { z } from "zod";

/** Zalo chats are addressed inside the bot as "z:<zalo id>", a string no Telegram chat id can be. */
export const ZALO_CHAT_PREFIX = "z:";
/** Zalo's sendMessage limit. */
export const ZALO_TEXT_MAX = 2000;
/** Update ids of Zalo updates start here, far above Telegram's (which fit in 32 bits). */
export const ZALO_UPDATE_ID_BASE = 2 ** 52;

export function isZaloUpdateId(updateId: number): boolean {
  return updateId >= ZALO_UPDATE_ID_BASE;
}

const zaloId = z.string().min(1).max(128);

/**
 * An update as Zalo sends it, checked at the edge (getUpdates and the webhook);
 * the type follows from it. Public descriptions of Zalo's Bot API disagree, so
 * every documented variant is accepted: the picture as `photo_url` or `photo`
 * (an address), the sender's name as `display_name` or `name` (never read),
 * `date` in milliseconds or seconds, and events for text, images, stickers,
 * voice and "unsupported" (anything else is a message with nothing in it).
 */
export const zaloUpdateSchema = z.object({
  event_name: z.string().min(1).max(80),
  message: z
    .object({
      message_id: z.union([zaloId, z.number().int().nonnegative().transform(String)]),
      from: z.object({ id: zaloId, display_name: z.string().max(400).optional(), name: z.string().max(400).optional(), is_bot: z.boolean().optional() }),
      chat: z.object({ id: zaloId, chat_type: z.string().max(20) }),
      date: z.number().nonnegative(),
      text: z.string().max(20_000).optional(),
      photo_url: z.url().max(4_000).optional(),
      photo: z.url().max(4_000).optional(),
      caption: z.string().max(4_000).optional(),
      sticker: z.string().max(400).optional(),
    })
    .optional(),
});

export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;

/** One thing the person can pick: an inline button (its callback data) or a reply-keyboard button (its text). */
export interface Choice {
  label: string;
  kind: "callback" | "text";
  value: string;
}

export function isZaloChat(chatId: unknown): chatId is string {
  return typeof chatId === "string" && chatId.startsWith(ZALO_CHAT_PREFIX);
}

export function zaloChatOf(botChatId: string): string {
  return botChatId.slice(ZALO_CHAT_PREFIX.length);
}

/** The bot's chat id of a Zalo chat. grammY's types say number; a string passes through it untouched. */
export function botChatIdOf(zaloChatId: string): number {
  return `${ZALO_CHAT_PREFIX}${zaloChatId}` as unknown as number;
}

/** A stable update id per Zalo message, so a webhook delivery repeated is handled once. */
export function zaloUpdateId(update: ZaloUpdate): number {
  const digest = createHash("sha256").update(`${update.event_name}\u0000${update.message?.message_id ?? ""}`).digest();
  return ZALO_UPDATE_ID_BASE + digest.readUIntBE(0, 6);
}

/** Zalo shows text as it is: tags go, links keep their address, entities are decoded. */
export function plainText(text: string, parseMode: string | undefined): string {
  if (parseMode !== "HTML") return text;
  return text
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<a\s+href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, label: string) => (label === href ? href : `${label} (${href})`))
    .replace(/<\/?[a-z][a-z0-9-]*(\s[^>]*)?>/gi, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

interface MarkupLike {
  inline_keyboard?: { text: string; callback_data?: string; url?: string }[][];
  keyboard?: (string | { text: string; request_location?: boolean; request_contact?: boolean })[][];
  remove_keyboard?: boolean;
}

/**
 * What a keyboard offers on Zalo. Buttons that cannot work there (share location,
 * contact) are left out; link buttons become lines of text in `links`.
 */
export function choicesOf(markup: unknown): { choices: Choice[]; links: string[]; removesKeyboard: boolean } {
  const m = (markup ?? {}) as MarkupLike;
  const choices: Choice[] = [];
  const links: string[] = [];
  for (const button of (m.inline_keyboard ?? []).flat()) {
    if (button.callback_data !== undefined) choices.push({ label: button.text, kind: "callback", value: button.callback_data });
    else if (button.url) links.push(`${button.text}: ${button.url}`);
  }
  for (const button of (m.keyboard ?? []).flat()) {
    const b = typeof button === "string" ? { text: button } : button;
    if ("request_location" in b || "request_contact" in b) continue;
    choices.push({ label: b.text, kind: "text", value: b.text });
  }
  return { choices, links, removesKeyboard: m.remove_keyboard === true };
}

/** Folded for matching: no marks, no case, no emoji or punctuation, single spaces. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+]+/gu, " ")
    .trim();
}

/** Labels that are themselves numbers (a count question's 0–5) are typed as they are, not numbered. */
export function numbersAreLabels(choices: Choice[]): boolean {
  return choices.some((c) => /^\d+\+?$/.test(fold(c.label)));
}

/** The list shown under a message: "1. Gửi" lines, or the labels to type when they are numbers or alone. */
export function renderChoices(choices: Choice[], hint: { byNumber: (max: number) => string; byWord: (words: string) => string }): string {
  if (choices.length === 0) return "";
  if (choices.length === 1 || numbersAreLabels(choices)) {
    return hint.byWord(choices.map((c) => `“${c.label}”`).join(" · "));
  }
  return `${choices.map((c, i) => `${i + 1}. ${c.label}`).join("\n")}\n${hint.byNumber(choices.length)}`;
}

/**
 * The choice a typed answer stands for, or null when it is just text. A whole
 * label (marks and case aside) always counts; a number counts when the list is
 * numbered; a unique label that starts with what was typed counts from 3 letters.
 */
export function matchChoice(typed: string, choices: Choice[]): Choice | null {
  if (choices.length === 0) return null;
  const folded = fold(typed);
  if (!folded) return null;
  const exact = choices.filter((c) => fold(c.label) === folded);
  if (exact.length === 1) return exact[0]!;
  const numbered = choices.length > 1 && !numbersAreLabels(choices);
  if (numbered && /^\d{1,2}$/.test(folded)) return choices[Number(folded) - 1] ?? null;
  if (folded.length >= 3 && !/^\d+$/.test(folded)) {
    const starts = choices.filter((c) => fold(c.label).startsWith(folded));
    if (starts.length === 1) return starts[0]!;
  }
  return null;
}

/** Splits at line breaks (else spaces) so that each piece fits Zalo's limit. */
export function splitText(text: string, max = ZALO_TEXT_MAX): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf("\n");
    if (cut < max / 2) cut = window.lastIndexOf(" ");
    if (cut < max / 2) cut = max;
    // Never split a surrogate pair (an emoji) in two.
    if (cut === max && /[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, "");
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Bot payloads typed as the bare id of an invite or a ward link: as if opened from the link. */
const START_PAYLOAD = /^(inv_|qh_|ag_|w_)[\w-]{2,80}$/;

export interface TranslationContext {
  /** The choices the person was last offered in this chat, and on which bot message. */
  current: { messageId: number; choices: Choice[] } | null;
  /** A fresh, unique id for a callback query. */
  callbackId: string;
}

/**
 * A Telegram-shaped update for a Zalo one, or null for what the bot does not
 * serve (groups, the bot's own messages, unknown events). Who sent it is the
 * chat id alone: the display name is never carried over.
 */
export function toTelegramUpdate(update: ZaloUpdate, context: TranslationContext): Update | null {
  const message = update.message;
  if (!message || message.chat.chat_type.toUpperCase() !== "PRIVATE" || message.from.is_bot) return null;
  const chatId = botChatIdOf(message.chat.id);
  // The sender of a private chat is the chat: the bot keys and strips everything by the chat's id, so Zalo's own
  // sender id (were it ever to differ) must not ride along into stored flow state.
  const from = { id: chatId, is_bot: false, first_name: "Zalo" };
  const chat = { id: chatId, type: "private" as const, first_name: "Zalo" };
  const date = Math.floor(message.date > 1e12 ? message.date / 1000 : message.date);
  const update_id = zaloUpdateId(update);
  const base = { message_id: messageNumber(message.message_id), date, chat, from };

  switch (update.event_name) {
    case "message.text.received": {
      const text = (message.text ?? "").trim();
      const picked = context.current ? matchChoice(text, context.current.choices) : null;
      if (picked && context.current && picked.kind === "callback") {
        return {
          update_id,
          callback_query: {
            id: context.callbackId,
            from,
            chat_instance: message.chat.id,
            data: picked.value,
            message: { message_id: context.current.messageId, date, chat, text: "" },
          },
        };
      }
      const said = picked ? picked.value : START_PAYLOAD.test(text) ? `/start ${text}` : text;
      const command = /^\/[a-z_]{1,32}(?=\s|$)/i.exec(said);
      return {
        update_id,
        message: { ...base, text: said, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}) },
      };
    }
    case "message.image.received": {
      const photoUrl = message.photo_url ?? message.photo;
      // A picture event without an address is still a message: the flow answers it rather than going silent.
      if (!photoUrl || !/^https?:\/\//.test(photoUrl)) return { update_id, message: base };
      const fileId = zaloFileId(photoUrl);
      const caption = message.caption?.trim();
      return {
        update_id,
        message: { ...base, photo: [{ file_id: fileId, file_unique_id: fileId.slice(-16), width: 0, height: 0 }], ...(caption ? { caption } : {}) },
      };
    }
    case "message.sticker.received":
      return {
        update_id,
        message: { ...base, sticker: { file_id: "z:sticker", file_unique_id: "z-sticker", type: "regular", width: 0, height: 0, is_animated: false, is_video: false } },
      };
    default:
      // Voice ("message.voice.received"), "unsupported" (files, locations…) and whatever Zalo adds later:
      // a message with nothing the flows accept, so each step answers with its own hint.
      return { update_id, message: base };
  }
}

/** File ids of Zalo pictures carry their address, so getFile needs no table. */
export function zaloFileId(photoUrl: string): string {
  return `${ZALO_CHAT_PREFIX}${Buffer.from(photoUrl).toString("base64url")}`;
}

export function photoUrlOf(fileId: string): string | null {
  if (!fileId.startsWith(ZALO_CHAT_PREFIX)) return null;
  const url = Buffer.from(fileId.slice(ZALO_CHAT_PREFIX.length), "base64url").toString();
  return /^https?:\/\//.test(url) ? url : null;
}

/** A number for Zalo's string message ids (grammY and the flows compare numbers). */
function messageNumber(zaloMessageId: string): number {
  return createHash("sha256").update(zaloMessageId).digest().readUIntBE(0, 6);
}
