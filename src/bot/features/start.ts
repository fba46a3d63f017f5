import { Composer, InlineKeyboard } from "grammy";
import { menuButtons } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { type Translate, useWardWords } from "../i18n.js";
import { staffIdentity } from "../staff-identity.js";
import { residentWard, wardContactLines } from "../ward-contacts.js";

/** A ward's resident link is `t.me/<bot>?start=w_<slug>`; the slug travels on the tip button, never stored. */
export const WARD_LINK_PREFIX = "w_";
const wardPayload = /^w_([a-z0-9-]{2,40})$/;

export function startFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  privateChats.command("start", (ctx) => sendWelcome(ctx, deps, wardPayload.exec(ctx.match.trim())?.[1]));

  privateChats.command("help", async (ctx) => {
    // Staff see their commands too; residents are not looked up by anything stored.
    const who = staffIdentity(ctx);
    const staff = who ? await deps.services.members.memberships(who.telegramUserId) : [];
    // Quarters and heads named as the staff member's ward does, or as the deployment's only ward does.
    useWardWords(ctx, staff[0]?.words ?? (await deps.services.wards.soleWardWords()));
    const lines = await wardContactLines(ctx.t, deps, await residentWard(deps), { call113: true });
    await ctx.reply([ctx.t("help-resident"), lines.join("\n")].join("\n\n"), { parse_mode: "HTML" });
    if (staff.length > 0) await ctx.reply(ctx.t("help-staff"), { parse_mode: "HTML" });
    if (who && deps.settings.superAdminIds.includes(who.telegramUserId)) await ctx.reply(ctx.t("help-super-admin"), { parse_mode: "HTML" });
  });

  // /help is in the groups' command menu: in the police group it lists the officers' commands (each checks its own rights).
  feature.chatType(["group", "supergroup"]).command("help", async (ctx) => {
    const who = staffIdentity(ctx);
    const staff = who ? await deps.services.members.memberships(who.telegramUserId) : [];
    useWardWords(ctx, staff[0]?.words ?? (await deps.services.wards.soleWardWords()));
    await ctx.reply(ctx.t("help-staff"), { parse_mode: "HTML" });
  });

  return feature;
}

/**
 * The welcome with its choices (send a tip, follow one up, help for a family member)
 * and where else to turn (the ward police's lines, 113, VNeID). `linked` is the slug of a ward link.
 */
export async function sendWelcome(ctx: BotContext, deps: BotDeps, linked?: string): Promise<void> {
  const ward = await residentWard(deps, linked);
  if (linked && !ward) {
    await ctx.reply(ctx.t("ward-link-unknown"));
    return;
  }
  const text = ward ? ctx.t("welcome", { ward: escapeHtml(ward.name) }) : ctx.t("welcome-any");
  const lines = await wardContactLines(ctx.t, deps, ward, { call113: true });
  await ctx.reply([text, lines.join("\n")].join("\n\n"), { parse_mode: "HTML", reply_markup: welcomeKeyboard(ctx.t, ward && linked ? ward.slug : undefined) });
}

/** The welcome's buttons; with a ward link's slug, the tip and family buttons carry it. */
export function welcomeKeyboard(t: Translate, wardSlug?: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("btn-tip"), menuButtons.tip.encode(wardSlug ? { ward: wardSlug } : {}))
    .row()
    .text(t("btn-follow"), menuButtons.follow.encode())
    .row()
    .text(t("btn-family"), menuButtons.family.encode(wardSlug ? { topic: "open", ward: wardSlug } : {}));
}
