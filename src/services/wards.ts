import type { Database } from "../db.js";
import { generateAdminCode } from "../domain/codes.js";
import { defaultTargets } from "../domain/roadmap.js";
import { foldVietnamese } from "../domain/text.js";
import { defaultHeadTitle, type WardUnit, type WardWords, wardWords, wardWordsSchema } from "../domain/ward-units.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import type { RandomSource, Secrets } from "./secrets.js";

export interface WardSettings {
  slug: string;
  name: string;
  timezone: string;
  quarterNames: string[];
  /** What the ward calls its quarters (WARD_UNIT, or the super-admin's choice); its head's title follows. */
  wardUnit?: WardUnit;
}

export interface EnsureWardResult {
  wardId: string;
  created: boolean;
  /** Set only when the ward was just created: shown once, stored only hashed, valid until `adminCodeExpiresAt`. */
  adminCode: string | null;
  adminCodeExpiresAt: Date | null;
  /** Whether the ward has an active admin. */
  hasAdmin: boolean;
}

/** Who asked for a first-admin code: the ward's creation, the server's operator (`npm run admin-code`), a super-admin (/wardcode). */
export type AdminCodeIssuer = "creation" | "server" | "super_admin";

export interface IssuedAdminCode {
  code: string;
  expiresAt: Date;
}

/** What a resident choosing their ward sees: nothing about the ward's staff. */
export interface WardChoice {
  id: string;
  slug: string;
  name: string;
}

export class WardService {
  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
    private readonly random: RandomSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    /** How long a first-admin code works (ADMIN_CODE_TTL_HOURS). */
    private readonly adminCodeTtlHours = 24,
  ) {}

  /**
   * Creates the ward and its quarters on first start, with a one-time admin
   * code that expires. Later starts issue none, admin or not: a code printed at
   * every start would hand the ward to whoever reads the log. A new one comes
   * from `npm run admin-code` or a super-admin's /wardcode (issueAdminCode).
   */
  async ensureWard(settings: WardSettings): Promise<EnsureWardResult> {
    const existing = await this.db.ward.findUnique({ where: { slug: settings.slug } });
    if (existing) {
      const admins = await this.db.member.count({ where: { wardId: existing.id, role: "admin", active: true } });
      return { wardId: existing.id, created: false, adminCode: null, adminCodeExpiresAt: null, hasAdmin: admins > 0 };
    }
    const ward = await this.db.ward.create({
      data: {
        slug: settings.slug,
        name: settings.name,
        timezone: settings.timezone,
        ...(settings.wardUnit ? { wardUnit: settings.wardUnit, headTitle: defaultHeadTitle(settings.wardUnit) } : {}),
        quarters: { create: settings.quarterNames.map((name, position) => ({ name, position })) },
      },
    });
    // The roadmap's yearly targets exist from the start, marked as the plan's until the admin confirms them (/target).
    await this.db.roadmapTarget.createMany({ data: defaultTargets(settings.quarterNames.length).map((t) => ({ wardId: ward.id, ...t, source: "plan" })) });
    await this.audit.record({ wardId: ward.id, action: "ward.created", detail: { quarters: settings.quarterNames.length, wardUnit: ward.wardUnit } });
    const issued = await this.setAdminCode(ward.id, "creation");
    return { wardId: ward.id, created: true, adminCode: issued.code, adminCodeExpiresAt: issued.expiresAt, hasAdmin: false };
  }

  /**
   * A super-admin adds a ward to this deployment: refused if the slug exists.
   * Returns the new ward's one-time admin code (only its hash is kept).
   */
  async createWard(settings: WardSettings): Promise<EnsureWardResult> {
    if (await this.getBySlug(settings.slug)) throw new ServiceError("ward_exists");
    return this.ensureWard(settings);
  }

  /**
   * A fresh one-time admin code for a ward that has no admin yet (a lost or
   * expired code must not lock a ward out); the previous one stops working.
   * Null once the ward has an admin. Audited (never the code).
   */
  async issueAdminCode(slug: string, by: Exclude<AdminCodeIssuer, "creation">): Promise<IssuedAdminCode | null> {
    const ward = await this.getBySlug(slug);
    if (!ward) throw new ServiceError("not_found");
    const admins = await this.db.member.count({ where: { wardId: ward.id, role: "admin", active: true } });
    if (admins > 0) return null;
    return this.setAdminCode(ward.id, by);
  }

  get adminCodeHours(): number {
    return this.adminCodeTtlHours;
  }

  private async setAdminCode(wardId: string, by: AdminCodeIssuer): Promise<IssuedAdminCode> {
    const code = generateAdminCode(this.random);
    const expiresAt = new Date(this.clock().getTime() + this.adminCodeTtlHours * 3_600_000);
    await this.db.ward.update({ where: { id: wardId }, data: { adminCodeHash: this.secrets.keyedHash("admin-code", code), adminCodeExpiresAt: expiresAt } });
    await this.audit.record({ wardId, action: "ward.admin_code_issued", detail: { by, expiresAt: expiresAt.toISOString() } });
    return { code, expiresAt };
  }

  /** Every ward, for a resident to pick from and for the super-admin's overview. */
  async list(): Promise<WardChoice[]> {
    return this.db.ward.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } });
  }

  /** Wards whose name contains what a resident typed, compared without diacritics ("nhon binh" finds "Nhơn Bình"). */
  async search(typed: string, limit: number): Promise<WardChoice[]> {
    const needle = foldVietnamese(typed);
    if (!needle) return [];
    const all = await this.list();
    return all.filter((w) => foldVietnamese(`${w.name} ${w.slug.replaceAll("-", " ")}`).includes(needle)).slice(0, limit);
  }

  /** Per ward: quarters, staff, whether a police group and an admin exist — counts only. */
  async overview() {
    const wards = await this.db.ward.findMany({
      orderBy: { name: "asc" },
      select: {
        slug: true,
        name: true,
        policeChatId: true,
        wardUnit: true,
        headTitle: true,
        _count: { select: { quarters: true, tips: true } },
        members: { where: { active: true }, select: { role: true } },
      },
    });
    return wards.map((w) => ({
      slug: w.slug,
      name: w.name,
      quarters: w._count.quarters,
      tips: w._count.tips,
      admins: w.members.filter((m) => m.role === "admin").length,
      officers: w.members.filter((m) => m.role !== "admin").length,
      groupBound: w.policeChatId !== null,
      words: wardWords(w.wardUnit, w.headTitle),
    }));
  }

  /** What the ward calls its quarters and their heads, as the messages take them. */
  async words(wardId: string): Promise<WardWords | null> {
    const ward = await this.db.ward.findUnique({ where: { id: wardId }, select: { wardUnit: true, headTitle: true } });
    return ward ? wardWords(ward.wardUnit, ward.headTitle) : null;
  }

  /** The words of the deployment's only ward; null when it serves several (a resident's ward is then not known). */
  async soleWardWords(): Promise<WardWords | null> {
    const wards = await this.db.ward.findMany({ take: 2, select: { wardUnit: true, headTitle: true } });
    return wards.length === 1 ? wardWords(wards[0]!.wardUnit, wards[0]!.headTitle) : null;
  }

  /**
   * The ward's admin changes what the ward calls its quarters and heads. The
   * caller has checked the role from the database; the change is audited.
   * Returns the words before the change.
   */
  async setWords(wardId: string, words: WardWords, actorMemberId: string): Promise<WardWords> {
    const next = wardWordsSchema.parse(words);
    return this.db.$transaction(async (tx) => {
      const ward = await tx.ward.findUniqueOrThrow({ where: { id: wardId }, select: { wardUnit: true, headTitle: true } });
      const before = wardWords(ward.wardUnit, ward.headTitle);
      await tx.ward.update({ where: { id: wardId }, data: { wardUnit: next.wardUnit, headTitle: next.headTitle } });
      await this.audit.record(
        { wardId, action: "ward.words_changed", actorMemberId, detail: { fromUnit: before.wardUnit, fromTitle: before.headTitle, wardUnit: next.wardUnit, headTitle: next.headTitle } },
        tx,
      );
      return before;
    });
  }

  get(wardId: string) {
    return this.db.ward.findUnique({ where: { id: wardId } });
  }

  getBySlug(slug: string) {
    return this.db.ward.findUnique({ where: { slug } });
  }

  /**
   * Telegram upgraded a police group to a supergroup: the ward follows it to
   * its new id. Whichever signal comes first (a service message, or a send
   * refused with the new id) moves it, once; the others find nothing to move.
   */
  async followGroupMigration(fromChatId: string, toChatId: string): Promise<{ wardId: string } | null> {
    if (fromChatId === toChatId) return null;
    const ward = await this.db.ward.findUnique({ where: { policeChatId: fromChatId }, select: { id: true } });
    if (!ward) return null;
    const moved = await this.db.ward.updateMany({ where: { id: ward.id, policeChatId: fromChatId }, data: { policeChatId: toChatId } });
    if (moved.count !== 1) return null;
    await this.audit.record({ wardId: ward.id, action: "ward.police_group_migrated", detail: { fromChatId, chatId: toChatId } });
    return { wardId: ward.id };
  }

  getByPoliceChat(chatId: string) {
    return this.db.ward.findUnique({ where: { policeChatId: chatId } });
  }

  listQuarters(wardId: string) {
    return this.db.quarter.findMany({ where: { wardId }, orderBy: { position: "asc" } });
  }

  async findQuarter(wardId: string, quarterId: string) {
    return this.db.quarter.findFirst({ where: { id: quarterId, wardId } });
  }
}
