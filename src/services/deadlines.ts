// Report deadlines: the recurring half-year and year reports, ad-hoc requests,
// the reminder ladder per agency (through the job outbox, like the check-ins),
// submissions, and the compliance board.
import type { Database } from "../db.js";
import {
  addDays,
  type BoardEntry,
  boardTime,
  complianceOf,
  DEADLINE_TITLE_MAX,
  type DeadlineKind,
  type DueRule,
  dueRuleOf,
  lastOnTimeDay,
  localDateOf,
  parseIsoDate,
  type ReminderLadder,
  recurringDeadlinesFor,
  reminderSchedule,
  sortBoard,
} from "../domain/deadlines.js";
import { zonedDate } from "../domain/schedule.js";
import { type AgencyService, COLLECTOR_KIND } from "./agencies.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import type { JobService } from "./jobs.js";
import type { ActiveMember } from "./members.js";
import type { DeadlineMessenger } from "./messenger.js";
import { isUniqueViolation } from "./write-races.js";

/** Days before a recurring deadline the police group gets the report on its own. */
export const AUTO_REPORT_DAYS_BEFORE = 10;
/** The board shows deadlines due from this many days ago… */
const BOARD_PAST_DAYS = 45;
/** …to this many days ahead. */
const BOARD_AHEAD_DAYS = 60;

export interface DeadlineBoard {
  id: string;
  title: string;
  kind: DeadlineKind;
  dueOn: string;
  dueRule: DueRule;
  entries: BoardEntry[];
}

export interface Submission {
  submissionId: string;
  deadlineTitle: string;
  dueOn: string;
  dueRule: DueRule;
  agencyName: string;
  wardId: string;
  policeChatId: string | null;
  byName: string;
  submittedOn: string;
  /** Days late (0 when on time). */
  lateDays: number;
  alreadySubmitted: boolean;
}

export function recurringTitle(kind: "half_year" | "year", period: string): string {
  return kind === "half_year" ? `Báo cáo kết quả 6 tháng đầu năm ${period.slice(0, 4)}` : `Báo cáo kết quả năm ${period}`;
}

export class DeadlineService {
  private messenger: DeadlineMessenger | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly jobs: JobService,
    private readonly agencies: AgencyService,
    private readonly audit: AuditService,
    private readonly ladder: ReminderLadder,
  ) {
    jobs.register("deadline.remind", (_job, p) => this.remind(String(p.submissionId), p.offset === null ? null : Number(p.offset)));
    jobs.register("deadline.notify", (_job, p) => this.notify(String(p.submissionId), p.offset === null ? null : Number(p.offset), String(p.recipientKey), String(p.chatId)));
    jobs.register("deadline.board", (job, p) => this.postBoard(job.wardId, String(p.deadlineId)));
    jobs.register("report.auto", (job, p) => this.postAutoReport(job.wardId, String(p.period)));
  }

  useMessenger(messenger: DeadlineMessenger): void {
    this.messenger = messenger;
  }

  private get send(): DeadlineMessenger {
    if (!this.messenger) throw new Error("no DeadlineMessenger installed");
    return this.messenger;
  }

  private today(timezone: string): string {
    return localDateOf(this.clock(), timezone);
  }

  /** Idempotent, every tick: recurring deadlines exist, every active agency owes them, every ladder is planned. */
  async planAll(): Promise<void> {
    for (const ward of await this.db.ward.findMany({ select: { id: true, timezone: true } })) {
      await this.agencies.ensureDefaults(ward.id);
      const today = this.today(ward.timezone);
      // Only deadlines one can still meet: a ward set up on 15 December does not start overdue.
      for (const r of recurringDeadlinesFor(today).filter((d) => lastOnTimeDay(d.dueOn, d.rule) >= today)) {
        let deadline = await this.db.deadline.findUnique({ where: { wardId_period: { wardId: ward.id, period: r.period } } });
        if (!deadline) {
          deadline = await this.db.deadline
            .create({ data: { wardId: ward.id, title: recurringTitle(r.kind, r.period), kind: r.kind, period: r.period, dueOn: r.dueOn, dueRule: r.rule } })
            .catch(async (err: unknown) => {
              if (!isUniqueViolation(err)) throw err;
              return this.db.deadline.findUniqueOrThrow({ where: { wardId_period: { wardId: ward.id, period: r.period } } });
            });
          await this.planDeadlineJobs(ward.id, ward.timezone, deadline);
        }
        // Agencies added since (new quarters, new offices) owe it too; the ward police collect it.
        const missing = await this.db.agency.findMany({ where: { wardId: ward.id, active: true, kind: { not: COLLECTOR_KIND }, submissions: { none: { deadlineId: deadline.id } } }, select: { id: true } });
        if (missing.length > 0) {
          await this.db.deadlineSubmission.createMany({ data: missing.map((a) => ({ wardId: ward.id, deadlineId: deadline.id, agencyId: a.id })) });
        }
      }
      await this.planLadders(ward.id, ward.timezone);
    }
  }

  private async planDeadlineJobs(wardId: string, timezone: string, deadline: { id: string; kind: string; period: string | null; dueOn: string; dueRule: string }): Promise<void> {
    const now = this.clock();
    const dueAt = boardTime(deadline.dueOn, dueRuleOf(deadline.dueRule), timezone, this.ladder.hour);
    await this.jobs.schedule({ wardId, key: `deadline.board:${deadline.id}`, kind: "deadline.board", dueAt, payload: { deadlineId: deadline.id } });
    if (deadline.period) {
      const day = parseIsoDate(addDays(deadline.dueOn, -AUTO_REPORT_DAYS_BEFORE))!;
      const at = zonedDate(timezone, day.year, day.month, day.day, this.ladder.hour);
      if (at.getTime() > now.getTime()) {
        await this.jobs.schedule({ wardId, key: `report.auto:${deadline.id}`, kind: "report.auto", dueAt: at, payload: { period: deadline.period } });
      }
    }
  }

  /** Puts each owed report's reminders into the outbox once. */
  private async planLadders(wardId: string, timezone: string): Promise<void> {
    const unplanned = await this.db.deadlineSubmission.findMany({ where: { wardId, remindersPlanned: false }, include: { deadline: true } });
    const now = this.clock();
    // In chunks, each marked planned once its jobs are in: a crash mid-way re-plans only what is left (keys make repeats harmless).
    for (let i = 0; i < unplanned.length; i += 100) {
      const chunk = unplanned.slice(i, i + 100);
      await this.jobs.scheduleMany(
        chunk.flatMap((s) =>
          reminderSchedule(s.deadline.dueOn, dueRuleOf(s.deadline.dueRule), timezone, this.ladder, now).map((step) => ({
            wardId,
            key: `deadline.remind:${s.id}:${step.offsetDays}`,
            kind: "deadline.remind" as const,
            dueAt: step.at,
            payload: { submissionId: s.id, offset: step.offsetDays },
          })),
        ),
      );
      await this.db.deadlineSubmission.updateMany({ where: { id: { in: chunk.map((s) => s.id) } }, data: { remindersPlanned: true } });
    }
  }

  /** An officer's ad-hoc request (báo cáo đột xuất): announced at once, then the usual ladder. */
  async createAdhoc(member: Pick<ActiveMember, "id" | "wardId">, input: { title: string; dueOn: string; dueRule: DueRule; agencyIds: string[] }): Promise<{ id: string; agencies: number }> {
    // The flow read the member when it began; they may have been removed since.
    const current = await this.db.member.findUnique({ where: { id: member.id }, select: { active: true, wardId: true } });
    if (!current?.active || current.wardId !== member.wardId) throw new ServiceError("not_staff");
    const title = input.title.trim().replace(/\s+/g, " ");
    const ward = await this.db.ward.findUniqueOrThrow({ where: { id: member.wardId } });
    const today = this.today(ward.timezone);
    // "Before today" cannot be met: the last day to hand in must be today or later.
    if (title.length < 3 || title.length > DEADLINE_TITLE_MAX || !parseIsoDate(input.dueOn) || lastOnTimeDay(input.dueOn, input.dueRule) < today) throw new ServiceError("invalid_input");
    const agencies = await this.db.agency.findMany({ where: { wardId: member.wardId, active: true, kind: { not: COLLECTOR_KIND }, id: { in: input.agencyIds } }, select: { id: true } });
    if (agencies.length === 0) throw new ServiceError("invalid_input", "no agencies");
    const deadline = await this.db.deadline.create({
      data: {
        wardId: member.wardId,
        title,
        kind: "adhoc",
        dueOn: input.dueOn,
        dueRule: input.dueRule,
        createdByMemberId: member.id,
        submissions: { createMany: { data: agencies.map((a) => ({ wardId: member.wardId, agencyId: a.id, remindersPlanned: true })) } },
      },
      include: { submissions: true },
    });
    await this.audit.record({ wardId: member.wardId, action: "deadline.created", actorMemberId: member.id, detail: { deadlineId: deadline.id, dueOn: input.dueOn, dueRule: input.dueRule, agencies: agencies.length } });
    await this.planDeadlineJobs(member.wardId, ward.timezone, deadline);
    const now = this.clock();
    for (const s of deadline.submissions) {
      await this.jobs.schedule({ wardId: member.wardId, key: `deadline.remind:${s.id}:new`, kind: "deadline.remind", dueAt: now, payload: { submissionId: s.id, offset: null } });
      for (const step of reminderSchedule(input.dueOn, input.dueRule, ward.timezone, this.ladder, now)) {
        // The announcement already tells them the due date: skip ladder steps on the same day.
        if (localDateOf(step.at, ward.timezone) === today) continue;
        await this.jobs.schedule({ wardId: member.wardId, key: `deadline.remind:${s.id}:${step.offsetDays}`, kind: "deadline.remind", dueAt: step.at, payload: { submissionId: s.id, offset: step.offsetDays } });
      }
    }
    return { id: deadline.id, agencies: agencies.length };
  }

  private async remind(submissionId: string, offset: number | null): Promise<void> {
    const s = await this.db.deadlineSubmission.findUnique({ where: { id: submissionId }, include: { agency: true } });
    if (!s || s.submittedAt || !s.agency.active || s.agency.kind === COLLECTOR_KIND) return;
    // One job per person, so a crash mid-way neither skips nor repeats anyone.
    for (const r of await this.agencies.recipients(s.agencyId)) {
      await this.jobs.schedule({
        wardId: s.wardId,
        key: `deadline.notify:${s.id}:${offset ?? "new"}:${r.key}`,
        kind: "deadline.notify",
        dueAt: this.clock(),
        payload: { submissionId: s.id, offset, recipientKey: r.key, chatId: r.telegramUserId },
      });
    }
  }

  private async notify(submissionId: string, offset: number | null, recipientKey: string, chatId: string): Promise<void> {
    const s = await this.db.deadlineSubmission.findUnique({ where: { id: submissionId }, include: { agency: true, deadline: { include: { ward: true } } } });
    if (!s || s.submittedAt || !s.agency.active) return;
    const delivery = await this.send.remind(chatId, {
      submissionId: s.id,
      agencyName: s.agency.name,
      title: s.deadline.title,
      dueOn: s.deadline.dueOn,
      dueRule: dueRuleOf(s.deadline.dueRule),
      wardName: s.deadline.ward.name,
      offsetDays: offset,
      today: this.today(s.deadline.ward.timezone),
    });
    if (delivery === "blocked") await this.agencies.markBlocked(recipientKey);
  }

  /** "Đã nộp", or a report file: only someone who speaks for the agency (checked in the database). */
  async submit(submissionId: string, telegramUserId: string, file: { fileId: string; fileName: string } | null): Promise<Submission> {
    const s = await this.db.deadlineSubmission.findUnique({ where: { id: submissionId }, include: { agency: true, deadline: { include: { ward: true } } } });
    if (!s) throw new ServiceError("not_found");
    const who = await this.agencies.speaksFor(s.agencyId, telegramUserId);
    if (!who) throw new ServiceError("not_agency_contact");
    await this.agencies.markReachable(telegramUserId);
    const ward = s.deadline.ward;
    const today = this.today(ward.timezone);
    const alreadySubmitted = s.submittedAt !== null;
    const submittedOn = s.submittedOn ?? today;
    if (!alreadySubmitted || file) {
      await this.db.deadlineSubmission.update({
        where: { id: s.id },
        data: {
          ...(alreadySubmitted ? {} : { submittedAt: this.clock(), submittedOn: today, submittedByName: who.displayName }),
          ...(file ? { fileId: file.fileId, fileName: file.fileName.slice(0, 200) } : {}),
        },
      });
      await this.audit.record({ wardId: s.wardId, action: "deadline.submitted", detail: { deadlineId: s.deadlineId, agency: s.agency.name, withFile: file !== null } });
    }
    const dueRule = dueRuleOf(s.deadline.dueRule);
    const compliance = complianceOf(s.deadline.dueOn, dueRule, submittedOn, today);
    return {
      submissionId: s.id,
      deadlineTitle: s.deadline.title,
      dueOn: s.deadline.dueOn,
      dueRule,
      agencyName: s.agency.name,
      wardId: s.wardId,
      policeChatId: ward.policeChatId,
      byName: who.displayName,
      submittedOn,
      lateDays: compliance.state === "late" ? compliance.days : 0,
      alreadySubmitted,
    };
  }

  /** What a contact's button refers to, if they may use it. */
  async forContact(submissionId: string, telegramUserId: string): Promise<{ agencyName: string; title: string; dueOn: string; dueRule: DueRule; submitted: boolean }> {
    const s = await this.db.deadlineSubmission.findUnique({ where: { id: submissionId }, include: { agency: true, deadline: true } });
    if (!s) throw new ServiceError("not_found");
    if (!(await this.agencies.speaksFor(s.agencyId, telegramUserId))) throw new ServiceError("not_agency_contact");
    return { agencyName: s.agency.name, title: s.deadline.title, dueOn: s.deadline.dueOn, dueRule: dueRuleOf(s.deadline.dueRule), submitted: s.submittedAt !== null };
  }

  /** Deadlines around today (or one given), each with every agency's state. */
  async boards(wardId: string, deadlineId?: string): Promise<DeadlineBoard[]> {
    const ward = await this.db.ward.findUniqueOrThrow({ where: { id: wardId } });
    const today = this.today(ward.timezone);
    const where = deadlineId ? { wardId, id: deadlineId } : { wardId, dueOn: { gte: addDays(today, -BOARD_PAST_DAYS), lte: addDays(today, BOARD_AHEAD_DAYS) } };
    let deadlines = await this.db.deadline.findMany({ where, orderBy: { dueOn: "asc" }, include: { submissions: { include: { agency: true } } } });
    if (deadlines.length === 0 && !deadlineId) {
      deadlines = await this.db.deadline.findMany({ where: { wardId, dueOn: { gte: today } }, orderBy: { dueOn: "asc" }, take: 1, include: { submissions: { include: { agency: true } } } });
    }
    return deadlines.map((d) => {
      const dueRule = dueRuleOf(d.dueRule);
      return {
        id: d.id,
        title: d.title,
        kind: d.kind as DeadlineKind,
        dueOn: d.dueOn,
        dueRule,
        entries: sortBoard(
          d.submissions
            .filter((s) => (s.agency.active || s.submittedAt) && s.agency.kind !== COLLECTOR_KIND)
            .map((s) => ({ agency: s.agency.name, position: s.agency.position, submittedOn: s.submittedOn, withFile: s.fileId !== null, ...complianceOf(d.dueOn, dueRule, s.submittedOn, today) })),
        ),
      };
    });
  }

  private async postBoard(wardId: string, deadlineId: string): Promise<void> {
    const ward = await this.db.ward.findUniqueOrThrow({ where: { id: wardId } });
    if (!ward.policeChatId) return;
    const boards = await this.boards(wardId, deadlineId);
    if (boards.length > 0) await this.send.board(ward.policeChatId, ward.name, boards);
  }

  private async postAutoReport(wardId: string, period: string): Promise<void> {
    const ward = await this.db.ward.findUniqueOrThrow({ where: { id: wardId } });
    if (!ward.policeChatId) return;
    await this.send.autoReport(ward.policeChatId, wardId, period);
  }
}
