// The deployment's super-admins (SUPER_ADMIN_IDS) add wards and hand each a
// one-time admin code; from then on the ward's own admin runs it. Super-admins
// see counts only: no tip, no resident, no officer of any ward.
import { Composer } from "grammy";
import { z } from "zod";
import { ServiceError } from "../../services/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { staffIdentity } from "../staff-identity.js";
import { WARD_LINK_PREFIX } from "./start.js";

const slug = z.string().regex(/^[a-z0-9-]{2,40}$/);
const quarterName = z.string().trim().min(1).max(60);

/**
 * `/newward slug Ward name` on the first line, then one quarter per line
 * (or a single number N for "Khu phố 1" … "Khu phố N").
 */
export const newWardInput = z
  .string()
  .transform((text) => {
    const [first = "", ...rest] = text.split("\n").map((l) => l.trim());
    const [wardSlug = "", ...name] = first.split(/\s+/);
    const lines = rest.filter((l) => l.length > 0);
    const count = lines.length === 1 && /^\d{1,3}$/.test(lines[0]!) ? Number(lines[0]) : null;
    const quarters = count !== null ? Array.from({ length: count }, (_, i) => `Khu phố ${i + 1}`) : lines;
    return { slug: wardSlug, name: name.join(" "), quarters };
  })
  .pipe(
    z.object({
      slug,
      name: z.string().min(2).max(120),
      quarters: z
        .array(quarterName)
        .min(1)
        .max(500)
        .refine((q) => new Set(q).size === q.length, "quarter names repeat"),
    }),
  );

export function wardsAdminFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");
  const isSuperAdmin = (ctx: BotContext) => {
    const who = staffIdentity(ctx);
    return who !== null && deps.settings.superAdminIds.includes(who.telegramUserId);
  };
  const residentLink = (ctx: BotContext, wardSlug: string) => `https://t.me/${ctx.me.username}?start=${WARD_LINK_PREFIX}${wardSlug}`;

  privateChats.command("newward", async (ctx) => {
    if (!isSuperAdmin(ctx)) {
      await ctx.reply(ctx.t("not-super-admin"));
      return;
    }
    const input = newWardInput.safeParse(ctx.match);
    if (!input.success) {
      await ctx.reply(ctx.t("newward-usage"), { parse_mode: "HTML" });
      return;
    }
    const { slug: wardSlug, name, quarters } = input.data;
    try {
      const created = await deps.services.wards.createWard({ slug: wardSlug, name, timezone: "Asia/Ho_Chi_Minh", quarterNames: quarters });
      deps.logger.info({ ward: wardSlug, quarters: quarters.length }, "ward created by a super-admin");
      await ctx.reply(
        ctx.t("newward-created", {
          ward: escapeHtml(name),
          quarters: String(quarters.length),
          code: created.adminCode ?? "—",
          hours: deps.services.wards.adminCodeHours,
          link: residentLink(ctx, wardSlug),
        }),
        { parse_mode: "HTML", link_preview_options: { is_disabled: true } },
      );
    } catch (err) {
      if (!(err instanceof ServiceError) || err.code !== "ward_exists") throw err;
      await ctx.reply(ctx.t("newward-exists", { slug: wardSlug }));
    }
  });

  privateChats.command("wardcode", async (ctx) => {
    if (!isSuperAdmin(ctx)) {
      await ctx.reply(ctx.t("not-super-admin"));
      return;
    }
    const wardSlug = slug.safeParse(ctx.match.trim());
    if (!wardSlug.success) {
      await ctx.reply(ctx.t("wardcode-usage"));
      return;
    }
    try {
      const issued = await deps.services.wards.issueAdminCode(wardSlug.data, "super_admin");
      deps.logger.info({ ward: wardSlug.data, issued: issued !== null }, "admin code asked for by a super-admin");
      await ctx.reply(
        issued ? ctx.t("wardcode-issued", { slug: wardSlug.data, code: issued.code, hours: deps.services.wards.adminCodeHours }) : ctx.t("wardcode-has-admin", { slug: wardSlug.data }),
      );
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      await ctx.reply(ctx.t("wardcode-unknown", { slug: wardSlug.data }));
    }
  });

  privateChats.command("wards", async (ctx) => {
    if (!isSuperAdmin(ctx)) {
      await ctx.reply(ctx.t("not-super-admin"));
      return;
    }
    const wards = await deps.services.wards.overview();
    const lines = wards.map((w) =>
      ctx.t("wards-line", {
        ward: escapeHtml(w.name),
        slug: w.slug,
        quarters: String(w.quarters),
        admins: String(w.admins),
        officers: String(w.officers),
        tips: String(w.tips),
        group: w.groupBound ? "✅" : "—",
        link: residentLink(ctx, w.slug),
      }),
    );
    await ctx.reply(ctx.t("wards-list", { count: String(wards.length), lines: lines.join("\n\n") }), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  });

  return feature;
}
