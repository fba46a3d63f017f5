// The weekly check-in: planning into the job outbox, prompting, reminding,
// escalating and summarising. Sends go through the CheckInMessenger port.
import { wardWords } from "../domain/ward-units.js";
import type { Database } from "../db.js";
import {
  addFlows,
  checkInAnswersSchema,
  type CheckInSubmission,
  type FlowCounts,
  hasSigns,
  NOTHING_TO_REPORT,
  type QuarterStocks,
  type QuarterWeek,
  readStoredAnswers,
  STOCK_KINDS,
  type StockKind,
  type StockObservation,
  stockCountsSchema,
  stocksAsOf,
  summarizeWeek,
  unchangedStocks,
  wardStocks,
  type WeeklySummary,
  zeroFlows,
} from "../domain/check-in.js";
import { localDateOf } from "../domain/deadlines.js";
import { type WeeklyGrid, weeklyGrid } from "../domain/summary-chart.js";
import { type CheckInSchedule, checkInWindow, currentOrNextWindow, holidayFor, lastWeekOpenedBy, parseReminderHours, shiftWeek, weekKeyOf } from "../domain/schedule.js";
import type { AuditService } from "./audit.js";
import type { Clock } from "./clock.js";
import { ServiceError } from "./errors.js";
import type { JobService, NewJob } from "./jobs.js";
import type { CheckInMessenger } from "./messenger.js";
import type { QuarterHeadService } from "./quarter-heads.js";
import { upsertRacing } from "./write-races.js";

interface WardRow {
  id: string;
  name: string;
  timezone: string;
  policeChatId: string | null;
  checkInWeekday: number;
  checkInHour: number;
  checkInWindowHours: number;
  checkInReminders: string;
  wardUnit: string;
  headTitle: string;
}

/** One quarter's stocks as of a date: the report's period-end figure. */
export interface QuarterStockRow {
  quarterId: string;
  quarter: string;
  stocks: QuarterStocks;
}

/** One quarter's flows summed over the weeks whose check-in opened in a period. */
export interface QuarterFlowRow {
  quarterId: string;
  quarter: string;
  flows: FlowCounts;
}

const PAGE = 1_000;
/** Weeks the weekly picture shows, the closing one last. */
export const GRID_WEEKS = 12;
const STOCK_COLUMNS = { addicts: "stockAddicts", users: "stockUsers", postRehab: "stockPostRehab" } as const satisfies Record<StockKind, string>;

export function scheduleOf(ward: Pick<WardRow, "checkInWeekday" | "checkInHour" | "checkInWindowHours" | "checkInReminders">): CheckInSchedule {
  return {
    weekday: ward.checkInWeekday,
    hour: ward.checkInHour,
    windowHours: ward.checkInWindowHours,
    reminderHours: parseReminderHours(ward.checkInReminders),
  };
}

export class CheckInService {
  private messenger: CheckInMessenger | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly jobs: JobService,
    private readonly heads: QuarterHeadService,
    private readonly audit: AuditService,
  ) {
    jobs.register("checkin.open", (job, p) => this.open(job.wardId, String(p.week)));
    jobs.register("checkin.prompt", (_job, p) => this.prompt(String(p.headId), String(p.checkInId), Number(p.reminder ?? 0)));
    jobs.register("checkin.remind", (_job, p) => this.remind(String(p.checkInId), Number(p.reminder)));
    jobs.register("checkin.close", (job, p) => this.close(job.wardId, String(p.week)));
    jobs.register("checkin.urgent", (_job, p) => this.announceUrgent(String(p.checkInId)));
  }

  /** The bot layer plugs in how to reach people. */
  useMessenger(messenger: CheckInMessenger): void {
    this.messenger = messenger;
  }

  private get send(): CheckInMessenger {
    if (!this.messenger) throw new Error("no CheckInMessenger installed");
    return this.messenger;
  }

  /** Idempotent: records the opening of the current or next week for every ward. */
  async planAll(): Promise<void> {
    const wards = await this.db.ward.findMany();
    for (const ward of wards) {
      const window = currentOrNextWindow(this.clock(), scheduleOf(ward), ward.timezone);
      await this.jobs.schedule({ wardId: ward.id, key: `checkin.open:${ward.id}:${window.week}`, kind: "checkin.open", dueAt: window.opensAt, payload: { week: window.week } });
    }
  }

  /** Opens the current (or next) week's check-in at once: for the simulator and for trying the flow by hand. */
  async openNow(wardId: string): Promise<string> {
    const ward = await this.ward(wardId);
    const window = currentOrNextWindow(this.clock(), scheduleOf(ward), ward.timezone);
    const key = `checkin.open:${ward.id}:${window.week}`;
    await this.jobs.schedule({ wardId, key, kind: "checkin.open", dueAt: this.clock(), payload: { week: window.week } });
    await this.db.scheduledJob.updateMany({ where: { key, status: "pending" }, data: { dueAt: this.clock() } });
    await this.jobs.runDue();
    return window.week;
  }

  /**
   * An officer opens this week's check-in now (or next week's, before it opens): one quarter by
   * its position, or every quarter with a head. What the planned opening would do, earlier; the
   * planned opening then asks nobody twice (the prompts' keys are the same).
   */
  async openNowBy(actor: { id: string; wardId: string }, quarterPosition: number | null): Promise<{ week: string; quarters: string[] }> {
    const ward = await this.ward(actor.wardId);
    const window = currentOrNextWindow(this.clock(), scheduleOf(ward), ward.timezone);
    if (holidayFor(window, await this.db.holiday.findMany({ where: { wardId: ward.id } }))) throw new ServiceError("holiday_week");
    let opened: string[];
    if (quarterPosition === null) {
      const quarters = await this.db.quarter.findMany({ where: { wardId: ward.id, heads: { some: { active: true } } }, orderBy: { position: "asc" } });
      if (quarters.length === 0) throw new ServiceError("no_head");
      await this.openNow(ward.id);
      opened = quarters.map((q) => q.name);
    } else {
      const quarter = await this.db.quarter.findFirst({ where: { wardId: ward.id, position: quarterPosition }, include: { heads: { where: { active: true }, select: { id: true } } } });
      if (!quarter) throw new ServiceError("not_found");
      if (quarter.heads.length === 0) throw new ServiceError("no_head", quarter.name);
      await this.openQuarter(ward, quarter.id, window.week);
      await this.jobs.runDue();
      opened = [quarter.name];
    }
    await this.audit.record({ wardId: ward.id, action: "checkin.opened_now", actorMemberId: actor.id, detail: { week: window.week, quarter: quarterPosition === null ? null : opened[0]! } });
    return { week: window.week, quarters: opened };
  }

  /**
   * A head who joins while this week's check-in is open is asked at once, with the reminders
   * still to come. Null when no week is open (they are asked when it opens).
   */
  async askNewHead(quarterId: string): Promise<string | null> {
    const quarter = await this.db.quarter.findUnique({ where: { id: quarterId }, include: { ward: true } });
    if (!quarter) return null;
    const ward = quarter.ward;
    const now = this.clock();
    const window = currentOrNextWindow(now, scheduleOf(ward), ward.timezone);
    if (now.getTime() < window.opensAt.getTime()) return null;
    if (holidayFor(window, await this.db.holiday.findMany({ where: { wardId: ward.id } }))) return null;
    await this.openQuarter(ward, quarterId, window.week);
    await this.jobs.runDue();
    return window.week;
  }

  /** One quarter's part of an opening: its check-in, a prompt to each head, the reminders still ahead, and the week's close. */
  private async openQuarter(ward: WardRow, quarterId: string, week: string): Promise<void> {
    const window = checkInWindow(week, scheduleOf(ward), ward.timezone);
    const checkIn = await upsertRacing(() =>
      this.db.checkIn.upsert({
        where: { quarterId_week: { quarterId, week } },
        create: { wardId: ward.id, quarterId, week },
        update: {},
      }),
    );
    const planned: NewJob[] = [];
    for (const head of await this.heads.recipients(quarterId)) {
      planned.push({ wardId: ward.id, key: `checkin.prompt:${head.id}:${week}:0`, kind: "checkin.prompt", dueAt: this.clock(), payload: { headId: head.id, checkInId: checkIn.id, reminder: 0 } });
    }
    planned.push(...this.remindersAhead(ward.id, checkIn.id, window.reminders));
    planned.push({ wardId: ward.id, key: `checkin.close:${ward.id}:${week}`, kind: "checkin.close", dueAt: window.closesAt, payload: { week } });
    await this.jobs.scheduleMany(planned);
  }

  /** A reminder already due when the prompt goes out would only repeat it: only those still ahead are planned. */
  private remindersAhead(wardId: string, checkInId: string, reminders: readonly Date[]): NewJob[] {
    const now = this.clock().getTime();
    return reminders.flatMap((at, i) =>
      at.getTime() > now ? [{ wardId, key: `checkin.remind:${checkInId}:${i + 1}`, kind: "checkin.remind" as const, dueAt: at, payload: { checkInId, reminder: i + 1 } }] : [],
    );
  }

  private async ward(wardId: string): Promise<WardRow> {
    return this.db.ward.findUniqueOrThrow({ where: { id: wardId } });
  }

  private async open(wardId: string, week: string): Promise<void> {
    const ward = await this.ward(wardId);
    const window = checkInWindow(week, scheduleOf(ward), ward.timezone);
    const holidays = await this.db.holiday.findMany({ where: { wardId } });
    const holiday = holidayFor(window, holidays);
    if (holiday) return; // a skipped week: no prompts, reminders or summary
    const quarters = await this.db.quarter.findMany({ where: { wardId, heads: { some: { active: true } } }, orderBy: { position: "asc" } });
    const planned: NewJob[] = [];
    for (const quarter of quarters) {
      const checkIn = await upsertRacing(() =>
        this.db.checkIn.upsert({
          where: { quarterId_week: { quarterId: quarter.id, week } },
          create: { wardId, quarterId: quarter.id, week },
          update: {},
        }),
      );
      for (const head of await this.heads.recipients(quarter.id)) {
        planned.push({ wardId, key: `checkin.prompt:${head.id}:${week}:0`, kind: "checkin.prompt", dueAt: this.clock(), payload: { headId: head.id, checkInId: checkIn.id, reminder: 0 } });
      }
      planned.push(...this.remindersAhead(wardId, checkIn.id, window.reminders));
    }
    planned.push({ wardId, key: `checkin.close:${wardId}:${week}`, kind: "checkin.close", dueAt: window.closesAt, payload: { week } });
    await this.jobs.scheduleMany(planned);
  }

  private async prompt(headId: string, checkInId: string, reminder: number): Promise<void> {
    const head = await this.db.quarterHead.findUnique({ where: { id: headId }, include: { quarter: true, ward: true } });
    const checkIn = await this.db.checkIn.findUnique({ where: { id: checkInId } });
    if (!head?.active || head.blockedAt || !checkIn || checkIn.status === "answered") return;
    const window = checkInWindow(checkIn.week, scheduleOf(head.ward), head.ward.timezone);
    const delivery = await this.send.prompt(head.telegramUserId, {
      checkInId,
      quarterName: head.quarter.name,
      wardName: head.ward.name,
      week: checkIn.week,
      closesAt: window.closesAt,
      timezone: head.ward.timezone,
      reminder,
      words: wardWords(head.ward.wardUnit, head.ward.headTitle),
    });
    if (delivery === "blocked") await this.heads.markBlocked(head.id);
  }

  private async remind(checkInId: string, reminder: number): Promise<void> {
    const checkIn = await this.db.checkIn.findUnique({ where: { id: checkInId }, include: { ward: true } });
    if (!checkIn || checkIn.status === "answered") return;
    // Caught up after a pause: only the latest reminder that is due goes out, never two at once.
    const window = checkInWindow(checkIn.week, scheduleOf(checkIn.ward), checkIn.ward.timezone);
    const now = this.clock().getTime();
    if (window.reminders.some((at, i) => i + 1 > reminder && at.getTime() <= now)) return;
    for (const head of await this.heads.recipients(checkIn.quarterId)) {
      await this.jobs.schedule({
        wardId: checkIn.wardId,
        key: `checkin.prompt:${head.id}:${checkIn.week}:${reminder}`,
        kind: "checkin.prompt",
        dueAt: this.clock(),
        payload: { headId: head.id, checkInId, reminder },
      });
    }
  }

  private async close(wardId: string, week: string): Promise<void> {
    const ward = await this.ward(wardId);
    if (!ward.policeChatId) return;
    const summary = await this.summary(wardId, week);
    const words = wardWords(ward.wardUnit, ward.headTitle);
    if (summary.missing.length > 0) await this.send.escalate(ward.policeChatId, { week, missing: summary.missing, wardName: ward.name, words });
    await this.send.summary(ward.policeChatId, summary, await this.grid(wardId, week), ward.timezone, words);
  }

  private async announceUrgent(checkInId: string): Promise<void> {
    const checkIn = await this.db.checkIn.findUnique({ where: { id: checkInId }, include: { quarter: true, ward: true } });
    if (!checkIn?.ward.policeChatId) return;
    const answers = readStoredAnswers(checkIn.answers);
    if (!answers) return;
    await this.send.urgent(checkIn.ward.policeChatId, {
      week: checkIn.week,
      quarterName: checkIn.quarter.name,
      headName: checkIn.answeredByName ?? "",
      detail: answers.urgent.detail,
      words: wardWords(checkIn.ward.wardUnit, checkIn.ward.headTitle),
    });
  }

  /** The pending or answered check-in a head may answer now. */
  async forHead(telegramUserId: string, checkInId: string) {
    const checkIn = await this.db.checkIn.findUnique({ where: { id: checkInId }, include: { quarter: true, ward: true } });
    if (!checkIn) throw new ServiceError("invalid_input", "no such check-in");
    const head = await this.db.quarterHead.findFirst({ where: { quarterId: checkIn.quarterId, telegramUserId, active: true } });
    if (!head) throw new ServiceError("not_quarter_head");
    const window = checkInWindow(checkIn.week, scheduleOf(checkIn.ward), checkIn.ward.timezone);
    if (this.clock().getTime() >= window.closesAt.getTime()) throw new ServiceError("window_closed");
    return { checkIn, head, window };
  }

  /**
   * Stores (or replaces, until the window closes) a quarter's answers. "nothing"
   * ("Không có gì mới") keeps the stocks as they stand and records no flow.
   * Urgent answers reach the police at once.
   */
  async answer(telegramUserId: string, checkInId: string, input: CheckInSubmission | "nothing"): Promise<{ urgent: boolean; signs: boolean; stocks: QuarterStocks }> {
    const { checkIn, head } = await this.forHead(telegramUserId, checkInId);
    const answers = checkInAnswersSchema.parse(input === "nothing" ? NOTHING_TO_REPORT : input.answers);
    const stocks = input === "nothing" ? unchangedStocks(await this.stocksOfQuarter(checkIn.quarterId, checkIn.ward, checkIn.week)) : stockCountsSchema.parse(input.stocks);
    const now = this.clock();
    await this.db.checkIn.update({
      where: { id: checkIn.id },
      data: {
        status: "answered",
        nothingToReport: input === "nothing",
        answers: JSON.stringify(answers),
        urgent: answers.urgent.yes,
        answeredByName: head.displayName,
        answeredByRole: head.role === "deputy" ? "deputy" : "head",
        answeredAt: now,
        stockAddicts: stocks.addicts,
        stockUsers: stocks.users,
        stockPostRehab: stocks.postRehab,
      },
    });
    await this.heads.markReachable(telegramUserId);
    await this.audit.record({ wardId: checkIn.wardId, action: "checkin.answered", detail: { week: checkIn.week, quarter: checkIn.quarter.name, urgent: answers.urgent.yes } });
    if (answers.urgent.yes) {
      await this.jobs.schedule({ wardId: checkIn.wardId, key: `checkin.urgent:${checkIn.id}:${now.getTime()}`, kind: "checkin.urgent", dueAt: now, payload: { checkInId: checkIn.id } });
    }
    return { urgent: answers.urgent.yes, signs: hasSigns(answers), stocks: await this.stocksOfQuarter(checkIn.quarterId, checkIn.ward, checkIn.week) };
  }

  /** The stocks a head confirms in a check-in: as they stand in its week (its own answer included). */
  async stocksForCheckIn(checkInId: string): Promise<QuarterStocks> {
    const checkIn = await this.db.checkIn.findUniqueOrThrow({ where: { id: checkInId }, include: { ward: true } });
    return this.stocksOfQuarter(checkIn.quarterId, checkIn.ward, checkIn.week);
  }

  private async stocksOfQuarter(quarterId: string, ward: WardRow, week: string): Promise<QuarterStocks> {
    const observations = await this.stockObservations(ward, { quarterId }, week);
    return stocksAsOf(observations.get(quarterId) ?? [], checkInWindow(week, scheduleOf(ward), ward.timezone).opensOn);
  }

  /**
   * Every quarter's stocks as of a local date (YYYY-MM-DD): each figure is the
   * latest one a head confirmed in a week opened on or before that date, with
   * the date they confirmed it; null when no head ever gave it. Never a sum.
   */
  async stocksAt(wardId: string, date: string): Promise<QuarterStockRow[]> {
    const ward = await this.ward(wardId);
    const quarters = await this.db.quarter.findMany({ where: { wardId }, orderBy: { position: "asc" }, select: { id: true, name: true } });
    const observations = await this.stockObservations(ward, { wardId }, lastWeekOpenedBy(date, scheduleOf(ward), ward.timezone), quarters.length);
    return quarters.map((q) => ({ quarterId: q.id, quarter: q.name, stocks: stocksAsOf(observations.get(q.id) ?? [], date) }));
  }

  /** Answered weeks up to `lastWeek` that gave a stock, newest first, read only until every quarter's every figure is found. */
  private async stockObservations(ward: WardRow, scope: { wardId: string } | { quarterId: string }, lastWeek: string, quarters = 1): Promise<Map<string, StockObservation[]>> {
    const byQuarter = new Map<string, StockObservation[]>();
    const missing = new Map<string, Set<StockKind>>();
    let complete = 0;
    const schedule = scheduleOf(ward);
    const anyStock = STOCK_KINDS.map((k) => ({ [STOCK_COLUMNS[k]]: { not: null } }));
    for (let skip = 0; ; skip += PAGE) {
      const page = await this.db.checkIn.findMany({
        where: { ...scope, status: "answered", week: { lte: lastWeek }, OR: anyStock },
        select: { quarterId: true, week: true, answeredAt: true, stockAddicts: true, stockUsers: true, stockPostRehab: true },
        orderBy: [{ week: "desc" }, { id: "asc" }],
        skip,
        take: PAGE,
      });
      for (const row of page) {
        let left = missing.get(row.quarterId);
        if (!left) missing.set(row.quarterId, (left = new Set(STOCK_KINDS)));
        if (left.size === 0) continue;
        const stocks = { addicts: row.stockAddicts, users: row.stockUsers, postRehab: row.stockPostRehab };
        for (const k of STOCK_KINDS) if (stocks[k] !== null) left.delete(k);
        if (left.size === 0) complete += 1;
        const list = byQuarter.get(row.quarterId) ?? [];
        list.push({ weekOf: checkInWindow(row.week, schedule, ward.timezone).opensOn, confirmedOn: localDateOf(row.answeredAt ?? new Date(0), ward.timezone), stocks });
        byQuarter.set(row.quarterId, list);
      }
      // Every quarter's every figure found: older weeks cannot change the answer.
      if (page.length < PAGE || complete >= quarters) break;
    }
    return byQuarter;
  }

  /**
   * Every quarter's flows summed over the weeks whose check-in opened between
   * two local dates (inclusive): a week belongs to the day it opened, so no
   * week counts in two periods.
   */
  async flowsBetween(wardId: string, from: string, to: string): Promise<QuarterFlowRow[]> {
    const ward = await this.ward(wardId);
    const schedule = scheduleOf(ward);
    const quarters = await this.db.quarter.findMany({ where: { wardId }, orderBy: { position: "asc" }, select: { id: true, name: true } });
    const rows = new Map(quarters.map((q) => [q.id, { quarterId: q.id, quarter: q.name, flows: zeroFlows() } satisfies QuarterFlowRow]));
    const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
    const firstWeek = shiftWeek(weekKeyOf(new Date(Date.UTC(fy, fm - 1, fd, 12)), "UTC"), -1);
    const lastWeek = lastWeekOpenedBy(to, schedule, ward.timezone);
    // Week by week: each read is one range of the (wardId, week) index, and holds at most a week's answers.
    for (let week = firstWeek; week <= lastWeek; week = shiftWeek(week, 1)) {
      const day = checkInWindow(week, schedule, ward.timezone).opensOn;
      if (day < from || day > to) continue;
      // "Không có gì mới" records no flow: only full answers are read.
      const answered = await this.db.checkIn.findMany({ where: { wardId, week, status: "answered", nothingToReport: false }, select: { quarterId: true, answers: true } });
      for (const c of answered) {
        const row = rows.get(c.quarterId);
        const answers = readStoredAnswers(c.answers);
        if (row && answers) addFlows(row.flows, answers.flows);
      }
    }
    return [...rows.values()];
  }

  async summary(wardId: string, week: string): Promise<WeeklySummary> {
    const ward = await this.ward(wardId);
    const rows = await this.weekRows(wardId, week);
    const previous = await this.weekRows(wardId, shiftWeek(week, -1));
    const stocks = await this.stocksAt(wardId, localDateOf(this.clock(), ward.timezone));
    return summarizeWeek(week, rows, previous, wardStocks(stocks.map((s) => s.stocks)));
  }

  /** Every quarter × the `weeks` weeks up to `lastWeek`: what each check-in said, for the weekly picture. */
  async grid(wardId: string, lastWeek: string, weeks = GRID_WEEKS): Promise<WeeklyGrid> {
    const ward = await this.ward(wardId);
    const schedule = scheduleOf(ward);
    const firstWeek = shiftWeek(lastWeek, -(weeks - 1));
    const holidays = await this.db.holiday.findMany({ where: { wardId } });
    const windows = Array.from({ length: weeks }, (_, i) => checkInWindow(shiftWeek(firstWeek, i), schedule, ward.timezone));
    const [quarters, checkIns] = await Promise.all([
      this.db.quarter.findMany({ where: { wardId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
      this.db.checkIn.findMany({ where: { wardId, week: { gte: firstWeek, lte: lastWeek } }, select: { quarterId: true, week: true, status: true, answers: true, answeredByRole: true } }),
    ]);
    return weeklyGrid({
      weeks: windows.map((w) => ({ week: w.week, opensOn: w.opensOn, holiday: holidayFor(w, holidays) !== null })),
      quarters,
      checkIns: checkIns.map((c) => ({ ...c, answers: c.status === "answered" ? readStoredAnswers(c.answers) : null })),
    });
  }

  private async weekRows(wardId: string, week: string): Promise<QuarterWeek[]> {
    const quarters = await this.db.quarter.findMany({
      where: { wardId },
      orderBy: { position: "asc" },
      include: { checkIns: { where: { week } } },
    });
    return quarters.map((q) => {
      const c = q.checkIns[0];
      return {
        quarterId: q.id,
        name: q.name,
        // A quarter is asked when the week's opening created its check-in.
        hasHead: c !== undefined,
        answered: c?.status === "answered",
        answers: c?.status === "answered" ? readStoredAnswers(c.answers) : null,
      };
    });
  }

  /** Changes a ward's check-in schedule; a week already planned but not yet opened is re-planned. */
  async setSchedule(wardId: string, schedule: CheckInSchedule): Promise<void> {
    await this.db.ward.update({
      where: { id: wardId },
      data: {
        checkInWeekday: schedule.weekday,
        checkInHour: schedule.hour,
        checkInWindowHours: schedule.windowHours,
        checkInReminders: schedule.reminderHours.join(","),
      },
    });
    await this.db.scheduledJob.deleteMany({ where: { wardId, kind: "checkin.open", status: "pending" } });
    await this.planAll();
  }

  async scheduleFor(wardId: string): Promise<CheckInSchedule> {
    return scheduleOf(await this.ward(wardId));
  }

  async addHoliday(wardId: string, startsOn: string, endsOn: string, name: string): Promise<void> {
    await this.db.holiday.create({ data: { wardId, startsOn, endsOn, name } });
  }
}
