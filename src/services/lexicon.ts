// A ward's own words for triage (/tukhoa): officers and admins teach the bot
// their street slang; each new tip of the ward is triaged with them. Terms are
// words, never identities, and are kept folded (no marks, lower case), as
// triage matches them. Every add and removal is audited with the word and kind.
import type { Database } from "../db.js";
import { foldVietnamese } from "../domain/text.js";
import { type LexiconKind, type LexiconTerm, lexiconTermSchema, type WardLexicon } from "../domain/triage.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import { newRowId } from "./ids.js";
import type { ActiveMember } from "./members.js";

/** How long another instance may go on triaging with a ward's old words (changes made here apply at once). */
const CACHE_MS = 60_000;

export interface WardTermView extends LexiconTerm {
  createdByMemberId: string | null;
}

export class LexiconService {
  private readonly cache = new Map<string, { at: number; lexicon: Promise<WardLexicon> }>();

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The ward's terms for triage; the same array until they change (triage caches its vocabulary per array). */
  terms(wardId: string): Promise<WardLexicon> {
    const now = this.clock().getTime();
    const hit = this.cache.get(wardId);
    if (hit && now - hit.at < CACHE_MS) return hit.lexicon;
    const lexicon = this.db.wardTerm
      .findMany({ where: { wardId }, select: { phrase: true, kind: true }, orderBy: { phrase: "asc" } })
      .then((rows): WardLexicon => Object.freeze(rows.map((r) => ({ phrase: r.phrase, kind: r.kind as LexiconKind }))));
    lexicon.catch(() => this.cache.delete(wardId));
    this.cache.set(wardId, { at: now, lexicon });
    return lexicon;
  }

  /** The ward's terms with who added each, by kind then word. Any active officer or admin. */
  async list(member: ActiveMember): Promise<WardTermView[]> {
    const actor = await this.activeStaff(member);
    const rows = await this.db.wardTerm.findMany({ where: { wardId: actor.wardId }, orderBy: [{ kind: "asc" }, { phrase: "asc" }] });
    return rows.map((r) => ({ phrase: r.phrase, kind: r.kind as LexiconKind, createdByMemberId: r.createdByMemberId }));
  }

  /** Adds a word (folded); `added: false` when the ward has it already (its kind is then changed to this one). */
  async add(member: ActiveMember, phrase: string, kind: LexiconKind): Promise<{ phrase: string; kind: LexiconKind; added: boolean; previousKind?: LexiconKind }> {
    const parsed = lexiconTermSchema.safeParse({ phrase, kind });
    if (!parsed.success) throw new ServiceError("invalid_input", "invalid lexicon term");
    const actor = await this.activeStaff(member);
    const folded = foldVietnamese(parsed.data.phrase);
    const existing = await this.db.wardTerm.findUnique({ where: { wardId_phrase: { wardId: actor.wardId, phrase: folded } } });
    if (existing && existing.kind === parsed.data.kind) return { phrase: folded, kind: parsed.data.kind, added: false, previousKind: parsed.data.kind };
    await this.db.$transaction(async (tx) => {
      if (existing) await tx.wardTerm.update({ where: { id: existing.id }, data: { kind: parsed.data.kind } });
      else await tx.wardTerm.create({ data: { id: newRowId(), wardId: actor.wardId, phrase: folded, kind: parsed.data.kind, createdByMemberId: actor.id } });
      await this.audit.record(
        { wardId: actor.wardId, action: "lexicon.term_added", actorMemberId: actor.id, detail: { phrase: folded, kind: parsed.data.kind, ...(existing ? { previousKind: existing.kind } : {}) } },
        tx,
      );
    });
    this.cache.delete(actor.wardId);
    return existing
      ? { phrase: folded, kind: parsed.data.kind, added: false, previousKind: existing.kind as LexiconKind }
      : { phrase: folded, kind: parsed.data.kind, added: true };
  }

  /** Removes a word: the ward's admin, or the officer who added it. */
  async remove(member: ActiveMember, phrase: string): Promise<{ phrase: string; kind: LexiconKind }> {
    const parsed = lexiconTermSchema.shape.phrase.safeParse(phrase);
    if (!parsed.success) throw new ServiceError("invalid_input", "invalid lexicon term");
    const actor = await this.activeStaff(member);
    const folded = foldVietnamese(parsed.data);
    const term = await this.db.wardTerm.findUnique({ where: { wardId_phrase: { wardId: actor.wardId, phrase: folded } } });
    if (!term) throw new ServiceError("not_found");
    if (actor.role !== "admin" && term.createdByMemberId !== actor.id) throw new ServiceError("not_term_owner");
    await this.db.$transaction(async (tx) => {
      await tx.wardTerm.delete({ where: { id: term.id } });
      await this.audit.record({ wardId: actor.wardId, action: "lexicon.term_removed", actorMemberId: actor.id, detail: { phrase: term.phrase, kind: term.kind } }, tx);
    });
    this.cache.delete(actor.wardId);
    return { phrase: term.phrase, kind: term.kind as LexiconKind };
  }

  /** The member as the database has them now: active, with their current role. */
  private async activeStaff(member: ActiveMember): Promise<ActiveMember> {
    const row = await this.db.member.findUnique({ where: { id: member.id } });
    if (!row || !row.active || row.wardId !== member.wardId) throw new ServiceError("not_staff");
    return { id: row.id, wardId: row.wardId, role: row.role as ActiveMember["role"], displayName: row.displayName };
  }
}
