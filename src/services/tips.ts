// Tips: stored with no trace of who sent them. Nothing in this file receives
// a Telegram user, chat or message id of the resident — by construction.
import { type Database, eraseDeleted } from "../db.js";
import { generateReceiptCode, generateTipReference, parseReceiptCode } from "../domain/codes.js";
import { findDuplicateOf } from "../domain/duplicates.js";
import { approximatePin, formatStoredPin, parseStoredPin } from "../domain/location.js";
import { z } from "zod";
import {
  type CloseReason,
  PRIORITIES,
  TIP_DESCRIPTION_MAX,
  TIP_PHOTOS_MAX,
  type Priority,
  type TipCategory,
  type TipDraft,
  type TipStatus,
  type TipTiming,
  tipDraftSchema,
} from "../domain/tip.js";
import { foldVietnamese } from "../domain/text.js";
import { tallyTips } from "../domain/tip-tally.js";
import { triageTip, type TriageReason, type WardLexicon } from "../domain/triage.js";
import type { OverrideReason } from "../domain/triage-feedback.js";
import { reportingMonthOf } from "../domain/report-period.js";
import { localDateOf } from "../domain/deadlines.js";
import { signalsOf } from "./triage-feedback.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import type { ActiveMember } from "./members.js";
import type { JobService } from "./jobs.js";
import { type Keyring, SEALED } from "./keyring.js";
import type { TipMessenger } from "./messenger.js";
import { newRowId } from "./ids.js";
import type { RandomSource, Secrets } from "./secrets.js";
import { isUniqueViolation, upsertRacing } from "./write-races.js";

/** Minutes an urgent or high tip may stay unclaimed before the group is reminded; reminders repeat up to 3 times. */
export interface ClaimTimers {
  urgentMinutes: number;
  highMinutes: number;
}
const MAX_CLAIM_REMINDERS = 3;

const DUPLICATE_WINDOW_DAYS = 14;

const addendumSchema = z
  .object({
    text: z.string().trim().min(1).max(TIP_DESCRIPTION_MAX).nullable(),
    photoFileIds: z.array(z.string().min(1).max(256)).max(TIP_PHOTOS_MAX),
  })
  .refine((a) => a.text !== null || a.photoFileIds.length > 0, "empty addendum");


/** A pin the resident did not confirm is rounded here too, whatever the flow did: its precise point is never stored. */
function storedPinOf(place: { latitude: number; longitude: number; approximate: boolean }): string {
  return formatStoredPin(place.approximate ? { ...approximatePin(place), approximate: true } : place);
}

function fingerprintText(description: string): string {
  return foldVietnamese(description).replace(/\s+/g, " ").trim();
}

export interface SubmittedTip {
  tipId: string;
  wardId: string;
  reference: string;
  /** Shown once to the resident and never stored in clear. */
  receiptCode: string;
  priority: Priority;
  /** Repeats a text officers closed as spam: filed closed, no card. */
  quietSpam: boolean;
  /** The same flow submitted before (replayed after a crash, or a double press): this is that tip. */
  alreadySubmitted: boolean;
}

export interface TipView {
  id: string;
  wardId: string;
  reference: string;
  category: TipCategory;
  quarterName: string | null;
  placeText: string | null;
  /** approximate: rounded to ~170 m, the resident did not confirm it is the reported place. */
  location: { latitude: number; longitude: number; approximate: boolean } | null;
  timing: TipTiming;
  description: string;
  priority: Priority;
  reasons: TriageReason[];
  status: TipStatus;
  closeReason: CloseReason | null;
  claimedByName: string | null;
  claimedById: string | null;
  duplicateOfReference: string | null;
  photoFileIds: string[];
  createdAt: Date;
}

/** What a resident may learn with their receipt: never who handles it, nor the officers' reference. */
export interface ReceiptStatus {
  tipId: string;
  wardId: string;
  status: TipStatus;
  closeReason: CloseReason | null;
  createdAt: Date;
  addenda: number;
}

export class TipService {
  private messenger: TipMessenger | null = null;

  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
    private readonly random: RandomSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly jobs: JobService,
    private readonly timers: ClaimTimers,
    private readonly keyring: Keyring,
    /** The ward's own words (LexiconService), added to the built-in ones when a tip is triaged. */
    private readonly wardLexicon?: { terms(wardId: string): Promise<WardLexicon> },
  ) {
    jobs.register("tip.claim_timer", (_job, p) => this.claimTimerFired(String(p.tipId), Number(p.n), Number(p.minutes), typeof p.round === "string" ? p.round : undefined));
  }

  useMessenger(messenger: TipMessenger): void {
    this.messenger = messenger;
  }

  private timerMinutes(priority: Priority): number | null {
    return priority === "urgent" ? this.timers.urgentMinutes : priority === "high" ? this.timers.highMinutes : null;
  }

  /**
   * Plans the n-th reminder of an unclaimed tip. A tip given back to the group
   * (its officer removed) starts a new `round`, so its reminders are planned
   * afresh rather than matched to the ones already sent.
   */
  private async startClaimTimer(
    tip: { id: string; wardId: string; priority: Priority },
    n: number,
    from: Date,
    round?: string,
    client: Pick<Database, "scheduledJob"> = this.db,
  ): Promise<void> {
    const minutes = this.timerMinutes(tip.priority);
    if (minutes === null || n > MAX_CLAIM_REMINDERS) return;
    await this.jobs.schedule(
      {
        wardId: tip.wardId,
        key: round ? `tip.claim_timer:${tip.id}:${round}:${tip.priority}:${n}` : `tip.claim_timer:${tip.id}:${tip.priority}:${n}`,
        kind: "tip.claim_timer",
        dueAt: new Date(from.getTime() + minutes * 60_000),
        payload: { tipId: tip.id, n, minutes, ...(round ? { round } : {}) },
      },
      client,
    );
  }

  private async claimTimerFired(tipId: string, n: number, minutes: number, round?: string): Promise<void> {
    const tip = await this.db.tip.findUnique({ where: { id: tipId } });
    if (!tip || tip.status !== "new" || this.timerMinutes(tip.priority as Priority) !== minutes) return;
    const officers = await this.db.member.findMany({ where: { wardId: tip.wardId, active: true }, orderBy: { createdAt: "asc" }, take: 5 });
    await this.messenger?.unclaimed(tip.id, { minutes: minutes * n, officers: officers.map((o) => ({ telegramUserId: o.telegramUserId, displayName: o.displayName })) });
    await this.startClaimTimer({ id: tip.id, wardId: tip.wardId, priority: tip.priority as Priority }, n + 1, this.clock(), round);
  }

  /**
   * Files a tip. `submissionNonce` (drawn once per flow) makes it idempotent:
   * submitting again with the same nonce returns the tip already filed, with
   * the same receipt (derived from the nonce, so it never needs storing).
   */
  async submit(wardId: string, input: TipDraft, submissionNonce?: string): Promise<SubmittedTip> {
    const draft = tipDraftSchema.parse(input);
    const submissionHash = submissionNonce ? this.secrets.keyedHash("submission", submissionNonce) : null;
    const receiptCode = generateReceiptCode(submissionNonce ? this.secrets.derivedBytes("receipt", submissionNonce) : this.random);
    if (submissionHash) {
      const earlier = await this.alreadyFiled(submissionHash, receiptCode);
      if (earlier) return earlier;
    }
    if (draft.quarterId) {
      const quarter = await this.db.quarter.findFirst({ where: { id: draft.quarterId, wardId } });
      if (!quarter) throw new ServiceError("invalid_input", "quarter does not belong to ward");
    }
    const placeText = draft.place?.kind === "text" ? draft.place.text : null;
    const lexicon = await this.wardLexicon?.terms(wardId);
    const triage = triageTip(
      {
        category: draft.category,
        timing: draft.timing,
        description: draft.description,
        place: placeText,
      },
      lexicon,
    );
    const now = this.clock();
    const duplicateGroup = await this.duplicateGroupFor(wardId, draft.quarterId, placeText, now);
    const spamHash = this.secrets.keyedHash("spam", `${wardId}\u0000${fingerprintText(draft.description)}`);
    const quietSpam = (await this.db.spamFingerprint.findUnique({ where: { hash: spamHash } })) !== null;

    const receiptHash = await this.secrets.receiptHash(receiptCode);
    for (let attempt = 0; ; attempt++) {
      const reference = generateTipReference(this.random);
      const taken = await this.db.tip.findUnique({ where: { wardId_reference: { wardId, reference } } });
      if (taken) {
        if (attempt > 20) throw new Error("could not allocate a tip reference");
        continue;
      }
      // Chosen here, so that each sealed value binds its row (keyring.ts).
      const id = newRowId();
      let tip;
      try {
        tip = await this.db.tip.create({
          data: {
            id,
            wardId,
            reference,
            receiptHash,
            submissionHash,
            category: draft.category,
            quarterId: draft.quarterId,
            placeText: this.keyring.sealOrNull(SEALED.place, id, placeText),
            location: draft.place?.kind === "location" ? this.keyring.seal(SEALED.location, id, storedPinOf(draft.place)) : null,
            timing: draft.timing,
            description: this.keyring.seal(SEALED.description, id, draft.description),
            priority: triage.priority,
            triageScore: triage.score,
            triageReasons: JSON.stringify(triage.reasons),
            duplicateGroup,
            createdAt: now,
            ...(quietSpam ? { status: "closed", closeReason: "spam", closedAt: now } : {}),
            photos: {
              create: draft.photoFileIds.map((fileId, position) => {
                const photoId = newRowId();
                return { id: photoId, fileId: this.keyring.seal(SEALED.photo, photoId, fileId), position };
              }),
            },
          },
        });
      } catch (err) {
        // The same flow on another instance (or a double press) filed it a moment ago.
        const earlier = submissionHash && isUniqueViolation(err) ? await this.alreadyFiled(submissionHash, receiptCode) : null;
        if (earlier) return earlier;
        throw err;
      }
      if (!quietSpam) await this.startClaimTimer({ id: tip.id, wardId, priority: triage.priority }, 1, now);
      await this.audit.record({
        wardId,
        action: "tip.submitted",
        tipId: tip.id,
        detail: { priority: triage.priority, category: draft.category, photos: draft.photoFileIds.length, quietSpam },
      });
      return { tipId: tip.id, wardId, reference, receiptCode, priority: triage.priority, quietSpam, alreadySubmitted: false };
    }
  }

  /**
   * The tip a flow already filed, with its receipt (derived from the flow's
   * nonce): for a resident who cancels or starts over after "Gửi" when the
   * receipt never reached them.
   */
  async filedBy(submissionNonce: string): Promise<SubmittedTip | null> {
    const receiptCode = generateReceiptCode(this.secrets.derivedBytes("receipt", submissionNonce));
    return this.alreadyFiled(this.secrets.keyedHash("submission", submissionNonce), receiptCode);
  }

  private async alreadyFiled(submissionHash: string, receiptCode: string): Promise<SubmittedTip | null> {
    const tip = await this.db.tip.findUnique({ where: { submissionHash } });
    if (!tip) return null;
    return {
      tipId: tip.id,
      wardId: tip.wardId,
      reference: tip.reference,
      receiptCode,
      priority: tip.priority as Priority,
      quietSpam: tip.status === "closed" && tip.closeReason === "spam",
      alreadySubmitted: true,
    };
  }

  private async duplicateGroupFor(wardId: string, quarterId: string | null, place: string | null, now: Date) {
    if (!quarterId || !place) return null;
    const since = new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
    const open = await this.db.tip.findMany({
      where: { wardId, quarterId, status: { not: "closed" }, placeText: { not: null }, createdAt: { gte: since } },
      select: { id: true, quarterId: true, placeText: true, createdAt: true, duplicateGroup: true },
      orderBy: { createdAt: "desc" },
      take: 200,
    });
    const match = findDuplicateOf(
      { quarterId, place, createdAt: now },
      open.map((t) => ({ ...t, place: this.keyring.openOrNull(SEALED.place, t.id, t.placeText) })),
      { windowDays: DUPLICATE_WINDOW_DAYS },
    );
    if (!match) return null;
    // Give the earlier tip the group too, so both cards show it.
    await this.db.tip.updateMany({ where: { id: match.id, duplicateGroup: null }, data: { duplicateGroup: match.duplicateGroup } });
    return match.duplicateGroup;
  }

  async view(tipId: string): Promise<TipView | null> {
    const t = await this.db.tip.findUnique({
      where: { id: tipId },
      include: { quarter: true, claimedBy: true, photos: { orderBy: { position: "asc" } } },
    });
    if (!t) return null;
    let duplicateOfReference: string | null = null;
    if (t.duplicateGroup) {
      const first = await this.db.tip.findFirst({
        where: { wardId: t.wardId, duplicateGroup: t.duplicateGroup, NOT: { id: t.id } },
        orderBy: { createdAt: "asc" },
        select: { reference: true },
      });
      duplicateOfReference = first?.reference ?? null;
    }
    return {
      id: t.id,
      wardId: t.wardId,
      reference: t.reference,
      category: t.category as TipCategory,
      quarterName: t.quarter?.name ?? null,
      placeText: this.keyring.openOrNull(SEALED.place, t.id, t.placeText),
      location: parseStoredPin(this.keyring.openOrNull(SEALED.location, t.id, t.location)),
      timing: t.timing as TipTiming,
      description: this.keyring.open(SEALED.description, t.id, t.description),
      priority: t.priority as Priority,
      reasons: JSON.parse(t.triageReasons) as TriageReason[],
      status: t.status as TipStatus,
      closeReason: (t.closeReason as CloseReason | null) ?? null,
      claimedByName: t.claimedBy?.displayName ?? null,
      claimedById: t.claimedByMemberId,
      duplicateOfReference,
      photoFileIds: t.photos.map((p) => this.keyring.open(SEALED.photo, p.id, p.fileId)),
      createdAt: t.createdAt,
    };
  }

  /** Looks a tip up by the resident's receipt (typed loosely); null when the code matches nothing. */
  async byReceipt(input: string): Promise<ReceiptStatus | null> {
    const code = parseReceiptCode(input);
    if (!code) return null;
    const tip = await this.db.tip.findUnique({
      where: { receiptHash: await this.secrets.receiptHash(code) },
      select: { id: true, wardId: true, status: true, closeReason: true, createdAt: true, _count: { select: { addenda: true } } },
    });
    if (!tip) return null;
    return {
      tipId: tip.id,
      wardId: tip.wardId,
      status: tip.status as TipStatus,
      closeReason: (tip.closeReason as CloseReason | null) ?? null,
      createdAt: tip.createdAt,
      addenda: tip._count.addenda,
    };
  }

  /** Receipts of tips closed more than `days` ago stop working: the tip can no longer be found by its code. */
  async expireReceipts(days: number): Promise<number> {
    const cutoff = new Date(this.clock().getTime() - days * 86_400_000);
    const { count } = await this.db.tip.updateMany({
      where: { status: "closed", closedAt: { lt: cutoff }, receiptHash: { not: null } },
      data: { receiptHash: null },
    });
    return count;
  }

  /** Ids of every tip closed before `closedBefore`, a batch at a time (for sweeps that can only find their rows by a keyed hash of the id). */
  async *closedTipIds(closedBefore: Date, batchSize = 1000): AsyncGenerator<string[]> {
    let after: string | undefined;
    for (;;) {
      const rows = await this.db.tip.findMany({
        where: { status: "closed", closedAt: { lt: closedBefore }, ...(after ? { id: { gt: after } } : {}) },
        select: { id: true },
        orderBy: { id: "asc" },
        take: batchSize,
      });
      if (rows.length === 0) return;
      yield rows.map((r) => r.id);
      after = rows.at(-1)!.id;
    }
  }

  /**
   * Retention: tips closed more than `days` ago are deleted with their photos,
   * additions, questions and cards (cascade). The append-only audit keeps one
   * "tips.purged" row per ward with the count; its older rows hold ids and codes only.
   * Reports keep counting them through TipTally (month, quarter, category,
   * priority, result: domain/tip-tally.ts), written in the same transaction;
   * their outcomes stay, with no tip.
   */
  async purgeClosed(days: number): Promise<{ tips: number; photos: number; addenda: number; questions: number }> {
    const cutoff = new Date(this.clock().getTime() - days * 86_400_000);
    const totals = { tips: 0, photos: 0, addenda: 0, questions: 0 };
    for (;;) {
      const batch = await this.db.tip.findMany({
        where: { status: "closed", closedAt: { lt: cutoff } },
        select: {
          id: true,
          wardId: true,
          createdAt: true,
          quarterId: true,
          category: true,
          priority: true,
          status: true,
          closeReason: true,
          ward: { select: { timezone: true } },
          _count: { select: { photos: true, addenda: true, questions: true } },
        },
        take: 500,
      });
      if (batch.length === 0) {
        // What the purged tips said must not stay readable in the database's files either.
        if (totals.tips > 0) await eraseDeleted(this.db);
        return totals;
      }
      const tallies = tallyTips(batch.map((t) => ({ ...t, timezone: t.ward.timezone })));
      const results = await this.db.$transaction([
        ...tallies.map(({ count: n, ...key }) =>
          this.db.tipTally.upsert({ where: { wardId_month_quarterId_category_priority_result: key }, create: { ...key, count: n }, update: { count: { increment: n } } }),
        ),
        this.db.tip.deleteMany({ where: { id: { in: batch.map((t) => t.id) }, status: "closed", closedAt: { lt: cutoff } } }),
      ]);
      const { count } = results.at(-1) as { count: number };
      totals.tips += count;
      for (const t of batch) {
        totals.photos += t._count.photos;
        totals.addenda += t._count.addenda;
        totals.questions += t._count.questions;
      }
      const perWard = new Map<string, number>();
      for (const t of batch) perWard.set(t.wardId, (perWard.get(t.wardId) ?? 0) + 1);
      for (const [wardId, tips] of perWard) await this.audit.record({ wardId, action: "tips.purged", detail: { tips, olderThanDays: days } });
    }
  }

  /** A resident adds information to their open tip. Like the tip, it carries no identity. */
  async addInformation(receipt: string, text: string | null, photoFileIds: string[]): Promise<{ addendumId: string }> {
    const found = await this.byReceipt(receipt);
    if (!found) throw new ServiceError("tip_not_found");
    if (found.status === "closed") throw new ServiceError("tip_closed");
    const input = addendumSchema.parse({ text, photoFileIds });
    const tip = await this.db.tip.findUniqueOrThrow({ where: { id: found.tipId }, select: { wardId: true } });
    const id = newRowId();
    const addendum = await this.db.tipAddendum.create({
      data: {
        id,
        tipId: found.tipId,
        text: this.keyring.sealOrNull(SEALED.addendumText, id, input.text),
        photoFileIds: this.keyring.seal(SEALED.addendumPhotos, id, JSON.stringify(input.photoFileIds)),
        createdAt: this.clock(),
      },
    });
    await this.audit.record({ wardId: tip.wardId, action: "tip.information_added", tipId: found.tipId, detail: { photos: input.photoFileIds.length } });
    return { addendumId: addendum.id };
  }

  /**
   * Once the police group has the re-encoded copies of a tip's pictures, the tip keeps their file ids in place
   * of the resident's own (a resident's file id, with the bot's token, downloads the file as it was sent).
   * A picture that could not be re-encoded is dropped: it was never passed on either.
   */
  async keepCleanPhotos(tipId: string, cleanFileIds: string[]): Promise<void> {
    await this.db.$transaction([
      this.db.tipPhoto.deleteMany({ where: { tipId } }),
      this.db.tipPhoto.createMany({
        data: cleanFileIds.map((fileId, position) => {
          const id = newRowId();
          return { id, tipId, fileId: this.keyring.seal(SEALED.photo, id, fileId), position };
        }),
      }),
    ]);
    await eraseDeleted(this.db);
  }

  /** The same for the pictures of a resident's addendum. */
  async keepCleanAddendumPhotos(addendumId: string, cleanFileIds: string[]): Promise<void> {
    await this.db.tipAddendum.update({ where: { id: addendumId }, data: { photoFileIds: this.keyring.seal(SEALED.addendumPhotos, addendumId, JSON.stringify(cleanFileIds)) } });
    await eraseDeleted(this.db);
  }

  /** Open tips of the officer's ward, most urgent first, a page at a time. */
  async listOpen(member: ActiveMember, filter: { priority?: Priority; quarterPosition?: number; taken?: boolean; page: number; pageSize: number }) {
    const where = {
      wardId: member.wardId,
      status: filter.taken === undefined ? { not: "closed" } : filter.taken ? { in: ["claimed", "verifying", "acted"] } : "new",
      ...(filter.priority ? { priority: filter.priority } : {}),
      ...(filter.quarterPosition !== undefined ? { quarter: { position: filter.quarterPosition } } : {}),
    };
    const rows = await this.db.tip.findMany({ where, include: { quarter: true, claimedBy: true }, orderBy: { createdAt: "desc" } });
    const rank = (p: string) => PRIORITIES.indexOf(p as Priority);
    rows.sort((a, b) => rank(a.priority) - rank(b.priority) || b.createdAt.getTime() - a.createdAt.getTime());
    const start = filter.page * filter.pageSize;
    return {
      total: rows.length,
      items: rows.slice(start, start + filter.pageSize).map((t) => ({
        id: t.id,
        reference: t.reference,
        priority: t.priority as Priority,
        category: t.category as TipCategory,
        quarterName: t.quarter?.name ?? null,
        createdAt: t.createdAt,
        claimedByName: t.claimedBy?.displayName ?? null,
      })),
    };
  }

  /** An officer asks the tipster something; the bot relays it. */
  async ask(member: ActiveMember, tipId: string, question: string): Promise<{ questionId: string; reference: string }> {
    const tip = await this.openTipFor(member, tipId);
    const text = z.string().trim().min(1).max(1000).parse(question);
    const id = newRowId();
    const row = await this.db.tipQuestion.create({
      data: { id, tipId: tip.id, askedByMemberId: member.id, question: this.keyring.seal(SEALED.question, id, text), askedAt: this.clock() },
    });
    await this.audit.record({ wardId: tip.wardId, action: "tip.question_asked", actorMemberId: member.id, tipId: tip.id, detail: { questionId: row.id } });
    return { questionId: row.id, reference: tip.reference };
  }

  async tipByReference(wardId: string, reference: string) {
    return this.db.tip.findUnique({ where: { wardId_reference: { wardId, reference: reference.replace(/^#/, "").toUpperCase() } } });
  }

  /** Questions the tipster has not answered yet; the receipt is the key. */
  async openQuestions(receipt: string): Promise<{ id: string; question: string }[]> {
    const found = await this.byReceipt(receipt);
    if (!found) return [];
    const rows = await this.db.tipQuestion.findMany({ where: { tipId: found.tipId, answer: null }, orderBy: { askedAt: "asc" }, select: { id: true, question: true } });
    return rows.map((q) => ({ id: q.id, question: this.keyring.open(SEALED.question, q.id, q.question) }));
  }

  async answerQuestion(receipt: string, questionId: string, answer: string): Promise<{ tipId: string; wardId: string; reference: string; question: string; answer: string }> {
    const found = await this.byReceipt(receipt);
    if (!found) throw new ServiceError("tip_not_found");
    const text = z.string().trim().min(1).max(TIP_DESCRIPTION_MAX).parse(answer);
    const question = await this.db.tipQuestion.findFirst({ where: { id: questionId, tipId: found.tipId, answer: null }, include: { tip: true } });
    if (!question) throw new ServiceError("tip_not_found");
    await this.db.tipQuestion.update({ where: { id: question.id }, data: { answer: this.keyring.seal(SEALED.answer, question.id, text), answeredAt: this.clock() } });
    await this.audit.record({ wardId: question.tip.wardId, action: "tip.question_answered", tipId: question.tip.id, detail: { questionId: question.id } });
    return {
      tipId: question.tip.id,
      wardId: question.tip.wardId,
      reference: question.tip.reference,
      question: this.keyring.open(SEALED.question, question.id, question.question),
      answer: text,
    };
  }

  async addendum(addendumId: string) {
    const a = await this.db.tipAddendum.findUniqueOrThrow({ where: { id: addendumId }, include: { tip: { select: { id: true, reference: true, wardId: true } } } });
    return {
      tipId: a.tip.id,
      wardId: a.tip.wardId,
      reference: a.tip.reference,
      text: this.keyring.openOrNull(SEALED.addendumText, a.id, a.text),
      photoFileIds: JSON.parse(this.keyring.open(SEALED.addendumPhotos, a.id, a.photoFileIds)) as string[],
    };
  }

  /** Loads a tip an officer wants to act on, refusing other wards' tips and closed ones. */
  private async openTipFor(member: ActiveMember, tipId: string) {
    const tip = await this.db.tip.findUnique({ where: { id: tipId } });
    if (!tip) throw new ServiceError("tip_not_found");
    if (tip.wardId !== member.wardId) throw new ServiceError("wrong_ward");
    if (tip.status === "closed") throw new ServiceError("tip_closed");
    return tip;
  }

  async claim(member: ActiveMember, tipId: string): Promise<void> {
    const tip = await this.openTipFor(member, tipId);
    if (tip.claimedByMemberId && tip.claimedByMemberId !== member.id) throw new ServiceError("already_claimed");
    await this.db.tip.update({ where: { id: tip.id }, data: { status: "claimed", claimedByMemberId: member.id } });
    await this.audit.record({ wardId: tip.wardId, action: "tip.claimed", actorMemberId: member.id, tipId: tip.id });
  }

  /** Progress after claiming: verifying, then handed over / acted on. Taking a new tip this way claims it. */
  async setStatus(member: ActiveMember, tipId: string, status: "verifying" | "acted"): Promise<void> {
    const tip = await this.openTipFor(member, tipId);
    if (tip.claimedByMemberId && tip.claimedByMemberId !== member.id) throw new ServiceError("already_claimed");
    await this.db.tip.update({ where: { id: tip.id }, data: { status, claimedByMemberId: member.id } });
    await this.audit.record({ wardId: tip.wardId, action: "tip.status_changed", actorMemberId: member.id, tipId: tip.id, detail: { from: tip.status, to: status } });
  }

  /**
   * The ward admin hands a tip to another active officer of the ward (or to an
   * officer at all, when nobody took it). Audited with both officers.
   */
  async reassign(admin: ActiveMember, tipId: string, toMemberId: string): Promise<{ toName: string }> {
    if (admin.role !== "admin") throw new ServiceError("not_admin");
    const tip = await this.openTipFor(admin, tipId);
    const to = await this.db.member.findUnique({ where: { id: toMemberId } });
    if (!to || to.wardId !== admin.wardId || !to.active) throw new ServiceError("not_staff");
    if (tip.claimedByMemberId === to.id) return { toName: to.displayName };
    const moved = await this.db.tip.updateMany({
      where: { id: tip.id, status: { not: "closed" }, claimedByMemberId: tip.claimedByMemberId },
      data: { claimedByMemberId: to.id, status: tip.status === "new" ? "claimed" : tip.status },
    });
    // Someone took, closed or moved it in between: the admin looks again.
    if (moved.count !== 1) throw new ServiceError("tip_changed");
    await this.audit.record({
      wardId: tip.wardId,
      action: "tip.reassigned",
      actorMemberId: admin.id,
      tipId: tip.id,
      detail: { fromMemberId: tip.claimedByMemberId, toMemberId: to.id },
    });
    return { toName: to.displayName };
  }

  /**
   * A removed officer's open tips go back to "new" for the others: unclaimed,
   * audited per tip (who removed whom), and their claim-timer reminders start
   * again. Runs inside the removal's transaction, so a removal never leaves a
   * tip held by someone who is gone. Returns the tips given back.
   */
  async releaseClaimsOf(tx: Pick<Database, "tip" | "auditEntry" | "scheduledJob">, actor: ActiveMember, memberId: string): Promise<string[]> {
    const now = this.clock();
    const held = await tx.tip.findMany({
      where: { wardId: actor.wardId, claimedByMemberId: memberId, status: { not: "closed" } },
      select: { id: true, wardId: true, priority: true, status: true },
      orderBy: { createdAt: "asc" },
    });
    for (const tip of held) {
      await tx.tip.update({ where: { id: tip.id }, data: { status: "new", claimedByMemberId: null } });
      await this.audit.record({ wardId: tip.wardId, action: "tip.released", actorMemberId: actor.id, tipId: tip.id, detail: { memberId, from: tip.status } }, tx);
      await this.startClaimTimer({ id: tip.id, wardId: tip.wardId, priority: tip.priority as Priority }, 1, now, `released-${now.getTime()}`, tx);
    }
    return held.map((t) => t.id);
  }

  /**
   * An officer sets a tip's priority on its card. The bot's priority at filing
   * is kept beside the officer's (TriageOverride: the tip's ward and reporting
   * month, the two priorities, the tip's triage reason codes; no time, no
   * officer), so /triage can say how often officers keep the bot's. A new
   * choice clears the reason given for the last one.
   */
  async setPriority(member: ActiveMember, tipId: string, priority: Priority): Promise<{ botPriority: Priority; differs: boolean }> {
    const tip = await this.openTipFor(member, tipId);
    const ward = await this.db.ward.findUniqueOrThrow({ where: { id: tip.wardId }, select: { timezone: true } });
    const botPriority = await this.db.$transaction(async (tx) => {
      await tx.tip.update({ where: { id: tip.id }, data: { priority } });
      const existing = await tx.triageOverride.findUnique({ where: { tipId: tip.id } });
      let bot = existing?.botPriority;
      if (!existing) {
        // A tip changed before overrides were kept: the first change's audit row has the bot's priority.
        const first = await tx.auditEntry.findFirst({ where: { tipId: tip.id, action: "tip.priority_changed" }, orderBy: { createdAt: "asc" }, select: { detail: true } });
        const from = first ? (JSON.parse(first.detail) as { from?: unknown }).from : undefined;
        bot = typeof from === "string" && (PRIORITIES as readonly string[]).includes(from) ? from : tip.priority;
        await tx.triageOverride.create({
          data: {
            id: newRowId(),
            wardId: tip.wardId,
            tipId: tip.id,
            month: reportingMonthOf(localDateOf(tip.createdAt, ward.timezone)),
            botPriority: bot,
            officerPriority: priority,
            signals: JSON.stringify(signalsOf(tip.triageReasons)),
          },
        });
      } else if (existing.officerPriority !== priority) {
        await tx.triageOverride.update({ where: { id: existing.id }, data: { officerPriority: priority, reason: null } });
      }
      await this.audit.record({ wardId: tip.wardId, action: "tip.priority_changed", actorMemberId: member.id, tipId: tip.id, detail: { from: tip.priority, to: priority } }, tx);
      return bot as Priority;
    });
    if (tip.status === "new") await this.startClaimTimer({ id: tip.id, wardId: tip.wardId, priority }, 1, this.clock());
    return { botPriority, differs: botPriority !== priority };
  }

  /** Why the officers ranked a tip otherwise than the bot: one of a fixed list, tapped on the card after the change. */
  async setPriorityReason(member: ActiveMember, tipId: string, reason: OverrideReason): Promise<void> {
    const tip = await this.openTipFor(member, tipId);
    const override = await this.db.triageOverride.findUnique({ where: { tipId: tip.id } });
    if (!override || override.botPriority === override.officerPriority) throw new ServiceError("priority_not_changed");
    await this.db.$transaction(async (tx) => {
      await tx.triageOverride.update({ where: { id: override.id }, data: { reason } });
      await this.audit.record({ wardId: tip.wardId, action: "tip.priority_reason_given", actorMemberId: member.id, tipId: tip.id, detail: { reason } }, tx);
    });
  }

  /** Open tips of the same ward an officer may mark this one a duplicate of: same quarter first. */
  async duplicateCandidates(member: ActiveMember, tipId: string) {
    const tip = await this.openTipFor(member, tipId);
    const since = new Date(this.clock().getTime() - 30 * 86_400_000);
    const rows = await this.db.tip.findMany({
      where: { wardId: tip.wardId, NOT: { id: tip.id }, createdAt: { gte: since } },
      select: { id: true, reference: true, quarterId: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 50,
    });
    return rows
      .sort((a, b) => Number(b.quarterId === tip.quarterId) - Number(a.quarterId === tip.quarterId))
      .slice(0, 6);
  }

  async markDuplicate(member: ActiveMember, tipId: string, ofTipId: string): Promise<void> {
    const tip = await this.openTipFor(member, tipId);
    const original = await this.db.tip.findUnique({ where: { id: ofTipId } });
    if (!original || original.wardId !== member.wardId || original.id === tip.id) throw new ServiceError("tip_not_found");
    const group = original.duplicateGroup ?? original.id;
    const now = this.clock();
    await this.db.$transaction([
      this.db.tip.update({ where: { id: original.id }, data: { duplicateGroup: group } }),
      this.db.tip.update({
        where: { id: tip.id },
        data: { duplicateGroup: group, status: "closed", closeReason: "duplicate", closedAt: now },
      }),
    ]);
    await this.audit.record({
      wardId: tip.wardId,
      action: "tip.marked_duplicate",
      actorMemberId: member.id,
      tipId: tip.id,
      detail: { of: original.reference },
    });
  }

  async close(member: ActiveMember, tipId: string, reason: Exclude<CloseReason, "duplicate">): Promise<void> {
    const tip = await this.openTipFor(member, tipId);
    await this.db.tip.update({
      where: { id: tip.id },
      data: { status: "closed", closeReason: reason, closedAt: this.clock() },
    });
    if (reason === "spam") {
      const hash = this.secrets.keyedHash("spam", `${tip.wardId}\u0000${fingerprintText(this.keyring.open(SEALED.description, tip.id, tip.description))}`);
      await upsertRacing(() => this.db.spamFingerprint.upsert({ where: { hash }, create: { hash, wardId: tip.wardId }, update: {} }));
    }
    await this.audit.record({ wardId: tip.wardId, action: "tip.closed", actorMemberId: member.id, tipId: tip.id, detail: { reason } });
  }

  async recordCard(tipId: string, chatId: string, messageId: number): Promise<void> {
    await this.db.tipCard.create({ data: { tipId, chatId, messageId } });
  }

  /**
   * Posts what the police groups are owed: cards a dead process never posted
   * (tips older than `graceMs` with no card in their ward's group as it is now:
   * also after the group was moved or upgraded), and cards, photos or pins
   * whose last try failed and whose back-off is over. Returns how many tips
   * were tried.
   */
  async announceMissingCards(graceMs = 120_000): Promise<number> {
    const now = this.clock();
    const ids = new Set<string>();
    const wards = await this.db.ward.findMany({ where: { policeChatId: { not: null } }, select: { id: true, policeChatId: true } });
    for (const ward of wards) {
      const rows = await this.db.tip.findMany({
        where: {
          wardId: ward.id,
          status: { not: "closed" },
          cards: { none: { chatId: ward.policeChatId! } },
          createdAt: { lt: new Date(now.getTime() - graceMs) },
          // A failed one waits out its back-off.
          OR: [{ delivery: null }, { delivery: { retryAt: { lte: now } } }],
        },
        select: { id: true },
        orderBy: { createdAt: "asc" },
        take: 100,
      });
      for (const row of rows) ids.add(row.id);
    }
    const retries = await this.db.cardDelivery.findMany({ where: { retryAt: { lte: now } }, select: { tipId: true }, orderBy: { retryAt: "asc" }, take: 100 });
    for (const row of retries) ids.add(row.tipId);
    for (const id of ids) await this.messenger?.announce(id);
    return ids.size;
  }

  /**
   * Open tips with no card in the ward's police group as it is now: none was
   * bound yet, the group was moved or upgraded, or the post failed.
   */
  async openTipsWithoutCard(wardId: string): Promise<string[]> {
    const ward = await this.db.ward.findUnique({ where: { id: wardId }, select: { policeChatId: true } });
    if (!ward?.policeChatId) return [];
    const rows = await this.db.tip.findMany({
      where: { wardId, status: { not: "closed" }, cards: { none: { chatId: ward.policeChatId } } },
      select: { id: true },
      orderBy: { createdAt: "asc" },
      take: 100,
    });
    return rows.map((r) => r.id);
  }

  cards(tipId: string) {
    return this.db.tipCard.findMany({ where: { tipId }, orderBy: { createdAt: "asc" } });
  }
}
