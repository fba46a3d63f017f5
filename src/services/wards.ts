import type { Database } from "../db.js";
import { generateAdminCode } from "../domain/codes.js";
import type { AuditService } from "./audit.js";
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
