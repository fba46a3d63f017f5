// Agencies and their contacts: /agencies, /addagency, /removeagency, the
// admin's /contacts list with its ❌, and contact invites (/inviteagency, then
// `/start ag_…` confirmed by the person). Contacts are known people: their
// names are shown on purpose.
import { offerStaffName } from "../staff-names.js";
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { AgencyService } from "../../../services/agencies.js";
import { ServiceError } from "../../../services/index.js";
import { agencyInviteButtons, removeContactButton } from "../../callback-data/index.js";
import type { BotContext } from "../../context.js";
import type { BotDeps } from "../../deps.js";
import { escapeHtml } from "../../html.js";
import type { Translate } from "../../i18n.js";
import { removeFromList } from "../../removal-buttons.js";
import { inviteErrorKey, requireStaff, staffIdentity } from "../../staff-identity.js";
import { formatTime } from "../tip-cards.js";
import { ignoreUnchanged } from "../../edits.js";

/** Kinds whose duty the plan's section V sets out (messages ag-duty-*). */
const DUTY_KINDS = new Set(["police", "health", "culture", "economy", "front", "quarter"]);
const TELEGRAM_TEXT_MAX = 4096;

/** /agencies: who collects (the ward police, for UBND phường), then who reports, numbered, each office with its duty and the quarters' once. */
export function agencyListText(t: Translate, agencies: readonly { name: string; kind: string; contacts: number }[], collector: { name: string } | null): string {
  const lines: string[] = [];
  let quartersShown = false;
  agencies.forEach((a, i) => {
    if (a.kind === "quarter" && !quartersShown) {
      quartersShown = true;
      lines.push(t("ag-quarters-duty", { duty: t("ag-duty-quarter") }));
    }
    lines.push(`${i + 1}. ${escapeHtml(a.name)} — ${t("ag-contacts", { count: a.contacts })}`);
    if (a.kind !== "quarter" && DUTY_KINDS.has(a.kind)) lines.push(t("ag-duty-line", { duty: t(`ag-duty-${a.kind}`) }));
  });
  const head = collector ? t("ag-collector", { name: escapeHtml(collector.name), duty: t("ag-duty-police") }) : t("ag-collector-none");
  return t("ag-list", { collector: head, lines: lines.join("\n") });
}

/** Splits a long message at line breaks into parts Telegram accepts. */
function splitLines(text: string, max: number): string[] {
  const parts: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    if (current && current.length + line.length + 1 > max) {
      parts.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) parts.push(current);
  return parts;
}

export function agenciesFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  /** The agency a command names by its number in /agencies, in the member's ward. */
  const agencyNamed = async (arg: string, wardId: string) => {
    const n = z.coerce.number().int().min(1).max(999).safeParse(arg.trim());
    return n.success ? services.agencies.byNumber(wardId, n.data) : null;
  };

  feature.command("agencies", async (ctx) => {
    const member = await requireStaff(ctx, services.members);
    if (!member) return;
    const [agencies, collector] = await Promise.all([services.agencies.list(member.wardId), services.agencies.collector(member.wardId)]);
    const t: Translate = (key, vars) => ctx.t(key, vars);
    for (const part of splitLines(agencyListText(t, agencies, collector), TELEGRAM_TEXT_MAX)) await ctx.reply(part, { parse_mode: "HTML" });
  });

  privateChats.command("inviteagency", async (ctx) => {
    const member = await requireStaff(ctx, services.members);
    if (!member) return;
    const agency = await agencyNamed(ctx.match, member.wardId);
    if (!agency) {
      await ctx.reply(ctx.t("ag-invite-usage"));
      return;
    }
    const invite = await services.agencies.createInvite(member, agency.id);
    const ward = await services.wards.get(member.wardId);
    await ctx.reply(
      ctx.t("ag-invite-created", {
        agency: invite.agencyName,
        link: `https://t.me/${ctx.me.username}?start=${invite.payload}`,
        expires: formatTime(invite.expiresAt, ward?.timezone ?? "Asia/Ho_Chi_Minh", await ctx.i18n.getLocale()),
      }),
      { link_preview_options: { is_disabled: true } },
    );
  });

  privateChats.command("addagency", async (ctx) => {
    const admin = await requireStaff(ctx, services.members, "admin");
    if (!admin) return;
    try {
      const agency = await services.agencies.add(admin, ctx.match);
      await ctx.reply(ctx.t("ag-added", { agency: escapeHtml(agency.name) }), { parse_mode: "HTML" });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.reply(ctx.t("ag-add-usage"));
    }
  });

  privateChats.command("removeagency", async (ctx) => {
    const admin = await requireStaff(ctx, services.members, "admin");
    if (!admin) return;
    const agency = await agencyNamed(ctx.match, admin.wardId);
    if (!agency) {
      await ctx.reply(ctx.t("ag-remove-usage"));
      return;
    }
    const name = await services.agencies.deactivate(admin, agency.id);
    await ctx.reply(ctx.t("ag-removed", { agency: escapeHtml(name) }), { parse_mode: "HTML" });
  });

  // The admin's list of an agency's contacts, each with a button to take them off.
  privateChats.command("contacts", async (ctx) => {
    const admin = await requireStaff(ctx, services.members, "admin");
    if (!admin) return;
    const agency = await agencyNamed(ctx.match, admin.wardId);
    if (!agency) {
      await ctx.reply(ctx.t("ag-contacts-usage"));
      return;
    }
    const contacts = await services.agencies.contacts(admin, agency.id);
    if (contacts.length === 0) {
      await ctx.reply(ctx.t("ag-contacts-none", { agency: escapeHtml(agency.name) }), { parse_mode: "HTML" });
      return;
    }
    const kb = new InlineKeyboard();
    for (const c of contacts.slice(0, 90)) kb.text(`❌ ${c.displayName}`.slice(0, 60), removeContactButton.encode({ contactId: c.id })).row();
    const list = contacts.map((c) => `• ${escapeHtml(c.displayName)}`).join("\n");
    await ctx.reply(ctx.t("ag-contacts-list", { agency: escapeHtml(agency.name), list }), { parse_mode: "HTML", reply_markup: kb });
  });

  privateChats.callbackQuery(removeContactButton.pattern, (ctx, next) => {
    const pressed = removeContactButton.parse(ctx.callbackQuery.data);
    if (!pressed) return next();
    return removeFromList(
      ctx,
      services.members,
      (admin) => services.agencies.removeContact(admin, pressed.contactId),
      (removed) => ctx.t("ag-contact-removed", { name: escapeHtml(removed.displayName), agency: escapeHtml(removed.agencyName) }),
    );
  });

  // Contact invites arrive as `/start ag_<token>`: confirm before registering.
  privateChats.command("start", async (ctx, next) => {
    const payload = ctx.match.trim();
    if (!AgencyService.isInvitePayload(payload)) return next();
    try {
      const preview = await services.agencies.preview(payload);
      await ctx.reply(ctx.t("ag-invite-confirm", { agency: escapeHtml(preview.agencyName), ward: escapeHtml(preview.wardName) }), {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(ctx.t("btn-confirm"), agencyInviteButtons.accept.encode({ payload })).text(ctx.t("btn-not-me"), agencyInviteButtons.decline.encode()),
      });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.reply(ctx.t(inviteErrorKey(err.code)));
    }
  });

  privateChats.callbackQuery(agencyInviteButtons.accept.pattern, async (ctx, next) => {
    const invite = agencyInviteButtons.accept.parse(ctx.callbackQuery.data);
    if (!invite) return next();
    const telegram = staffIdentity(ctx);
    await ctx.answerCallbackQuery();
    if (!telegram) return;
    try {
      // Someone already on staff keeps the name they chose; someone new is asked which way round their name goes.
      const known = await services.staffNames.known(telegram.telegramUserId);
      const who = known ? { ...telegram, displayName: known } : telegram;
      const accepted = await services.agencies.accept(invite.payload, who);
      await ctx.editMessageText(ctx.t("ag-registered", { agency: escapeHtml(accepted.agencyName), ward: escapeHtml(accepted.wardName) }), { parse_mode: "HTML" });
      if (!known) await offerStaffName(ctx, who.displayName);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.editMessageText(ctx.t(inviteErrorKey(err.code))).catch(ignoreUnchanged);
    }
  });
  privateChats.callbackQuery(agencyInviteButtons.decline.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t("head-invite-declined"));
  });

  return feature;
}
