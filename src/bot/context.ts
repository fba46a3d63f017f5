import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";

/** Context inside conversations: plugins are re-installed there (see create-bot.ts). */
export type FlowContext = Context & I18nFlavor;
/** Context of the bot's own middleware. */
export type BotContext = ConversationFlavor<FlowContext>;
export type TipConversation = Conversation<BotContext, FlowContext>;
