// What the services call to reach the police group and tipsters: post a card
// (and its photos, re-encoded, never forwarded), remind of an unclaimed tip,
// notify an opted-in tipster, post a tipster's answer or addendum under the card.
import type { I18n } from "@grammyjs/i18n";
import { type Api, GrammyError } from "grammy";
import type { CardPart, TipMessenger } from "../../../services/index.js";
import type { FlowContext } from "../../context.js";
import type { BaseDeps } from "../../deps.js";
import { escapeHtml } from "../../html.js";
import { chatTranslator, type Translate } from "../../i18n.js";
import { cleanPhotos, sendPhotos } from "../../photos.js";
import { cardKeyboard } from "./keyboards.js";
import { renderCardText } from "./render.js";
import { APPROXIMATE_RADIUS_METERS } from "../../../domain/location.js";

/**
 * Re-encoded copies of residents' pictures; a picture that cannot be re-encoded
 * is counted, never sent as it came. Throws when the pictures themselves could
 * not be sent (the caller retries them); the count of unreadable ones is said once.
 * Then `keep` is given the copies' file ids, to be stored in place of the
 * resident's: with the bot's token a resident's file id downloads the file as
 * sent, and an image sent as a file keeps its EXIF (where, which phone, whose).
 */
async function postCleanPhotos(
  api: Api,
  deps: BaseDeps,
  chatId: string,
  fileIds: string[],
  options: { caption?: string; replyTo?: number; unreadableText: (count: number) => string; keep: (cleanFileIds: string[]) => Promise<void> },
): Promise<void> {
  await api.sendChatAction(chatId, "upload_photo").catch(() => undefined);
  const { files, errors } = await cleanPhotos(api, deps.services.images, fileIds);
  for (const err of errors) deps.logger.warn({ err }, "a resident's picture could not be re-encoded; not sent");
  const sent = files.length > 0 ? await sendPhotos(api, chatId, files, options) : [];
  // Not retried with the pictures: they are posted; the resident's ids then stay until the tip is purged.
  await options.keep(sent).catch((err: unknown) => deps.logger.error({ err }, "could not keep the clean copies' file ids in place of the resident's"));
  if (errors.length > 0) {
    await api
      .sendMessage(chatId, options.unreadableText(errors.length), {
        ...(options.replyTo ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } } : {}),
      })
      .catch((err: unknown) => deps.logger.warn({ err }, "could not say that pictures were unreadable"));
  }
}

/** Why Telegram refused a post to a police group, as the admin's notice says it. */
function refusalOf(err: unknown): { reason: string; error: string } {
  const error = err instanceof GrammyError ? err.description : err instanceof Error ? err.message : String(err);
  if (err instanceof GrammyError) {
    if (err.error_code === 403) return { reason: "delivery-reason-bot-gone", error };
    if (err.error_code === 429 || err.error_code >= 500) return { reason: "delivery-reason-telegram", error };
    if (/not enough rights|have no rights/i.test(err.description)) return { reason: "delivery-reason-no-right", error };
    if (/chat not found/i.test(err.description)) return { reason: "delivery-reason-chat-gone", error };
    return { reason: "delivery-reason-other", error };
  }
  // No answer at all: the network or Telegram itself.
  return { reason: "delivery-reason-telegram", error };
}

/** A refusal naming the supergroup the police group became: the binding has followed it (group-migrations.ts). */
function upgradedGroup(err: unknown): boolean {
  return err instanceof GrammyError && err.parameters.migrate_to_chat_id !== undefined;
}

/**
 * Builds the function that posts a tip card (and its photos and pin) to the
 * ward's police group. What fails is written down and tried again by the
 * scheduler with back-off, part by part: a card that landed is not posted
 * again for its photos. The ward's admin hears in private when cards start
 * failing, and when they get through again.
 */
export function createTipAnnouncer(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps) {
  // One announcement of a tip at a time in this process (a resumed flow and the scheduler's catch-up may meet).
  const inFlight = new Map<string, Promise<void>>();
  const { tips, wards, deliveries, members } = deps.services;

  /** Each of the ward's admins, in their own language. */
  async function tellAdmins(wardId: string, key: string, vars: (t: Translate) => Record<string, string | number>): Promise<void> {
    for (const admin of await members.admins(wardId)) {
      try {
        const { t } = await chatTranslator(i18n, deps, admin.telegramUserId);
        await api.sendMessage(admin.telegramUserId, t(key, vars(t)), { parse_mode: "HTML" });
      } catch (err) {
        deps.logger.warn({ err }, "could not tell a ward admin about the police group");
      }
    }
  }

  async function settle(tip: { tipId: string; wardId: string }, wardName: string): Promise<void> {
    const { incidentClosed } = await deliveries.settled(tip);
    if (incidentClosed) {
      deps.logger.info({ ward: tip.wardId }, "every card reached the police group again");
      await tellAdmins(tip.wardId, "cards-delivered-again-admin", () => ({ ward: escapeHtml(wardName) }));
    }
  }

  async function postCard(tipId: string, afterUpgrade = false): Promise<void> {
    const view = await tips.view(tipId);
    const ward = view ? await wards.get(view.wardId) : null;
    if (!view || !ward) return;
    const tip = { tipId, wardId: ward.id };
    const owed = await deliveries.owed(tipId);
    // A closed tip is owed nothing more.
    if (view.status === "closed") {
      if (owed) await settle(tip, ward.name);
      return;
    }
    if (!ward.policeChatId) {
      deps.logger.warn({ tipId }, "ward has no police group bound; tip stored, card not posted");
      return;
    }
    const chatId = ward.policeChatId;
    // Once per group: a flow replayed after a crash, or the catch-up sweep, may ask again.
    const card = (await tips.cards(tipId)).find((c) => c.chatId === chatId);
    const parts: CardPart[] = card
      ? owed?.chatId === chatId
        ? owed.parts.filter((p) => p !== "card")
        : []
      : ["card", ...(view.photoFileIds.length > 0 ? (["photos"] as const) : []), ...(view.location ? (["pin"] as const) : [])];
    if (parts.length === 0) {
      if (owed) await settle(tip, ward.name);
      return;
    }
    const { t, locale } = await chatTranslator(i18n, deps, chatId);
    const failed: CardPart[] = [];
    let refusal: unknown;
    let cardMessageId = card?.messageId;
    if (parts.includes("card")) {
      try {
        const sent = await api.sendMessage(chatId, renderCardText(view, t, ward.timezone, locale), { parse_mode: "HTML", reply_markup: cardKeyboard(view, t) });
        cardMessageId = sent.message_id;
        await tips.recordCard(view.id, chatId, sent.message_id);
      } catch (err) {
        // The group became a supergroup and the ward followed it: post there at once.
        if (upgradedGroup(err) && !afterUpgrade) return postCard(tipId, true);
        failed.push(...parts);
        refusal = err;
      }
    }
    if (cardMessageId !== undefined) {
      const replyTo = cardMessageId;
      if (parts.includes("photos")) {
        try {
          await postCleanPhotos(api, deps, chatId, view.photoFileIds, {
            caption: t("card-photos-caption", { reference: view.reference }),
            replyTo,
            unreadableText: (count) => t("card-photos-unreadable", { count }),
            keep: (clean) => tips.keepCleanPhotos(view.id, clean),
          });
        } catch (err) {
          failed.push("photos");
          refusal = err;
        }
      }
      if (parts.includes("pin") && view.location) {
        try {
          await api.sendLocation(chatId, view.location.latitude, view.location.longitude, {
            ...(view.location.approximate ? { horizontal_accuracy: APPROXIMATE_RADIUS_METERS } : {}),
            reply_parameters: { message_id: replyTo, allow_sending_without_reply: true },
          });
        } catch (err) {
          failed.push("pin");
          refusal = err;
        }
      }
    }
    if (failed.length === 0) {
      if (owed) await settle(tip, ward.name);
      return;
    }
    // Written down part by part, tried again after back-off; the log says what, never what the tip says.
    const { reason, error } = refusalOf(refusal);
    const { incidentOpened, attempts } = await deliveries.failed(tip, chatId, failed, error);
    deps.logger.warn({ err: refusal, tipId, parts: failed, attempts }, "part of a tip's card did not reach the police group; it will be tried again");
    if (incidentOpened) await tellAdmins(ward.id, "cards-undelivered-admin", (tr) => ({ ward: escapeHtml(ward.name), reason: tr(reason, { error: escapeHtml(error) }) }));
  }

  return async function announceTip(tipId: string): Promise<void> {
    const earlier = inFlight.get(tipId);
    const mine = (earlier ?? Promise.resolve()).then(() =>
      postCard(tipId).catch((err: unknown) => {
        deps.logger.error({ err, tipId }, "could not post tip card");
      }),
    );
    inFlight.set(tipId, mine);
    try {
      await mine;
    } finally {
      if (inFlight.get(tipId) === mine) inFlight.delete(tipId);
    }
  };
}

/** Redraws a tip's cards in its ward's police group after a change made elsewhere (an officer removed, a claim given back). */
export function createCardRefresher(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps) {
  return async function refreshCard(tipId: string): Promise<void> {
    try {
      const view = await deps.services.tips.view(tipId);
      const ward = view ? await deps.services.wards.get(view.wardId) : null;
      if (!view || !ward?.policeChatId) return;
      const { t, locale } = await chatTranslator(i18n, deps, ward.policeChatId);
      for (const card of (await deps.services.tips.cards(tipId)).filter((c) => c.chatId === ward.policeChatId)) {
        await api
          .editMessageText(card.chatId, card.messageId, renderCardText(view, t, ward.timezone, locale), { parse_mode: "HTML", reply_markup: cardKeyboard(view, t) })
          .catch((err: unknown) => {
            if (!String(err).includes("message is not modified")) throw err;
          });
      }
    } catch (err) {
      deps.logger.warn({ err, tipId }, "could not redraw a tip card");
    }
  };
}

/** Reminds the police group of an unclaimed urgent/high tip, replying to its card and mentioning officers. */
export function createTipMessenger(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps, announceTip: (tipId: string) => Promise<void>): TipMessenger {
  return {
    announce: announceTip,
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
          keep: (clean) => deps.services.tips.keepCleanAddendumPhotos(addendumId, clean),
        });
      }
    } catch (err) {
      deps.logger.error({ err, addendumId }, "could not post a tip addendum");
    }
  };
}
