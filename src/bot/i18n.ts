import path from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import { isZaloChat } from "../channels/zalo/translate.js";
import { defaultHeadTitle, type WardUnit, type WardWords } from "../domain/ward-units.js";
import type { PreferenceService } from "../services/preferences.js";
import type { FlowContext } from "./context.js";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const localesDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../locales");

export function isLocale(value: string | null | undefined): value is Locale {
  return value === "vi" || value === "en";
}

/** What the deployment's wards are called until a handler knows the ward (WARD_UNIT). */
export function defaultWardWords(unit: WardUnit = "khu-pho"): WardWords {
  return { wardUnit: unit, headTitle: defaultHeadTitle(unit) };
}

// The ward's words for the update being handled, set by whichever handler finds the ward.
const wardWordsOfUpdate = new WeakMap<object, WardWords>();

/**
 * From here on in this update, messages name the unit and its head as this
 * ward does ($wardUnit, $headTitle: ward-unit, ward-head … in the locales).
 */
export function useWardWords(ctx: object, words: WardWords | null | undefined): void {
  if (words) wardWordsOfUpdate.set(ctx, words);
}

export function createI18n(preferences: PreferenceService, defaultLocale: Locale, fallbackWords: WardWords = defaultWardWords()): I18n<FlowContext> {
  return new I18n<FlowContext>({
    defaultLocale,
    directory: localesDirectory,
    useSession: false,
    // Unicode isolation marks around placeables would garble codes and links.
    fluentBundleOptions: { useIsolating: false },
    // "Bấm" on Telegram, "nhắn" on Zalo (no buttons there): messages choose their wording by $channel.
    // The unit and head's title: the ward's once a handler found it (useWardWords), else the deployment's.
    globalTranslationContext: (ctx) => ({ channel: channelOf(ctx.chat?.id), ...(wardWordsOfUpdate.get(ctx) ?? fallbackWords) }),
    // Vietnamese first: an explicit /lang choice wins, else the ward default.
    localeNegotiator: async (ctx) => {
      const chatId = ctx.chat?.id;
      const chosen = chatId === undefined ? null : await preferences.locale(chatId);
      return isLocale(chosen) ? chosen : defaultLocale;
    },
  });
}

/** The $channel every message may use to word itself for the chat's app. */
export function channelOf(chatId: unknown): "zalo" | "telegram" {
  return isZaloChat(chatId) ? "zalo" : "telegram";
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * For messages sent outside an update (jobs, announcements): the chat's /lang
 * choice, else the default; the unit and head as `words` (the ward's) name them.
 */
export async function chatTranslator(
  i18n: I18n<FlowContext>,
  deps: { services: { preferences: PreferenceService }; settings: { defaultLocale: Locale; defaultWardUnit?: WardUnit } },
  chatId: string,
  words?: WardWords | null,
): Promise<{ t: Translate; locale: Locale }> {
  const chosen = await deps.services.preferences.locale(chatId);
  const locale = isLocale(chosen) ? chosen : deps.settings.defaultLocale;
  const ward = words ?? defaultWardWords(deps.settings.defaultWardUnit);
  return { t: (key, vars) => i18n.t(locale, key, { channel: channelOf(chatId), ...ward, ...vars }), locale };
}
