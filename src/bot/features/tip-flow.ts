// The resident's anonymous tip flow. It reads nothing about the sender: the
// draft holds only what the resident chose to write, and the service it is
// handed to has no parameter for identity.
import { randomBytes } from "node:crypto";
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, Keyboard } from "grammy";
import { z } from "zod";
import {
  TIP_CATEGORIES,
  TIP_TIMINGS,
  type TipCategory,
  type TipDraft,
  type TipTiming,
  TIP_DESCRIPTION_MAX,
  TIP_PHOTOS_MAX,
  TIP_PLACE_MAX,
} from "../../domain/tip.js";
import { cancelButton, EDITABLE_FIELDS, type EditableField, menuButtons, tipFlowButtons } from "../callback-data/index.js";
import type { BotContext, FlowContext, TipConversation } from "../context.js";
import type { BotDeps } from "../deps.js";
import { askChoice, askChoiceThenSettle, FlowCancelled, hintForUnexpected, isAnswer, waitOrCancel } from "../ask.js";
import { escapeHtml } from "../html.js";
import { APPROXIMATE_RADIUS_METERS, approximatePin } from "../../domain/location.js";
import { photoFrom } from "../photos.js";
import type { WardChoice } from "../../services/wards.js";

export const TIP_CONVERSATION = "tip";

interface WardForFlow {
  id: string;
  name: string;
  quarters: { id: string; name: string }[];
}

type Place = TipDraft["place"];

export function tipFlowFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  // Before the conversation, so /cancel always wins.
  privateChats.command("cancel", async (ctx) => {
    if (Object.keys(ctx.conversation.active()).length > 0) {
      await ctx.conversation.exitAll();
      await ctx.reply(ctx.t("tip-cancelled"), { reply_markup: { remove_keyboard: true } });
    } else {
      await ctx.reply(ctx.t("nothing-to-cancel"));
    }
  });

  privateChats.use(
    createConversation<BotContext, FlowContext>(
      (conversation, ctx, wardSlug?: unknown) => tipFlow(conversation, ctx, deps, typeof wardSlug === "string" ? wardSlug : null),
      { id: TIP_CONVERSATION, maxMillisecondsToWait: deps.settings.flowTimeoutMinutes * 60_000 },
    ),
  );

  // The ward rides along from the button (set by the ward's deep link); nothing about it is stored.
  const start = async (ctx: BotContext, wardSlug: string | null = null) => {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    await ctx.conversation.enter(TIP_CONVERSATION, ...(wardSlug ? [wardSlug] : []));
  };
  // `/tip A7K3` is an officer looking up a card (tip-cards.ts), not a new tip.
  privateChats.command("tip", (ctx, next) => (/^#?[2-9A-Z]{4}$/i.test(ctx.match.trim()) ? next() : start(ctx)));
  privateChats.callbackQuery(menuButtons.tip.pattern, (ctx, next) => {
    const pressed = menuButtons.tip.parse(ctx.callbackQuery.data);
    return pressed ? start(ctx, pressed.ward ?? null) : next();
  });
  privateChats.hears([/^🛡/u], (ctx) => start(ctx));
  return feature;
}

async function tipFlow(conversation: TipConversation, ctx: FlowContext, deps: BotDeps, wardSlug: string | null): Promise<void> {
  // Spam without CAPTCHAs: a per-resident cap, checked before the questions and at submission.
  const limitKey = deps.services.secrets.chatKey(ctx.chat?.id ?? "none");
  const limited = await conversation.external(() => deps.services.tipLimiter.check(limitKey));
  if (limited !== "ok") {
    await ctx.reply(ctx.t(limited === "hour" ? "tip-limit-hour" : "tip-limit-day"));
    return;
  }

  // Drawn once and kept in the flow's state: a submission replayed after a crash files nothing new.
  const submissionNonce = await conversation.external(() => randomBytes(16).toString("base64url"));
  try {
    await ctx.reply(ctx.t("tip-intro"), { parse_mode: "HTML" });
    const chosen = await askWard(conversation, ctx, deps, wardSlug);
    const ward: WardForFlow = await conversation.external(async () => {
      const quarters = await deps.services.wards.listQuarters(chosen.id);
      return { id: chosen.id, name: chosen.name, quarters: quarters.map((q) => ({ id: q.id, name: q.name })) };
    });
    const draft = {
      category: await askCategory(conversation, ctx),
      quarterId: await askQuarter(conversation, ctx, ward),
      place: await askPlace(conversation, ctx),
      timing: await askTiming(conversation, ctx),
      description: await askDescription(conversation, ctx),
      photoFileIds: await askPhotos(conversation, ctx, deps),
    } satisfies TipDraft;

    // Opt-in to notifications: off unless the resident turns it on.
    let notify = false;
    // After a failed send the same review waits for "Gửi" again (its buttons stay).
    let reviewShown: number | undefined;
    for (;;) {
      const { value: choice, settle, messageId } = await askChoiceThenSettle(
        conversation,
        ctx,
        renderReview(ctx, draft, ward),
        new InlineKeyboard()
          .text(ctx.t("btn-submit"), tipFlowButtons.review.encode({ action: "submit" }))
          .text(ctx.t("btn-edit"), tipFlowButtons.review.encode({ action: "edit" }))
          .row()
          .text(ctx.t(notify ? "btn-notify-on" : "btn-notify-off"), tipFlowButtons.review.encode({ action: "notify" }))
          .row()
          .text(ctx.t("btn-cancel"), cancelButton.encode()),
        (data) => tipFlowButtons.review.parse(data)?.action ?? null,
        (value) => ctx.t(value === "submit" ? "btn-submit" : value === "edit" ? "btn-edit" : notify ? "btn-notify-off" : "btn-notify-on"),
        reviewShown,
      );
      reviewShown = undefined;
      // "Gửi" keeps its button until the tip is filed: pressed again after a crash, it files the same tip.
      if (choice !== "submit") await settle();
      if (choice === "notify") {
        notify = !notify;
        continue;
      }
      if (choice === "edit") {
        const field = await askChoice(
          conversation,
          ctx,
          ctx.t("tip-edit-which"),
          editKeyboard(ctx),
          (data) => tipFlowButtons.edit.parse(data)?.field ?? null,
          (value) => ctx.t(`edit-${value}`),
        );
        await editField(conversation, ctx, deps, ward, draft, field);
        continue;
      }
      const submitted = await conversation.external(async () => {
        const over = deps.services.tipLimiter.check(limitKey);
        if (over !== "ok") return { ok: false as const, limit: over };
        try {
          const tip = await deps.services.tips.submit(ward.id, draft, submissionNonce);
          if (!tip.alreadySubmitted) deps.services.tipLimiter.record(limitKey);
          return { ok: true as const, receiptCode: tip.receiptCode, tipId: tip.tipId, quietSpam: tip.quietSpam };
        } catch (err) {
          deps.logger.error({ err }, "tip submission failed");
          return { ok: false as const, limit: null };
        }
      });
      if (!submitted.ok && submitted.limit) {
        await settle();
        await ctx.reply(ctx.t(submitted.limit === "hour" ? "tip-limit-hour" : "tip-limit-day"));
        return;
      }
      if (!submitted.ok) {
        // Nothing was written; the review above keeps its buttons, so "Gửi" there tries again.
        await ctx.reply(ctx.t("tip-submit-failed"));
        reviewShown = messageId;
        continue;
      }
      // A quiet-spam tip is filed closed and never announced: nothing to notify about, so nothing to keep.
      if (notify && !submitted.quietSpam) {
        // Only now, and only because the resident asked: their chat id, encrypted, apart from the tip.
        const chatId = ctx.chat?.id;
        if (chatId !== undefined) await conversation.external(() => deps.services.notifications.optIn(submitted.tipId, chatId));
      }
      try {
        await ctx.reply(ctx.t("tip-submitted", { receipt: submitted.receiptCode }) + (notify ? `\n\n${ctx.t("tip-notify-on")}` : ""), { parse_mode: "HTML" });
      } finally {
        // Only now do the buttons go: until the receipt is out, pressing "Gửi" again returns this same tip.
        await settle();
        // Officers get the card even if the receipt could not be delivered (the resident blocked the bot).
        // Announcing never fails the flow; a repeat of known spam gets its receipt like any tip, but no card.
        if (!submitted.quietSpam) await conversation.external(() => deps.announceTip(submitted.tipId));
      }
      return;
    }
  } catch (err) {
    if (err instanceof FlowCancelled) {
      await ctx.reply(ctx.t("tip-cancelled"), { reply_markup: { remove_keyboard: true } });
      return;
    }
    throw err;
  }
}

async function editField(
  conversation: TipConversation,
  ctx: FlowContext,
  deps: BotDeps,
  ward: WardForFlow,
  draft: TipDraft,
  field: EditableField,
): Promise<void> {
  switch (field) {
    case "category":
      draft.category = await askCategory(conversation, ctx);
      return;
    case "quarter":
      draft.quarterId = await askQuarter(conversation, ctx, ward);
      return;
    case "place":
      draft.place = await askPlace(conversation, ctx);
      return;
    case "timing":
      draft.timing = await askTiming(conversation, ctx);
      return;
    case "description":
      draft.description = await askDescription(conversation, ctx);
      return;
    case "photos":
      draft.photoFileIds = await askPhotos(conversation, ctx, deps);
      return;
  }
}

function editKeyboard(ctx: FlowContext): InlineKeyboard {
  const kb = new InlineKeyboard();
  EDITABLE_FIELDS.forEach((field, i) => {
    kb.text(ctx.t(`edit-${field}`), tipFlowButtons.edit.encode({ field }));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

function renderReview(ctx: FlowContext, draft: TipDraft, ward: WardForFlow): string {
  return ctx.t("tip-review", {
    ward: escapeHtml(ward.name),
    category: ctx.t(`category-${draft.category}`),
    quarter: escapeHtml(quarterLabel(ctx, ward, draft.quarterId)),
    place: placeLabel(ctx, draft.place),
    timing: ctx.t(`timing-${draft.timing}`),
    photos: draft.photoFileIds.length,
    description: escapeHtml(draft.description),
  });
}

function quarterLabel(ctx: FlowContext, ward: WardForFlow, quarterId: string | null): string {
  return ward.quarters.find((q) => q.id === quarterId)?.name ?? ctx.t("quarter-unknown");
}

function placeLabel(ctx: FlowContext, place: Place): string {
  if (!place) return ctx.t("tip-place-none");
  if (place.kind === "location") return ctx.t(place.approximate ? "tip-place-pin-approximate" : "tip-place-pin", { meters: APPROXIMATE_RADIUS_METERS });
  return escapeHtml(place.text);
}

function cancelRow(ctx: FlowContext, kb: InlineKeyboard): InlineKeyboard {
  return kb.row().text(ctx.t("btn-cancel"), cancelButton.encode());
}

function askCategory(conversation: TipConversation, ctx: FlowContext): Promise<TipCategory> {
  const kb = new InlineKeyboard();
  for (const category of TIP_CATEGORIES) kb.text(ctx.t(`category-${category}`), tipFlowButtons.category.encode({ category })).row();
  return askChoice(
    conversation,
    ctx,
    ctx.t("tip-ask-category"),
    cancelRow(ctx, kb),
    (data) => tipFlowButtons.category.parse(data)?.category ?? null,
    (value) => ctx.t(`category-${value}`),
  );
}

/** Wards shown as buttons at once; with more, the resident types part of the name first. */
const WARD_BUTTONS_MAX = 8;

/**
 * Which ward the tip is for: the deep link's ward, the only ward, or the
 * resident's choice (buttons, or typing part of the name, with or without marks).
 */
async function askWard(conversation: TipConversation, ctx: FlowContext, deps: BotDeps, wardSlug: string | null): Promise<WardChoice> {
  const known = await conversation.external(async () => {
    const all = await deps.services.wards.list();
    const linked = wardSlug ? all.find((w) => w.slug === wardSlug) : undefined;
    return linked ? [linked] : all.length <= WARD_BUTTONS_MAX ? all : [];
  });
  if (known.length === 1) return known[0]!;
  let choices = known;
  let text = ctx.t(choices.length > 0 ? "tip-ask-ward" : "tip-ask-ward-type");
  for (;;) {
    const kb = new InlineKeyboard();
    choices.forEach((w, i) => kb.text(w.name, tipFlowButtons.ward.encode({ index: i })).row());
    const question = await ctx.reply(text, { parse_mode: "HTML", reply_markup: cancelRow(ctx, kb) });
    const next = await waitOrCancel(conversation);
    const data = next.callbackQuery?.data;
    if (data !== undefined) {
      const index = tipFlowButtons.ward.parse(data)?.index;
      const picked = next.callbackQuery?.message?.message_id === question.message_id && index !== undefined ? choices[index] : undefined;
      if (!picked) {
        await next.answerCallbackQuery({ text: next.t("hint-use-buttons") });
        continue;
      }
      await next.answerCallbackQuery();
      await next.editMessageText(`${text}\n\n✔️ ${escapeHtml(picked.name)}`, { parse_mode: "HTML" }).catch(() => undefined);
      return picked;
    }
    const typed = z.string().trim().min(1).max(120).safeParse(next.message?.text);
    if (!typed.success || typed.data.startsWith("/")) {
      await hintForUnexpected(next, "hint-ward");
      continue;
    }
    const found = await conversation.external(() => deps.services.wards.search(typed.data, WARD_BUTTONS_MAX));
    if (found.length === 1) {
      await ctx.reply(`✔️ ${escapeHtml(found[0]!.name)}`, { parse_mode: "HTML" });
      return found[0]!;
    }
    choices = found;
    text = found.length > 0 ? ctx.t("tip-ask-ward-matches") : ctx.t("tip-ward-not-found", { typed: escapeHtml(typed.data.slice(0, 60)) });
  }
}

async function askQuarter(conversation: TipConversation, ctx: FlowContext, ward: WardForFlow): Promise<string | null> {
  const kb = new InlineKeyboard();
  ward.quarters.forEach((q, i) => {
    kb.text(q.name, tipFlowButtons.quarter.encode({ quarter: i }));
    if (i % 3 === 2) kb.row();
  });
  kb.row().text(ctx.t("quarter-unknown"), tipFlowButtons.quarter.encode({ quarter: "none" }));
  const choice = await askChoice(
    conversation,
    ctx,
    ctx.t("tip-ask-quarter"),
    cancelRow(ctx, kb),
    (data) => {
      const quarter = tipFlowButtons.quarter.parse(data)?.quarter;
      if (quarter === "none") return quarter;
      return quarter !== undefined && quarter < ward.quarters.length ? String(quarter) : null;
    },
    (value) => (value === "none" ? ctx.t("quarter-unknown") : (ward.quarters[Number(value)]?.name ?? "")),
  );
  return choice === "none" ? null : (ward.quarters[Number(choice)]?.id ?? null);
}

async function askPlace(conversation: TipConversation, ctx: FlowContext): Promise<Place> {
  const skipLabel = ctx.t("btn-skip");
  // No "send my location" button: it shares where the resident stands, which may be their home.
  // The prompt says how to pick a point on the map instead.
  const ask = () =>
    ctx.reply(ctx.t("tip-ask-place"), {
      parse_mode: "HTML",
      reply_markup: new Keyboard().text(skipLabel).row().text(ctx.t("btn-cancel")).resized().oneTime(),
    });
  await ask();
  const placeText = z.string().trim().min(1).max(TIP_PLACE_MAX);
  for (;;) {
    const next = await conversation.waitUntil(isAnswer);
    const message = next.message;
    const pin = message?.location ?? message?.venue?.location;
    if (pin) {
      await next.reply(next.t("tip-pin-received"), { reply_markup: { remove_keyboard: true } });
      const which = await askChoice(
        conversation,
        ctx,
        ctx.t("tip-pin-which"),
        new InlineKeyboard()
          .text(ctx.t("btn-pin-spot"), tipFlowButtons.pin.encode({ which: "spot" }))
          .row()
          .text(ctx.t("btn-pin-here"), tipFlowButtons.pin.encode({ which: "here" }))
          .row()
          .text(ctx.t("btn-pin-drop"), tipFlowButtons.pin.encode({ which: "drop" })),
        (data) => tipFlowButtons.pin.parse(data)?.which ?? null,
        (value) => ctx.t(`btn-pin-${value}`),
      );
      if (which === "drop") {
        await ask();
        continue;
      }
      // Not confirmed as the reported place: only the ~170 m cell it falls in is kept (and the service rounds again).
      const approximate = which !== "spot";
      const point = approximate ? approximatePin(pin) : { latitude: pin.latitude, longitude: pin.longitude };
      return { kind: "location", ...point, approximate };
    }
    if (message?.text !== undefined && !message.text.startsWith("/")) {
      if (message.text === skipLabel) {
        await next.reply(`✔️ ${next.t("tip-place-none")}`, { reply_markup: { remove_keyboard: true } });
        return null;
      }
      if (message.text === next.t("btn-cancel")) throw new FlowCancelled();
      const parsed = placeText.safeParse(message.text);
      if (!parsed.success) {
        await next.reply(next.t("error-text-too-long", { length: message.text.length, max: TIP_PLACE_MAX }));
        continue;
      }
      await next.reply(`✔️ ${parsed.data}`, { reply_markup: { remove_keyboard: true } });
      return { kind: "text", text: parsed.data };
    }
    await hintForUnexpected(next, "hint-place");
  }
}

function askTiming(conversation: TipConversation, ctx: FlowContext): Promise<TipTiming> {
  const kb = new InlineKeyboard();
  TIP_TIMINGS.forEach((timing, i) => {
    kb.text(ctx.t(`timing-${timing}`), tipFlowButtons.timing.encode({ timing }));
    if (i % 2 === 1) kb.row();
  });
  return askChoice(
    conversation,
    ctx,
    ctx.t("tip-ask-timing"),
    cancelRow(ctx, kb),
    (data) => tipFlowButtons.timing.parse(data)?.timing ?? null,
    (value) => ctx.t(`timing-${value}`),
  );
}

async function askDescription(conversation: TipConversation, ctx: FlowContext): Promise<string> {
  await ctx.reply(ctx.t("tip-ask-description"), {
    parse_mode: "HTML",
    reply_markup: cancelRow(ctx, new InlineKeyboard()),
  });
  for (;;) {
    const next = await waitOrCancel(conversation);
    const text = next.message?.text;
    if (text === undefined || text.startsWith("/")) {
      await hintForUnexpected(next, text === undefined ? "hint-need-text" : "hint-in-flow");
      continue;
    }
    const trimmed = text.trim();
    if (trimmed.length === 0) {
      await next.reply(next.t("error-text-empty"));
      continue;
    }
    if (trimmed.length > TIP_DESCRIPTION_MAX) {
      await next.reply(next.t("error-text-too-long", { length: trimmed.length, max: TIP_DESCRIPTION_MAX }));
      continue;
    }
    return trimmed;
  }
}

async function askPhotos(conversation: TipConversation, ctx: FlowContext, deps: BotDeps): Promise<string[]> {
  const photos: string[] = [];
  await ctx.reply(ctx.t("tip-ask-photos", { max: TIP_PHOTOS_MAX }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("btn-photos-done"), tipFlowButtons.photosDone.encode())
      .text(ctx.t("btn-skip"), tipFlowButtons.photosSkip.encode())
      .row()
      .text(ctx.t("btn-cancel"), cancelButton.encode()),
  });
  for (;;) {
    const next = await waitOrCancel(conversation);
    const data = next.callbackQuery?.data ?? "";
    const skipped = tipFlowButtons.photosSkip.parse(data) !== null;
    if (skipped || tipFlowButtons.photosDone.parse(data)) {
      await next.answerCallbackQuery();
      await next.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
      return skipped ? [] : photos;
    }
    const photo = photoFrom(next.message);
    if (photo && "refused" in photo) {
      await next.reply(next.t(photo.refused));
      continue;
    }
    if (photo && (await conversation.external(() => deps.services.images.full))) {
      await next.reply(next.t("tip-photo-busy"));
      continue;
    }
    if (photo) {
      if (photos.length >= TIP_PHOTOS_MAX) {
        await next.reply(next.t("tip-photo-limit", { max: TIP_PHOTOS_MAX }));
        continue;
      }
      photos.push(photo.fileId);
      await next.reply(next.t("tip-photo-received", { count: photos.length, max: TIP_PHOTOS_MAX }), {
        reply_markup: new InlineKeyboard().text(next.t("btn-photos-done"), tipFlowButtons.photosDone.encode()),
      });
      continue;
    }
    await hintForUnexpected(next, "hint-photos");
  }
}
