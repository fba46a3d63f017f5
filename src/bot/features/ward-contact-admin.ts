// /wardcontact (/lienhephuong): the ward's admin sets, shows and clears the
// ward police's hotline and address that residents are shown. The role is read
// from the database on every use; the rules live in WardContactService.
import { Composer } from "grammy";
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

  return feature;
}
