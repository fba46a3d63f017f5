// What the services call to reach the police group and tipsters: post a card
// (and its photos, re-encoded, never forwarded), remind of an unclaimed tip,
// notify an opted-in tipster, post a tipster's answer or addendum under the card.
import type { I18n } from "@grammyjs/i18n";
import { type Api, GrammyError } from "grammy";
import type { CardPart, TipMessenger } from "../../../services/index.js";
import type { FlowContext } from "../../context.js";
import type { BaseDeps } from "../../deps.js";
import { escapeHtml } from "../../html.js";
import { chatTranslator } from "../../i18n.js";
import { cleanPhotos, sendPhotos } from "../../photos.js";
import { cardKeyboard } from "./keyboards.js";
import { renderCardText } from "./render.js";
import { APPROXIMATE_RADIUS_METERS } from "../../../domain/location.js";

/** Re-encoded copies of residents' pictures; a picture that cannot be re-encoded is counted, never sent as it came. */
async function postCleanPhotos(
  api: Api,
  deps: BaseDeps,
  chatId: string,
  fileIds: string[],
  options: { caption?: string; replyTo?: number; unreadableText: (count: number) => string },
): Promise<void> {
  await api.sendChatAction(chatId, "upload_photo").catch(() => undefined);
  const { files, errors } = await cleanPhotos(api, deps.services.images, fileIds);
  for (const err of errors) deps.logger.warn({ err }, "a resident's picture could not be re-encoded; not sent");
  if (files.length > 0) await sendPhotos(api, chatId, files, options);
  if (errors.length > 0) {
    await api.sendMessage(chatId, options.unreadableText(errors.length), {
      ...(options.replyTo ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } } : {}),
    });
  }
}

/** Builds the function that posts a tip card (and its photos) to the ward's police group. */
export function createTipAnnouncer(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps) {
  // One announcement of a tip at a time in this process (a resumed flow and the scheduler's catch-up may meet).
  const inFlight = new Map<string, Promise<void>>();
  return async function announceTip(tipId: string): Promise<void> {
    const earlier = inFlight.get(tipId);
    const mine = (earlier ?? Promise.resolve()).then(() => postCard(tipId));
    inFlight.set(tipId, mine);
    try {
      await mine;
    } finally {
      if (inFlight.get(tipId) === mine) inFlight.delete(tipId);
    }
  };

  async function postCard(tipId: string): Promise<void> {
    try {
      const view = await deps.services.tips.view(tipId);
      if (!view) return;
      const ward = await deps.services.wards.get(view.wardId);
      if (!ward?.policeChatId) {
        deps.logger.warn({ tipId }, "ward has no police group bound; tip stored, card not posted");
        return;
      }
      // Once per group: a flow replayed after a crash, or the catch-up sweep, may ask again.
      if ((await deps.services.tips.cards(tipId)).some((c) => c.chatId === ward.policeChatId)) return;
      const { t, locale } = await chatTranslator(i18n, deps, ward.policeChatId);
      const card = await api.sendMessage(ward.policeChatId, renderCardText(view, t, ward.timezone, locale), {
        parse_mode: "HTML",
        reply_markup: cardKeyboard(view, t),
      });
      await deps.services.tips.recordCard(view.id, ward.policeChatId, card.message_id);
      // The card is posted: each part under it fails (and is retried) on its own, the card never again.
      for (const part of partsOf(view)) {
        try {
          await postPart(api, deps, view, ward.policeChatId, card.message_id, part, t);
        } catch (err) {
          deps.logger.error({ err, tipId, part }, PART_FAILED[part]);
          await deps.services.tips.retryCardPart(view.wardId, tipId, part).catch((planErr: unknown) => deps.logger.error({ err: planErr, tipId, part }, "could not plan a retry of a part under a tip card"));
        }
      }
    } catch (err) {
      deps.logger.error({ err, tipId }, "could not post tip card");
    }
  }
}

const PART_FAILED: Record<CardPart, string> = {
  photos: "tip card posted, but its photos could not be posted under it; retrying the photos alone",
  pin: "tip card posted, but its map pin could not be posted under it; retrying the pin alone",
};

type CardView = NonNullable<Awaited<ReturnType<BaseDeps["services"]["tips"]["view"]>>>;

function partsOf(view: CardView): CardPart[] {
  return [...(view.photoFileIds.length > 0 ? (["photos"] as const) : []), ...(view.location ? (["pin"] as const) : [])];
}

async function postPart(api: Api, deps: BaseDeps, view: CardView, chatId: string, cardMessageId: number, part: CardPart, t: (key: string, vars?: Record<string, string | number>) => string): Promise<void> {
  if (part === "photos") {
    await postCleanPhotos(api, deps, chatId, view.photoFileIds, {
      caption: t("card-photos-caption", { reference: view.reference }),
      replyTo: cardMessageId,
      unreadableText: (count) => t("card-photos-unreadable", { count }),
    });
    return;
  }
  if (!view.location) return;
  await api.sendLocation(chatId, view.location.latitude, view.location.longitude, {
    ...(view.location.approximate ? { horizontal_accuracy: APPROXIMATE_RADIUS_METERS } : {}),
    reply_parameters: { message_id: cardMessageId, allow_sending_without_reply: true },
  });
}

/** A part that failed under a posted card, tried again by the scheduler: under the same card, nothing else. */
export function createCardPartPoster(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps) {
  return async function postCardPart(tipId: string, part: CardPart): Promise<void> {
    const view = await deps.services.tips.view(tipId);
    const ward = view ? await deps.services.wards.get(view.wardId) : null;
    if (!view || !ward?.policeChatId) return;
    const card = (await deps.services.tips.cards(tipId)).filter((c) => c.chatId === ward.policeChatId).at(-1);
    if (!card) return; // no card yet: the catch-up sweep posts it with its parts
    const { t } = await chatTranslator(i18n, deps, ward.policeChatId);
    await postPart(api, deps, view, ward.policeChatId, card.messageId, part, t);
  };
}

/** Reminds the police group of an unclaimed urgent/high tip, replying to its card and mentioning officers. */
export function createTipMessenger(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps, announceTip: (tipId: string) => Promise<void>): TipMessenger {
  return {
    announce: announceTip,
    postCardPart: createCardPartPoster(api, i18n, deps),
    async unclaimed(tipId, info) {
      const view = await deps.services.tips.view(tipId);
      const ward = view ? await deps.services.wards.get(view.wardId) : null;
      if (!view || !ward?.policeChatId) return;
      const { locale } = await chatTranslator(i18n, deps, ward.policeChatId);
      const card = (await deps.services.tips.cards(tipId)).filter((c) => c.chatId === ward.policeChatId).at(-1);
      const mentions = info.officers.map((o) => `<a href="tg://user?id=${encodeURIComponent(o.telegramUserId)}">${escapeHtml(o.displayName)}</a>`).join(", ");
      await api.sendMessage(
        ward.policeChatId,
        i18n.t(locale, "card-unclaimed", { reference: view.reference, priority: i18n.t(locale, `priority-${view.priority}`), minutes: info.minutes, officers: mentions || "—" }),
        { parse_mode: "HTML", ...(card ? { reply_parameters: { message_id: card.messageId, allow_sending_without_reply: true } } : {}) },
      );
    },
  };
}

/** Plans an opt-in notice to a tipster for the ward's next notice time (services/notifications.ts). Never throws. */
export function createTipsterNotifier(deps: BaseDeps) {
  return async function notifyTipster(tipId: string, event: "question" | "closed"): Promise<void> {
    try {
      await deps.services.notifications.notifyLater(tipId, event);
    } catch (err) {
      deps.logger.warn({ err: err instanceof Error ? { message: err.message } : String(err) }, "could not plan a notice to a tipster");
    }
  };
}

/** Sends a planned notice: silently, never revealing who asks or what. */
export function createTipsterMessenger(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps) {
  return async (chatId: string, event: "question" | "closed"): Promise<void> => {
    const { locale } = await chatTranslator(i18n, deps, chatId);
    try {
      await api.sendMessage(chatId, i18n.t(locale, event === "question" ? "notify-question" : "notify-closed"), { disable_notification: true });
    } catch (err) {
      // A tipster who blocked the bot or deleted the account: nothing to retry. The log names no chat.
      if (err instanceof GrammyError && (err.error_code === 403 || err.error_code === 400)) {
        deps.logger.warn({ code: err.error_code }, "could not notify a tipster");
        return;
      }
      throw err;
    }
  };
}

/** Posts a tipster's answer under the tip's card. */
export function createAnswerAnnouncer(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps) {
  return async function announceAnswer(a: { tipId: string; wardId: string; reference: string; question: string; answer: string }): Promise<void> {
    try {
      const ward = await deps.services.wards.get(a.wardId);
      if (!ward?.policeChatId) return;
      const { locale } = await chatTranslator(i18n, deps, ward.policeChatId);
      const card = (await deps.services.tips.cards(a.tipId)).filter((c) => c.chatId === ward.policeChatId).at(-1);
      await api.sendMessage(ward.policeChatId, i18n.t(locale, "card-answer", { reference: a.reference, question: escapeHtml(a.question), answer: escapeHtml(a.answer) }), {
        parse_mode: "HTML",
        ...(card ? { reply_parameters: { message_id: card.messageId, allow_sending_without_reply: true } } : {}),
      });
    } catch (err) {
      deps.logger.error({ err, tipId: a.tipId }, "could not post a tipster's answer");
    }
  };
}

/** Posts a resident's addendum as a reply to the tip's latest card, photos re-sent by file id. */
export function createAddendumAnnouncer(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps) {
  return async function announceAddendum(addendumId: string): Promise<void> {
    try {
      const addendum = await deps.services.tips.addendum(addendumId);
      const ward = await deps.services.wards.get(addendum.wardId);
      if (!ward?.policeChatId) return;
      const { locale } = await chatTranslator(i18n, deps, ward.policeChatId);
      const card = (await deps.services.tips.cards(addendum.tipId)).filter((c) => c.chatId === ward.policeChatId).at(-1);
      const reply = card ? { reply_parameters: { message_id: card.messageId, allow_sending_without_reply: true } } : {};
      const text = i18n.t(locale, "card-addendum", { reference: addendum.reference, text: escapeHtml(addendum.text ?? "—"), photos: addendum.photoFileIds.length });
      await api.sendMessage(ward.policeChatId, text, { parse_mode: "HTML", ...reply });
      if (addendum.photoFileIds.length > 0) {
        await postCleanPhotos(api, deps, ward.policeChatId, addendum.photoFileIds, {
          ...(card ? { replyTo: card.messageId } : {}),
          unreadableText: (count) => i18n.t(locale, "card-photos-unreadable", { count }),
        });
      }
    } catch (err) {
      deps.logger.error({ err, addendumId }, "could not post a tip addendum");
    }
  };
}
