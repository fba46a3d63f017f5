// /wardcontact (/lienhephuong): the ward's admin sets, shows and clears the
// ward police's hotline and address that residents are shown; /familypage
// (/trangnguoithan): the ward's own wording of a family-help topic. The role is
// read from the database on every use; the rules live in WardContactService.
import { Composer } from "grammy";
import { EDITABLE_FAMILY_TOPICS, parseFamilyPageCommand } from "../../domain/family-help.js";
import { parseWardContactCommand, type WardContact } from "../../domain/ward-contact.js";
import { ServiceError } from "../../services/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { refusalKey, staffMember } from "../staff-identity.js";
import { contactLines } from "../ward-contacts.js";

export function wardContactAdminFeature(deps: BotDeps): Composer<BotContext> {
  const { services } = deps;
  const feature = new Composer<BotContext>();

  feature.command("wardcontact", async (ctx) => {
    const admin = await staffMember(ctx, services.members, "admin");
    if (!admin) {
      await ctx.reply(ctx.t(refusalKey(ctx, "admin")));
      return;
    }
    const ward = await services.wards.get(admin.wardId);
    const shown = (contact: WardContact) =>
      contact.hotline || contact.address ? contactLines(ctx.t, ward ?? undefined, contact, { call113: true }).join("\n") : ctx.t("wardcontact-none");
    const command = parseWardContactCommand(ctx.match);
    try {
      if (command.action === "usage") {
        await ctx.reply(ctx.t("wardcontact-usage"), { parse_mode: "HTML" });
      } else if (command.action === "invalid") {
        const typed = ctx.match.trim().split(/\s+/).slice(1).join(" ").slice(0, 40);
        await ctx.reply(command.field === "hotline" ? ctx.t("wardcontact-invalid-hotline", { value: escapeHtml(typed) }) : ctx.t("wardcontact-invalid-address"), { parse_mode: "HTML" });
      } else if (command.action === "show") {
        const contact = await services.wardContacts.get(admin.wardId);
        await ctx.reply(`${ctx.t("wardcontact-current", { lines: shown(contact) })}\n\n${ctx.t("wardcontact-usage")}`, { parse_mode: "HTML" });
      } else if (command.action === "set") {
        const contact = await services.wardContacts.set(admin, command.field, command.value);
        await ctx.reply(`${ctx.t("wardcontact-saved")}\n${shown(contact)}`, { parse_mode: "HTML" });
      } else {
        const contact = await services.wardContacts.clear(admin, command.field);
        await ctx.reply(`${ctx.t("wardcontact-cleared")}\n${shown(contact)}`, { parse_mode: "HTML" });
      }
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.reply(ctx.t(err.code === "invalid_input" ? "wardcontact-usage" : "not-admin"), { parse_mode: "HTML" });
    }
  });

  feature.command("familypage", async (ctx) => {
    const admin = await staffMember(ctx, services.members, "admin");
    if (!admin) {
      await ctx.reply(ctx.t(refusalKey(ctx, "admin")));
      return;
    }
    const command = parseFamilyPageCommand(ctx.match);
    const title = (topic: string) => ctx.t(`family-btn-${topic}`);
    try {
      if (command.action === "usage") {
        await ctx.reply(ctx.t("familypage-usage"), { parse_mode: "HTML" });
      } else if (command.action === "invalid") {
        await ctx.reply(ctx.t("familypage-invalid"));
      } else if (command.action === "list") {
        const pages = await services.wardContacts.familyPages(admin.wardId);
        const lines = EDITABLE_FAMILY_TOPICS.map((topic) => `• ${escapeHtml(title(topic))}: ${ctx.t(pages[topic] ? "familypage-own" : "familypage-default")}`);
        await ctx.reply(`${ctx.t("familypage-list", { lines: lines.join("\n") })}\n\n${ctx.t("familypage-usage")}`, { parse_mode: "HTML" });
      } else if (command.action === "set") {
        await services.wardContacts.setFamilyPage(admin, command.topic, command.text);
        await ctx.reply(`${ctx.t("familypage-saved")}\n\n${familyPageHtml(title(command.topic), command.text)}`, { parse_mode: "HTML" });
      } else {
        const reset = await services.wardContacts.resetFamilyPage(admin, command.topic);
        await ctx.reply(ctx.t(reset ? "familypage-reset" : "familypage-reset-none", { topic: title(command.topic) }));
      }
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.reply(ctx.t(err.code === "invalid_input" ? "familypage-invalid" : "not-admin"));
    }
  });

  return feature;
}

/** A ward's own page as residents see it: the topic's name, then the admin's text as plain text. */
export function familyPageHtml(title: string, text: string): string {
  return `<b>${escapeHtml(title)}</b>\n${escapeHtml(text)}`;
}
