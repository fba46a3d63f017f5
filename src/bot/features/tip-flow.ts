// The resident's anonymous tip flow. It reads nothing about the sender: the
// draft holds only what the resident chose to write, and the service it is
// handed to has no parameter for identity.
import { randomBytes } from "node:crypto";
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, Keyboard, type MiddlewareFn } from "grammy";
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
import { askChoice, askChoiceThenSettle, buttonList, Flow, FlowCancelled, type FlowHandover, type FlowWords, hintForUnexpected, labelOf } from "../ask.js";
import { hasWords } from "../../domain/text.js";
import type { WardWords } from "../../domain/ward-units.js";
import { useWardWords } from "../i18n.js";
import { escapeHtml } from "../html.js";
import { APPROXIMATE_RADIUS_METERS, approximatePin } from "../../domain/location.js";
import { photoFrom } from "../photos.js";
import { contactLines } from "../ward-contacts.js";
import type { SubmittedTip } from "../../services/tips.js";
import type { WardChoice } from "../../services/wards.js";

export const TIP_CONVERSATION = "tip";
/**
 * The review and one answer to it ("Gửi", "Sửa" and the new answer, the switch):
 * entered with the draft once the questions are done, and again after each
 * round, so that what is replayed on each update is that round's, not every
 * edit since /tip (conversations v2 replays a flow from its first update).
 */
export const TIP_REVIEW_CONVERSATION = "tip-review";

const TIP_WORDS: FlowWords = { left: "flow-left-tip", doing: "flow-doing-tip" };

interface WardForFlow {
  id: string;
  name: string;
  quarters: { id: string; name: string }[];
  /** What the ward calls its quarters (absent in flows stored before it was kept). */
  words?: WardWords | null;
}

type Place = TipDraft["place"];

/** What the questions (or a review round) hand to the next review round: its arguments, sealed with the flow's state. */
interface ReviewStart {
  ward: WardForFlow;
  draft: TipDraft;
  /** The submission nonce, drawn when the tip flow started: /cancel reads it back from here too. */
  nonce: string;
  notify: boolean;
  /** The review is on screen with its buttons (after the switch or a failed send): waited on again, not sent anew. */
  shown: boolean;
  flow: FlowHandover;
}

/** Set (by the flow, through `external`) on the update that ends a round; entered once that flow is over. */
const handedOver = new WeakMap<object, ReviewStart>();

async function handOver(conversation: TipConversation, review: ReviewStart): Promise<void> {
  await conversation.external((outside) => {
    handedOver.set(outside, review);
  });
}

/**
 * The tip flow itself, its questions then its review rounds: registered with the
 * other flows, before any handler (see create-bot.ts). The review is registered
 * first, so that it is known when the questions hand over to it.
 */
export function tipConversation(deps: BotDeps): MiddlewareFn<BotContext> {
  const options = { maxMillisecondsToWait: deps.settings.flowTimeoutMinutes * 60_000 };
  const review = createConversation<BotContext, FlowContext>((conversation, ctx, start: ReviewStart) => tipReview(conversation, ctx, deps, start), {
    id: TIP_REVIEW_CONVERSATION,
    ...options,
  });
  const questions = createConversation<BotContext, FlowContext>((conversation, ctx, start?: unknown) => tipFlow(conversation, ctx, deps, flowStartOf(start)), {
    id: TIP_CONVERSATION,
    ...options,
  });
  // The flow that handed over has ended by now (the plugin removed it): the next round starts from this update,
  // and the chat's state is written once, with the new round in place of the old.
  const thenReview =
    (flow: MiddlewareFn<BotContext>): MiddlewareFn<BotContext> =>
    async (ctx, next) => {
      await flow(ctx, next);
      const start = handedOver.get(ctx);
      if (start === undefined) return;
      handedOver.delete(ctx);
      await ctx.conversation.enter(TIP_REVIEW_CONVERSATION, start);
    };
  return new Composer<BotContext>(thenReview(review), thenReview(questions)).middleware();
}

export function tipFlowFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  // A flow takes /cancel itself (see ask.ts): this answers it outside any flow.
  privateChats.command("cancel", async (ctx) => {
    if (Object.keys(ctx.conversation.active()).length > 0) {
      // "Gửi" may have filed the tip before a crash kept its receipt from the resident: tell it, never file twice.
      const tipping = ctx.conversation.active(TIP_CONVERSATION) + ctx.conversation.active(TIP_REVIEW_CONVERSATION) > 0;
      const filed = tipping ? await tipFiledByStoredFlow(ctx, deps) : null;
      await ctx.conversation.exitAll();
      if (filed) await tellFiledBefore(ctx, deps, filed);
      else await ctx.reply(ctx.t("tip-cancelled"), { reply_markup: { remove_keyboard: true } });
    } else {
      await ctx.reply(ctx.t("nothing-to-cancel"));
    }
  });

  // The ward rides along from the button (set by the ward's deep link); nothing about it is stored.
  // The submission nonce is drawn here and kept in the flow's arguments, where /cancel can read it back.
  const start = async (ctx: BotContext, wardSlug: string | null = null) => {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    const flowStart: FlowStart = { ward: wardSlug, nonce: randomBytes(16).toString("base64url") };
    await ctx.conversation.enter(TIP_CONVERSATION, flowStart);
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

/** What a tip flow starts with: the ward from a link (or none), and the nonce that makes its submission idempotent. */
interface FlowStart {
  ward: string | null;
  nonce: string | null;
}

const flowStartSchema = z.object({ ward: z.string().nullable(), nonce: z.string().min(16).max(64) });

/** Flows stored before the nonce was an argument started with the ward's slug, or nothing. */
function flowStartOf(arg: unknown): FlowStart {
  if (typeof arg === "string") return { ward: arg, nonce: null };
  const parsed = flowStartSchema.safeParse(arg);
  return parsed.success ? parsed.data : { ward: null, nonce: null };
}

/** The stored state of a chat's tip flow, as @grammyjs/conversations keeps it: each running flow's arguments as JSON. */
const storedFlowSchema = z.array(z.object({ args: z.string().optional() })).optional();
const storedFlowsSchema = z.object({ state: z.object({ [TIP_CONVERSATION]: storedFlowSchema, [TIP_REVIEW_CONVERSATION]: storedFlowSchema }) });
/** A review round's nonce, from its arguments. */
const reviewNonceSchema = z.object({ nonce: z.string().min(16).max(64) });

/** The tip that the chat's stored tip flow already filed (its "Gửi" went through), if any. */
async function tipFiledByStoredFlow(ctx: BotContext, deps: BotDeps): Promise<SubmittedTip | null> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return null;
  const stored = storedFlowsSchema.safeParse(await deps.services.conversations.read(deps.services.secrets.chatKey(chatId), chatId));
  if (!stored.success) return null;
  const flows = [
    ...(stored.data.state[TIP_CONVERSATION] ?? []).map((flow) => ({ flow, nonceOf: (arg: unknown) => flowStartOf(arg).nonce })),
    ...(stored.data.state[TIP_REVIEW_CONVERSATION] ?? []).map((flow) => ({ flow, nonceOf: (arg: unknown) => reviewNonceSchema.safeParse(arg).data?.nonce ?? null })),
  ];
  for (const { flow, nonceOf } of flows) {
    let args: unknown = [];
    try {
      args = flow.args === undefined ? [] : JSON.parse(flow.args);
    } catch {
      continue;
    }
    const nonce = Array.isArray(args) ? nonceOf(args[0]) : null;
    const filed = nonce ? await deps.services.tips.filedBy(nonce) : null;
    if (filed) return filed;
  }
  return null;
}

/** The receipt of a tip filed before the resident cancelled; its card goes out if it had not. */
async function tellFiledBefore(ctx: BotContext, deps: BotDeps, filed: SubmittedTip): Promise<void> {
  await ctx.reply(ctx.t("tip-filed-before", { receipt: filed.receiptCode }), { parse_mode: "HTML", reply_markup: { remove_keyboard: true } });
  if (!filed.quietSpam) deps.announceTipLater(filed.tipId);
}

async function tipFlow(conversation: TipConversation, ctx: FlowContext, deps: BotDeps, flowStart: FlowStart): Promise<void> {
  const wardSlug = flowStart.ward;
  // Spam without CAPTCHAs: a per-resident cap, checked before the questions and at submission.
  const limitKey = deps.services.secrets.chatKey(ctx.chat?.id ?? "none");
  const limited = await conversation.external(() => deps.services.limits.tipCheck(limitKey));
  if (limited !== "ok") {
    await ctx.reply(ctx.t(limited === "hour" ? "tip-limit-hour" : "tip-limit-day"));
    return;
  }

  // Drawn once and kept in the flow's state: a submission replayed after a crash files nothing new.
  // (Flows stored before it came with the arguments draw it here, as they did.)
  const submissionNonce = flowStart.nonce ?? (await conversation.external(() => randomBytes(16).toString("base64url")));
  const flow = new Flow(conversation, ctx, TIP_WORDS);
  try {
    await ctx.reply(ctx.t("tip-intro"), { parse_mode: "HTML" });
    const chosen = await askWard(flow, deps, wardSlug);
    const ward: WardForFlow = await conversation.external(async () => {
      const quarters = await deps.services.wards.listQuarters(chosen.id);
      return { id: chosen.id, name: chosen.name, quarters: quarters.map((q) => ({ id: q.id, name: q.name })), words: await deps.services.wards.words(chosen.id) };
    });
    // The questions name the ward's quarters as the ward does ("Việc này ở tổ dân phố nào?").
    useWardWords(ctx, ward.words);
    const draft = {
      category: await askCategory(flow),
      quarterId: await askQuarter(flow, ward),
      place: await askPlace(flow),
      timing: await askTiming(flow),
      description: await askDescription(flow),
      photoFileIds: await askPhotos(flow, deps),
    } satisfies TipDraft;

    // The review takes over with the draft, the questions' replay log left behind. Notifications are opt-in: off.
    await handOver(conversation, { ward, draft, nonce: submissionNonce, notify: false, shown: false, flow: flow.handover() });
  } catch (err) {
    if (err instanceof FlowCancelled) return cancelledOrFiled(flow, deps, submissionNonce);
    throw err;
  }
}

/**
 * One round of the review: "Gửi" files the tip; "Sửa" and the new answer, the
 * notification switch, or a failed send hand the next round over, with the draft
 * as it now is.
 */
async function tipReview(conversation: TipConversation, ctx: FlowContext, deps: BotDeps, review: ReviewStart): Promise<void> {
  const { ward, draft, nonce: submissionNonce } = review;
  let notify = review.notify;
  const limitKey = deps.services.secrets.chatKey(ctx.chat?.id ?? "none");
  useWardWords(ctx, ward.words);
  const flow = new Flow(conversation, ctx, TIP_WORDS, review.flow);
  const nextRound = (changes: Pick<ReviewStart, "shown">) => handOver(conversation, { ...review, draft, notify, ...changes, flow: flow.handover() });
  try {
    const keyboard = reviewKeyboard(ctx, notify);
    // The review already on screen waits again: after a failed send (its buttons stay) and after the notification switch.
    const { value: choice, settle } = await askChoiceThenSettle(
      flow,
      renderReview(ctx, draft, ward),
      keyboard,
      (data) => tipFlowButtons.review.parse(data)?.action ?? null,
      (value) => ctx.t(value === "submit" ? "btn-submit" : "btn-edit"),
      review.shown,
    );
    if (choice === "notify") {
      // The switch changes in place: no second review.
      notify = !notify;
      await flow.rekey(reviewKeyboard(ctx, notify));
      return nextRound({ shown: true });
    }
    // "Gửi" keeps its button until the tip is filed: pressed again after a crash, it files the same tip.
    if (choice === "edit") {
      await settle();
      const field = await askChoice(
        flow,
        ctx.t("tip-edit-which"),
        editKeyboard(ctx),
        (data) => tipFlowButtons.edit.parse(data)?.field ?? null,
        (value) => ctx.t(`edit-${value}`),
      );
      await editField(flow, deps, ward, draft, field);
      return nextRound({ shown: false });
    }
    const submitted = await conversation.external(async () => {
      const over = await deps.services.limits.tipCheck(limitKey);
      if (over !== "ok") return { ok: false as const, limit: over };
      try {
        const tip = await deps.services.tips.submit(ward.id, draft, submissionNonce);
        if (!tip.alreadySubmitted) await deps.services.limits.tipRecord(limitKey);
        return { ok: true as const, receiptCode: tip.receiptCode, tipId: tip.tipId, quietSpam: tip.quietSpam, urgent: tip.priority === "urgent" };
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
      await flow.send(ctx.t("tip-submit-failed", { submit: labelOf(keyboard, (data) => tipFlowButtons.review.parse(data)?.action === "submit") }));
      return nextRound({ shown: true });
    }
    // A quiet-spam tip is filed closed and never announced: nothing to notify about, so nothing to keep.
    if (notify && !submitted.quietSpam) {
      // Only now, and only because the resident asked: their chat id, encrypted, apart from the tip.
      const chatId = ctx.chat?.id;
      if (chatId !== undefined) await conversation.external(() => deps.services.notifications.optIn(submitted.tipId, chatId));
    }
    try {
      const danger = draft.timing === "now" || submitted.urgent;
      // Where else to turn: the ward police's own lines (if the admin set them), VNeID, the tip mailbox.
      const contact = await conversation.external(() => deps.services.wardContacts.get(ward.id));
      const lines = [
        ctx.t("tip-submitted", { receipt: submitted.receiptCode }),
        ...(notify ? [ctx.t("tip-notify-on")] : []),
        ...(danger ? [ctx.t("tip-call-113")] : []),
        contactLines(ctx.t, ward, contact, { call113: false }).join("\n"),
      ];
      await ctx.reply(lines.join("\n\n"), { parse_mode: "HTML" });
    } finally {
      // Only now do the buttons go: until the receipt is out, pressing "Gửi" again returns this same tip.
      await settle();
      // Officers get the card even if the receipt could not be delivered (the resident blocked the bot).
      // Announcing never fails the flow; a repeat of known spam gets its receipt like any tip, but no card.
      if (!submitted.quietSpam) await conversation.external(() => deps.announceTipLater(submitted.tipId));
    }
  } catch (err) {
    if (err instanceof FlowCancelled) return cancelledOrFiled(flow, deps, submissionNonce);
    throw err;
  }
}

/** "Hủy" or /cancel in the flow; after a "Gửi" whose receipt a crash kept from the resident, the tip is filed: say so. */
async function cancelledOrFiled(flow: Flow, deps: BotDeps, submissionNonce: string): Promise<void> {
  const { conversation, ctx } = flow;
  const filed = await conversation.external(() => deps.services.tips.filedBy(submissionNonce));
  if (!filed) {
    await flow.cancelled("tip-cancelled");
    return;
  }
  await flow.settle();
  await ctx.reply(ctx.t("tip-filed-before", { receipt: filed.receiptCode }), { parse_mode: "HTML", reply_markup: { remove_keyboard: true } });
  if (!filed.quietSpam) await conversation.external(() => deps.announceTipLater(filed.tipId));
}

function reviewKeyboard(ctx: FlowContext, notify: boolean): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("btn-submit"), tipFlowButtons.review.encode({ action: "submit" }))
    .text(ctx.t("btn-edit"), tipFlowButtons.review.encode({ action: "edit" }))
    .row()
    .text(ctx.t(notify ? "btn-notify-on" : "btn-notify-off"), tipFlowButtons.review.encode({ action: "notify" }))
    .row()
    .text(ctx.t("btn-cancel"), cancelButton.encode());
}

async function editField(flow: Flow, deps: BotDeps, ward: WardForFlow, draft: TipDraft, field: EditableField): Promise<void> {
  switch (field) {
    case "category":
      draft.category = await askCategory(flow);
      return;
    case "quarter":
      draft.quarterId = await askQuarter(flow, ward);
      return;
    case "place":
      draft.place = await askPlace(flow);
      return;
    case "timing":
      draft.timing = await askTiming(flow);
      return;
    case "description":
      draft.description = await askDescription(flow);
      return;
    case "photos":
      draft.photoFileIds = await askPhotos(flow, deps);
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

function askCategory(flow: Flow): Promise<TipCategory> {
  const { ctx } = flow;
  const kb = new InlineKeyboard();
  for (const category of TIP_CATEGORIES) kb.text(ctx.t(`category-${category}`), tipFlowButtons.category.encode({ category })).row();
  return askChoice(
    flow,
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
async function askWard(flow: Flow, deps: BotDeps, wardSlug: string | null): Promise<WardChoice> {
  const { conversation, ctx } = flow;
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
    const question = await flow.send(text, cancelRow(ctx, kb));
    for (;;) {
      const next = await flow.wait();
      const data = next.callbackQuery?.data;
      if (data !== undefined) {
        const index = tipFlowButtons.ward.parse(data)?.index;
        const picked = flow.pressedOn(next, question.message_id) && index !== undefined ? choices[index] : undefined;
        if (!picked) {
          await next.answerCallbackQuery({ text: next.t("hint-use-buttons") });
          continue;
        }
        await next.answerCallbackQuery();
        await flow.settleCopy(next, question.message_id);
        await flow.settle(picked.name);
        return picked;
      }
      const typed = z.string().trim().min(1).max(120).safeParse(next.message?.text);
      if (!typed.success || typed.data.startsWith("/")) {
        await hintForUnexpected(next, "hint-ward");
        continue;
      }
      const found = await conversation.external(() => deps.services.wards.search(typed.data, WARD_BUTTONS_MAX));
      if (found.length === 1) {
        await flow.settle(found[0]!.name);
        return found[0]!;
      }
      choices = found;
      text = found.length > 0 ? ctx.t("tip-ask-ward-matches") : ctx.t("tip-ward-not-found", { typed: escapeHtml(typed.data.slice(0, 60)) });
      break;
    }
  }
}

async function askQuarter(flow: Flow, ward: WardForFlow): Promise<string | null> {
  const { ctx } = flow;
  const kb = new InlineKeyboard();
  ward.quarters.forEach((q, i) => {
    kb.text(q.name, tipFlowButtons.quarter.encode({ quarter: i }));
    if (i % 3 === 2) kb.row();
  });
  kb.row().text(ctx.t("quarter-unknown"), tipFlowButtons.quarter.encode({ quarter: "none" }));
  const choice = await askChoice(
    flow,
    ward.words ? ctx.t("tip-ask-quarter", { ...ward.words }) : ctx.t("tip-ask-quarter"),
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

async function askPlace(flow: Flow): Promise<Place> {
  const { ctx } = flow;
  const skipLabel = ctx.t("btn-skip");
  const cancelLabel = ctx.t("btn-cancel");
  // No "send my location" button: it shares where the resident stands, which may be their home.
  // The prompt says how to pick a point on the map instead; it and its hint name the keyboard's own "skip".
  const keyboard = new Keyboard().text(skipLabel).row().text(cancelLabel).resized().oneTime();
  const ask = () => flow.send(ctx.t("tip-ask-place", { skip: skipLabel }), undefined, { reply_markup: keyboard });
  await ask();
  const placeText = z.string().trim().min(1).max(TIP_PLACE_MAX);
  for (;;) {
    const next = await flow.wait();
    const message = next.message;
    const pin = message?.location ?? message?.venue?.location;
    if (pin) {
      await next.reply(next.t("tip-pin-received"), { reply_markup: { remove_keyboard: true } });
      const which = await askChoice(
        flow,
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
      if (message.text === cancelLabel) throw new FlowCancelled();
      const parsed = placeText.safeParse(message.text);
      if (!parsed.success) {
        await next.reply(next.t("error-text-too-long", { length: message.text.length, max: TIP_PLACE_MAX }));
        continue;
      }
      await next.reply(`✔️ ${escapeHtml(parsed.data)}`, { parse_mode: "HTML", reply_markup: { remove_keyboard: true } });
      return { kind: "text", text: parsed.data };
    }
    // The hint names "skip": it brings the keyboard with that button along.
    await next.reply(next.t("hint-place", { skip: skipLabel }), { reply_markup: keyboard });
  }
}

async function askTiming(flow: Flow): Promise<TipTiming> {
  const { ctx } = flow;
  const kb = new InlineKeyboard();
  TIP_TIMINGS.forEach((timing, i) => {
    kb.text(ctx.t(`timing-${timing}`), tipFlowButtons.timing.encode({ timing }));
    if (i % 2 === 1) kb.row();
  });
  const timing = await askChoice(
    flow,
    ctx.t("tip-ask-timing"),
    cancelRow(ctx, kb),
    (data) => tipFlowButtons.timing.parse(data)?.timing ?? null,
    (value) => ctx.t(`timing-${value}`),
  );
  // The bot is not an emergency line: said the moment the resident says it is happening now.
  if (timing === "now") await ctx.reply(ctx.t("tip-call-113"), { parse_mode: "HTML" });
  return timing;
}

async function askDescription(flow: Flow): Promise<string> {
  const { ctx } = flow;
  await flow.send(ctx.t("tip-ask-description"), cancelRow(ctx, new InlineKeyboard()));
  for (;;) {
    const next = await flow.wait();
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
    if (!hasWords(trimmed)) {
      await next.reply(next.t("tip-description-no-words"));
      continue;
    }
    await flow.settle();
    return trimmed;
  }
}

async function askPhotos(flow: Flow, deps: BotDeps): Promise<string[]> {
  const { conversation, ctx } = flow;
  const photos: string[] = [];
  // "Bỏ qua" only while there is nothing to lose; the hints name what the keyboard has.
  const keyboard = () => {
    const kb = new InlineKeyboard().text(ctx.t("btn-photos-done"), tipFlowButtons.photosDone.encode());
    if (photos.length === 0) kb.text(ctx.t("btn-skip"), tipFlowButtons.photosSkip.encode());
    return kb.row().text(ctx.t("btn-cancel"), cancelButton.encode());
  };
  const show = (key: string, vars: Record<string, string | number> = {}) => {
    const kb = keyboard();
    return flow.send(ctx.t(key, { max: TIP_PHOTOS_MAX, done: labelOf(kb, tipFlowButtons.photosDone), buttons: buttonList(ctx, kb, [tipFlowButtons.photosDone, tipFlowButtons.photosSkip]), ...vars }), kb);
  };
  {
    const kb = keyboard();
    await flow.send(ctx.t("tip-ask-photos", { max: TIP_PHOTOS_MAX, done: labelOf(kb, tipFlowButtons.photosDone), skip: labelOf(kb, tipFlowButtons.photosSkip) }), kb);
  }
  for (;;) {
    const next = await flow.wait();
    const data = next.callbackQuery?.data ?? "";
    const skipped = tipFlowButtons.photosSkip.parse(data) !== null;
    if (skipped || tipFlowButtons.photosDone.parse(data)) {
      await next.answerCallbackQuery();
      await flow.settle(ctx.t(skipped ? "btn-skip" : "btn-photos-done"));
      return skipped ? [] : photos;
    }
    const photo = photoFrom(next.message);
    if (photo && "refused" in photo) {
      await show(photo.refused);
      continue;
    }
    if (photo && (await conversation.external(() => deps.services.images.full))) {
      await show("tip-photo-busy");
      continue;
    }
    if (photo) {
      if (photos.length >= TIP_PHOTOS_MAX) {
        await show("tip-photo-limit");
        continue;
      }
      photos.push(photo.fileId);
      await show("tip-photo-received", { count: photos.length });
      continue;
    }
    if (next.callbackQuery) {
      await next.answerCallbackQuery({ text: next.t("hint-use-buttons") });
      continue;
    }
    await show("hint-photos");
  }
}
