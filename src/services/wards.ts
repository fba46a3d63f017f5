import type { Database } from "../db.js";
import { generateAdminCode } from "../domain/codes.js";
import { defaultTargets } from "../domain/roadmap.js";
import { foldVietnamese } from "../domain/text.js";
import type { AuditService } from "./audit.js";
import { ServiceError } from "./errors.js";
import type { RandomSource, Secrets } from "./secrets.js";

export interface WardSettings {
  slug: string;
  name: string;
  timezone: string;
  quarterNames: string[];
}

export interface EnsureWardResult {
  wardId: string;
  created: boolean;
  /** Set when the ward has no admin yet: print it once, it is stored only hashed. */
  adminCode: string | null;
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
  ) {}

  /**
   * Creates the ward and its quarters on first start. While the ward has no
   * admin, every start issues a fresh one-time admin code (so a lost log line
   * cannot lock the ward out); once an admin exists, none is issued.
   */
  async ensureWard(settings: WardSettings): Promise<EnsureWardResult> {
    let ward = await this.db.ward.findUnique({ where: { slug: settings.slug } });
    const created = !ward;
    if (!ward) {
      ward = await this.db.ward.create({
        data: {
          slug: settings.slug,
          name: settings.name,
          timezone: settings.timezone,
          quarters: { create: settings.quarterNames.map((name, position) => ({ name, position })) },
        },
      });
      // The roadmap's yearly targets exist from the start, marked as the plan's until the admin confirms them (/target).
      await this.db.roadmapTarget.createMany({ data: defaultTargets(settings.quarterNames.length).map((t) => ({ wardId: ward!.id, ...t, source: "plan" })) });
      await this.audit.record({ wardId: ward.id, action: "ward.created", detail: { quarters: settings.quarterNames.length } });
    }
    const admins = await this.db.member.count({ where: { wardId: ward.id, role: "admin", active: true } });
    if (admins > 0) return { wardId: ward.id, created, adminCode: null };
    const adminCode = generateAdminCode(this.random);
    await this.db.ward.update({
      where: { id: ward.id },
      data: { adminCodeHash: this.secrets.keyedHash("admin-code", adminCode) },
    });
    return { wardId: ward.id, created, adminCode };
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
   * A fresh one-time admin code for a ward that has no admin yet (a lost code
   * must not lock a ward out); null once the ward has an admin.
   */
  async reissueAdminCode(slug: string): Promise<string | null> {
    const ward = await this.getBySlug(slug);
    if (!ward) throw new ServiceError("not_found");
    return (await this.ensureWard({ slug, name: ward.name, timezone: ward.timezone, quarterNames: [] })).adminCode;
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
    }));
  }

  get(wardId: string) {
    return this.db.ward.findUnique({ where: { id: wardId } });
  }

  getBySlug(slug: string) {
    return this.db.ward.findUnique({ where: { slug } });
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
