// The deployment's super-admins (SUPER_ADMIN_IDS) add wards and hand each a
// one-time admin code; from then on the ward's own admin runs it. Super-admins
// see counts only: no tip, no resident, no officer of any ward. Each ward's
// admin names its quarters and their heads as the ward does (/donvi).
import { Composer } from "grammy";
import { z } from "zod";
import { numberedQuarterNames, parseWardWords, UNIT_NAME, unitOfQuarterNames, WARD_UNITS, WARD_WORD_CHOICES, type WardUnit, type WardWords } from "../../domain/ward-units.js";
import { ServiceError } from "../../services/index.js";
import type { BotContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { escapeHtml } from "../html.js";
import { defaultWardWords, useWardWords } from "../i18n.js";
import { staffIdentity, staffMember } from "../staff-identity.js";
import { WARD_LINK_PREFIX } from "./start.js";

const slug = z.string().regex(/^[a-z0-9-]{2,40}$/);
const quarterName = z.string().trim().min(1).max(60);

/**
 * `/newward slug Ward name` on the first line, then one quarter per line, or a
 * single line "N" ("Khu phố 1" … "Khu phố N" in the deployment's unit) or
 * "N unit" ("12 tổ dân phố": "Tổ dân phố 1" … "Tổ dân phố 12"). The ward's
 * unit is the one every name starts with, else the deployment's (WARD_UNIT).
 */
export function newWardInput(defaultUnit: WardUnit) {
  return z
    .string()
    .transform((text) => {
      const [first = "", ...rest] = text.split("\n").map((l) => l.trim());
      const [wardSlug = "", ...name] = first.split(/\s+/);
      const lines = rest.filter((l) => l.length > 0);
      const counted = lines.length === 1 ? /^(\d{1,3})(?:\s+(.+))?$/.exec(lines[0]!) : null;
      const countedUnit = counted?.[2] === undefined ? defaultUnit : unitNamed(counted[2]);
      if (counted && countedUnit) return { slug: wardSlug, name: name.join(" "), quarters: numberedQuarterNames(countedUnit, Number(counted[1])), wardUnit: countedUnit };
      return { slug: wardSlug, name: name.join(" "), quarters: lines, wardUnit: unitOfQuarterNames(lines) ?? defaultUnit };
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
        wardUnit: z.enum(WARD_UNITS),
      }),
    );
}

/** A unit named by its words ("tổ dân phố", "thon"), not by a number or a title. */
function unitNamed(typed: string): WardUnit | null {
  return /\d/.test(typed) ? null : (parseWardWords(typed)?.wardUnit ?? null);
}

const wardWordsInput = z.string().trim().max(60);

export function wardsAdminFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");
  const isSuperAdmin = (ctx: BotContext) => {
    const who = staffIdentity(ctx);
    return who !== null && deps.settings.superAdminIds.includes(who.telegramUserId);
  };
  const residentLink = (ctx: BotContext, wardSlug: string) => `https://t.me/${ctx.me.username}?start=${WARD_LINK_PREFIX}${wardSlug}`;
  const defaultUnit = deps.settings.defaultWardUnit ?? "khu-pho";
  // "khu phố, tổ dân phố, thôn, ấp, bản": the words /newward understands after a number (in Vietnamese, whatever the language).
  const unitList = () => WARD_UNITS.map((u) => UNIT_NAME[u].toLocaleLowerCase("vi")).join(", ");
  const choiceList = (ctx: BotContext) => WARD_WORD_CHOICES.map((w, i) => ctx.t("ward-words-choice", { n: i + 1, ...w })).join("\n");
  const same = (a: WardWords, b: WardWords) => a.wardUnit === b.wardUnit && a.headTitle === b.headTitle;

  // The ward's admin: what the ward calls its quarters and their heads, in every message of the bot.
  privateChats.command(["donvi", "unit"], async (ctx) => {
    const admin = await staffMember(ctx, deps.services.members, "admin");
    if (!admin) {
      await ctx.reply(ctx.t("not-admin"));
      return;
    }
    const typed = wardWordsInput.safeParse(ctx.match);
    const chosen = typed.success ? parseWardWords(typed.data) : null;
    if (!chosen) {
      await ctx.reply(ctx.t("ward-words-usage", { choices: choiceList(ctx) }));
      return;
    }
    if (same(chosen, admin.words)) {
      await ctx.reply(ctx.t("ward-words-same"));
      return;
    }
    const before = await deps.services.wards.setWords(admin.wardId, chosen, admin.id);
    deps.logger.info({ wardUnit: chosen.wardUnit, headTitle: chosen.headTitle }, "ward words changed by its admin");
    useWardWords(ctx, chosen);
    await ctx.reply(ctx.t("ward-words-set", { before: ctx.t("ward-words-before", { ...before }) }));
  });

  privateChats.command("newward", async (ctx) => {
    if (!isSuperAdmin(ctx)) {
      await ctx.reply(ctx.t("not-super-admin"));
      return;
    }
    const input = newWardInput(defaultUnit).safeParse(ctx.match);
    if (!input.success) {
      await ctx.reply(ctx.t("newward-usage", { units: unitList() }), { parse_mode: "HTML" });
      return;
    }
    const { slug: wardSlug, name, quarters, wardUnit } = input.data;
    try {
      const created = await deps.services.wards.createWard({ slug: wardSlug, name, timezone: "Asia/Ho_Chi_Minh", quarterNames: quarters, wardUnit });
      deps.logger.info({ ward: wardSlug, quarters: quarters.length, wardUnit }, "ward created by a super-admin");
      useWardWords(ctx, defaultWardWords(wardUnit));
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
        ...w.words,
      }),
    );
    await ctx.reply(ctx.t("wards-list", { count: String(wards.length), lines: lines.join("\n\n") }), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  });

  return feature;
}
