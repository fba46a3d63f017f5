// Staff onboarding: the first admin claims the ward with its one-time code,
// invites officers by single-use deep links, and removes those who leave
// (the police group itself: police-group.ts).
import { offerStaffName } from "./staff-names.js";
import { Composer, InlineKeyboard } from "grammy";
import { MemberService } from "../../services/members.js";
import { ServiceError } from "../../services/index.js";
import { removeOfficerButton } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { useWardWords } from "../i18n.js";
import { inviteErrorKey, staffIdentity, staffMember } from "../staff-identity.js";
import { formatTime } from "./tip-cards.js";
import { isZaloChat } from "../../channels/zalo/translate.js";
import { removeFromList } from "../removal-buttons.js";
import { removeFromPoliceGroup } from "../police-group-members.js";

export function onboardingFeature(deps: BotDeps): Composer<BotContext> {
  const { members, wards } = deps.services;
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");
  const groups = feature.chatType(["group", "supergroup"]);

  // Invite links arrive as `/start inv_<token>`; anything else falls through to the welcome.
  privateChats.command("start", async (ctx, next) => {
    const payload = ctx.match.trim();
    if (!MemberService.isInvitePayload(payload)) return next();
    if (isZaloChat(ctx.chat.id)) return ctx.reply(ctx.t("staff-telegram-only"));
    const telegram = staffIdentity(ctx);
    if (!telegram) return;
    try {
      // Someone already on staff keeps the name they chose; someone new is asked which way round their name goes.
      const known = await deps.services.staffNames.known(telegram.telegramUserId);
      const { member, wardName } = await members.acceptInvite(payload, known ? { ...telegram, displayName: known } : telegram);
      await ctx.reply(ctx.t("invite-accepted", { name: escapeHtml(member.displayName), ward: escapeHtml(wardName) }), {
        parse_mode: "HTML",
      });
      if (!known) await offerStaffName(ctx, member.displayName);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.reply(ctx.t(inviteErrorKey(err.code)));
    }
  });

  privateChats.command("admin", async (ctx) => {
    // Officers act in the police group, which is on Telegram.
    if (isZaloChat(ctx.chat.id)) return ctx.reply(ctx.t("staff-telegram-only"));
    const code = ctx.match.trim();
    const who = staffIdentity(ctx);
    if (!code || !who) {
      await ctx.reply(ctx.t("admin-usage"));
      return;
    }
    // Wrong codes are capped per chat (keyed hash, in memory): the code cannot be guessed by trying.
    const chatKey = deps.services.secrets.chatKey(ctx.chat.id);
    if (await deps.services.limits.blocked("admin", chatKey)) {
      await ctx.reply(ctx.t("admin-locked"));
      return;
    }
    try {
      const known = await deps.services.staffNames.known(who.telegramUserId);
      const { wardId, wardName } = await members.claimAdmin(code, known ? { ...who, displayName: known } : who);
      deps.logger.info("ward admin claimed");
      useWardWords(ctx, await wards.words(wardId));
      await ctx.reply(ctx.t("admin-ok", { ward: escapeHtml(wardName) }), { parse_mode: "HTML" });
      if (!known) await offerStaffName(ctx, who.displayName);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await deps.services.limits.failed("admin", chatKey);
      deps.logger.warn({ expired: err.code === "code_expired" }, "wrong admin code");
      await ctx.reply(ctx.t((await deps.services.limits.blocked("admin", chatKey)) ? "admin-locked" : err.code === "code_expired" ? "admin-expired" : "admin-invalid"));
    }
  });
  groups.command("admin", (ctx) => ctx.reply(ctx.t("admin-private-only")));

  privateChats.command("invite", async (ctx) => {
    const admin = await staffMember(ctx, members, "admin");
    if (!admin) {
      await ctx.reply(ctx.t("not-admin"));
      return;
    }
    const ward = await wards.get(admin.wardId);
    const { payload, expiresAt } = await members.createInvite(admin, "officer");
    const link = `https://t.me/${ctx.me.username}?start=${payload}`;
    const locale = await ctx.i18n.getLocale();
    await ctx.reply(ctx.t("invite-created", { link, expires: formatTime(expiresAt, ward?.timezone ?? "Asia/Ho_Chi_Minh", locale) }), {
      link_preview_options: { is_disabled: true },
    });
  });


  // The admin's list of staff, each with a remove button.
  privateChats.command("officers", async (ctx) => {
    const admin = await staffMember(ctx, members, "admin");
    if (!admin) {
      await ctx.reply(ctx.t("not-admin"));
      return;
    }
    const staff = await members.staff(admin);
    const kb = new InlineKeyboard();
    for (const m of staff.filter((s) => s.id !== admin.id)) kb.text(`❌ ${m.displayName}`, removeOfficerButton.encode({ memberId: m.id })).row();
    const list = staff.map((m) => `• ${escapeHtml(m.displayName)} — ${ctx.t(m.role === "admin" ? "role-admin" : "role-officer")}`).join("\n");
    await ctx.reply(ctx.t("officers-list", { list }), { parse_mode: "HTML", reply_markup: kb });
  });

  privateChats.callbackQuery(removeOfficerButton.pattern, (ctx, next) => {
    const pressed = removeOfficerButton.parse(ctx.callbackQuery.data);
    if (!pressed) return next();
    return removeFromList(
      ctx,
      members,
      (admin) => members.remove(admin, pressed.memberId),
      (removed) => ctx.t("officer-removed", { name: escapeHtml(removed.displayName) }),
      async (removed, admin) => {
        const name = escapeHtml(removed.displayName);
        // The tips they held are the others' again: their cards say so.
        if (removed.releasedTipIds.length > 0) {
          for (const tipId of removed.releasedTipIds) await deps.refreshCard(tipId);
          await ctx.reply(ctx.t("officer-claims-released", { count: removed.releasedTipIds.length, name }), { parse_mode: "HTML" });
        }
        // And they leave the police group, or the admin learns why the bot could not do it.
        const ward = await wards.get(admin.wardId);
        if (!ward?.policeChatId) return;
        const outcome = await removeFromPoliceGroup(ctx.api, ward.policeChatId, removed.telegramUserId);
        if ("notThere" in outcome && outcome.notThere) return;
        await members.recordGroupRemoval(admin, removed.id, outcome.removed ? { removed: true } : { removed: false, reason: outcome.refusal });
        if (outcome.removed) {
          await ctx.reply(ctx.t("officer-left-group", { name }), { parse_mode: "HTML" });
        } else {
          deps.logger.warn({ refusal: outcome.refusal, error: outcome.error }, "could not take a removed officer out of the police group");
          const reason = ctx.t(`group-removal-${outcome.refusal}`, { error: escapeHtml(outcome.error) });
          await ctx.reply(ctx.t("officer-group-removal-failed", { name, reason }), { parse_mode: "HTML" });
        }
      },
    );
  });

  // A tip's history, for admins: who did what, when; residents appear as "người báo tin".
  feature.command("audit", async (ctx) => {
    const admin = await staffMember(ctx, members, "admin");
    if (!admin) {
      await ctx.reply(ctx.t("not-admin"));
      return;
    }
    const reference = ctx.match.trim();
    const history = /^#?[2-9A-Z]{4}$/i.test(reference) ? await deps.services.audit.forTip(admin.wardId, reference) : null;
    if (!history) {
      await ctx.reply(ctx.t("audit-usage"));
      return;
    }
    const ward = await wards.get(admin.wardId);
    const locale = await ctx.i18n.getLocale();
    const lines = history.entries.map((e) => {
      const detail = Object.entries(e.detail).map(([k, v]) => `${k}=${String(v)}`).join(", ");
      return `• ${formatTime(e.at, ward?.timezone ?? "Asia/Ho_Chi_Minh", locale)} — ${escapeHtml(e.action)} — ${escapeHtml(e.actor ?? ctx.t("audit-resident"))}${detail ? ` (${escapeHtml(detail)})` : ""}`;
    });
    await ctx.reply(ctx.t("audit-history", { reference: history.reference, lines: lines.join("\n") }), { parse_mode: "HTML" });
  });

  return feature;
}
