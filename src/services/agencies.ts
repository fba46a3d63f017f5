// Agencies that owe the ward reports, and their contacts: invited by single-use
// link like staff. A quarter is an agency too; its heads may answer for it.
import type { Database } from "../db.js";
import { DEFAULT_AGENCIES } from "../domain/deadlines.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import type { ActiveMember, StaffIdentity } from "./members.js";
import { InviteLinks } from "./invites.js";
import { isUniqueViolation, upsertRacing } from "./write-races.js";

const PREFIX = "ag_";
export const AGENCY_NAME_MAX = 80;
/**
 * The ward police: "báo cáo kết quả thực hiện về UBND phường (qua Công an phường)".
 * They collect the others' reports and compile the ward's; they owe none to
 * themselves, so they are no reporter: no reminders, contacts or number in /agencies.
 */
export const COLLECTOR_KIND = "police";
// /agencies lists the plan's offices (their index), then the quarters (in the ward's order), then what officers add.
const QUARTER_POSITIONS_FROM = 1_000;
const ADDED_POSITIONS_FROM = 100_000;

export interface AgencyView {
  id: string;
  name: string;
  kind: string;
  position: number;
  quarterId: string | null;
  contacts: number;
}

/** Someone who receives an agency's reminders. `key` tells contacts and quarter heads apart. */
export interface AgencyRecipient {
  key: string;
  telegramUserId: string;
  displayName: string;
}

/** An agency's contact as the admin's list shows them. */
export interface ContactView {
  id: string;
  displayName: string;
  agencyName: string;
}

export class AgencyService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly invites: InviteLinks,
  ) {}

  static isInvitePayload(payload: string): boolean {
    return payload.startsWith(PREFIX);
  }

  /**
   * The plan's offices and one agency per quarter, once per ward (a quarter
   * added later gets its agency too). Positions come from what each agency is,
   * never from a count read a moment earlier, so callers racing on a new ward
   * (a tick, a command, another instance) still number them in the plan's order.
   */
  async ensureDefaults(wardId: string): Promise<void> {
    const quarters = await this.db.quarter.findMany({ where: { wardId, agency: null }, orderBy: { position: "asc" } });
    if (quarters.length === 0 && (await this.db.agency.count({ where: { wardId } })) > 0) return;
    for (const [index, a] of DEFAULT_AGENCIES.entries()) {
      await upsertRacing(() => this.db.agency.upsert({ where: { wardId_name: { wardId, name: a.name } }, create: { wardId, name: a.name, kind: a.kind, position: index }, update: {} }));
    }
    for (const q of quarters) {
      await this.db.agency
        .create({ data: { wardId, name: q.name, kind: "quarter", quarterId: q.id, position: QUARTER_POSITIONS_FROM + q.position } })
        .catch((err: unknown) => {
          // Another caller created it a moment ago.
          if (!isUniqueViolation(err)) throw err;
        });
    }
  }

  /** The agencies that report (numbered in /agencies), in order; the ward police, who collect, are not among them. */
  async list(wardId: string): Promise<AgencyView[]> {
    await this.ensureDefaults(wardId);
    const rows = await this.db.agency.findMany({
      where: { wardId, active: true, kind: { not: COLLECTOR_KIND } },
      // Two officers adding at the same moment can share a position; the numbers must still not move between calls.
      orderBy: [{ position: "asc" }, { name: "asc" }],
      include: { _count: { select: { contacts: { where: { active: true } } } } },
    });
    return rows.map((a) => ({ id: a.id, name: a.name, kind: a.kind, position: a.position, quarterId: a.quarterId, contacts: a._count.contacts }));
  }

  /** The ward police's agency, which collects the reports for UBND phường; null if an admin removed it. */
  async collector(wardId: string): Promise<{ id: string; name: string } | null> {
    await this.ensureDefaults(wardId);
    return this.db.agency.findFirst({ where: { wardId, active: true, kind: COLLECTOR_KIND }, orderBy: { position: "asc" }, select: { id: true, name: true } });
  }

  /** The agency shown as number `n` (1-based) in `/agencies`. */
  async byNumber(wardId: string, n: number): Promise<AgencyView | null> {
    return (await this.list(wardId))[n - 1] ?? null;
  }

  async add(staff: ActiveMember, name: string): Promise<AgencyView> {
    const clean = name.trim().replace(/\s+/g, " ");
    if (clean.length < 2 || clean.length > AGENCY_NAME_MAX) throw new ServiceError("invalid_input", "agency name length");
    await this.ensureDefaults(staff.wardId);
    const last = (await this.db.agency.aggregate({ where: { wardId: staff.wardId }, _max: { position: true } }))._max.position ?? 0;
    const position = Math.max(last + 1, ADDED_POSITIONS_FROM);
    const agency = await this.db.agency.upsert({
      where: { wardId_name: { wardId: staff.wardId, name: clean } },
      create: { wardId: staff.wardId, name: clean, kind: "other", position },
      update: { active: true },
    });
    await this.audit.record({ wardId: staff.wardId, action: "agency.added", actorMemberId: staff.id, detail: { agency: clean } });
    return { id: agency.id, name: agency.name, kind: agency.kind, position: agency.position, quarterId: agency.quarterId, contacts: 0 };
  }

  async deactivate(staff: ActiveMember, agencyId: string): Promise<string> {
    const agency = await this.db.agency.findFirst({ where: { id: agencyId, wardId: staff.wardId } });
    if (!agency) throw new ServiceError("not_found");
    await this.db.agency.update({ where: { id: agency.id }, data: { active: false } });
    await this.audit.record({ wardId: staff.wardId, action: "agency.removed", actorMemberId: staff.id, detail: { agency: agency.name } });
    return agency.name;
  }

  async createInvite(staff: ActiveMember, agencyId: string): Promise<{ payload: string; agencyName: string; expiresAt: Date }> {
    const agency = await this.db.agency.findFirst({ where: { id: agencyId, wardId: staff.wardId, active: true, kind: { not: COLLECTOR_KIND } } });
    if (!agency) throw new ServiceError("not_found");
    const { token, expiresAt } = await this.invites.issue(
      { wardId: staff.wardId, agencyId: agency.id, role: "agency_contact", createdByMemberId: staff.id },
      { agency: agency.name },
    );
    return { payload: `${PREFIX}${token}`, agencyName: agency.name, expiresAt };
  }

  private async usableInvite(payload: string) {
    const invite = await this.invites.usable(payload.slice(PREFIX.length), (i) => i.role === "agency_contact" && i.agency?.active === true && i.agency.kind !== COLLECTOR_KIND);
    if (!invite.agency) throw new ServiceError("invite_invalid");
    return { ...invite, agency: invite.agency };
  }

  async preview(payload: string): Promise<{ wardName: string; agencyName: string }> {
    const invite = await this.usableInvite(payload);
    return { wardName: invite.ward.name, agencyName: invite.agency.name };
  }

  async accept(payload: string, who: StaffIdentity): Promise<{ wardName: string; agencyName: string }> {
    const invite = await this.usableInvite(payload);
    await this.db.$transaction(async (tx) => {
      await InviteLinks.markUsed(tx, invite.id, this.clock());
      await tx.agencyContact.upsert({
        where: { agencyId_telegramUserId: { agencyId: invite.agency.id, telegramUserId: who.telegramUserId } },
        create: { wardId: invite.wardId, agencyId: invite.agency.id, telegramUserId: who.telegramUserId, displayName: who.displayName },
        update: { active: true, blockedAt: null, displayName: who.displayName },
      });
    });
    await this.audit.record({ wardId: invite.wardId, action: "invite.accepted", detail: { role: invite.role, inviteId: invite.id, agency: invite.agency.name } });
    return { wardName: invite.ward.name, agencyName: invite.agency.name };
  }

  /** The agency's active contacts (a quarter's heads are managed with the quarter's, not here). */
  async contacts(admin: ActiveMember, agencyId: string): Promise<ContactView[]> {
    if (admin.role !== "admin") throw new ServiceError("not_admin");
    const agency = await this.db.agency.findFirst({ where: { id: agencyId, wardId: admin.wardId }, include: { contacts: { where: { active: true }, orderBy: { createdAt: "asc" } } } });
    if (!agency) throw new ServiceError("not_found");
    return agency.contacts.map((c) => ({ id: c.id, displayName: c.displayName, agencyName: agency.name }));
  }

  /** Takes a contact off the agency: no more reminders, and their next press is refused (read from the database). */
  async removeContact(admin: ActiveMember, contactId: string): Promise<ContactView> {
    if (admin.role !== "admin") throw new ServiceError("not_admin");
    const contact = await this.db.agencyContact.findUnique({ where: { id: contactId }, include: { agency: true } });
    if (!contact || contact.wardId !== admin.wardId || !contact.active) throw new ServiceError("not_found");
    await this.db.agencyContact.update({ where: { id: contact.id }, data: { active: false } });
    await this.audit.record({ wardId: admin.wardId, action: "agency_contact.removed", actorMemberId: admin.id, detail: { contactId: contact.id, agency: contact.agency.name } });
    return { id: contact.id, displayName: contact.displayName, agencyName: contact.agency.name };
  }

  /** Contacts, and for a quarter its active heads and deputies, who have not blocked the bot. */
  async recipients(agencyId: string): Promise<AgencyRecipient[]> {
    const agency = await this.db.agency.findUnique({ where: { id: agencyId }, include: { contacts: { where: { active: true, blockedAt: null }, orderBy: { createdAt: "asc" } } } });
    if (!agency?.active || agency.kind === COLLECTOR_KIND) return [];
    const people: AgencyRecipient[] = agency.contacts.map((c) => ({ key: `c:${c.id}`, telegramUserId: c.telegramUserId, displayName: c.displayName }));
    if (agency.quarterId) {
      const heads = await this.db.quarterHead.findMany({ where: { quarterId: agency.quarterId, active: true, blockedAt: null }, orderBy: { createdAt: "asc" } });
      for (const h of heads) {
        if (!people.some((p) => p.telegramUserId === h.telegramUserId)) people.push({ key: `h:${h.id}`, telegramUserId: h.telegramUserId, displayName: h.displayName });
      }
    }
    return people;
  }

  /** Whether this Telegram user may confirm for the agency (read from the database on every press). */
  async speaksFor(agencyId: string, telegramUserId: string): Promise<{ displayName: string } | null> {
    const recipient = (await this.recipients(agencyId)).find((r) => r.telegramUserId === telegramUserId);
    if (recipient) return { displayName: recipient.displayName };
    // A contact who blocked and came back still speaks for the agency.
    const contact = await this.db.agencyContact.findFirst({ where: { agencyId, telegramUserId, active: true, agency: { active: true, kind: { not: COLLECTOR_KIND } } } });
    return contact ? { displayName: contact.displayName } : null;
  }

  async markBlocked(recipientKey: string): Promise<void> {
    const [kind, id] = recipientKey.split(":");
    if (kind === "c") await this.db.agencyContact.update({ where: { id: id! }, data: { blockedAt: this.clock() } });
    else if (kind === "h") await this.db.quarterHead.update({ where: { id: id! }, data: { blockedAt: this.clock() } });
  }

  async markReachable(telegramUserId: string): Promise<void> {
    await this.db.agencyContact.updateMany({ where: { telegramUserId, blockedAt: { not: null } }, data: { blockedAt: null } });
  }
}
