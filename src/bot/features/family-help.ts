// "Giúp người thân": plain information for a worried family member — voluntary
// rehab, addiction assessment, methadone, legal aid, talking with a child, and
// the ward's contacts. Nothing is stored about the reader: no flow, no
// preference, no audit, no log line. Topics navigate by the button's data
// alone, and "Gửi tin báo" is the welcome's own tip button.
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import { isZaloChat } from "../../channels/zalo/translate.js";
import { EDITABLE_FAMILY_TOPICS, type EditableFamilyTopic, FAMILY_TOPICS, type FamilyTopic } from "../../domain/family-help.js";
import { menuButtons } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { type Translate, useWardWords } from "../i18n.js";
import { residentWard, wardContactLines } from "../ward-contacts.js";
import { welcomeKeyboard } from "./start.js";
import { familyPageHtml } from "./ward-contact-admin.js";

export function familyHelpFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.command("family", (ctx) => showFamilyHelp(ctx, deps, "open"));
  privateChats.callbackQuery(menuButtons.family.pattern, async (ctx, next) => {
    const pressed = menuButtons.family.parse(ctx.callbackQuery.data);
    if (!pressed) return next();
    await ctx.answerCallbackQuery();
    await showFamilyHelp(ctx, deps, pressed.topic ?? "open", pressed.ward);
  });
  return feature;
}

type Page = FamilyTopic | "open" | "list";

async function showFamilyHelp(ctx: BotContext, deps: BotDeps, page: Page, wardSlug?: string): Promise<void> {
  const ward = await residentWard(deps, wardSlug);
  // Heads named as the resident's ward names them (or as the deployment's default does).
  if (ward) useWardWords(ctx, await deps.services.wards.words(ward.id));
  // A ward link's slug rides on, for the contacts and the tip button; never stored.
  const slug = ward && wardSlug ? ward.slug : undefined;
  // The ward's own wording of a topic, where its admin gave one (/trangnguoithan).
  const pages = ward ? await deps.services.wardContacts.familyPages(ward.id) : {};
  const topicText = (topic: EditableFamilyTopic) => {
    const own = pages[topic];
    return own ? familyPageHtml(ctx.t(`family-btn-${topic}`), own) : ctx.t(`family-${topic}`);
  };
  const contacts = async () => [ctx.t("family-contacts-title"), ...(await wardContactLines(ctx.t, deps, ward, { call113: true }))].join("\n");

  // Zalo has no buttons to move between topics without keeping what was shown: everything at once, under the welcome's own choices.
  if (ctx.chat && isZaloChat(ctx.chat.id)) {
    const topics = EDITABLE_FAMILY_TOPICS.map(topicText);
    await ctx.reply([ctx.t("family-intro"), ...topics, await contacts()].join("\n\n"), { parse_mode: "HTML", reply_markup: welcomeKeyboard(ctx.t, slug) });
    return;
  }

  const text = page === "open" || page === "list" ? ctx.t("family-intro") : page === "contacts" ? await contacts() : topicText(page);
  const keyboard = page === "open" || page === "list" ? topicsKeyboard(ctx.t, slug) : topicKeyboard(ctx.t, slug);
  const edit = page !== "open" && ctx.callbackQuery?.message !== undefined;
  if (edit) {
    try {
      await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
      return;
    } catch (err) {
      // The same page pressed twice: it is already shown.
      if (err instanceof GrammyError && err.description.includes("message is not modified")) return;
      if (!(err instanceof GrammyError)) throw err;
      // Too old to edit, or gone: show it anew below.
    }
  }
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

function topicsKeyboard(t: Translate, ward?: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const topic of FAMILY_TOPICS) keyboard.text(t(`family-btn-${topic}`), menuButtons.family.encode({ topic, ...(ward ? { ward } : {}) })).row();
  return keyboard.text(t("btn-tip"), menuButtons.tip.encode(ward ? { ward } : {}));
}

function topicKeyboard(t: Translate, ward?: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("family-btn-back"), menuButtons.family.encode({ topic: "list", ...(ward ? { ward } : {}) }))
    .row()
    .text(t("btn-tip"), menuButtons.tip.encode(ward ? { ward } : {}));
}
