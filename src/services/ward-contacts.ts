// The ward police's hotline and address for residents (/lienhephuong). Only
// the ward's admin sets or clears them; the role is read from the database on
// every change, and every change is audited with the ward's value: public
// facts about the ward, never anything about a resident.
import type { Database } from "../db.js";
import { type WardContact, type WardContactField, wardAddressSchema, wardHotlineSchema } from "../domain/ward-contact.js";
import type { AuditService } from "./audit.js";
import { ServiceError } from "./errors.js";
import type { ActiveMember } from "./members.js";

const NONE: WardContact = { hotline: null, address: null };

export class WardContactService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /** What residents are told; nulls when the admin has set nothing. */
  async get(wardId: string): Promise<WardContact> {
    const row = await this.db.wardContact.findUnique({ where: { wardId } });
    return row ? { hotline: row.hotline, address: row.address } : NONE;
  }

  async set(member: ActiveMember, field: WardContactField, value: string): Promise<WardContact> {
    const parsed = (field === "hotline" ? wardHotlineSchema : wardAddressSchema).safeParse(value);
    if (!parsed.success) throw new ServiceError("invalid_input", `invalid ward ${field}`);
    const admin = await this.activeAdmin(member);
    return this.db.$transaction(async (tx) => {
      const row = await tx.wardContact.upsert({ where: { wardId: admin.wardId }, create: { wardId: admin.wardId, [field]: parsed.data }, update: { [field]: parsed.data } });
      await this.audit.record({ wardId: admin.wardId, action: "ward.contact_set", actorMemberId: admin.id, detail: { field, value: parsed.data } }, tx);
      return { hotline: row.hotline, address: row.address };
    });
  }

  /** Clears one field or both; audited only when something was there. */
  async clear(member: ActiveMember, field: WardContactField | "all"): Promise<WardContact> {
    const admin = await this.activeAdmin(member);
    return this.db.$transaction(async (tx) => {
      const row = await tx.wardContact.findUnique({ where: { wardId: admin.wardId } });
      if (!row) return NONE;
      const fields: WardContactField[] = field === "all" ? ["hotline", "address"] : [field];
      const had = fields.filter((f) => row[f] !== null);
      if (had.length === 0) return { hotline: row.hotline, address: row.address };
      const left = { hotline: fields.includes("hotline") ? null : row.hotline, address: fields.includes("address") ? null : row.address };
      if (left.hotline === null && left.address === null) await tx.wardContact.delete({ where: { wardId: admin.wardId } });
      else await tx.wardContact.update({ where: { wardId: admin.wardId }, data: left });
      for (const f of had) await this.audit.record({ wardId: admin.wardId, action: "ward.contact_cleared", actorMemberId: admin.id, detail: { field: f, value: row[f] } }, tx);
      return left;
    });
  }

  /** The member as the database has them now: an active admin of their ward. */
  private async activeAdmin(member: ActiveMember): Promise<ActiveMember> {
    const row = await this.db.member.findUnique({ where: { id: member.id } });
    if (!row || !row.active || row.wardId !== member.wardId) throw new ServiceError("not_staff");
    if (row.role !== "admin") throw new ServiceError("not_admin");
    return { id: row.id, wardId: row.wardId, role: "admin", displayName: row.displayName };
  }
}
