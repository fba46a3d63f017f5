import { autoRetry } from "@grammyjs/auto-retry";
import { BackgroundWork } from "./background.js";
import { tolerateLateAnswers } from "./late-answers.js";
import { conversations } from "@grammyjs/conversations";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";
import type { BotContext, FlowContext } from "./context.js";
import type { BotDeps, BotSettings } from "./deps.js";
import { FloodWindows } from "./flood-windows.js";
import { familyHelpFeature } from "./features/family-help.js";
import { languageFeature } from "./features/language.js";
import { lexiconFeature } from "./features/lexicon.js";
import { onboardingFeature } from "./features/onboarding.js";
import { commandAliases } from "./command-aliases.js";
import { followUpgradedGroup, policeGroupFeature } from "./features/police-group.js";
import { followGroupMigrations } from "./group-migrations.js";
import { staffNamesFeature } from "./features/staff-names.js";
import { startFeature, welcomeKeyboard } from "./features/start.js";
import { anonymousAdminsFeature } from "./features/anonymous-admins.js";
import { checkInConversation, checkInFeature, createCheckInMessenger, SendPacer } from "./features/check-in.js";
import { createDeadlineMessenger, deadlineConversations, deadlinesFeature } from "./features/deadlines.js";
import { followUpConversation, followUpFeature } from "./features/follow-up.js";
import { reportFeature } from "./features/report.js";
import { roadmapFeature } from "./features/roadmap.js";
import { triageFeedbackFeature } from "./features/triage-feedback.js";
import {
  createAddendumAnnouncer,
  createAnswerAnnouncer,
  createCardRefresher,
  createTipAnnouncer,
  createTipMessenger,
  createTipsterMessenger,
  createTipsterNotifier,
  tipCardsFeature,
} from "./features/tip-cards.js";
import { TIP_CONVERSATION, tipConversation, tipFlowFeature } from "./features/tip-flow.js";
import { unhandledFeature } from "./features/unhandled.js";
import { wardContactAdminFeature } from "./features/ward-contact-admin.js";
import { wardsAdminFeature } from "./features/wards-admin.js";
import { retryingFetch } from "./retrying-fetch.js";
import type { ZaloBridge } from "../channels/zalo/bridge.js";
import { choicesOf } from "../channels/zalo/translate.js";
import { chatTranslator, createI18n, defaultWardWords } from "./i18n.js";

/** Bump when the tip flow's questions change: stored flows of the old shape are then dropped. */
export const FLOW_STATE_VERSION = 5;

export interface CreateBotOptions {
  /** Any Bot API server: Telegram's, a local one, or the project's stand-in. */
  apiRoot?: string;
  botInfo?: UserFromGetMe;
  /** Called after each update, handled or failed (used to confirm updates on shutdown). */
  onUpdateHandled?: (updateId: number) => void;
  /** The Zalo channel: its chats' calls are answered by the bridge instead of Telegram. */
  zalo?: ZaloBridge;
  /** Where work the bot does not wait for is kept (a tip's card after its receipt); stopping waits for it. */
  background?: BackgroundWork;
}

export function createBot(
  token: string,
  base: { services: Services; logger: Logger; settings: BotSettings },
  options: CreateBotOptions = {},
): Bot<BotContext> {
  const { services, logger, settings } = base;
  // Retries below the conversations' recorder (see retrying-fetch.ts); auto-retry stays for uploads.
  const telegramFetch = retryingFetch();
  const bot = new Bot<BotContext>(token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}), fetch: options.zalo ? options.zalo.routingFetch(telegramFetch) : telegramFetch },
  });
  const retry = () => autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 });
  const lateAnswers = () => tolerateLateAnswers(() => logger.debug("a button was answered too late for Telegram; its action went on"));
  bot.api.config.use(retry());
  bot.api.config.use(lateAnswers());
  // A police group upgraded to a supergroup: whichever call learns the new id first moves the ward's binding.
  bot.api.config.use(
    followGroupMigrations((from, to) =>
      followUpgradedGroup({ services, logger }, from, to).then(
        () => undefined,
        (err: unknown) => logger.error({ err }, "could not follow a police group to its supergroup"),
      ),
    ),
  );

  const i18n = createI18n(services.preferences, settings.defaultLocale, defaultWardWords(settings.defaultWardUnit));
  const withoutAnnouncer = { services, logger, settings };
  options.zalo?.useHints(async (chatId) => {
    const { t } = await chatTranslator(i18n, withoutAnnouncer, chatId);
    return { byNumber: (max) => t("zalo-choose-number", { max }), byWord: (words) => t("zalo-choose-word", { words }) };
  });
  options.zalo?.useWelcomeChoices(async (chatId) => choicesOf(welcomeKeyboard((await chatTranslator(i18n, withoutAnnouncer, chatId)).t)).choices);
  const background = options.background ?? new BackgroundWork();
  const deps: BotDeps = {
    ...withoutAnnouncer,
    announceTip: createTipAnnouncer(bot.api, i18n, withoutAnnouncer),
    announceTipLater: (tipId) => background.run(() => deps.announceTip(tipId)),
    announceAddendum: createAddendumAnnouncer(bot.api, i18n, withoutAnnouncer),
    announceAnswer: createAnswerAnnouncer(bot.api, i18n, withoutAnnouncer),
    notifyTipster: createTipsterNotifier(withoutAnnouncer),
    refreshCard: createCardRefresher(bot.api, i18n, withoutAnnouncer),
    async tell(chatId, key, vars) {
      const { t } = await chatTranslator(i18n, withoutAnnouncer, chatId);
      await bot.api.sendMessage(chatId, t(key, vars), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    },
  };
  services.notifications.useMessenger(createTipsterMessenger(bot.api, i18n, withoutAnnouncer));
  services.tips.useMessenger(createTipMessenger(bot.api, i18n, withoutAnnouncer, (tipId) => deps.announceTip(tipId)));
  // One pacer for every bulk send, so check-ins and reminders together stay under Telegram's limit.
  const pacer = new SendPacer(settings.sendRatePerSecond);
  services.checkIns.useMessenger(createCheckInMessenger(bot.api, i18n, withoutAnnouncer, pacer));
  services.deadlines.useMessenger(createDeadlineMessenger(bot.api, i18n, withoutAnnouncer, pacer));

  // Conversations build their own context objects: give them i18n and auto-retry too.
  const flowPlugins: Middleware<FlowContext>[] = [
    (ctx, next) => {
      ctx.api.config.use(retry());
      ctx.api.config.use(lateAnswers());
      return next();
    },
    i18n,
  ];

  const onUpdateHandled = options.onUpdateHandled;
  if (onUpdateHandled) {
    bot.use(async (ctx, next) => {
      try {
        await next();
      } finally {
        onUpdateHandled(ctx.update.update_id);
      }
    });
  }
  // Each update once, whichever instance, retry or restart brings it again.
  bot.use(async (ctx, next) => {
    const first = await services.processedUpdates.claim(ctx.update.update_id).catch((err: unknown) => {
      // The database refuses writes (locked, full): handle it anyway, so the person is at least told.
      logger.warn({ err, update_id: ctx.update.update_id }, "could not record the update as handled");
      return true;
    });
    if (first) return next();
    logger.info({ update_id: ctx.update.update_id }, "update already handled; skipped");
  });
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  if (settings.turnsAcrossInstances) {
    // One private chat's updates one at a time across instances too (flows live in private chats).
    bot.use((ctx, next) => (ctx.chat?.type === "private" ? services.chatTurns.run(services.secrets.chatKey(ctx.chat.id), next) : next()));
  }
  bot.use(commandAliases);
  bot.use(i18n);
  // Flooding a private chat (e.g. mid-flow) is dropped after a polite word; keyed by the
  // chat's keyed hash, never by the user id.
  bot.chatType("private").use(
    limit<BotContext, FloodWindows>({
      timeFrame: settings.floodWindowMs,
      limit: settings.floodLimit,
      storageClient: new FloodWindows(services.clock, settings.floodWindowMs),
      keyGenerator: (ctx) => services.secrets.chatKey(ctx.chat?.id ?? "none"),
      onLimitExceeded: (ctx) => void ctx.reply(ctx.t("flood-slow-down")).catch(() => undefined),
    }),
  );
  const guarded = bot.errorBoundary(async (err) => {
    logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "update failed");
    if (err.ctx.chat?.type === "private") await err.ctx.reply(err.ctx.t("error-generic")).catch(() => undefined);
  });

  guarded.chatType("private").use(
    conversations<BotContext, FlowContext>({
      // Keyed by the chat's keyed hash (not findable by chat id without the pepper); the store strips
      // every sender detail before sealing, and puts the live chat id back on reading.
      storage: {
        type: "context",
        version: FLOW_STATE_VERSION,
        adapter: {
          read: (ctx) => services.conversations.read(services.secrets.chatKey(ctx.chat?.id ?? "none"), ctx.chat?.id ?? "none"),
          write: (ctx, state) => services.conversations.write(services.secrets.chatKey(ctx.chat?.id ?? "none"), ctx.chat?.id ?? "none", state),
          delete: (ctx) => services.conversations.delete(services.secrets.chatKey(ctx.chat?.id ?? "none")),
        },
      },
      plugins: flowPlugins,
    }),
  );
  // Every flow before any handler: a running flow sees its chat's updates first, and what it is
  // left for (/start, /help, /lang, /status, /tip, a receipt code) goes on to the handlers below (ask.ts).
  guarded.chatType("private").use(tipConversation(deps), checkInConversation(deps), deadlineConversations(deps), followUpConversation(deps));
  guarded.use(anonymousAdminsFeature());
  guarded.use(tipFlowFeature(deps));
  guarded.use(checkInFeature(deps));
  guarded.use(deadlinesFeature(deps));
  guarded.use(reportFeature(deps));
  guarded.use(followUpFeature(deps));
  guarded.use(onboardingFeature(deps));
  guarded.use(policeGroupFeature(deps));
  guarded.use(staffNamesFeature(deps));
  guarded.use(startFeature(deps));
  guarded.use(familyHelpFeature(deps));
  guarded.use(wardsAdminFeature(deps));
  guarded.use(languageFeature(deps));
  guarded.use(tipCardsFeature(deps));
  guarded.use(roadmapFeature(deps));
  guarded.use(lexiconFeature(deps));
  guarded.use(triageFeedbackFeature(deps));
  guarded.use(wardContactAdminFeature(deps));
  guarded.use(unhandledFeature(deps));

  bot.catch((err) => logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "unhandled bot error"));
  return bot;
}

export { TIP_CONVERSATION };

/** Telegram's command menus: residents' commands in private chats (never staff's or heads'); the officers' in groups, where the police group is. */
export const BOT_COMMANDS = {
  private: {
    vi: [
      { command: "tip", description: "Gửi tin báo ẩn danh" },
      { command: "status", description: "Theo dõi tin báo bằng mã biên nhận" },
      { command: "cancel", description: "Hủy tin báo đang soạn" },
      { command: "family", description: "Giúp người thân đang dùng ma túy" },
      { command: "help", description: "Hướng dẫn" },
      { command: "lang", description: "Đổi ngôn ngữ / Language" },
    ],
    en: [
      { command: "tip", description: "Send an anonymous tip" },
      { command: "status", description: "Follow a tip with its receipt code" },
      { command: "cancel", description: "Cancel the tip you are writing" },
      { command: "family", description: "Help for a family member who uses drugs" },
      { command: "help", description: "Help" },
      { command: "lang", description: "Language / Đổi ngôn ngữ" },
    ],
  },
  groups: {
    vi: [
      { command: "tips", description: "Tin báo đang mở" },
      { command: "report", description: "Báo cáo theo kỳ (tháng, quý, 6 tháng, năm)" },
      { command: "deadlines", description: "Tình hình nộp báo cáo của các đơn vị" },
      { command: "roadmap", description: "Lộ trình khu phố không ma túy" },
      { command: "mobaocao", description: "Mở báo cáo tuần ngay (mọi khu phố, hoặc /mobaocao 5)" },
      { command: "tukhoa", description: "Từ lóng của phường giúp xếp mức độ tin báo" },
      { command: "triage", description: "Cán bộ giữ hay đổi mức độ bot xếp (/phanloai)" },
      { command: "help", description: "Hướng dẫn" },
      { command: "lang", description: "Đổi ngôn ngữ của nhóm / Language" },
    ],
    en: [
      { command: "tips", description: "Open tips" },
      { command: "report", description: "Report for a period (month, quarter, half-year, year)" },
      { command: "deadlines", description: "Who has handed in their report" },
      { command: "roadmap", description: "Drug-free quarters roadmap" },
      { command: "mobaocao", description: "Open this week's check-in now (all, or /mobaocao 5)" },
      { command: "tukhoa", description: "The ward's own words that raise a tip's priority" },
      { command: "triage", description: "How often officers keep the bot's priority" },
      { command: "help", description: "Help" },
      { command: "lang", description: "The group's language / Đổi ngôn ngữ" },
    ],
  },
} as const;
