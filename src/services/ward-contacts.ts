// The ward police's hotline and address for residents (/lienhephuong). Only
// the ward's admin sets or clears them; the role is read from the database on
// every change, and every change is audited with the ward's value: public
// facts about the ward, never anything about a resident.
import type { Database } from "../db.js";
import { EDITABLE_FAMILY_TOPICS, type EditableFamilyTopic, familyPageTextSchema } from "../domain/family-help.js";
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

  /** The ward's own wording of family-help topics, where its admin gave one (/trangnguoithan). */
  async familyPages(wardId: string): Promise<Partial<Record<EditableFamilyTopic, string>>> {
    const rows = await this.db.wardFamilyPage.findMany({ where: { wardId } });
    const topics: readonly string[] = EDITABLE_FAMILY_TOPICS;
    return Object.fromEntries(rows.filter((r) => topics.includes(r.topic)).map((r) => [r.topic, r.text]));
  }

  async setFamilyPage(member: ActiveMember, topic: EditableFamilyTopic, text: string): Promise<void> {
    const parsed = familyPageTextSchema.safeParse(text);
    if (!parsed.success || !EDITABLE_FAMILY_TOPICS.includes(topic)) throw new ServiceError("invalid_input", "invalid family page");
    const admin = await this.activeAdmin(member);
    await this.db.$transaction(async (tx) => {
      await tx.wardFamilyPage.upsert({ where: { wardId_topic: { wardId: admin.wardId, topic } }, create: { wardId: admin.wardId, topic, text: parsed.data }, update: { text: parsed.data } });
      await this.audit.record({ wardId: admin.wardId, action: "ward.family_page_set", actorMemberId: admin.id, detail: { topic, text: parsed.data } }, tx);
    });
  }

  /** Back to the national text; false when the ward had none of its own. */
  async resetFamilyPage(member: ActiveMember, topic: EditableFamilyTopic): Promise<boolean> {
    const admin = await this.activeAdmin(member);
    return this.db.$transaction(async (tx) => {
      const removed = await tx.wardFamilyPage.deleteMany({ where: { wardId: admin.wardId, topic } });
      if (removed.count === 0) return false;
      await this.audit.record({ wardId: admin.wardId, action: "ward.family_page_reset", actorMemberId: admin.id, detail: { topic } }, tx);
      return true;
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
