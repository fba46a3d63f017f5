// Tip cards in the ward police group, and the officers' buttons on them.
// Residents' photos reach officers as re-encoded copies (bot/photos.ts), never forwarded.
import type { I18n } from "@grammyjs/i18n";
import { type Api, Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { CLOSE_REASONS, PRIORITIES } from "../../domain/tip.js";
import { type ActiveMember, ServiceError, type TipMessenger, type TipView } from "../../services/index.js";
import type { BotContext, FlowContext } from "../context.js";
import type { BaseDeps, BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { APPROXIMATE_RADIUS_METERS } from "../../domain/location.js";
import { cleanPhotos, sendPhotos } from "../photos.js";
import { chatTranslator, type Translate } from "../i18n.js";
import { staffIdentity, staffMember } from "../staff-identity.js";

type CardMenu = "main" | "priority" | "close" | "duplicate";

const cardAction = z.discriminatedUnion("action", [
  z.object({ action: z.enum(["claim", "pm", "cm", "dm", "back", "ask"]), tipId: z.string().min(1).max(40) }),
  z.object({ action: z.literal("p"), tipId: z.string().min(1).max(40), arg: z.enum(PRIORITIES) }),
  z.object({ action: z.literal("x"), tipId: z.string().min(1).max(40), arg: z.enum(["confirmed", "unfounded", "spam"]) }),
  z.object({ action: z.literal("d"), tipId: z.string().min(1).max(40), arg: z.string().min(1).max(40) }),
  z.object({ action: z.literal("st"), tipId: z.string().min(1).max(40), arg: z.enum(["verifying", "acted"]) }),
]);

function parseCardData(data: string) {
  const [prefix, action, tipId, arg] = data.split(":");
  if (prefix !== "c") return null;
  const parsed = cardAction.safeParse({ action, tipId, arg });
  return parsed.success ? parsed.data : null;
}

export function formatTime(date: Date, timezone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", {
    timeZone: timezone,
    dateStyle: "short",
    timeStyle: "short",
  }).format(date);
}

export function renderCardText(view: TipView, t: Translate, timezone: string, locale: string): string {
  const lines: string[] = [];
  if (view.priority === "urgent" && view.status !== "closed") lines.push(t("card-urgent-banner"));
  lines.push(
    t("card-body", {
      reference: view.reference,
      priority: t(`priority-${view.priority}`),
      category: t(`category-${view.category}`),
      quarter: escapeHtml(view.quarterName ?? t("quarter-unknown")),
      // The place once: the text, or a line pointing at the pin posted under the card (no coordinates repeated).
      place: view.placeText
        ? escapeHtml(view.placeText)
        : view.location
          ? t(view.location.approximate ? "card-place-pin-approximate" : "card-place-pin", { meters: APPROXIMATE_RADIUS_METERS })
          : t("tip-place-none"),
      timing: t(`timing-${view.timing}`),
      createdAt: formatTime(view.createdAt, timezone, locale),
      photos: view.photoFileIds.length,
    }),
  );
  if (view.duplicateOfReference) lines.push(t("card-duplicate", { reference: view.duplicateOfReference }));
  if (view.status === "closed") lines.push(t("card-status-closed", { reason: t(`close-${view.closeReason ?? "confirmed"}`) }));
  else if (view.status === "verifying" || view.status === "acted") lines.push(t(`card-status-${view.status}`, { officer: escapeHtml(view.claimedByName ?? "") }));
  else if (view.claimedByName) lines.push(t("card-status-claimed", { officer: escapeHtml(view.claimedByName) }));
  else lines.push(t("card-status-new"));
  lines.push("", t("card-description"), escapeHtml(view.description));
  return lines.join("\n").slice(0, 4096);
}

export function cardKeyboard(
  view: TipView,
  t: Translate,
  menu: CardMenu = "main",
  candidates: { id: string; reference: string }[] = [],
): InlineKeyboard | undefined {
  if (view.status === "closed") return undefined;
  const id = view.id;
  const kb = new InlineKeyboard();
  switch (menu) {
    case "main":
      if (!view.claimedByName) kb.text(t("btn-claim"), `c:claim:${id}`);
      else {
        if (view.status !== "verifying" && view.status !== "acted") kb.text(t("btn-verifying"), `c:st:${id}:verifying`);
        if (view.status !== "acted") kb.text(t("btn-acted"), `c:st:${id}:acted`);
        kb.row();
      }
      kb.text(t("btn-priority"), `c:pm:${id}`).row().text(t("btn-ask"), `c:ask:${id}`).text(t("btn-duplicate"), `c:dm:${id}`).text(t("btn-close"), `c:cm:${id}`);
      return kb;
    case "priority":
      for (const p of PRIORITIES) kb.text(`${p === view.priority ? "• " : ""}${t(`priority-${p}`)}`, `c:p:${id}:${p}`);
      break;
    case "close":
      for (const reason of CLOSE_REASONS.filter((r) => r !== "duplicate")) kb.text(t(`close-${reason}`), `c:x:${id}:${reason}`);
      break;
    case "duplicate":
      candidates.forEach((c, i) => {
        kb.text(`#${c.reference}`, `c:d:${id}:${c.id}`);
        if (i % 3 === 2) kb.row();
      });
      break;
  }
  return kb.row().text(t("btn-back"), `c:back:${id}`);
}

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
      if (view.photoFileIds.length > 0) {
        await postCleanPhotos(api, deps, ward.policeChatId, view.photoFileIds, {
          caption: t("card-photos-caption", { reference: view.reference }),
          replyTo: card.message_id,
          unreadableText: (count) => t("card-photos-unreadable", { count }),
        });
      }
      if (view.location) {
        await api.sendLocation(ward.policeChatId, view.location.latitude, view.location.longitude, {
          ...(view.location.approximate ? { horizontal_accuracy: APPROXIMATE_RADIUS_METERS } : {}),
          reply_parameters: { message_id: card.message_id, allow_sending_without_reply: true },
        });
      }
    } catch (err) {
      deps.logger.error({ err, tipId }, "could not post tip card");
    }
  }
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

/** Opt-in notifications to a tipster: the bot writes to their chat, never revealing who asks. */
export function createTipsterNotifier(api: Api, i18n: I18n<FlowContext>, deps: BaseDeps) {
  return async function notifyTipster(tipId: string, event: "question" | "closed"): Promise<void> {
    try {
      const chatId = await deps.services.notifications.target(tipId);
      // Forgotten before sending: a notice that cannot go (the bot blocked, the account gone) must not leave the chat id behind.
      if (event === "closed") await deps.services.notifications.forget(tipId);
      if (chatId) {
        const { locale } = await chatTranslator(i18n, deps, chatId);
        await api.sendMessage(chatId, i18n.t(locale, event === "question" ? "notify-question" : "notify-closed"));
      }
    } catch (err) {
      deps.logger.warn({ err: err instanceof Error ? { message: err.message } : String(err) }, "could not notify a tipster");
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

export function tipCardsFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(/^c:/, async (ctx) => {
    const action = parseCardData(ctx.callbackQuery.data);
    const chatId = ctx.chat?.id;
    if (!action || chatId === undefined) {
      await ctx.answerCallbackQuery();
      return;
    }
    // Roles come from the database on every press, not from group membership.
    const ward = await deps.services.wards.getByPoliceChat(String(chatId));
    const who = staffIdentity(ctx);
    const member = ward && who ? await deps.services.members.findActive(ward.id, who.telegramUserId) : null;
    if (!ward || !member) {
      await ctx.answerCallbackQuery({ text: ctx.t("card-only-officers"), show_alert: true });
      return;
    }
    const t: Translate = (key, vars) => ctx.t(key, vars);
    try {
      const askPrompt = async (reference: string) => {
        // The officer answers by replying to this message (works with group privacy on).
        await ctx.reply(t("card-ask-prompt", { reference }), { parse_mode: "HTML", reply_markup: { force_reply: true, selective: true, input_field_placeholder: "…" } });
      };
      const toast = await applyCardAction(deps, member, action, t, async (menu, candidates) => {
        const view = await deps.services.tips.view(action.tipId);
        if (!view) return;
        const locale = await ctx.i18n.getLocale();
        await ctx
          .editMessageText(renderCardText(view, t, ward.timezone, locale), {
            parse_mode: "HTML",
            reply_markup: cardKeyboard(view, t, menu, candidates),
          })
          .catch((err: unknown) => {
            // Pressing the same menu twice leaves the card unchanged: not an error.
            if (!String(err).includes("message is not modified")) throw err;
          });
      }, askPrompt);
      await ctx.answerCallbackQuery(toast ? { text: toast } : {});
    } catch (err) {
      if (err instanceof ServiceError) {
        const key =
          err.code === "wrong_ward"
            ? "card-wrong-ward"
            : err.code === "already_claimed"
              ? "card-already-claimed"
              : err.code === "tip_closed"
                ? "card-tip-closed"
                : "card-tip-not-found";
        await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
        return;
      }
      throw err;
    }
  });

  // `/tips [N]`: open tips (of quarter N), most urgent first, ten a page, filtered with buttons.
  const PAGE = 10;
  type TipFilter = { page: number; priority: (typeof PRIORITIES)[number] | "all"; quarter: number; state: "all" | "new" | "taken" };
  const data = (f: TipFilter) => `tl:${f.page}:${f.priority}:${f.quarter}:${f.state}`;
  const listTips = async (ctx: BotContext, f: TipFilter, edit: boolean) => {
    const member = await staffMember(ctx, deps.services.members);
    if (!member) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("card-only-officers"), show_alert: true });
      else await ctx.reply(ctx.t("card-only-officers"));
      return;
    }
    const ward = await deps.services.wards.get(member.wardId);
    const locale = await ctx.i18n.getLocale();
    const { total, items } = await deps.services.tips.listOpen(member, {
      page: f.page,
      pageSize: PAGE,
      ...(f.priority !== "all" ? { priority: f.priority } : {}),
      ...(f.quarter > 0 ? { quarterPosition: f.quarter - 1 } : {}),
      ...(f.state !== "all" ? { taken: f.state === "taken" } : {}),
    });
    const lines = items.map((i) =>
      [`#${i.reference}`, ctx.t(`priority-${i.priority}`), ctx.t(`category-${i.category}`), escapeHtml(i.quarterName ?? ctx.t("quarter-unknown")), formatTime(i.createdAt, ward?.timezone ?? "Asia/Ho_Chi_Minh", locale), i.claimedByName ? `🙋 ${escapeHtml(i.claimedByName)}` : "🆕"].join(" · "),
    );
    const pages = Math.max(1, Math.ceil(total / PAGE));
    const filterText = [
      f.priority === "all" ? ctx.t("tips-all") : ctx.t(`priority-${f.priority}`),
      ...(f.quarter > 0 ? [`KP ${f.quarter}`] : []),
      ...(f.state !== "all" ? [ctx.t(`tips-${f.state}`)] : []),
    ].join(", ");
    const text = ctx.t("tips-list", { total, page: f.page + 1, pages, filter: filterText, lines: lines.join("\n") || ctx.t("tips-none") });
    const kb = new InlineKeyboard();
    kb.text(ctx.t("tips-all"), data({ ...f, page: 0, priority: "all", state: "all" }));
    for (const p of PRIORITIES) kb.text(ctx.t(`priority-${p}`), data({ ...f, page: 0, priority: p }));
    kb.row().text(ctx.t("tips-new"), data({ ...f, page: 0, state: "new" })).text(ctx.t("tips-taken"), data({ ...f, page: 0, state: "taken" })).row();
    if (f.page > 0) kb.text("◀️", data({ ...f, page: f.page - 1 }));
    if (f.page + 1 < pages) kb.text("▶️", data({ ...f, page: f.page + 1 }));
    if (edit) {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(() => undefined);
    } else await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
  };
  feature.command("tips", (ctx) => {
    const quarter = z.coerce.number().int().min(1).max(500).safeParse(ctx.match.trim());
    return listTips(ctx, { page: 0, priority: "all", quarter: quarter.success ? quarter.data : 0, state: "all" }, false);
  });
  feature.callbackQuery(/^tl:(\d{1,4}):(all|urgent|high|normal|low):(\d{1,3}):(all|new|taken)$/, (ctx) =>
    listTips(
      ctx,
      {
        page: Number(ctx.match[1]),
        priority: ctx.match[2] as TipFilter["priority"],
        quarter: Number(ctx.match[3]),
        state: ctx.match[4] as TipFilter["state"],
      },
      true,
    ),
  );

  // `/tip A7K3`: the card again, here, with its buttons.
  feature.command("tip", async (ctx, next) => {
    const reference = ctx.match.trim();
    if (!reference) return next();
    const member = await staffMember(ctx, deps.services.members);
    const tip = member && /^#?[2-9A-Z]{4}$/i.test(reference) ? await deps.services.tips.tipByReference(member.wardId, reference) : null;
    const view = tip ? await deps.services.tips.view(tip.id) : null;
    if (!member || !view) {
      await ctx.reply(ctx.t(member ? "card-tip-not-found" : "card-only-officers"));
      return;
    }
    const ward = await deps.services.wards.get(member.wardId);
    const t: Translate = (key, vars) => ctx.t(key, vars);
    // Buttons only where they work: in the ward's police group.
    const inGroup = ward?.policeChatId === String(ctx.chat.id);
    const card = await ctx.reply(renderCardText(view, t, ward?.timezone ?? "Asia/Ho_Chi_Minh", await ctx.i18n.getLocale()), {
      parse_mode: "HTML",
      ...(inGroup ? { reply_markup: cardKeyboard(view, t) } : {}),
    });
    if (inGroup) await deps.services.tips.recordCard(view.id, String(ctx.chat.id), card.message_id);
  });

  // An officer's question: a reply to the bot's "❓ … #REF" prompt.
  feature.chatType(["group", "supergroup"]).on("message:text", async (ctx, next) => {
    const prompt = ctx.message.reply_to_message;
    const reference = prompt?.from?.id === ctx.me.id ? /^❓.*#([2-9A-Z]{4})/u.exec(prompt.text ?? "")?.[1] : undefined;
    if (!reference) return next();
    const ward = await deps.services.wards.getByPoliceChat(String(ctx.chat.id));
    const who = staffIdentity(ctx);
    const member = ward && who ? await deps.services.members.findActive(ward.id, who.telegramUserId) : null;
    if (!ward || !member) {
      await ctx.reply(ctx.t("card-only-officers"));
      return;
    }
    const tip = await deps.services.tips.tipByReference(ward.id, reference);
    if (!tip) return;
    try {
      await deps.services.tips.ask(member, tip.id, ctx.message.text);
    } catch (err) {
      if (err instanceof ServiceError) {
        await ctx.reply(ctx.t(err.code === "tip_closed" ? "card-tip-closed" : "card-tip-not-found"));
        return;
      }
      throw err;
    }
    await deps.notifyTipster(tip.id, "question");
    await ctx.reply(ctx.t("card-ask-sent", { reference }), { reply_parameters: { message_id: ctx.message.message_id } });
  });

  return feature;
}

type ParsedAction = NonNullable<ReturnType<typeof parseCardData>>;

async function applyCardAction(
  deps: BotDeps,
  member: ActiveMember,
  action: ParsedAction,
  t: Translate,
  redraw: (menu: CardMenu, candidates?: { id: string; reference: string }[]) => Promise<void>,
  askPrompt: (reference: string) => Promise<void>,
): Promise<string | null> {
  const tips = deps.services.tips;
  // Forged callback data must not show or touch another ward's tip.
  const current = await tips.view(action.tipId);
  if (!current) throw new ServiceError("tip_not_found");
  if (current.wardId !== member.wardId) throw new ServiceError("wrong_ward");
    switch (action.action) {
    case "claim":
      await tips.claim(member, action.tipId);
      await redraw("main");
      return t("card-done-claimed", { reference: current.reference });
    case "pm":
      await redraw("priority");
      return t("card-choose-priority");
    case "cm":
      await redraw("close");
      return null;
    case "dm": {
      const candidates = await tips.duplicateCandidates(member, action.tipId);
      await redraw("duplicate", candidates);
      return candidates.length > 0 ? t("card-choose-duplicate") : t("card-no-duplicates");
    }
    case "back":
      await redraw("main");
      return null;
    case "ask":
      await askPrompt(current.reference);
      return t("card-ask-hint");
    case "p":
      await tips.setPriority(member, action.tipId, action.arg);
      await redraw("main");
      return t("card-done-priority", { priority: t(`priority-${action.arg}`) });
    case "st":
      await tips.setStatus(member, action.tipId, action.arg);
      await redraw("main");
      return t(`card-status-${action.arg}`, { officer: member.displayName });
    case "x":
      await tips.close(member, action.tipId, action.arg);
      await redraw("main");
      await deps.notifyTipster(action.tipId, "closed");
      return t("card-done-closed", { reference: current.reference });
    case "d": {
      await tips.markDuplicate(member, action.tipId, action.arg);
      await redraw("main");
      await deps.notifyTipster(action.tipId, "closed");
      const original = await tips.view(action.arg);
      return t("card-done-duplicate", { reference: original?.reference ?? "" });
    }
  }
}
